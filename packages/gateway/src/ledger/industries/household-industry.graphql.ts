import { defineConnection } from "../../graphql/connection.js";
import { reference } from "../../graphql/fields.js";
import { addListQuery, listFilter, match } from "../../graphql/list-query.js";
import { HouseholdIndustryRef, HouseholdRef, IndustryRef } from "../../graphql/refs.js";
import { householdIndustryTable } from "./household-industry.table.js";

HouseholdIndustryRef.implement({
  description:
    "A household's industry and its outcome in one year (e.g. 养蜂: colonies kept and survived, debt).",
  fields: (t) => ({
    recordId: t.exposeString("id", { description: "The record's ledger id." }),
    ...reference(t, "householdId", HouseholdRef),
    ...reference(t, "industryId", IndustryRef),
    year: t.exposeInt("year", { description: "Year of the outcome." }),
    unitsStarted: t.exposeInt("unitsStarted", { description: "Units started (colonies, mu, head)." }),
    unitsSurvived: t.exposeInt("unitsSurvived", { description: "Units surviving at year end." }),
    debtFen: t.exposeFloat("debtFen", { description: "Debt at year end, fen." }),
  }),
});

addListQuery("householdIndustries", {
  description: "Household industry outcomes inside a region, in id order.",
  spec: householdIndustryTable,
  connection: defineConnection("HouseholdIndustry", HouseholdIndustryRef, (h) => h.id, "household industry"),
  filter: listFilter("HouseholdIndustryFilter", {
    description: "Filter of household industry outcomes; every set field must match.",
    fields: {
      year: match.int("Only outcomes of this year."),
      industryId: match.string("Only outcomes in this industry."),
      householdId: match.string("Only outcomes of this household."),
    },
  }),
});
