import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { FINDING_CODES } from "../assessment/finding-codes.js";
import { ageOn, parseIdNumber } from "../households/id-number.js";
import { type Member, memberInputSchema } from "../households/member.js";
import { createLedger, type LedgerData } from "../ledger/ledger.js";
import { RECORD_KIND_KEYS, RECORD_KINDS, type RecordKindKey } from "../ledger/record-kinds.js";
import { createRegion } from "../regions/region.js";
import { DEFAULT_PLANT_RATES, generateSyntheticCounty, type PlantRates } from "./index.js";
import { RARE_NAME_CHARS } from "./names.js";

const county = generateSyntheticCounty({ referenceYear: 2025 });
const { ledger } = county;
const YEARS = [2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];

const NO_PLANTING = Object.fromEntries(FINDING_CODES.map((c) => [c, 0])) as unknown as PlantRates;

/** The input schema of each ledger collection (regions go through createRegion). */
const SCHEMAS = Object.fromEntries(
  RECORD_KIND_KEYS.filter((key) => key !== "regions").map((key) => [key, RECORD_KINDS[key].inputSchema]),
) as Readonly<Record<Exclude<RecordKindKey, "regions">, z.ZodType>>;

function withoutBrand(data: LedgerData): LedgerData {
  const { __validated, ...rest } = data as LedgerData & { __validated?: true };
  void __validated;
  return rest;
}

describe("generateSyntheticCounty: determinism", () => {
  it("gives deeply equal counties for equal options, and a valid ledger each time", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 2012, max: 2030 }),
        fc.integer({ min: 0, max: 250 }),
        (seed, households, referenceYear, daysBack) => {
          const asOf = new Date(Date.UTC(referenceYear, 11, 31) - daysBack * 86_400_000)
            .toISOString()
            .slice(0, 10);
          const options = { seed, households, referenceYear, asOf };
          const a = generateSyntheticCounty(options);
          const b = generateSyntheticCounty(options);
          expect(a).toEqual(b);
          expect(createLedger(withoutBrand(a.ledger)).ok).toBe(true);
          expect(a.asOf).toBe(asOf);
        },
      ),
      { numRuns: 15 },
    );
  });

  it("gives different counties for different seeds", () => {
    const a = generateSyntheticCounty({ referenceYear: 2025, households: 50, seed: 1 });
    const b = generateSyntheticCounty({ referenceYear: 2025, households: 50, seed: 2 });
    expect(a.ledger.members.map((m) => m.idNumber)).not.toEqual(b.ledger.members.map((m) => m.idNumber));
  });
});

describe("generateSyntheticCounty: the default county, modelled on Dayu", () => {
  it("has Dayu's regions: 江西省, 赣州市, 大余县, 8 towns, 3 townships, about 115 villages, ~30% poor", () => {
    const byLevel = (level: string) => ledger.regions.filter((r) => r.level === level);
    expect(byLevel("province").map((r) => [r.code, r.name])).toEqual([["36", "江西省"]]);
    expect(byLevel("city").map((r) => [r.code, r.name])).toEqual([["3607", "赣州市"]]);
    expect(byLevel("county").map((r) => [r.code, r.name])).toEqual([["360723", "大余县"]]);
    const townships = byLevel("township").map((r) => r.code);
    expect(townships).toEqual([
      ...[100, 101, 102, 103, 104, 105, 106, 107].map((n) => `360723${n}`),
      ...[200, 201, 202].map((n) => `360723${n}`),
    ]);
    expect(byLevel("township").map((r) => r.name)).toContain("南安镇");
    const villages = byLevel("village");
    expect(villages.length).toBeGreaterThanOrEqual(110);
    expect(villages.length).toBeLessThanOrEqual(120);
    for (const v of villages) {
      const part = Number(v.code.slice(9));
      expect(part >= 1 && part <= 399).toBe(true);
      expect(v.parentCode).toBe(v.code.slice(0, 9));
    }
    expect(villages.some((v) => Number(v.code.slice(9)) < 200)).toBe(true);
    const poorShare = villages.filter((v) => v.isPoorVillage).length / villages.length;
    expect(poorShare).toBeGreaterThan(0.2);
    expect(poorShare).toBeLessThan(0.4);
  });

  it("has 4,000 households and about 14,000 members, one head each", () => {
    expect(ledger.households).toHaveLength(4000);
    expect(ledger.members.length).toBeGreaterThan(13_000);
    expect(ledger.members.length).toBeLessThan(15_000);
    const heads = new Map<string, number>();
    for (const m of ledger.members)
      if (m.relation === "head") heads.set(m.householdId, (heads.get(m.householdId) ?? 0) + 1);
    expect(heads.size).toBe(4000);
    expect([...heads.values()].every((n) => n === 1)).toBe(true);
  });

  it("scales with the household count", () => {
    const small = generateSyntheticCounty({ referenceYear: 2025, households: 400 });
    expect(small.ledger.households).toHaveLength(400);
    expect(small.ledger.members.length / 400).toBeGreaterThan(3);
    expect(small.ledger.members.length / 400).toBeLessThan(4);
    expect(small.ledger.linkages.length).toBeLessThan(ledger.linkages.length / 5);
  });

  it("is marked synthetic: SYN household numbers, （合成） entity, fund and project names", () => {
    expect(county.synthetic).toBe(true);
    expect(ledger.households.every((h) => h.householdNumber.startsWith("SYN"))).toBe(true);
    expect(ledger.entities.every((e) => e.name.endsWith("（合成）"))).toBe(true);
    expect(ledger.funds.every((f) => f.name.endsWith("（合成）"))).toBe(true);
    expect(ledger.projects.every((p) => p.name.endsWith("（合成）"))).toBe(true);
  });

  it.each(YEARS)("has the records of every kind for %i", (year) => {
    const inYear = (date: string) => date.startsWith(`${year}-`);
    // one income per household registered by the year (all 4,000 from 2017)
    const registered = ledger.households.filter((h) => h.registeredYear <= year).length;
    expect(ledger.incomes.filter((i) => i.year === year)).toHaveLength(registered);
    expect(registered).toBeGreaterThan(year >= 2017 ? 3999 : 500);
    expect(ledger.villageIndustries.some((v) => v.year === year)).toBe(true);
    expect(ledger.householdIndustries.some((h) => h.year === year)).toBe(true);
    expect(ledger.entityActivities.some((a) => a.year === year)).toBe(true);
    expect(ledger.linkageYears.some((y) => y.year === year)).toBe(true);
    expect(ledger.subsidies.some((s) => inYear(s.date))).toBe(true);
    expect(ledger.services.some((s) => inYear(s.date) && s.kind === "visit")).toBe(true);
    expect(ledger.services.some((s) => inYear(s.date) && s.kind === "training")).toBe(true);
    expect(ledger.funds.some((f) => f.year === year)).toBe(true);
    expect(ledger.fundUses.some((u) => u.year === year && u.category === "industry")).toBe(true);
    expect(ledger.projects.some((p) => p.year === year)).toBe(true);
    expect(ledger.rectifications.some((r) => inYear(r.foundDate))).toBe(true);
    expect(ledger.monitorings.some((m) => inYear(m.identifiedDate))).toBe(year >= 2021);
  });

  it("has the industries of the speech, entities of every kind and linkages of several modes", () => {
    const names = ledger.industries.map((i) => i.name);
    for (const name of ["脐橙", "蔬菜", "养蜂", "茶叶", "家禽", "红薯"]) expect(names).toContain(name);
    expect(ledger.industries.find((i) => i.code === "beekeeping")?.outcomeUnit).toBe("群");
    expect(new Set(ledger.entities.map((e) => e.kind))).toEqual(
      new Set(["leading_enterprise", "cooperative", "family_farm", "large_grower"]),
    );
    expect(new Set(ledger.linkages.map((l) => l.mode)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(ledger.villageIndustries.map((v) => v.trialStatus))).toEqual(
      new Set(["none", "trialling", "trialled"]),
    );
    expect(new Set(ledger.rectifications.map((r) => r.status))).toEqual(
      new Set(["open", "planned", "closed"]),
    );
    expect(
      ledger.fundUses.some((u) => u.category === "equity_in_enterprise" || u.category === "photovoltaic"),
    ).toBe(true);
  });

  it("dates no record after the as-of date", () => {
    const asOf = county.asOf;
    expect(asOf).toBe("2025-11-30");
    const dates = [
      ...ledger.subsidies.map((s) => s.date),
      ...ledger.services.map((s) => s.date),
      ...ledger.entityActivities.map((a) => a.date),
      ...ledger.projects.flatMap((p) => p.stages.map((s) => s.date)),
      ...ledger.responsibilities.flatMap((r) => [r.validFrom, r.validTo ?? r.validFrom]),
      ...ledger.rectifications.flatMap((r) => [
        r.foundDate,
        r.closedDate ?? r.foundDate,
        ...(r.plan?.milestones.map((m) => m.doneDate ?? r.foundDate) ?? []),
      ]),
      ...ledger.monitorings.flatMap((m) => [m.identifiedDate, m.removedDate ?? m.identifiedDate]),
    ];
    expect(dates.filter((d) => d > asOf)).toEqual([]);
    // Helpers are assigned from registration (2014–2017); everything else lies in the window.
    expect(dates.filter((d) => d < "2014-01-01")).toEqual([]);
  });

  it("keeps public notice of projects at least 10 days, except where a short notice is planted", () => {
    const short = new Set(
      county.planted.filter((p) => p.code === "PROJECT.NOTICE_SHORT").map((p) => p.subjectId),
    );
    expect(short.size).toBeGreaterThan(0);
    for (const p of ledger.projects.filter((x) => !short.has(x.id))) {
      const i = p.stages.findIndex((s) => s.stage === "public_notice");
      const next = p.stages[i + 1];
      if (i >= 0 && next) {
        expect(Date.parse(next.date) - Date.parse(p.stages[i]!.date)).toBeGreaterThanOrEqual(10 * 86_400_000);
      }
    }
  });
});

describe("generateSyntheticCounty: members and ID numbers", () => {
  const byHousehold = new Map<string, Member[]>();
  for (const m of ledger.members) {
    const list = byHousehold.get(m.householdId) ?? [];
    list.push(m);
    byHousehold.set(m.householdId, list);
  }
  const info = (m: Member) => {
    const parsed = parseIdNumber(m.idNumber, county.asOf);
    if (!parsed.ok) throw new Error(`${m.id}: ${parsed.error.message}`);
    return { ...parsed.value, age: ageOn(parsed.value.birthDate, county.asOf) };
  };

  it("gives every member a valid, unique ID number of Dayu (360723), born on or before the as-of date", () => {
    const numbers = new Set<string>();
    for (const m of ledger.members) {
      const i = info(m);
      expect(i.addressCode).toBe("360723");
      expect(i.birthDate <= county.asOf).toBe(true);
      numbers.add(m.idNumber);
    }
    expect(numbers.size).toBe(ledger.members.length);
  });

  it("keeps ages and sexes consistent with relations, schooling and labour", () => {
    for (const members of byHousehold.values()) {
      const head = members.find((m) => m.relation === "head")!;
      const h = info(head);
      expect(h.age).toBeGreaterThanOrEqual(18);
      for (const m of members) {
        const i = info(m);
        if (m.relation === "spouse") {
          expect(i.sex).not.toBe(h.sex);
          expect(i.age).toBeGreaterThanOrEqual(18);
        }
        if (m.relation === "child") expect(h.age - i.age).toBeGreaterThanOrEqual(16);
        if (m.relation === "grandchild") expect(h.age - i.age).toBeGreaterThanOrEqual(34);
        if (m.relation === "parent") expect(i.age - h.age).toBeGreaterThanOrEqual(16);
        if (i.age < 16) expect(m.labourAbility).toBe("none");
        if (m.schoolStatus === "preschool") expect(i.age).toBeLessThan(6);
        if (m.schoolStatus === "primary") expect(i.age >= 6 && i.age < 12).toBe(true);
        if (m.schoolStatus === "junior") expect(i.age >= 12 && i.age < 15).toBe(true);
        if (i.age >= 6 && i.age < 15) expect(m.schoolStatus).not.toBe("not_in_school");
      }
    }
  });

  it("gives both sexes to heads and uses real surnames, with some rare characters", () => {
    const heads = ledger.members.filter((m) => m.relation === "head").map(info);
    expect(heads.filter((h) => h.sex === "female").length).toBeGreaterThan(100);
    const surnames = new Set(ledger.members.map((m) => m.name[0]));
    for (const s of ["刘", "黄", "钟", "曾", "赖"]) expect(surnames.has(s)).toBe(true);
    const rare = ledger.members.filter((m) => RARE_NAME_CHARS.some((c) => m.name.includes(c)));
    expect(rare.length).toBeGreaterThan(10);
    expect(rare.some((m) => m.name.includes("𠀀") || m.name.includes("䶮") || m.name.includes("㛃"))).toBe(
      true,
    );
    expect(ledger.members.every((m) => memberInputSchema.shape.name.safeParse(m.name).success)).toBe(true);
  });
});

describe("generateSyntheticCounty: records parse with their input schemas", () => {
  it.each(Object.keys(SCHEMAS) as (keyof typeof SCHEMAS)[])("a sample of %s parses unchanged", (name) => {
    const records = ledger[name] as readonly unknown[];
    expect(records.length).toBeGreaterThan(0);
    const step = Math.max(1, Math.floor(records.length / 50));
    for (let i = 0; i < records.length; i += step) {
      const parsed = SCHEMAS[name].safeParse(records[i]);
      expect(parsed.error?.issues ?? []).toEqual([]);
      expect(parsed.data).toEqual(records[i]);
    }
  });

  it("every record of a small county parses unchanged, regions through createRegion", () => {
    const small = generateSyntheticCounty({ referenceYear: 2024, households: 80, seed: 5 }).ledger;
    for (const name of Object.keys(SCHEMAS) as (keyof typeof SCHEMAS)[]) {
      for (const record of small[name] as readonly unknown[]) {
        const parsed = SCHEMAS[name].safeParse(record);
        expect(parsed.error?.issues ?? [], `${name}`).toEqual([]);
        expect(parsed.data).toEqual(record);
      }
    }
    for (const region of small.regions) {
      const created = createRegion({
        code: region.code,
        name: region.name,
        isPoorVillage: region.isPoorVillage,
      });
      expect(created).toEqual({ ok: true, value: region });
    }
  });
});

describe("generateSyntheticCounty: options", () => {
  it.each([
    [{ referenceYear: 2009 }, /referenceYear/],
    [{ referenceYear: 2025.5 }, /referenceYear/],
    [{ referenceYear: 2025, asOf: "2024-12-01" }, /asOf/],
    [{ referenceYear: 2025, asOf: "2025-02-10" }, /asOf/],
    [{ referenceYear: 2025, asOf: "2025-13-01" }, /asOf/],
    [{ referenceYear: 2025, households: -1 }, /households/],
    [{ referenceYear: 2025, households: 1.5 }, /households/],
    [{ referenceYear: 2025, rates: { "LINKAGE.FAKE": 1.5 } }, /LINKAGE.FAKE/],
    [{ referenceYear: 2025, seed: Number.NaN }, /seed/],
  ])("refuses %j", (options, message) => {
    expect(() => generateSyntheticCounty(options)).toThrow(RangeError);
    expect(() => generateSyntheticCounty(options)).toThrow(message);
  });

  it("plants nothing when every rate is 0", () => {
    const clean = generateSyntheticCounty({ referenceYear: 2025, households: 600, rates: NO_PLANTING });
    expect(clean.planted).toEqual([]);
  });

  it("has a rate for every finding code", () => {
    expect(Object.keys(DEFAULT_PLANT_RATES).sort()).toEqual([...FINDING_CODES].sort());
  });
});
