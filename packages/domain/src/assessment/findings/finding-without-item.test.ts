import { describe, expect, it } from "vitest";
import type { Rectification } from "../../rectification/rectification.js";
import { detectFindings } from "../detect-findings.js";
import type { FindingCode } from "../finding-codes.js";
import type { AssessmentPolicy } from "../policy.js";
import {
  buildLedger,
  COUNTY,
  contextFor,
  rectification,
  TOWN_A,
  TOWN_B,
  plan as timetable,
  townshipPerson,
} from "../testing/fixtures.js";
import type { Finding, Severity } from "../types.js";
import { findingWithoutItem } from "./finding-without-item.js";

const finding = (code: FindingCode, severity: Severity, subjectId: string, regionCode = TOWN_A): Finding => ({
  code,
  severity,
  year: 2024,
  regionCode,
  subjectType: "linkage",
  subjectId,
  evidence: [subjectId, `${subjectId}-2024`],
  message: { zh: `${subjectId}假链接`, en: `${subjectId} fake` },
});
const fake = finding("LINKAGE.FAKE", "high", "l1");
const shallow = finding("LINKAGE.SHALLOW", "medium", "l2");
const overspent = finding("FUNDS.OVERSPENT", "critical", "f1", COUNTY);
// an item for a finding, found in 南安镇 on 15 January 2025
const item = (overrides: Partial<Rectification> = {}) =>
  rectification("r1", TOWN_A, "2025-01-15", "2025-06-30", {
    source: "finding",
    findingCode: "LINKAGE.FAKE",
    subjectId: "l1",
    ...overrides,
  });
// an item found in March 2023 and closed on `closedDate`
const closedOn = (closedDate: string) =>
  item({
    foundDate: "2023-03-01",
    status: "closed",
    plan: timetable("2024-06-30", "2024-06-01"),
    closedDate,
  });
const judged = (
  findings: Finding[],
  rectifications: Rectification[],
  options: { now?: string; policy?: Partial<AssessmentPolicy> } = {},
) => {
  const ctx = contextFor(buildLedger({ rectifications }), 2024, {
    ...(options.now ? { now: new Date(`${options.now}T04:00:00Z`) } : {}),
    ...(options.policy ? { policy: options.policy } : {}),
  });
  return findingWithoutItem
    .detect(ctx, findings)
    .map((f) => f.subjectId)
    .sort();
};

describe("RECTIFICATION.FINDING_WITHOUT_ITEM (一条一条、一件一件抓落实)", () => {
  it.each<{
    name: string;
    findings: Finding[];
    items: Rectification[];
    now?: string;
    policy?: Partial<AssessmentPolicy>;
    expected: string[];
  }>([
    {
      name: "the speech's case: a fake linkage of 2024 with no item",
      findings: [fake],
      items: [],
      expected: ["LINKAGE.FAKE|l1"],
    },
    {
      name: "look-alike: an item names its code and subject",
      findings: [fake],
      items: [item()],
      expected: [],
    },
    {
      name: "an item naming the code and the finding's township, no subject",
      findings: [fake],
      items: [item({ subjectId: null })],
      expected: [],
    },
    {
      name: "an item of the code in another township does not answer it",
      findings: [fake],
      items: [item({ subjectId: null, townshipCode: TOWN_B })],
      expected: ["LINKAGE.FAKE|l1"],
    },
    {
      name: "an item naming its code and subject, filed by another township, does not answer it",
      findings: [fake],
      items: [item({ townshipCode: TOWN_B })],
      expected: ["LINKAGE.FAKE|l1"],
    },
    {
      name: "an item of the code about another linkage does not answer it",
      findings: [fake],
      items: [item({ subjectId: "l9" })],
      expected: ["LINKAGE.FAKE|l1"],
    },
    {
      name: "an item closed before 2024 began was for an earlier time",
      findings: [fake],
      items: [closedOn("2023-12-31")],
      expected: ["LINKAGE.FAKE|l1"],
    },
    {
      name: "an item closed during 2024 answers it",
      findings: [fake],
      items: [closedOn("2024-01-01")],
      expected: [],
    },
    {
      name: "an item opened after today does not answer it yet",
      findings: [fake],
      items: [item({ foundDate: "2025-04-01" })],
      now: "2025-03-02",
      expected: ["LINKAGE.FAKE|l1"],
    },
    { name: "a medium finding needs no item", findings: [shallow], items: [], expected: [] },
    {
      name: "a medium finding needs one when the county says medium is error-level",
      findings: [shallow],
      items: [],
      policy: { rectificationRequiredSeverity: "medium" },
      expected: ["LINKAGE.SHALLOW|l2"],
    },
    {
      name: "a county-level finding is answered by an item of its code and subject in any township",
      findings: [overspent],
      items: [item({ findingCode: "FUNDS.OVERSPENT", subjectId: "f1", townshipCode: TOWN_B })],
      expected: [],
    },
    {
      name: "60 days after the year (1 March 2025): still in time",
      findings: [fake],
      items: [],
      now: "2025-03-01",
      expected: [],
    },
    {
      name: "61 days after: due",
      findings: [fake],
      items: [],
      now: "2025-03-02",
      expected: ["LINKAGE.FAKE|l1"],
    },
    {
      name: "a county's 30-day grace is due by 1 March",
      findings: [fake],
      items: [],
      now: "2025-03-01",
      policy: { rectificationItemGraceDays: 30 },
      expected: ["LINKAGE.FAKE|l1"],
    },
    {
      name: "never judges its own findings (no recursion)",
      findings: [finding("RECTIFICATION.FINDING_WITHOUT_ITEM", "high", "LINKAGE.FAKE|l1")],
      items: [],
      expected: [],
    },
  ])("$name", ({ findings, items, now, policy, expected }) => {
    expect(judged(findings, items, { ...(now ? { now } : {}), ...(policy ? { policy } : {}) })).toEqual(
      expected,
    );
  });

  it.each<{ name: string; named: Finding; policy?: Partial<AssessmentPolicy>; severity: Severity }>([
    { name: "a critical finding left without an item is critical", named: overspent, severity: "critical" },
    { name: "a high finding left without an item is high", named: fake, severity: "high" },
    {
      name: "a medium finding, where the county requires items for medium ones, is medium",
      named: shallow,
      policy: { rectificationRequiredSeverity: "medium" },
      severity: "medium",
    },
  ])("takes the severity of the finding it names: $name", ({ named, policy, severity }) => {
    const ctx = contextFor(buildLedger({}), 2024, policy ? { policy } : {});
    const found = findingWithoutItem.detect(ctx, [named]);
    expect(found.map((f) => [f.subjectId, f.severity])).toEqual([
      [`${named.code}|${named.subjectId}`, severity],
    ]);
  });

  it("keeps each named finding's severity when findings of both severities are left without items", () => {
    const ctx = contextFor(buildLedger({}), 2024);
    const found = findingWithoutItem.detect(ctx, [fake, overspent, shallow]);
    expect(found.map((f) => [f.subjectId, f.severity]).sort()).toEqual([
      ["FUNDS.OVERSPENT|f1", "critical"],
      ["LINKAGE.FAKE|l1", "high"],
    ]);
  });

  it("runs after the rules over the ledger, whatever codes the caller keeps, and quotes the finding", () => {
    // no fixed person in either town in 2024 (critical); 南安镇 opened an item for it, 新城镇 did not
    const ledger = buildLedger({
      responsibilities: [townshipPerson("p1", TOWN_A, "2020-01-01", "2023-12-31")],
      rectifications: [
        rectification("r1", TOWN_A, "2025-01-10", "2025-06-30", {
          source: "finding",
          findingCode: "RESPONSIBILITY.TOWNSHIP_WITHOUT_PERSON",
          subjectId: TOWN_A,
        }),
      ],
    });
    const now = new Date("2025-11-30T04:00:00Z");
    const found = detectFindings(ledger, { year: 2024, now, codes: ["RECTIFICATION.FINDING_WITHOUT_ITEM"] });
    // the poor villages have no responsible person either (high), and no item: found too
    expect(found.map((f) => f.subjectId).sort()).toEqual([
      `RESPONSIBILITY.TOWNSHIP_WITHOUT_PERSON|${TOWN_B}`,
      ...["360723100201", "360723100203", "360723101201"].map(
        (v) => `RESPONSIBILITY.VILLAGE_WITHOUT_PERSON|${v}`,
      ),
    ]);
    const town = found.find(
      (f) => f.regionCode === TOWN_B && f.subjectId.startsWith("RESPONSIBILITY.TOWNSHIP"),
    );
    expect(town).toMatchObject({
      severity: "critical",
      subjectType: "finding",
      regionCode: TOWN_B,
      year: 2024,
    });
    expect(town?.message.zh).toContain("大余县新城镇未明确产业扶贫固定责任人——该问题");
    expect(town?.message.zh).toContain("在2024年结束334天后仍无整改事项（应在60天内建立）");
    // the same finding with every code asked for, and only in its township when filtered
    const all = detectFindings(ledger, { year: 2024, now });
    expect(
      all.filter((f) => f.code === "RECTIFICATION.FINDING_WITHOUT_ITEM").map((f) => f.subjectId),
    ).toContain(`RESPONSIBILITY.TOWNSHIP_WITHOUT_PERSON|${TOWN_B}`);
    expect(
      detectFindings(ledger, {
        year: 2024,
        now,
        regionCode: TOWN_A,
        codes: ["RECTIFICATION.FINDING_WITHOUT_ITEM"],
      })
        .map((f) => f.subjectId)
        .filter((s) => s.startsWith("RESPONSIBILITY.TOWNSHIP")),
    ).toEqual([]);
  });
});
