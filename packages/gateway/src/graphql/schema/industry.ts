import { builder } from "../builder.js";
import { defineConnection } from "../connection.js";
import { addListQuery } from "../list-query.js";
import { eq } from "../read/sql.js";
import { TABLES } from "../read/tables.js";
import { IndustryRef } from "../refs.js";
import { IndustryCategoryEnum } from "./enums.js";

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
  spec: TABLES.industry,
  connection: defineConnection("Industry", IndustryRef, (i) => i.id, "industry"),
  filter: builder.inputType("IndustryFilter", {
    description: "Filter of industries.",
    fields: (t) => ({
      category: t.field({ type: IndustryCategoryEnum, description: "Only industries of this category." }),
      code: t.string({ description: "Only the industry with this code." }),
    }),
  }),
  conditions: { category: (v) => eq("category", v), code: (v) => eq("code", v) },
});
