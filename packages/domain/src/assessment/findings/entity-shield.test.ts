import { describe, expect, it } from "vitest";
import {
  entity,
  household,
  linkage,
  linkageYear,
  runDetector,
  service,
  subjectsFound,
  TOWN_A,
  TOWN_B,
  VILLAGES_A,
  VILLAGES_B,
} from "../testing/fixtures.js";
import { entityShield } from "./entity-shield.js";

const v = VILLAGES_A[0];
const households = ["h1", "h2", "h3"].map((id) => household(id, v));
const carried = (paid: readonly number[], served: readonly string[] = [], serviceDate = "2025-06-01") => ({
  households,
  entities: [entity("e1", TOWN_A)],
  linkages: households.map((h, i) => linkage(`l${i}`, "e1", h.id, 2024, { mode: "equity_dividend" })),
  linkageYears: paid.map((fen, i) => ({
    ...linkageYear(`l${i}`, 2025, fen),
    benefitKind: "dividend" as const,
  })),
  services: served.length > 0 ? [service("sv1", serviceDate, v, served)] : [],
});

describe("ENTITY.SHIELD: households in name, a token or nothing, no service", () => {
  it.each([
    {
      name: "three households at 250 yuan each (least dividend 300)",
      paid: [25_000, 25_000, 25_000],
      fires: true,
    },
    { name: "nothing paid to anyone", paid: [0, 0, 0], fires: true },
    { name: "tokens, one 299 yuan", paid: [25_000, 29_900, 0], fires: true },
    { name: "one household paid 300 yuan", paid: [25_000, 30_000, 0], fires: false },
    { name: "all paid properly", paid: [80_000, 90_000, 100_000], fires: false },
  ])("$name → $fires", ({ paid, fires }) => {
    expect(subjectsFound(entityShield, carried(paid), 2025)).toEqual(fires ? ["e1"] : []);
  });

  it("does not fire when a technical service of the year listed one of its households", () => {
    expect(subjectsFound(entityShield, carried([25_000, 25_000, 25_000], ["h2"]), 2025)).toEqual([]);
    expect(subjectsFound(entityShield, carried([0, 0, 0], ["h2"], "2024-06-01"), 2025)).toEqual(["e1"]);
  });

  it("ignores entities with no linkage in force", () => {
    const records = {
      households,
      entities: [entity("e1", TOWN_A)],
      linkages: [linkage("l1", "e1", "h1", 2020, { endYear: 2024 })],
    };
    expect(subjectsFound(entityShield, records, 2025)).toEqual([]);
  });

  it("is reported in the entity's township with its linkages", () => {
    const [finding] = runDetector(entityShield, carried([0, 0, 0]), 2025);
    expect(finding).toMatchObject({ severity: "high", regionCode: TOWN_A, evidence: ["l0", "l1", "l2"] });
    expect(finding?.message.zh).toContain("合作社「e1合作社」");
    expect(finding?.message.zh).toContain("挡箭牌");
  });

  it("judges each township's households apart: paid in the entity's township, nothing in another", () => {
    const inB = household("h4", VILLAGES_B[0]);
    const records = {
      ...carried([80_000, 90_000, 100_000]),
      households: [...households, inB],
      linkages: [
        ...households.map((h, i) => linkage(`l${i}`, "e1", h.id, 2024, { mode: "equity_dividend" as const })),
        linkage("l3", "e1", inB.id, 2024, { mode: "equity_dividend" }),
      ],
    };
    const found = runDetector(entityShield, records, 2025);
    expect(found.map((f) => [f.regionCode, f.subjectId, f.evidence])).toEqual([[TOWN_B, "e1", ["l3"]]]);
    expect(found[0]?.message.zh).toContain("名义上联结新城镇1户");
  });
});
