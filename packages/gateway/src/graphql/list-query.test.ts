import { describe, expect, it } from "vitest";
import { fundTable } from "../ledger/funds/fund.table.js";
import { defineConnection } from "./connection.js";
import { addListQuery, listFilter, match } from "./list-query.js";
import { FundRef } from "./refs.js";

describe("addListQuery", () => {
  it("refuses an equality filter field that names no record field, at schema build", () => {
    const filter = listFilter("MistypedFundFilter", {
      description: "A filter whose field has neither a column nor a condition.",
      fields: {
        year: match.int("Only funds of this year."),
        sourse: match.string("A typo of source."),
        allocatedIn: match.int("Has its own condition.", () => null),
      },
    });
    expect(() =>
      addListQuery("mistypedFunds", {
        description: "Funds, with a mistyped filter.",
        spec: fundTable,
        connection: defineConnection("MistypedFund", FundRef, (f) => f.id, "fund"),
        filter,
      }),
    ).toThrow("mistypedFunds: filter fields without a condition name no record field: sourse");
  });
});
