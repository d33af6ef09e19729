import { describe, expect, it } from "vitest";
import { fenSchema, formatFenAsYuan, parseYuanToFen, toHalfWidth } from "./money.js";

describe("parseYuanToFen", () => {
  it.each([
    ["0", 0],
    ["12", 1200],
    ["12.5", 1250],
    ["12.05", 1205],
    ["0.01", 1],
    ["1,234.50", 123450],
    ["1，234.50", 123450],
    [" 300 ", 30000],
    ["¥12.50", 1250],
    ["￥12.50", 1250],
    ["12.50元", 1250],
    ["１２.５", 1250],
    ["１２．５０", 1250],
    ["90071992547409.91", Number.MAX_SAFE_INTEGER],
    ["1,234,567.89", 123456789],
    ["1 234", 123400],
    ["￥ 1,000 元", 100000],
  ])("%j is %i fen", (text, fen) => {
    expect(parseYuanToFen(text)).toBe(fen);
  });

  it.each([
    ["", "empty"],
    ["   ", "blank"],
    ["-5", "negative"],
    ["-0.01", "negative"],
    ["1.234", "fraction of a fen"],
    ["1e3", "scientific notation"],
    ["abc", "not a number"],
    ["12.3.4", "two points"],
    ["NaN", "NaN"],
    ["Infinity", "Infinity"],
    ["90071992547409.92", "beyond safe integers"],
    ["1,23", "commas not grouping by three"],
    ["12,34,567", "commas not grouping by three"],
    ["1,2345", "commas not grouping by three"],
    [",123", "a leading comma"],
    ["1 2 3", "spaces inside the number"],
  ])("%j is refused (%s)", (text) => {
    expect(parseYuanToFen(text)).toBeNull();
  });

  it("never goes through floating point: 0.29 yuan is 29 fen, not 28", () => {
    expect(parseYuanToFen("0.29")).toBe(29);
    expect(parseYuanToFen("1.15")).toBe(115);
  });
});

describe("formatFenAsYuan", () => {
  it.each([
    [0, "0.00"],
    [1, "0.01"],
    [10, "0.10"],
    [123456, "1234.56"],
    [-5, "-0.05"],
    [-123456, "-1234.56"],
  ])("%i fen is %s", (fen, text) => {
    expect(formatFenAsYuan(fen)).toBe(text);
  });

  it("round-trips with parseYuanToFen", () => {
    for (const fen of [0, 1, 99, 100, 101, 123456, 10_000_000_00]) {
      expect(parseYuanToFen(formatFenAsYuan(fen))).toBe(fen);
    }
  });
});

describe("fenSchema", () => {
  it.each([0, 1, 123456, Number.MAX_SAFE_INTEGER])("accepts %d", (fen) => {
    expect(fenSchema.safeParse(fen).success).toBe(true);
  });

  it.each([
    [-1, "must not be negative"],
    [0.5, "no fractions of a fen"],
    [12.34, "no fractions of a fen"],
    [Number.NaN, "must be an amount"],
    [Number.POSITIVE_INFINITY, ""],
    [Number.MAX_SAFE_INTEGER + 1, ""],
    ["100", "must be an amount"],
    [null, "must be an amount"],
  ])("refuses %j", (value, message) => {
    const parsed = fenSchema.safeParse(value);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain(message);
  });
});

describe("toHalfWidth", () => {
  it("turns full-width digits, letters, punctuation and the ideographic space into ASCII", () => {
    expect(toHalfWidth("３６０７２３１９９０ｘ－（）\u3000Ａ")).toBe("3607231990x-() A");
  });

  it("leaves Chinese characters and rare characters alone", () => {
    expect(toHalfWidth("张𠀀，")).toBe("张𠀀,");
  });
});
