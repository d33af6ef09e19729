import { describe, expect, it } from "vitest";
import { ageOn, idNumberCheckDigit, maskIdNumber, parseIdNumber } from "./id-number.js";

// An independent ISO 7064 MOD 11-2: sum of digit × 2^(17-i) mod 11, mapped to (12 - r) mod 11 with 10 → X.
function checkDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const value = (12 - (sum % 11)) % 11;
  return value === 10 ? "X" : String(value);
}
const withCheck = (first17: string) => first17 + checkDigit(first17);

describe("parseIdNumber", () => {
  it.each([
    ["11010519491231002X", "1949-12-31", "female"],
    [withCheck("36072319850612101"), "1985-06-12", "male"],
    [withCheck("36072320000229002"), "2000-02-29", "female"],
    [withCheck("36072319300101123"), "1930-01-01", "male"],
  ])("accepts %s (born %s, %s)", (text, birthDate, sex) => {
    const r = parseIdNumber(text);
    expect(r.ok && r.value).toEqual({ idNumber: text, addressCode: text.slice(0, 6), birthDate, sex });
  });

  it("agrees with an independent check-digit implementation", () => {
    for (let n = 0; n < 500; n++) {
      const first17 = `360723${String(19500101 + n * 7).padStart(8, "0")}${String(n % 1000).padStart(3, "0")}`;
      expect(idNumberCheckDigit(first17)).toBe(checkDigit(first17));
    }
  });

  it.each([
    ["full-width digits", "１１０１０５１９４９１２３１００２Ｘ", "11010519491231002X"],
    ["a lower-case x", "11010519491231002x", "11010519491231002X"],
    ["surrounding and inner spaces", " 110105 19491231 002X ", "11010519491231002X"],
  ])("normalises %s", (_, text, expected) => {
    const r = parseIdNumber(text);
    expect(r.ok && r.value.idNumber).toBe(expected);
  });

  it.each([
    ["", "ID_NUMBER.EMPTY"],
    ["   ", "ID_NUMBER.EMPTY"],
    ["3.60723E+17", "ID_NUMBER.SCIENTIFIC_NOTATION"],
    ["3.60723199001011E+17", "ID_NUMBER.SCIENTIFIC_NOTATION"],
    ["3.6072319900101e17", "ID_NUMBER.SCIENTIFIC_NOTATION"],
    ["11010519491231002", "ID_NUMBER.LENGTH"],
    ["1101051949123100211", "ID_NUMBER.LENGTH"],
    ["11010519491231002Y", "ID_NUMBER.CHARACTERS"],
    ["1101051949X231002X", "ID_NUMBER.CHARACTERS"],
    ["110105-9491231002X", "ID_NUMBER.CHARACTERS"],
    [withCheck("36072319900230101"), "ID_NUMBER.BIRTH_DATE"],
    [withCheck("36072318991231101"), "ID_NUMBER.BIRTH_DATE"],
    [withCheck("36072319901301101"), "ID_NUMBER.BIRTH_DATE"],
    ["110105194912310021", "ID_NUMBER.CHECK_DIGIT"],
    ["\u3000", "ID_NUMBER.EMPTY"],
    ["３.６０７２３Ｅ＋１７", "ID_NUMBER.SCIENTIFIC_NOTATION"],
    ["3.60723199001011234e17", "ID_NUMBER.SCIENTIFIC_NOTATION"],
    ["身份证号码", "ID_NUMBER.CHARACTERS"],
    [withCheck("36072319910229101"), "ID_NUMBER.BIRTH_DATE"],
    [withCheck("36072319900100101"), "ID_NUMBER.BIRTH_DATE"],
    // Two neighbouring digits swapped, the commonest typing slip.
    ["11010519491213002X", "ID_NUMBER.CHECK_DIGIT"],
  ])("refuses %j with %s", (text, code) => {
    const r = parseIdNumber(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.message.length).toBeGreaterThan(10);
    }
  });

  it("refuses a birth date after asOf", () => {
    const text = withCheck("36072320270101101");
    expect(parseIdNumber(text).ok).toBe(true);
    const r = parseIdNumber(text, "2026-11-28");
    expect(!r.ok && r.error.code).toBe("ID_NUMBER.BIRTH_DATE");
  });

  it("says why a scientific-notation number cannot be recovered", () => {
    const r = parseIdNumber("3.60723E+17");
    expect(!r.ok && r.error.message).toMatch(/Excel/);
  });

  it.each([
    ["360723199001011000", /Excel probably kept only its first 15 digits/],
    ["360723199001011231", /a digit was probably mistyped/],
  ])("says whether a wrong check digit in %s looks like Excel's rounding", (text, cause) => {
    const r = parseIdNumber(text);
    expect(!r.ok && r.error.code).toBe("ID_NUMBER.CHECK_DIGIT");
    expect(!r.ok && r.error.message).toMatch(cause);
  });
});

describe("maskIdNumber and ageOn", () => {
  it.each([
    ["11010519491231002X", "110105***********X"],
    ["1234567890", "**********"],
  ])("masks %s as %s", (text, masked) => expect(maskIdNumber(text)).toBe(masked));

  it.each([
    [{ head: 0, tail: 0 }, "******************"],
    [{ head: 4, tail: 0 }, "1101**************"],
    [{ head: 6, tail: 4 }, "110105***********X"],
    [{ head: 18, tail: 18 }, "110105***********X"],
  ])("masks with %o as %s, never wider than region code and last character", (mask, masked) =>
    expect(maskIdNumber("11010519491231002X", mask)).toBe(masked),
  );

  it.each([
    ["1990-06-15", "2026-06-14", 35],
    ["1990-06-15", "2026-06-15", 36],
    ["2000-02-29", "2026-02-28", 25],
    ["2000-02-29", "2026-03-01", 26],
  ])("born %s is %s on %s", (birth, on, age) => expect(ageOn(birth, on)).toBe(age));
});
