import { describe, expect, it } from "vitest";
import type { Monitoring } from "../monitoring/monitoring.js";
import { householdStatusIn, labels } from "./context.js";
import { householdWithoutHelper } from "./findings/household-without-helper.js";
import { buildLedger, contextFor, household, member, runDetector, VILLAGES_A } from "./testing/fixtures.js";

const v = VILLAGES_A[0];
const exited2019 = household("h1", v, { povertyStatus: "exited", exitYear: 2019 });
const monitoring = (removedDate: string | null): Monitoring => ({
  id: "mon1",
  householdId: "h1",
  category: "unstable_exited",
  riskType: "illness",
  identifiedDate: "2022-03-01",
  removedDate,
});

describe("a household's status in the assessed year (DOMAIN.md, Eras)", () => {
  it.each([
    { name: "before its exit year", year: 2018, expected: "贫困户" },
    { name: "in its exit year (exit is declared at year end)", year: 2019, expected: "贫困户" },
    { name: "after its exit year", year: 2020, expected: "脱贫户" },
    { name: "before monitoring began", year: 2021, expected: "脱贫户" },
    { name: "while monitored", year: 2022, expected: "监测户" },
    { name: "in the year its risk was removed", year: 2023, expected: "监测户" },
    { name: "after its risk was removed", year: 2024, expected: "脱贫户" },
  ])("is $expected $name ($year)", ({ year, expected }) => {
    const ledger = buildLedger({ households: [exited2019], monitorings: [monitoring("2023-06-30")] });
    expect(labels.status(contextFor(ledger, year), "h1")).toBe(expected);
  });

  it("is 贫困户 again after a relapse, and 监测户 whatever the exit while monitored", () => {
    const relapsed = household("h1", v, { povertyStatus: "relapsed", exitYear: 2019 });
    expect(householdStatusIn(contextFor(buildLedger({ households: [relapsed] }), 2022), "h1")).toBe("poor");
    const ledger = buildLedger({ households: [relapsed], monitorings: [monitoring(null)] });
    expect(householdStatusIn(contextFor(ledger, 2025), "h1")).toBe("monitored");
  });

  it("changes the wording of a finding with the year: one household, three eras", () => {
    const records = {
      households: [exited2019],
      members: [member("m1", "h1", { name: "钟秀英" })],
      monitorings: [monitoring(null)],
    };
    const words = [2019, 2021, 2023].map(
      (year) => runDetector(householdWithoutHelper, records, year)[0]?.message,
    );
    expect(words.map((m) => m?.zh.match(/新华村(.+户)钟秀英/)?.[1])).toEqual(["贫困户", "脱贫户", "监测户"]);
    expect(words.map((m) => m?.en.split(" ").slice(0, 2).join(" "))).toEqual([
      "poor household",
      "household out",
      "monitored household",
    ]);
  });

  it("names mixed households by each status once", () => {
    const ledger = buildLedger({
      households: [
        exited2019,
        household("h2", v),
        household("h3", v, { povertyStatus: "exited", exitYear: 2020 }),
      ],
    });
    expect(labels.statuses(contextFor(ledger, 2021), ["h1", "h2", "h3"])).toBe("贫困户、脱贫户");
  });
});
