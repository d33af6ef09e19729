import { describe, expect, it } from "vitest";
import { conditionsOf } from "../list-query.js";
import { eq, sqlWhere, startsWith } from "./sql.js";

describe("SQL conditions", () => {
  it("number their parameters after the ones already bound", () => {
    const params: unknown[] = ["360723"];
    expect(eq("year", 2024)(params)).toBe("year = $2");
    expect(startsWith("village_code", "360723100")(params)).toBe("village_code LIKE $3");
    expect(sqlWhere("start_year <= ? AND (end_year IS NULL OR end_year >= ?)", 2024, 2024)(params)).toBe(
      "start_year <= $4 AND (end_year IS NULL OR end_year >= $5)",
    );
    expect(params).toEqual(["360723", 2024, "360723100%", 2024, 2024]);
  });

  it("take only the filter fields that are set", () => {
    const conditions = conditionsOf<{ year?: number | null; kind?: string | null }>(
      { year: 2024, kind: null },
      { year: (v) => eq("year", v), kind: (v) => eq("kind", v) },
    );
    const params: unknown[] = [];
    expect(conditions.map((c) => c(params))).toEqual(["year = $1"]);
    expect(conditionsOf(null, { year: (v: number) => eq("year", v) })).toEqual([]);
  });
});
