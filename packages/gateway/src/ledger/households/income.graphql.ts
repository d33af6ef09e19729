import { netIncomeFen } from "@fupin/domain";
import { defineConnection } from "../../graphql/connection.js";
import { reference } from "../../graphql/fields.js";
import { addListQuery, listFilter, match } from "../../graphql/list-query.js";
import { HouseholdRef, IncomeRef } from "../../graphql/refs.js";
import { incomeTable } from "./income.table.js";

IncomeRef.implement({
  description: "家庭年收入: a household's income for one year, all amounts in fen.",
  fields: (t) => ({
    recordId: t.exposeString("id", { description: "The record's ledger id." }),
    ...reference(t, "householdId", HouseholdRef),
    year: t.exposeInt("year", { description: "Year of the income." }),
    wageFen: t.exposeFloat("wageFen", { description: "工资性收入, fen." }),
    productionFen: t.exposeFloat("productionFen", { description: "生产经营性收入, fen." }),
    propertyFen: t.exposeFloat("propertyFen", { description: "财产性收入, fen." }),
    transferFen: t.exposeFloat("transferFen", { description: "转移性收入, fen." }),
    productionCostFen: t.exposeFloat("productionCostFen", { description: "Production costs, fen." }),
    netFen: t.float({
      description: "纯收入: income less production costs, fen.",
      resolve: (i) => netIncomeFen(i),
    }),
  }),
});

addListQuery("incomes", {
  description: "Yearly incomes of the households inside a region, in id order.",
  spec: incomeTable,
  connection: defineConnection("Income", IncomeRef, (i) => i.id, "income"),
  filter: listFilter("IncomeFilter", {
    description: "Filter of incomes; every set field must match.",
    fields: {
      year: match.int("Only incomes of this year."),
      householdId: match.string("Only incomes of this household."),
    },
  }),
});
