import { describe, expect, it } from "vitest";
import { z } from "zod";
import { idNumberSchema } from "../households/member.js";
import { parseInput, toFieldIssues, typedCodeSchema } from "./input.js";
import { domainError, err, ok, unwrap } from "./result.js";

const schema = z.object({
  name: z.string().min(1, { error: "must not be empty" }),
  members: z.array(z.object({ idNumber: z.string().length(18, { error: "must have 18 characters" }) })),
});

describe("parseInput", () => {
  it("returns the parsed value", () => {
    expect(parseInput(schema, { name: "a", members: [] }, "X")).toEqual(ok({ name: "a", members: [] }));
  });

  it("names every bad field with a dotted path under <prefix>.INVALID_INPUT", () => {
    const result = parseInput(schema, { name: "", members: [{ idNumber: "1" }] }, "HOUSEHOLD");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("HOUSEHOLD.INVALID_INPUT");
    expect(result.error.issues).toEqual([
      { path: "name", message: "must not be empty" },
      { path: "members.0.idNumber", message: "must have 18 characters" },
    ]);
    expect(result.error.message).toBe("name: must not be empty; members.0.idNumber: must have 18 characters");
  });

  it("gives an empty path for a problem with the whole input", () => {
    const result = parseInput(schema, "not an object", "X");
    expect(!result.ok && result.error.issues?.[0]?.path).toBe("");
  });

  it("toFieldIssues joins numeric path segments", () => {
    const parsed = schema.safeParse({ name: "a", members: [{}, { idNumber: 1 }] });
    expect(toFieldIssues(parsed.error!).map((i) => i.path)).toEqual([
      "members.0.idNumber",
      "members.1.idNumber",
    ]);
  });
});

describe("typedCodeSchema", () => {
  const code = typedCodeSchema(z.string().regex(/^\d{6}$/, { error: "six digits" }), "must be text");
  it("normalises full-width digits and trims before checking", () => {
    expect(code.parse(" １２３４５６\u3000")).toBe("123456");
  });
  it("refuses what is still wrong after normalising", () => {
    expect(code.safeParse("12345").error?.issues[0]?.message).toBe("six digits");
    expect(code.safeParse(123456).error?.issues[0]?.message).toBe("must be text");
  });
});

describe("result helpers", () => {
  it("unwrap returns the value or throws with the error's message", () => {
    expect(unwrap(ok(3))).toBe(3);
    expect(() => unwrap(err(domainError("X.Y", "went wrong")))).toThrow("went wrong");
  });
  it("domainError carries its code, issues and record ids", () => {
    expect(domainError("X.Y", "m", { recordIds: ["a"] })).toEqual({
      code: "X.Y",
      message: "m",
      recordIds: ["a"],
    });
  });
});

describe("field codes", () => {
  it.each([
    ["3.60723E+17", "ID_NUMBER.SCIENTIFIC_NOTATION"],
    ["110105194912310021", "ID_NUMBER.CHECK_DIGIT"],
    ["11010519491231002", "ID_NUMBER.LENGTH"],
    ["", "ID_NUMBER.EMPTY"],
  ])("an ID number %j keeps its own code %s on the field", (idNumber, code) => {
    const result = parseInput(
      z.object({ members: z.array(z.object({ idNumber: idNumberSchema })) }),
      { members: [{ idNumber }] },
      "X",
    );
    expect(!result.ok && result.error.issues).toEqual([
      { path: "members.0.idNumber", message: expect.any(String), code },
    ]);
  });

  it("gives no code to a field whose check has none", () => {
    const result = parseInput(schema, { name: "", members: [] }, "X");
    expect(!result.ok && result.error.issues?.[0]).not.toHaveProperty("code");
  });
});
