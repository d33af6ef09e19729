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
  VILLAGES_A,
} from "../testing/fixtures.js";
import { entityShield } from "./entity-shield.js";

const v = VILLAGES_A[0];
const households = ["h1", "h2", "h3", "h4", "h5"].map((id) => household(id, v));

describe("ENTITY.SHIELD", () => {
  it("fires for an entity whose linked households got nothing and no service; not for entities that helped", () => {
    const records = {
      households,
      entities: ["e1", "e2", "e3", "e4"].map((id) => entity(id, TOWN_A)),
      linkages: [
        linkage("l1", "e1", "h1", 2024), // e1: two nominal households, nothing paid
        linkage("l2", "e1", "h2", 2024),
        linkage("l3", "e2", "h3", 2024), // e2: paid 500 yuan
        linkage("l4", "e3", "h4", 2024), // e3: nothing paid but its household was visited
        linkage("l5", "e4", "h5", 2020, { endYear: 2024 }), // e4: no linkage in 2025
      ],
      linkageYears: [linkageYear("l1", 2025, 0), linkageYear("l3", 2025, 50_000), linkageYear("l4", 2025, 0)],
      services: [service("sv1", "2025-06-01", v, ["h4"])],
    };
    expect(subjectsFound(entityShield, records, 2025)).toEqual(["e1"]);
  });

  it("does not count a service of another year", () => {
    const records = {
      households,
      entities: [entity("e1", TOWN_A)],
      linkages: [linkage("l1", "e1", "h1", 2024)],
      services: [service("sv1", "2024-06-01", v, ["h1"])],
    };
    const [finding] = runDetector(entityShield, records, 2025);
    expect(finding).toMatchObject({
      severity: "high",
      regionCode: TOWN_A,
      subjectType: "entity",
      evidence: ["l1"],
    });
    expect(finding?.message.zh).toContain("合作社「e1合作社」");
    expect(finding?.message.zh).toContain("挡箭牌");
  });
});
