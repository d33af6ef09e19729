import { describe, expect, it } from "vitest";
import { dayOf, dayOfIso, isoOfDay, yearOfDay } from "./days.js";

describe("day numbers", () => {
  it.each([
    ["1970-01-01", 0],
    ["1969-12-31", -1],
    ["2000-02-29", 11016],
    ["1900-03-01", -25508],
    ["2024-12-31", 20088],
    ["2100-02-28", 47540],
  ])("%s is day %i", (iso, day) => {
    expect(dayOfIso(iso)).toBe(day);
    expect(isoOfDay(day)).toBe(iso);
  });

  it("agrees with Date for every 13th day from 1900 to 2100", () => {
    for (let day = dayOf(1900, 1, 1); day <= dayOf(2100, 12, 31); day += 13) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      expect(isoOfDay(day)).toBe(iso);
      expect(dayOfIso(iso)).toBe(day);
      expect(yearOfDay(day)).toBe(Number(iso.slice(0, 4)));
    }
  });
});
