import { describe, expect, it } from "vitest";
import { helper, household, TOWN_A, TOWN_B, townshipPerson, VILLAGES_A } from "../testing/fixtures.js";
import { countsOf } from "../testing/metrics.js";
import { householdsWithHelper, townshipsWithResponsiblePerson } from "./responsibility.js";

const [A1] = VILLAGES_A;

describe("responsibility metrics", () => {
  it("TOWNSHIPS_WITH_RESPONSIBLE_PERSON counts townships with a person on the assessment date", () => {
    const records = {
      responsibilities: [
        townshipPerson("r1", TOWN_A, "2020-01-01"),
        townshipPerson("r2", TOWN_B, "2020-01-01", "2024-06-30"),
      ],
    };
    expect(countsOf(townshipsWithResponsiblePerson, records, 2025)).toEqual([1, 2]);
    expect(countsOf(townshipsWithResponsiblePerson, records, 2023)).toEqual([2, 2]);
  });

  it("HOUSEHOLDS_WITH_HELPER counts registered households with a current helper", () => {
    const records = {
      households: [household("h1", A1), household("h2", A1)],
      responsibilities: [helper("r1", "h1", TOWN_A, "2020-01-01")],
    };
    expect(countsOf(householdsWithHelper, records, 2025)).toEqual([1, 2]);
  });
});
