import { describe, expect, it } from "vitest";
import { scopeSql } from "./scope.js";

describe("scopeSql", () => {
  it.each([
    ["360723100", "region", "county_code = $1 AND region_code LIKE $2", ["360723", "360723100%"]],
    ["360723100201", "region", "county_code = $1 AND region_code LIKE $2", ["360723", "360723100201%"]],
    ["360723", "region", "county_code = $1", ["360723"]],
    ["360723100", "county", "county_code = $1", ["360723"]],
    ["3607", "region", "county_code LIKE $1", ["3607%"]],
  ] as const)("scopes %s (%s) as %s", (code, scope, sql, params) => {
    const out: unknown[] = [];
    expect(scopeSql(code, out, scope)).toBe(sql);
    expect(out).toEqual(params);
  });

  it("numbers parameters after the ones already bound and prefixes an alias", () => {
    const out: unknown[] = ["x"];
    expect(scopeSql("360723100", out, "region", "t")).toBe("t.county_code = $2 AND t.region_code LIKE $3");
  });
});
