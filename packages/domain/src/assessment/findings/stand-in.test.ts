import { describe, expect, it } from "vitest";
import type { Responsibility } from "../../responsibility/responsibility.js";
import type { AssessmentPolicy } from "../policy.js";
import {
  household,
  runDetector,
  subjectsFound,
  TOWN_A,
  TOWN_B,
  townshipPerson,
  VILLAGES_A,
  villagePerson,
} from "../testing/fixtures.js";
import { townshipStandIn, villageStandIn } from "./stand-in.js";

type Person = (id: string, from: string, to?: string | null, name?: string) => Responsibility;

// The same table judges both levels: a township's fixed person and a (poor) village's person.
const LEVELS = [
  {
    detector: townshipStandIn,
    region: TOWN_A,
    person: ((id, from, to = null, name) => townshipPerson(id, TOWN_A, from, to, name)) as Person,
    max: "townshipPersonChangesMax" as const,
  },
  {
    detector: villageStandIn,
    region: VILLAGES_A[0],
    person: ((id, from, to = null, name) => villagePerson(id, VILLAGES_A[0], from, to, name)) as Person,
    max: "villagePersonChangesMax" as const,
  },
];

/** A chain of persons in charge one after another: [from, name] pairs, each until the next begins. */
function chain(person: Person, steps: readonly (readonly [string, string])[]): Responsibility[] {
  return steps.map(([from, name], i) => {
    const next = steps[i + 1];
    const to = next ? new Date(Date.parse(next[0]) - 86_400_000).toISOString().slice(0, 10) : null;
    return person(`r${i}`, from, to, name);
  });
}

const CASES: {
  name: string;
  steps: readonly (readonly [string, string])[];
  policy?: Partial<AssessmentPolicy>;
  fires: boolean;
}[] = [
  {
    name: "the speech's case: a new stand-in every month (临时指定人员对接)",
    steps: [
      ["2020-01-01", "张三"],
      ...Array.from(
        { length: 10 },
        (_, i) => [`2025-${String(i + 1).padStart(2, "0")}-01`, `临时${i}`] as const,
      ),
    ],
    fires: true,
  },
  {
    name: "look-alike: one replacement in the year",
    steps: [
      ["2020-01-01", "张三"],
      ["2025-06-01", "王五"],
    ],
    fires: false,
  },
  {
    name: "look-alike: the person's record split at the year boundary is no change (with two replacements after)",
    steps: [
      ["2020-01-01", "张三"],
      ["2025-01-01", "张三"],
      ["2025-04-01", "王五"],
      ["2025-08-01", "赵六"],
    ],
    fires: false,
  },
  {
    name: "a record issued again to the person in charge mid-year is no change either",
    steps: [
      ["2020-01-01", "张三"],
      ["2025-03-01", "王五"],
      ["2025-05-01", "王五"],
      ["2025-07-01", "赵六"],
    ],
    fires: false,
  },
  {
    name: "at the threshold: two new persons in the year are allowed",
    steps: [
      ["2020-01-01", "张三"],
      ["2025-03-01", "王五"],
      ["2025-07-01", "赵六"],
    ],
    fires: false,
  },
  {
    name: "above the threshold: three new persons in the year are stand-ins",
    steps: [
      ["2020-01-01", "张三"],
      ["2025-03-01", "王五"],
      ["2025-05-01", "赵六"],
      ["2025-07-01", "孙八"],
    ],
    fires: true,
  },
  {
    name: "a stand-in who hands back to the person before counts both ways",
    steps: [
      ["2020-01-01", "张三"],
      ["2025-03-01", "王五"],
      ["2025-04-01", "张三"],
      ["2025-09-01", "王五"],
    ],
    fires: true,
  },
  {
    name: "changes of the year before do not count in this one",
    steps: [
      ["2024-02-01", "张三"],
      ["2024-05-01", "王五"],
      ["2024-08-01", "赵六"],
      ["2024-10-01", "孙八"],
    ],
    fires: false,
  },
  {
    name: "an appointment after the assessment date (30 November) does not count yet",
    steps: [
      ["2020-01-01", "张三"],
      ["2025-03-01", "王五"],
      ["2025-07-01", "赵六"],
      ["2025-12-15", "孙八"],
    ],
    fires: false,
  },
  {
    name: "a county that allows no change finds one replacement",
    steps: [
      ["2020-01-01", "张三"],
      ["2025-06-01", "王五"],
    ],
    policy: { townshipPersonChangesMax: 0, villagePersonChangesMax: 0 },
    fires: true,
  },
];

describe.each(LEVELS)("$detector.code", ({ detector, region, person }) => {
  it.each(CASES)("$name", ({ steps, policy, fires }) => {
    const found = subjectsFound(
      detector,
      { responsibilities: chain(person, steps) },
      2025,
      policy ? { policy } : {},
    );
    expect(found).toEqual(fires ? [region] : []);
  });

  it("counts the same person named again after a gap each time (named for a task, then let go)", () => {
    const responsibilities = [
      person("r0", "2020-01-01", "2024-12-31", "张三"),
      person("r1", "2025-02-01", "2025-02-28", "王五"),
      person("r2", "2025-05-01", "2025-05-31", "王五"),
      person("r3", "2025-08-01", null, "王五"),
    ];
    expect(subjectsFound(detector, { responsibilities }, 2025)).toEqual([region]);
  });
});

describe("RESPONSIBILITY.TOWNSHIP_STAND_IN and RESPONSIBILITY.VILLAGE_STAND_IN", () => {
  const standIns = (p: Person) =>
    chain(p, [
      ["2020-01-01", "张三"],
      ["2025-03-01", "王五"],
      ["2025-05-01", "赵六"],
      ["2025-07-01", "王五"],
    ]);

  it("names the township, the new persons and the records that named them", () => {
    const [finding] = runDetector(townshipStandIn, { responsibilities: standIns(LEVELS[0]!.person) }, 2025);
    expect(finding).toMatchObject({
      code: "RESPONSIBILITY.TOWNSHIP_STAND_IN",
      severity: "high",
      regionCode: TOWN_A,
      subjectType: "township",
      subjectId: TOWN_A,
      evidence: ["r1", "r2", "r3"],
    });
    expect(finding?.message.zh).toBe(
      "大余县南安镇2025年先后3次指定产业扶贫责任人（2人），没有固定人员负责（临时指定人员对接）",
    );
  });

  it("names the village (a poor one) under its township, medium: the village still has someone in charge", () => {
    const [finding] = runDetector(villageStandIn, { responsibilities: standIns(LEVELS[1]!.person) }, 2025);
    expect(finding).toMatchObject({
      code: "RESPONSIBILITY.VILLAGE_STAND_IN",
      severity: "medium",
      regionCode: TOWN_A,
      subjectType: "village",
      subjectId: VILLAGES_A[0],
      evidence: ["r1", "r2", "r3"],
    });
    expect(finding?.message.zh).toBe(
      "大余县南安镇新华村（贫困村）2025年先后3次更换村级产业扶贫责任人（2人），责任没有固定到人（临时指定人员对接）",
    );
  });

  it("judges a village only where there is poverty work: not poor and no registered household is silent", () => {
    const notPoor = VILLAGES_A[1];
    const steps = [
      ["2020-01-01", "张三"],
      ["2025-03-01", "王五"],
      ["2025-05-01", "赵六"],
      ["2025-07-01", "孙八"],
    ] as const;
    const responsibilities = chain(
      (id, from, to = null, name) => villagePerson(id, notPoor, from, to, name),
      steps,
    );
    expect(subjectsFound(villageStandIn, { responsibilities }, 2025)).toEqual([]);
    const households = [household("h1", notPoor)];
    expect(subjectsFound(villageStandIn, { responsibilities, households }, 2025)).toEqual([notPoor]);
  });

  it("keeps the levels apart: a township's stand-ins are not its villages', nor the reverse", () => {
    const township = chain(LEVELS[0]!.person, [
      ["2020-01-01", "张三"],
      ["2025-03-01", "王五"],
      ["2025-05-01", "赵六"],
      ["2025-07-01", "孙八"],
    ]);
    expect(subjectsFound(villageStandIn, { responsibilities: township }, 2025)).toEqual([]);
    const village = standIns(LEVELS[1]!.person);
    expect(subjectsFound(townshipStandIn, { responsibilities: village }, 2025)).toEqual([]);
    expect(
      subjectsFound(townshipStandIn, { responsibilities: [townshipPerson("t", TOWN_B, "2025-01-01")] }, 2025),
    ).toEqual([]);
  });
});
