import { defineConnection } from "../../graphql/connection.js";
import { addListQuery, listFilter, match } from "../../graphql/list-query.js";
import { IndustryRef } from "../../graphql/refs.js";
import { IndustryCategoryEnum } from "../../graphql/schema/enums.js";
import { industryTable } from "./industry.table.js";

IndustryRef.implement({
  description:
    "产业: an industry of the county's catalogue (navel orange, beekeeping, tea …), visible county-wide.",
  fields: (t) => ({
    recordId: t.exposeString("id", { description: "The industry's ledger id." }),
    code: t.exposeString("code", { description: "Lower-case code such as navel_orange." }),
    name: t.exposeString("name", { description: "Name (Chinese)." }),
    category: t.expose("category", { type: IndustryCategoryEnum, description: "Broad category." }),
    outcomeUnit: t.exposeString("outcomeUnit", { description: "Unit outcomes are counted in (群, 亩, 只)." }),
  }),
});

addListQuery("industries", {
  description: "The industry catalogue of the county of a region, in id order.",
  spec: industryTable,
  connection: defineConnection("Industry", IndustryRef, (i) => i.id, "industry"),
  filter: listFilter("IndustryFilter", {
    description: "Filter of industries.",
    fields: {
      category: match.enum(IndustryCategoryEnum, "Only industries of this category."),
      code: match.string("Only the industry with this code."),
    },
  }),
});
