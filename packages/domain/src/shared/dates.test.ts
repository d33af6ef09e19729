import { describe, expect, it } from "vitest";
import { addDays, chinaDateOf, daysBetween, isIsoDate, isoDateSchema, yearOf, yearSchema } from "./dates.js";

describe("isIsoDate and isoDateSchema", () => {
  it.each(["2024-01-01", "2024-02-29", "2000-02-29", "1999-12-31"])("%s is a date", (text) => {
    expect(isIsoDate(text)).toBe(true);
    expect(isoDateSchema.safeParse(text).success).toBe(true);
  });

  it.each([
    "",
    "2024-02-30",
    "2023-02-29",
    "1900-02-29",
    "2024-13-01",
    "2024-00-10",
    "2024-1-1",
    "2024/01/01",
    "２０２４-０１-０１",
    "2024-01-01T00:00:00Z",
    " 2024-01-01",
  ])("%j is not", (text) => {
    expect(isIsoDate(text)).toBe(false);
    expect(isoDateSchema.safeParse(text).success).toBe(false);
  });

  it("refuses a non-string with a message", () => {
    expect(isoDateSchema.safeParse(20240101).error?.issues[0]?.message).toBe("must be a date (YYYY-MM-DD)");
  });
});

describe("yearSchema", () => {
  it.each([2000, 2024, 2100])("accepts %d", (year) => {
    expect(yearSchema.safeParse(year).success).toBe(true);
  });
  it.each([1999, 2101, 2024.5, "2024", Number.NaN])("refuses %j", (year) => {
    expect(yearSchema.safeParse(year).success).toBe(false);
  });
});

describe("date arithmetic", () => {
  it.each([
    ["2024-02-28", 1, "2024-02-29"],
    ["2023-02-28", 1, "2023-03-01"],
    ["2024-12-31", 1, "2025-01-01"],
    ["2024-03-01", -1, "2024-02-29"],
    ["2024-01-01", 366, "2025-01-01"],
  ])("addDays(%s, %i) is %s", (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(days);
  });

  it("yearOf", () => {
    expect(yearOf("2024-06-30")).toBe(2024);
  });

  it("chinaDateOf uses UTC+8: 16:00 UTC is already the next day in China", () => {
    expect(chinaDateOf(new Date("2024-12-31T15:59:59Z"))).toBe("2024-12-31");
    expect(chinaDateOf(new Date("2024-12-31T16:00:00Z"))).toBe("2025-01-01");
  });
});
