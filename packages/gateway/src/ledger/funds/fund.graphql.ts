import { defineConnection } from "../../graphql/connection.js";
import { addListQuery, listFilter, match } from "../../graphql/list-query.js";
import { FundRef, FundUseRef, recordList } from "../../graphql/refs.js";
import { FundSourceEnum } from "../../graphql/schema/enums.js";
import { fundTable } from "./fund.table.js";
import { fundUseTable } from "./fund-use.table.js";

FundRef.implement({
  description: "资金: a fund allocated to the county or a township in a year.",
  fields: (t) => ({
    recordId: t.exposeString("id", { description: "The fund's ledger id." }),
    name: t.exposeString("name", { description: "Name of the fund." }),
    source: t.expose("source", { type: FundSourceEnum, description: "Source of the fund." }),
    year: t.exposeInt("year", { description: "Year allocated." }),
    regionCode: t.exposeString("regionCode", { description: "Region the fund is allocated to." }),
    allocatedFen: t.exposeFloat("allocatedFen", { description: "Allocation, fen." }),
    uses: recordList(t, FundUseRef, "Uses of the fund inside the caller's scope.", fundUseTable, "fundId"),
  }),
});

addListQuery("funds", {
  description: "Funds allocated inside a region, in id order.",
  spec: fundTable,
  connection: defineConnection("Fund", FundRef, (f) => f.id, "fund"),
  filter: listFilter("FundFilter", {
    description: "Filter of funds; every set field must match.",
    fields: {
      year: match.int("Only funds of this year."),
      source: match.enum(FundSourceEnum, "Only funds from this source."),
    },
  }),
});
