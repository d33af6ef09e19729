import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FINDING_SEVERITIES } from "../assessment/detect-findings.js";
import { FINDING_CODES, type FindingCode } from "../assessment/finding-codes.js";
import { DEFAULT_POLICY, industryFundShareTarget } from "../assessment/policy.js";
import { hasCountableOutcome } from "../industries/industry.js";
import type { Ledger } from "../ledger/ledger.js";
import type { Rectification } from "../rectification/rectification.js";
import {
  generateSyntheticCounty,
  PLANT_IMPLICATIONS,
  type PlantedProblem,
  type PlantRates,
  windowStart,
} from "./index.js";
import { hitKey, oracleHitsOverWindow } from "./testing/rule-oracle.js";

// The planted report against the records: the rules, rewritten independently in ./testing/rule-oracle.ts,
// find exactly the planted problems; and each planted item's records show its problem.

const county = generateSyntheticCounty({ referenceYear: 2025 });
const { ledger, planted } = county;
const P = DEFAULT_POLICY;
const NO_PLANTING = Object.fromEntries(FINDING_CODES.map((c) => [c, 0])) as unknown as PlantRates;

function keys(items: readonly { code: string; year: number; subjectId: string }[]): string[] {
  return [...new Set(items.map(hitKey))].sort();
}

const industryOf = (l: Ledger, id: string) => l.industries.find((i) => i.id === id)!;

/** The assessment date of a year of the window. */
const asOfOf = (year: number) => (year < 2025 ? `${year}-12-31` : county.asOf);

function index(l: Ledger) {
  const byId = new Map<string, unknown>();
  for (const [name, records] of Object.entries(l)) {
    if (!Array.isArray(records) || name === "regions") continue;
    for (const r of records as { id: string }[]) byId.set(`${name}:${r.id}`, r);
  }
  return {
    get: <T>(collection: string, id: string) => byId.get(`${collection}:${id}`) as T | undefined,
    linkageYear: (linkageId: string, year: number) =>
      l.linkageYears.find((y) => y.linkageId === linkageId && y.year === year),
  };
}
const ix = index(ledger);
type Rec = Record<string, unknown>;
const covers = (l: Rec, year: number) =>
  (l.startYear as number) <= year && (l.endYear === null || year <= (l.endYear as number));
const get = (collection: string, id: string) => {
  const record = ix.get<Rec>(collection, id);
  if (!record) throw new Error(`${collection} ${id} does not exist`);
  return record;
};

/** For each code: whether the records a planted item names show its problem (checked from the records alone). */
const SHOWS: Readonly<Record<FindingCode, (p: PlantedProblem) => boolean>> = {
  "RESPONSIBILITY.TOWNSHIP_WITHOUT_PERSON": (p) =>
    p.recordIds.every((id) => {
      const r = get("responsibilities", id);
      return (
        r.townshipCode === p.subjectId &&
        r.kind === "township_fixed_person" &&
        (r.validTo as string) < asOfOf(p.year)
      );
    }),
  "RESPONSIBILITY.HOUSEHOLD_WITHOUT_HELPER": (p) =>
    p.recordIds.every((id) => {
      const r = get("responsibilities", id);
      return (
        r.householdId === p.subjectId &&
        r.kind === "household_helper" &&
        (r.validTo as string) < asOfOf(p.year)
      );
    }),
  "RESPONSIBILITY.TOWNSHIP_STAND_IN": (p) =>
    p.recordIds.length > P.townshipPersonChangesMax &&
    p.recordIds.every((id) => {
      const r = get("responsibilities", id);
      return r.townshipCode === p.subjectId && (r.validFrom as string).startsWith(`${p.year}-`);
    }),
  "SUBSIDY.PEPPER_SPRAY": (p) =>
    p.recordIds.every((id) => {
      const s = get("subsidies", id);
      const h = get("households", s.householdId as string);
      return (
        (h.villageCode as string).startsWith(p.subjectId) &&
        (s.date as string).startsWith(`${p.year}-`) &&
        (s.amountFen as number) < P.smallSubsidyFen
      );
    }),
  "ENTITY.SHIELD": (p) =>
    p.recordIds.every((id) => {
      const l = get("linkages", id);
      return (
        l.entityId === p.subjectId &&
        covers(l, p.year) &&
        (ix.linkageYear(id, p.year)?.receivedFen ?? 0) === 0
      );
    }),
  "INDUSTRY.HOMOGENISATION": (p) => {
    const records = p.recordIds.map((id) => get("villageIndustries", id));
    const villagesWithIndustry = new Set(
      ledger.villageIndustries
        .filter((v) => v.year === p.year && v.villageCode.startsWith(p.subjectId))
        .map((v) => v.villageCode),
    );
    return (
      records.every((v) => v.year === p.year && (v.villageCode as string).startsWith(p.subjectId)) &&
      new Set(records.map((v) => v.industryId)).size === 1 &&
      records.length / villagesWithIndustry.size >= P.homogenisationShare &&
      villagesWithIndustry.size >= P.homogenisationMinVillages
    );
  },
  "INDUSTRY.SCALE_UP_WITHOUT_TRIAL": (p) =>
    p.recordIds.every((id) => {
      const v = get("villageIndustries", id);
      return (
        v.villageCode === p.subjectId &&
        v.year === p.year &&
        v.scaledUp === true &&
        v.trialStatus !== "trialled"
      );
    }),
  "SUPPORT.SUBSIDISE_AND_FORGET": (p) =>
    p.recordIds.every((id) => {
      const s = get("subsidies", id);
      return s.householdId === p.subjectId && (s.date as string).startsWith(`${p.year - 1}-`);
    }) && !ledger.householdIndustries.some((h) => h.householdId === p.subjectId && h.year === p.year),
  "LINKAGE.FAKE": (p) => {
    const l = get("linkages", p.subjectId);
    const y = ix.linkageYear(p.subjectId, p.year);
    return covers(l, p.year) && (!y?.tookPart || y.receivedFen === 0);
  },
  "LINKAGE.SHALLOW": (p) => {
    const y = ix.linkageYear(p.subjectId, p.year);
    return (
      y !== undefined &&
      p.recordIds.includes(y.id) &&
      y.receivedFen > 0 &&
      y.receivedFen < P.modeYieldFen[get("linkages", p.subjectId).mode as keyof typeof P.modeYieldFen]
    );
  },
  "LINKAGE.FORCED": (p) => {
    const l = get("linkages", p.subjectId);
    const e = get("entities", l.entityId as string);
    const h = get("households", l.householdId as string);
    return (
      covers(l, p.year) &&
      l.mode === "order_purchase" &&
      !ledger.householdIndustries.some(
        (r) => r.householdId === h.id && r.year === p.year && r.industryId === e.industryId,
      )
    );
  },
  "LINKAGE.YEAR_TWO_EXIT": (p) =>
    p.recordIds.length > 0 &&
    p.recordIds.every((id) => {
      const l = get("linkages", id);
      return (
        l.entityId === p.subjectId &&
        ix.linkageYear(id, p.year - 1)?.tookPart === true &&
        !ix.linkageYear(id, p.year)?.tookPart
      );
    }),
  "LINKAGE.BUNDLED": (p) => {
    const c = get("credits", p.subjectId);
    const back = ledger.creditReturns.filter((r) => r.creditId === c.id && r.date.startsWith(`${p.year}-`));
    const linked = ledger.linkages.some((l) => l.householdId === c.householdId && l.entityId === c.entityId);
    return (
      c.entityId !== null &&
      p.recordIds.includes(c.entityId as string) &&
      back.every((r) => p.recordIds.includes(r.id)) &&
      (back.length === 0 || !linked)
    );
  },
  "PROJECT.DISBURSED_BEFORE_APPROVAL": (p) => {
    const approval = (get("projects", p.subjectId).stages as { stage: string; date: string }[]).find(
      (s) => s.stage === "approval",
    );
    const paid = p.recordIds.filter((id) => id !== p.subjectId).map((id) => get("disbursements", id));
    return (
      paid.length > 0 &&
      paid.every(
        (d) =>
          d.projectId === p.subjectId &&
          (d.date as string).startsWith(`${p.year}-`) &&
          (!approval || (d.date as string) < approval.date),
      )
    );
  },
  "ENTITY.EMPTY_SHELL": (p) =>
    get("entities", p.subjectId).kind === "cooperative" &&
    p.recordIds.every((id) => covers(get("linkages", id), p.year)) &&
    !ledger.entityActivities.some(
      (a) => a.entityId === p.subjectId && a.date.startsWith(`${p.year}-`) && a.kind !== "meeting",
    ),
  "OUTCOME.LOW_SURVIVAL": (p) =>
    p.recordIds.every((id) => {
      const r = get("householdIndustries", id);
      return (
        r.householdId === p.subjectId &&
        r.year === p.year &&
        (r.unitsSurvived as number) / (r.unitsStarted as number) < P.survivalAlertRate
      );
    }),
  "OUTCOME.DEBT_GROWTH": (p) => {
    const [before, after] = p.recordIds.map((id) => get("householdIndustries", id));
    return (
      before !== undefined &&
      after !== undefined &&
      before.householdId === p.subjectId &&
      after.householdId === p.subjectId &&
      before.industryId === after.industryId &&
      before.year === p.year - 1 &&
      after.year === p.year &&
      (after.debtFen as number) > (before.debtFen as number) &&
      (after.unitsSurvived as number) / (after.unitsStarted as number) < P.survivalAlertRate
    );
  },
  "FUNDS.LOW_INDUSTRY_SHARE": (p) => {
    const uses = ledger.fundUses.filter((u) => u.year === p.year);
    const paid = ledger.subsidies
      .filter((s) => s.fundId !== null && s.date.startsWith(`${p.year}-`))
      .reduce((s, u) => s + u.amountFen, 0);
    const share =
      (uses.filter((u) => u.category === "industry").reduce((s, u) => s + u.amountFen, 0) + paid) /
      (uses.reduce((s, u) => s + u.amountFen, 0) + paid);
    return (
      share < (industryFundShareTarget(P, p.year) ?? 0) &&
      p.recordIds.every((id) => get("fundUses", id).category !== "industry")
    );
  },
  "FUNDS.PAN_WELFARE": (p) =>
    p.subjectId === ledger.countyCode &&
    p.recordIds.every((id) => {
      const u = get("fundUses", id);
      return (
        u.year === p.year &&
        ["equity_in_enterprise", "photovoltaic", "welfare"].includes(u.category as string)
      );
    }),
  "FUNDS.OVERSPENT": (p) => {
    const f = get("funds", p.subjectId);
    const spent =
      ledger.fundUses.filter((u) => u.fundId === f.id).reduce((s, u) => s + u.amountFen, 0) +
      ledger.subsidies.filter((s) => s.fundId === f.id).reduce((s, u) => s + u.amountFen, 0);
    return f.year === p.year && spent > (f.allocatedFen as number);
  },
  "PROJECT.NOTICE_SHORT": (p) => {
    const stages = get("projects", p.subjectId).stages as { stage: string; date: string }[];
    const i = stages.findIndex((s) => s.stage === "public_notice");
    const next = stages[i + 1];
    return (
      i > 0 &&
      next !== undefined &&
      next.date.startsWith(`${p.year}-`) &&
      (Date.parse(next.date) - Date.parse(stages[i]!.date)) / 86_400_000 < P.publicNoticeMinDays
    );
  },
  "RECTIFICATION.OVERDUE": (p) => {
    const r = get("rectifications", p.subjectId);
    const open = r.closedDate === null || (r.closedDate as string) > asOfOf(p.year);
    return open && (r.deadline as string) < asOfOf(p.year);
  },
  "RECTIFICATION.NO_PLAN": (p) => {
    const r = get("rectifications", p.subjectId);
    const days = (Date.parse(asOfOf(p.year)) - Date.parse(r.foundDate as string)) / 86_400_000;
    return (
      r.status === "open" &&
      r.plan === null &&
      days > P.rectificationPlanGraceDays &&
      Number((r.foundDate as string).slice(0, 4)) <= p.year
    );
  },
  "PROJECT.STALLED": (p) => {
    const stages = get("projects", p.subjectId).stages as { stage: string; date: string }[];
    const last = stages.filter((s) => s.date <= asOfOf(p.year)).at(-1);
    return (
      last !== undefined &&
      !stages.some((s) => s.stage === "implementation" && s.date <= asOfOf(p.year)) &&
      (Date.parse(asOfOf(p.year)) - Date.parse(last.date)) / 86_400_000 > P.projectStallDays
    );
  },
  "PROJECT.NOT_ACCEPTED": (p) => {
    const stages = get("projects", p.subjectId).stages as { stage: string; date: string }[];
    const begun = stages.find((s) => s.stage === "implementation");
    return (
      begun !== undefined &&
      !stages.some((s) => s.stage === "acceptance" && s.date <= asOfOf(p.year)) &&
      (Date.parse(asOfOf(p.year)) - Date.parse(begun.date)) / 86_400_000 > P.acceptanceDueDays
    );
  },
  "RECTIFICATION.MILESTONE_SLIPPED": (p) => {
    const r = get("rectifications", p.subjectId) as unknown as Rectification;
    const [, milestoneId] = p.recordIds;
    const m = r.plan?.milestones.find((x) => x.id === milestoneId);
    const open = r.closedDate === null || r.closedDate > asOfOf(p.year);
    return open && m !== undefined && m.doneDate === null && m.due < asOfOf(p.year);
  },
  "RESPONSIBILITY.VILLAGE_WITHOUT_PERSON": (p) =>
    p.recordIds.every((id) => {
      const r = get("responsibilities", id);
      return (
        r.villageCode === p.subjectId &&
        r.kind === "village_responsible_person" &&
        (r.validTo as string) < asOfOf(p.year)
      );
    }),
  "RESPONSIBILITY.VILLAGE_STAND_IN": (p) =>
    p.recordIds.length > P.villagePersonChangesMax &&
    p.recordIds.every((id) => {
      const r = get("responsibilities", id);
      return (
        r.villageCode === p.subjectId &&
        r.kind === "village_responsible_person" &&
        (r.validFrom as string).startsWith(`${p.year}-`)
      );
    }),
  "RECTIFICATION.FINDING_WITHOUT_ITEM": (p) => {
    const [code, subjectId] = p.subjectId.split("|") as [FindingCode, string];
    return (
      p.recordIds.includes(subjectId) &&
      ["high", "critical"].includes(FINDING_SEVERITIES[code]) &&
      !ledger.rectifications.some(
        (r) =>
          r.findingCode === code &&
          r.subjectId === subjectId &&
          r.foundDate <= county.asOf &&
          (r.closedDate === null || r.closedDate >= `${p.year}-01-01`),
      )
    );
  },
  "OUTCOME.FAILING_WITHOUT_SERVICE": (p) =>
    p.recordIds.every((id) => {
      const r = get("householdIndustries", id);
      const survival = (r.unitsSurvived as number) / (r.unitsStarted as number);
      return r.householdId === p.subjectId && r.year === p.year && survival < P.survivalAlertRate;
    }) &&
    !ledger.services.some((s) => s.date.startsWith(`${p.year}-`) && s.householdIds.includes(p.subjectId)),
  "INDUSTRY.HOUSEHOLD_NOT_COVERED": (p) =>
    p.recordIds[0] === p.subjectId &&
    !ledger.householdIndustries.some((r) => r.householdId === p.subjectId && r.year === p.year) &&
    !ledger.linkages.some((l) => l.householdId === p.subjectId && covers(l as unknown as Rec, p.year)) &&
    !ledger.projects.some((x) => x.year <= p.year && x.beneficiaryHouseholdIds.includes(p.subjectId)),
  "INDUSTRY.VILLAGE_NOT_COVERED": (p) => {
    const village = ledger.regions.find((r) => r.code === p.subjectId);
    const registered = ledger.households.filter((h) => h.villageCode === p.subjectId);
    return (
      village?.isPoorVillage === true &&
      !ledger.projects.some((x) => x.regionCode === p.subjectId) &&
      p.recordIds.every((id) => registered.some((h) => h.id === id)) &&
      p.recordIds.length > registered.length * (1 - P.poorVillageCoveredShareMin) &&
      p.recordIds.every((id) =>
        SHOWS["INDUSTRY.HOUSEHOLD_NOT_COVERED"]({ ...p, subjectId: id, recordIds: [id] }),
      )
    );
  },
};

describe("the planted-problem report of the default county", () => {
  it("plants every finding code, each at least in the reference year and the year before", () => {
    for (const code of FINDING_CODES) {
      const years = new Set(planted.filter((p) => p.code === code).map((p) => p.year));
      // A finding without an item is due only 60 days after its year: none for 2025 before March 2026.
      const last = code === "RECTIFICATION.FINDING_WITHOUT_ITEM" ? 2024 : 2025;
      expect([code, years.has(last - 1) && years.has(last)]).toEqual([code, true]);
    }
    expect(planted.some((p) => p.code === "RECTIFICATION.FINDING_WITHOUT_ITEM" && p.year === 2025)).toBe(
      false,
    );
  });

  it("names records that exist and show the problem, for every planted item", () => {
    const wrong = planted.filter((p) => !SHOWS[p.code](p)).map(hitKey);
    expect(wrong).toEqual([]);
  });

  it("is exactly what the rules find over the window (no unplanted finding, none missed)", () => {
    expect(keys(oracleHitsOverWindow(ledger, windowStart(2025), county.asOf))).toEqual(keys(planted));
  });

  it("reports every implied problem: a shield entity's linkages are fake that year", () => {
    expect(PLANT_IMPLICATIONS["ENTITY.SHIELD"]).toEqual(["LINKAGE.FAKE"]);
    const fake = new Set(planted.filter((p) => p.code === "LINKAGE.FAKE").map(hitKey));
    for (const s of planted.filter((p) => p.code === "ENTITY.SHIELD")) {
      for (const id of s.recordIds)
        expect(fake.has(hitKey({ code: "LINKAGE.FAKE", year: s.year, subjectId: id }))).toBe(true);
    }
  });

  it("holds the healthy look-alikes of 同质化 and 盲目扩大规模 in every year, none of them planted (so none found)", () => {
    const plantedKeys = new Set(planted.map(hitKey));
    for (let year = 2018; year <= 2025; year++) {
      const vis = ledger.villageIndustries.filter((v) => v.year === year);
      // a township where 80% or more of the villages with an industry keep the same one, thriving
      const specialty = [...new Set(vis.map((v) => v.villageCode.slice(0, 9)))].filter((t) => {
        const mine = vis.filter((v) => v.villageCode.startsWith(t));
        const villages = new Set(mine.map((v) => v.villageCode)).size;
        const most = Math.max(...mine.map((v) => mine.filter((x) => x.industryId === v.industryId).length));
        return villages >= P.homogenisationMinVillages && most / villages >= P.homogenisationShare;
      });
      expect(
        specialty.filter((t) => !plantedKeys.has(`INDUSTRY.HOMOGENISATION|${year}|${t}`)).length,
      ).toBeGreaterThan(0);
      // an untried scale-up whose households grow it, one on a loan (debt up on last year)
      const untried = vis.filter(
        (v) =>
          v.scaledUp &&
          v.trialStatus !== "trialled" &&
          !plantedKeys.has(`INDUSTRY.SCALE_UP_WITHOUT_TRIAL|${year}|${v.villageCode}`),
      );
      const onLoan = untried.filter((v) =>
        ledger.householdIndustries.some((r) => {
          if (r.year !== year || r.industryId !== v.industryId) return false;
          if (ledger.households.find((h) => h.id === r.householdId)?.villageCode !== v.villageCode)
            return false;
          const before = ledger.householdIndustries.find(
            (b) => b.householdId === r.householdId && b.industryId === r.industryId && b.year === year - 1,
          );
          return before !== undefined && r.debtFen > before.debtFen && r.unitsStarted > before.unitsStarted;
        }),
      );
      expect([year, onLoan.length > 0]).toEqual([year, true]);
    }
  });

  it.each([
    ["township_fixed_person", "RESPONSIBILITY.TOWNSHIP_STAND_IN", "townshipCode"],
    ["village_responsible_person", "RESPONSIBILITY.VILLAGE_STAND_IN", "villageCode"],
  ] as const)(
    "holds the look-alikes of stand-ins (%s), none of them planted: a record split at 31 December, one replacement in a year",
    (kind, code, regionField) => {
      const plantedKeys = new Set(planted.map(hitKey));
      const chains = new Map<string, Ledger["responsibilities"][number][]>();
      for (const r of ledger.responsibilities)
        if (r.kind === kind) chains.set(r[regionField]!, [...(chains.get(r[regionField]!) ?? []), r]);
      const splits: string[] = [];
      const replacements: string[] = [];
      for (const [region, chain] of chains) {
        chain.sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
        for (let i = 1; i < chain.length; i++) {
          const [before, r] = [chain[i - 1]!, chain[i]!];
          const year = Number(r.validFrom.slice(0, 4));
          if (plantedKeys.has(`${code}|${year}|${region}`)) continue;
          if (
            r.personName === before.personName &&
            r.validFrom.endsWith("-01-01") &&
            before.validTo?.endsWith("-12-31")
          )
            splits.push(r.id);
          const sameYear = chain.filter((x) => x.validFrom.startsWith(`${year}-`));
          if (r.personName !== before.personName && sameYear.length === 1 && !r.validFrom.endsWith("-01-01"))
            replacements.push(r.id);
        }
      }
      expect([splits.length > 0, replacements.length > 0]).toEqual([true, true]);
    },
  );

  it("has no duplicate items and is sorted by year", () => {
    expect(new Set(planted.map(hitKey)).size).toBe(planted.length);
    expect(planted.map((p) => p.year)).toEqual([...planted.map((p) => p.year)].sort());
  });
});

describe("the planted-problem report, other sizes, seeds and rates", () => {
  it("is exactly what the rules find, for any seed, size and rates", () => {
    const rate = fc.oneof(fc.constant(0), fc.double({ min: 0.001, max: 0.3, noNaN: true }));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 2015, max: 2030 }),
        fc.array(rate, { minLength: FINDING_CODES.length, maxLength: FINDING_CODES.length }),
        (seed, households, referenceYear, values) => {
          const rates = Object.fromEntries(
            FINDING_CODES.map((c, i) => [c, values[i]!]),
          ) as unknown as PlantRates;
          const c = generateSyntheticCounty({ seed, households, referenceYear, rates });
          expect(keys(oracleHitsOverWindow(c.ledger, windowStart(referenceYear), c.asOf))).toEqual(
            keys(c.planted),
          );
          for (const code of FINDING_CODES) {
            const implied = Object.entries(PLANT_IMPLICATIONS).some(
              ([from, to]) => to.includes(code) && rates[from as FindingCode] > 0,
            );
            if (rates[code] === 0 && !implied) expect(c.planted.filter((p) => p.code === code)).toEqual([]);
          }
        },
      ),
      { numRuns: 12 },
    );
    // Twelve counties of up to 400 households: about 7 s on a shared two-core machine, more under load.
  }, 180_000);

  // fast-check's counterexamples: two households of a two-household poor village drawn in the same year
  // by a single-household plant (INDUSTRY.HOUSEHOLD_NOT_COVERED; SUPPORT.SUBSIDISE_AND_FORGET),
  // each allowed as the draw was judged before either was left uncovered, so the village was found
  // uncovered though no village was planted. Each household drawn is now judged again, against the
  // households registered by each year of the window. The rates are fast-check's, in FINDING_CODES order;
  // with the window from 2014 seeds 16 and 1175 no longer draw both, and seeds 301 and 57 (drawn in
  // 2020) are counties that fail without the second judgement.
  const rates16 =
    "0 .001 .001 0 .001 .001 0 0 0 0 .024271844660194174 .125 0 .001 0 .001 .001 0 0 .001 0 0 .001 .001 0 .001 .001 .0745 .001 .001 .001 0";
  const rates1175 =
    "0 .001 0 .001 0 0 0 .29285714285714287 0 .001 .001 .001 0 .001 .001 0 0 0 .001 .001 .001 0 0 0 0 0 .001 .001 .001 .001 .001 0";
  it.each([
    [301, 162, 2024, "360723101208", rates16],
    [57, 114, 2024, "360723103209", rates1175],
  ] as const)(
    "leaves the poor village covered when single-household plants draw its households together (seed %i, %i households)",
    (seed, households, referenceYear, village, values) => {
      const all = values.split(" ").map(Number);
      const rates = Object.fromEntries(FINDING_CODES.map((c, i) => [c, all[i]!])) as unknown as PlantRates;
      const c = generateSyntheticCounty({ seed, households, referenceYear, rates });
      const found = oracleHitsOverWindow(c.ledger, windowStart(referenceYear), c.asOf);
      expect(keys(found)).toEqual(keys(c.planted));
      expect(
        found.filter((f) => f.code === "INDUSTRY.VILLAGE_NOT_COVERED" && f.subjectId === village),
      ).toEqual([]);
      const mine = new Set(c.ledger.households.filter((h) => h.villageCode === village).map((h) => h.id));
      const left = found.filter((f) => f.code === "INDUSTRY.HOUSEHOLD_NOT_COVERED" && mine.has(f.subjectId));
      expect([mine.size, new Set(left.map((f) => f.subjectId)).size]).toEqual([2, 1]);
    },
  );

  // fast-check's counterexample (seed 12 since the poor-village coverage plants changed the draws): in a
  // 19-household county, a township drawn for INDUSTRY.HOMOGENISATION the year after a planted one found
  // too few free households to make navel orange fail and was withdrawn after it had already halved the
  // kept households' records, so the township was homogenised and failing in a year the planted report
  // did not list. A plant that cannot fail now changes no record.
  it("leaves no trace of a homogenisation it could not make fail, the year after a planted one", () => {
    const values = [
      0, 0.001, 0.001, 0, 0, 0.22727272727272727, 0.001, 0.001, 0, 0, 0, 0, 0.001, 0.001, 0.001,
    ];
    values.push(0.001, 0, 0, 0, 0, 0, 0.001, 0.001, 0, 0.001, 0.001, 0, 0.001, 0, 0.001);
    const rates = Object.fromEntries(
      FINDING_CODES.map((c, i) => [c, values[i] ?? 0]),
    ) as unknown as PlantRates;
    const c = generateSyntheticCounty({ seed: 12, households: 19, referenceYear: 2028, rates });
    expect(keys(oracleHitsOverWindow(c.ledger, windowStart(2028), c.asOf))).toEqual(keys(c.planted));
  });

  it("withdraws a homogenisation it cannot make fail without a trace: the township is not found", () => {
    // Small counties, every township drawn most years: many plants find too few households to fail.
    let withdrawn = 0;
    for (const seed of [0, 1, 2]) {
      const c = generateSyntheticCounty({
        seed,
        households: 60,
        referenceYear: 2028,
        rates: { ...NO_PLANTING, "INDUSTRY.HOMOGENISATION": 0.6 },
      });
      const plantedKeys = new Set(c.planted.map(hitKey));
      const found = new Set(oracleHitsOverWindow(c.ledger, windowStart(2028), c.asOf).map(hitKey));
      const years = new Map<string, { villages: Set<string>; orange: Set<string> }>();
      for (const v of c.ledger.villageIndustries) {
        const key = `INDUSTRY.HOMOGENISATION|${v.year}|${v.villageCode.slice(0, 9)}`;
        const t = years.get(key) ?? { villages: new Set(), orange: new Set() };
        t.villages.add(v.villageCode);
        if (v.industryId === "ind-navel_orange") t.orange.add(v.villageCode);
        years.set(key, t);
      }
      const homogenised = [...years].filter(
        ([, t]) => t.villages.size >= 3 && t.orange.size === t.villages.size,
      );
      const notPlanted = homogenised.map(([key]) => key).filter((key) => !plantedKeys.has(key));
      withdrawn += notPlanted.length;
      expect(notPlanted.filter((key) => found.has(key))).toEqual([]);
      expect(
        keys(
          [...found].map((k) => ({
            code: k.split("|")[0]!,
            year: Number(k.split("|")[1]),
            subjectId: k.split("|")[2]!,
          })),
        ),
      ).toEqual(keys(c.planted));
    }
    expect(withdrawn).toBeGreaterThan(0);
  });

  it("plants nothing, and the rules find nothing, when every rate is 0", () => {
    const clean = generateSyntheticCounty({ referenceYear: 2025, rates: NO_PLANTING });
    expect(clean.planted).toEqual([]);
    expect(oracleHitsOverWindow(clean.ledger, windowStart(2025), clean.asOf)).toEqual([]);
  });

  it.each([
    ["LINKAGE.SHALLOW", 0.1],
    ["OUTCOME.LOW_SURVIVAL", 0.05],
    ["RESPONSIBILITY.HOUSEHOLD_WITHOUT_HELPER", 0.02],
  ] as const)("plants %s at about its rate (%f)", (code, rate) => {
    const c = generateSyntheticCounty({
      referenceYear: 2025,
      households: 2000,
      rates: { ...NO_PLANTING, [code]: rate },
    });
    const years = new Set(c.planted.map((p) => p.year));
    expect(years.size).toBeGreaterThanOrEqual(5);
    const per = c.planted.length / years.size;
    const eligible =
      code === "LINKAGE.SHALLOW"
        ? c.ledger.linkageYears.filter((y) => y.year === 2025).length
        : code === "OUTCOME.LOW_SURVIVAL"
          ? new Set(
              c.ledger.householdIndustries
                .filter((h) => h.year === 2025 && hasCountableOutcome(industryOf(c.ledger, h.industryId)))
                .map((h) => h.householdId),
            ).size
          : 2000;
    expect(per / eligible).toBeGreaterThan(rate * 0.5);
    expect(per / eligible).toBeLessThan(rate * 1.5);
  });
});
