import { describe, expect, it } from "vitest";
import {
  household,
  householdIndustry,
  runDetector,
  service,
  subjectsFound,
  VILLAGES_A,
} from "../testing/fixtures.js";
import { failingWithoutService } from "./failing-without-service.js";

const [v, w] = VILLAGES_A;
const hives = (survived: number) =>
  householdIndustry("hi1", "h1", "ind-bee", 2025, { unitsStarted: 20, unitsSurvived: survived });

describe("OUTCOME.FAILING_WITHOUT_SERVICE: a failing industry with no technical service that year", () => {
  it.each([
    { name: "the speech's beekeeper: 9 of 20 hives, no service", survived: 9, services: [], fires: true },
    { name: "10 of 20 (50%): not failing", survived: 10, services: [], fires: false },
    {
      name: "look-alike: failing, and the team visited the household",
      survived: 9,
      services: [service("s1", "2025-05-01", v, ["h1"])],
      fires: false,
    },
    {
      name: "look-alike: failing, and the team came to the village on beekeeping",
      survived: 9,
      services: [{ ...service("s1", "2025-05-01", v, []), industryId: "ind-bee" }],
      fires: false,
    },
    {
      name: "a service in the village on another industry does not count",
      survived: 9,
      services: [{ ...service("s1", "2025-05-01", v, []), industryId: "ind-orange" }],
      fires: true,
    },
    {
      name: "a beekeeping service in another village does not count",
      survived: 9,
      services: [{ ...service("s1", "2025-05-01", w, []), industryId: "ind-bee" }],
      fires: true,
    },
    {
      name: "a service of last year does not count",
      survived: 9,
      services: [service("s1", "2024-05-01", v, ["h1"])],
      fires: true,
    },
  ])("$name → $fires", ({ survived, services, fires }) => {
    const records = { households: [household("h1", v)], householdIndustries: [hives(survived)], services };
    expect(subjectsFound(failingWithoutService, records, 2025)).toEqual(fires ? ["h1"] : []);
  });

  it("is high severity and names the rate", () => {
    const [f] = runDetector(
      failingWithoutService,
      { households: [household("h1", v)], householdIndustries: [hives(6)] },
      2025,
    );
    expect(f).toMatchObject({ severity: "high", subjectType: "household", evidence: ["hi1"] });
    expect(f?.message.zh).toContain("养蜂成活率30%，全年没有技术服务");
  });
});
