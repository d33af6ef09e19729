import { describe, expect, it } from "vitest";
import type { DomainError, Result } from "../shared/result.js";
import { idNumberCheckDigit } from "./id-number.js";
import { createMember, idNumberSchema } from "./member.js";

const AS_OF = "2026-06-01";

const valid = {
  id: "m1",
  householdId: "h1",
  name: "张三",
  idNumber: "11010519491231002X",
  relation: "head",
  labourAbility: "ordinary",
};

function paths(result: Result<unknown, DomainError>): string[] {
  if (result.ok) throw new Error("expected MEMBER.INVALID_INPUT");
  expect(result.error.code).toBe("MEMBER.INVALID_INPUT");
  return result.error.issues!.map((i) => i.path);
}

describe("createMember", () => {
  it("applies defaults", () => {
    expect(createMember(valid, AS_OF)).toEqual({
      ok: true,
      value: {
        ...valid,
        ethnicity: "汉族",
        education: "none",
        schoolStatus: "not_in_school",
        health: "healthy",
        migrantWorkMonths: 0,
      },
    });
  });

  it.each([
    ["a rare character outside the BMP", { name: "𠀀" }, { name: "𠀀" }],
    ["a name with rare characters", { name: "王𠮷𡈼" }, { name: "王𠮷𡈼" }],
    ["a name with a middle dot", { name: "阿依古丽·买买提" }, { name: "阿依古丽·买买提" }],
    ["a name with surrounding space", { name: " 李四\u3000" }, { name: "李四" }],
    ["a lower-case x", { idNumber: "11010519491231002x" }, { idNumber: "11010519491231002X" }],
    [
      "full-width digits",
      { idNumber: "１１０１０５１９４９１２３１００２Ｘ" },
      { idNumber: "11010519491231002X" },
    ],
    ["twelve months of migrant work", { migrantWorkMonths: 12 }, { migrantWorkMonths: 12 }],
    [
      "every optional field",
      {
        ethnicity: "畲族",
        education: "junior",
        schoolStatus: "senior",
        health: "disabled",
        relation: "child",
      },
      { ethnicity: "畲族", health: "disabled" },
    ],
  ])("accepts %s", (_name, patch, expected) => {
    const result = createMember({ ...valid, ...patch }, AS_OF);
    expect(result.ok && result.value).toMatchObject(expected);
  });

  it.each([
    ["a blank name", { name: "   " }, "name"],
    ["an empty name", { name: "" }, "name"],
    ["digits in the name", { name: "张三2" }, "name"],
    ["full-width digits in the name", { name: "张三２" }, "name"],
    ["markup in the name", { name: "<b>张三</b>" }, "name"],
    ["a very long name", { name: "张".repeat(51) }, "name"],
    ["a name that is not text", { name: 12 }, "name"],
    ["an ID number Excel turned into 3.60723E+17", { idNumber: "3.60723E+17" }, "idNumber"],
    ["an ID number typed as a number", { idNumber: 110105194912310020 }, "idNumber"],
    ["a wrong check digit", { idNumber: "110105194912310021" }, "idNumber"],
    ["a blank ID number", { idNumber: " " }, "idNumber"],
    ["an ID number with 17 digits", { idNumber: "11010519491231002" }, "idNumber"],
    ["an unknown relation", { relation: "户主" }, "relation"],
    ["no labour ability", { labourAbility: undefined }, "labourAbility"],
    ["negative migrant months", { migrantWorkMonths: -1 }, "migrantWorkMonths"],
    ["fractional migrant months", { migrantWorkMonths: 2.5 }, "migrantWorkMonths"],
    ["thirteen migrant months", { migrantWorkMonths: 13 }, "migrantWorkMonths"],
    ["a blank household id", { householdId: "" }, "householdId"],
  ])("refuses %s", (_name, patch, path) => {
    expect(paths(createMember({ ...valid, ...patch }, AS_OF))).toContain(path);
  });

  it("says why the ID number is wrong", () => {
    const result = createMember({ ...valid, idNumber: "3.60723E+17" }, AS_OF);
    expect(!result.ok && result.error.message).toMatch(/^idNumber: .*scientific notation/);
  });
});

describe("createMember as of a date", () => {
  const child = { ...valid, relation: "child", labourAbility: "none" };

  it("refuses a person born after the as-of date, with the ID number's code (360723209901010110 is born in 2099)", () => {
    const result = createMember({ ...valid, idNumber: "360723209901010110" }, AS_OF);
    expect(result.ok ? "accepted" : result.error.issues).toEqual([
      {
        path: "idNumber",
        code: "ID_NUMBER.BIRTH_DATE",
        message: 'ID number "360723209901010110" has an impossible birth date 2099-01-01',
      },
    ]);
  });

  it("accepts a person born on the as-of date", () => {
    const born = "36072320260601" + "011";
    const id = born + idNumberCheckDigit(born);
    expect(createMember({ ...child, idNumber: id }, AS_OF).ok).toBe(true);
  });

  it.each([
    ["a child of 5", "2021", true],
    ["a child of 7", "2019", true],
    ["a child of 8", "2018", false],
    ["a member of 55", "1971", false],
  ])("preschool: %s", (_name, year, accepted) => {
    const born = `360723${year}0101011`;
    const result = createMember(
      { ...child, idNumber: born + idNumberCheckDigit(born), schoolStatus: "preschool" },
      AS_OF,
    );
    expect(result.ok ? "accepted" : result.error.issues?.[0]?.path).toBe(
      accepted ? "accepted" : "schoolStatus",
    );
  });
});

describe("idNumberSchema", () => {
  it("carries the ID number error code in the issue", () => {
    const parsed = idNumberSchema.safeParse("110105194912310021");
    expect(parsed.success).toBe(false);
    const issue = parsed.error?.issues[0] as { params?: { code?: string } } | undefined;
    expect(issue?.params?.code).toBe("ID_NUMBER.CHECK_DIGIT");
  });
});
