import { describe, expect, it } from "vitest";
import { filterConditions, match } from "../list-query.js";
import { eq, sqlWhere, startsWith } from "./sql.js";

describe("SQL conditions", () => {
  it("number their parameters after the ones already bound", () => {
    const params: unknown[] = ["360723"];
    expect(eq("year", 2024)(params)).toBe("year = $2");
    expect(startsWith("village_code", "360723100")(params)).toBe("village_code >= $3 AND village_code < $4");
    expect(sqlWhere("start_year <= ? AND (end_year IS NULL OR end_year >= ?)", 2024, 2024)(params)).toBe(
      "start_year <= $5 AND (end_year IS NULL OR end_year >= $6)",
    );
    expect(params).toEqual(["360723", 2024, "360723100", "360723101", 2024, 2024]);
  });

  it("bound a region prefix by the next code, carrying past nines, and refuse a prefix of other characters", () => {
    const bounds = (prefix: string) => {
      const params: unknown[] = [];
      return { sql: startsWith("code", prefix)(params), params };
    };
    expect(bounds("36072318").params).toEqual(["36072318", "36072319"]);
    expect(bounds("36072319").params).toEqual(["36072319", "3607232"]);
    expect(bounds("3699").params).toEqual(["3699", "37"]);
    expect(bounds("99")).toEqual({ sql: "code >= $1", params: ["99"] });
    expect(() => startsWith("code", "36%")).toThrow(RangeError);
  });

  it("take only the filter fields that are set, a field's own condition or its column's equality", () => {
    const fields = {
      year: match.int("Only this year.", (v) => sqlWhere("start_year <= ?", v)),
      kind: match.string("Only this kind."),
      entityId: match.string("Only this entity."),
      industryId: match.string("Held by a combined condition.", () => null),
    };
    const columns = { kind: "kind", entityId: "entity_id" };
    const conditions = filterConditions(fields, columns, {
      year: 2024,
      kind: null,
      entityId: "e1",
      industryId: "i1",
    });
    const params: unknown[] = [];
    expect(conditions.map((c) => c(params))).toEqual(["start_year <= $1", "entity_id = $2"]);
    expect(params).toEqual([2024, "e1"]);
    expect(filterConditions(fields, columns, null)).toEqual([]);
  });
});
