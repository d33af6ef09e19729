import {
  type Household,
  type HouseholdAttribute,
  POVERTY_CAUSES,
  type PovertyCause,
} from "../households/household.js";
import { idNumberCheckDigit } from "../households/id-number.js";
import type { Member, Relation } from "../households/member.js";
import { dayOf, isoOfDay } from "./days.js";
import { CITY, COUNTY, PROVINCE, TOWNSHIPS } from "./dayu.js";
import { fullName, givenName, mobilePhone, surname, villageNames } from "./names.js";
import { type Rng, sample } from "./rng.js";
import { type Mutable, pad, type World } from "./world.js";

/** Builds the region hierarchy: province, city, county, 11 township units and about 115 villages (~30% poor). */
export function buildRegions(w: World): void {
  const rng = w.rng("regions");
  w.regions.push(
    { code: PROVINCE.code, name: PROVINCE.name, level: "province", parentCode: null, isPoorVillage: false },
    { code: CITY.code, name: CITY.name, level: "city", parentCode: PROVINCE.code, isPoorVillage: false },
    { code: COUNTY.code, name: COUNTY.name, level: "county", parentCode: CITY.code, isPoorVillage: false },
  );
  for (const t of TOWNSHIPS) {
    const township = w.townships.length;
    w.regions.push({
      code: t.code,
      name: t.name,
      level: "township",
      parentCode: COUNTY.code,
      isPoorVillage: false,
    });
    const names = villageNames(rng, t.villages + t.residents);
    const rotation = sample(rng, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 5);
    const villages: number[] = [];
    for (let i = 0; i < t.villages + t.residents; i++) {
      const residents = i < t.residents;
      const code = `${t.code}${pad(residents ? i + 1 : 201 + i - t.residents, 3)}`;
      const poor = !residents && rng.chance(0.3);
      const name = `${names[i]!}${residents ? "社区" : "村"}`;
      w.regions.push({ code, name, level: "village", parentCode: t.code, isPoorVillage: poor });
      villages.push(w.villages.length);
      w.villages.push({
        index: w.villages.length,
        code,
        name,
        township,
        residents,
        poor,
        plans: [],
        households: [],
      });
    }
    const cadres: string[] = [];
    for (let i = 0; i < 12; i++) cadres.push(fullName(rng, rng.chance(0.6)));
    w.townships.push({
      index: township,
      code: t.code,
      name: t.name,
      villages,
      rotation,
      households: [],
      cadres,
      localEntities: [],
    });
  }
}

const ATTRIBUTES: readonly HouseholdAttribute[] = [
  "ordinary",
  "subsistence_allowance",
  "extreme_poverty_support",
];
const ATTRIBUTE_WEIGHTS = [70, 25, 5];
const CAUSE_WEIGHTS = [25, 12, 10, 3, 4, 2, 12, 10, 15, 3, 3, 1];
const SIZES = [1, 2, 3, 4, 5, 6, 7];
const SIZE_WEIGHTS = [10, 17, 22, 23, 16, 8, 4];
const HEAD_AGE_BANDS: readonly (readonly [number, number])[] = [
  [25, 34],
  [35, 44],
  [45, 54],
  [55, 64],
  [65, 74],
  [75, 85],
];
const HEAD_AGE_WEIGHTS = [8, 15, 25, 25, 18, 9];

/** Spreads the households over the villages (poor villages weigh more, residents' committees less), largest remainder first. */
function householdsPerVillage(w: World): number[] {
  const weights = w.villages.map(
    (v) => (v.residents ? 0.3 : v.poor ? 1.4 : 1) * (0.7 + ((v.index * 37) % 11) / 18),
  );
  const total = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((wt) => (w.cfg.households * wt) / total);
  const counts = exact.map(Math.floor);
  let left = w.cfg.households - counts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, i) => [e - Math.floor(e), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    counts[i]! += 1;
  }
  return counts;
}

/** Builds the registered households with their members (valid ID numbers of 360723) and yearly incomes. */
export function buildHouseholds(w: World): void {
  const rng = w.rng("households");
  const { cfg } = w;
  const counts = householdsPerVillage(w);
  const idSequence = new Map<number, number>();
  for (const village of w.villages) {
    const count = counts[village.index]!;
    for (let seq = 1; seq <= count; seq++) {
      const number = `SYN${village.code}${pad(seq, 5)}`;
      const id = `hh-${village.code}${pad(seq, 5)}`;
      const registeredYear = Math.max(2000, Math.min(cfg.ref - 6, 2014 + rng.int(0, 3)));
      const exitCap = cfg.ref > 2020 ? Math.max(2020, registeredYear) : cfg.ref;
      let exitYear: number | null = registeredYear + rng.int(0, 5);
      let povertyStatus: Household["povertyStatus"] = "exited";
      if (exitYear > exitCap) {
        if (cfg.ref > 2020) exitYear = exitCap;
        else {
          exitYear = null;
          povertyStatus = "in_poverty";
        }
      }
      if (exitYear !== null && rng.chance(0.01)) povertyStatus = "relapsed";
      const mainCause = POVERTY_CAUSES[rng.weighted(CAUSE_WEIGHTS)]!;
      const otherCauses: PovertyCause[] = [];
      const extra = rng.weighted([55, 35, 10]);
      while (otherCauses.length < extra) {
        const c = POVERTY_CAUSES[rng.weighted(CAUSE_WEIGHTS)]!;
        if (c !== mainCause && !otherCauses.includes(c)) otherCauses.push(c);
      }
      let bank: string | null = null;
      if (rng.chance(0.9)) {
        bank = "6217";
        for (let i = 0; i < 15; i++) bank += String(rng.int(0, 9));
      }
      const record: Household = {
        id,
        householdNumber: number,
        villageCode: village.code,
        identificationStandard: "national",
        attribute: ATTRIBUTES[rng.weighted(ATTRIBUTE_WEIGHTS)]!,
        mainCause,
        otherCauses,
        povertyStatus,
        registeredYear,
        exitYear,
        phone: rng.chance(0.85) ? mobilePhone(rng) : null,
        bankAccount: bank,
      };
      const index = w.households.length;
      const state = {
        index,
        record,
        village: village.index,
        township: village.township,
        tracks: [],
        linkages: [],
        size: 0,
      };
      w.households.push(state);
      village.households.push(index);
      w.townships[village.township]!.households.push(index);
      state.size = addMembers(w, rng, id, idSequence);
      addIncomes(w, rng, record, state.size);
    }
  }
}

interface PersonPlan {
  relation: Relation;
  age: number;
  male: boolean;
  family?: string;
}

function familyPlan(rng: Rng): PersonPlan[] {
  const size = SIZES[rng.weighted(SIZE_WEIGHTS)]!;
  const band = HEAD_AGE_BANDS[rng.weighted(HEAD_AGE_WEIGHTS)]!;
  const headAge = rng.int(band[0], band[1]);
  const headMale = rng.chance(0.85);
  const family = surname(rng);
  const people: PersonPlan[] = [{ relation: "head", age: headAge, male: headMale, family }];
  const childFamily = headMale ? family : undefined;
  if (people.length < size && rng.chance(0.85)) {
    people.push({ relation: "spouse", age: Math.max(20, headAge + rng.int(-6, 4)), male: !headMale });
  }
  if (headAge >= 55) {
    if (people.length < size) {
      const male = rng.chance(0.6);
      const childAge = Math.max(18, headAge - rng.int(22, 34));
      people.push({
        relation: "child",
        age: childAge,
        male,
        ...(childFamily ? { family: childFamily } : {}),
      });
      if (people.length < size && rng.chance(0.7)) {
        people.push({ relation: "child_in_law", age: Math.max(18, childAge + rng.int(-3, 3)), male: !male });
      }
      while (people.length < size) {
        const age = Math.max(0, Math.min(childAge - 18, rng.int(0, 17)));
        people.push({ relation: "grandchild", age, male: rng.chance(0.52), ...(male ? { family } : {}) });
      }
    }
  } else {
    if (headAge <= 50 && people.length < size - 1 && rng.chance(0.35)) {
      const parentAge = Math.min(95, headAge + rng.int(22, 32));
      people.push({ relation: "parent", age: parentAge, male: true, family });
      if (people.length < size - 1 && rng.chance(0.6)) {
        people.push({ relation: "parent", age: Math.min(95, parentAge + rng.int(-4, 2)), male: false });
      }
    }
    while (people.length < size) {
      const oldest = headAge - 20;
      const youngest = Math.max(0, headAge - 40);
      const age = rng.int(Math.min(youngest, oldest), oldest);
      people.push({
        relation: "child",
        age,
        male: rng.chance(0.52),
        ...(childFamily ? { family: childFamily } : {}),
      });
    }
  }
  return people;
}

function schoolOf(rng: Rng, age: number): { school: Member["schoolStatus"]; education: Member["education"] } {
  if (age < 3) return { school: "not_in_school", education: "none" };
  if (age < 6) return { school: "preschool", education: "none" };
  if (age < 12) return { school: "primary", education: "primary" };
  if (age < 15) return { school: "junior", education: "junior" };
  if (age < 18) {
    if (rng.chance(0.85)) {
      return rng.chance(0.7)
        ? { school: "senior", education: "senior" }
        : { school: "vocational", education: "vocational" };
    }
    return { school: "not_in_school", education: "junior" };
  }
  if (age < 22 && rng.chance(0.3)) return { school: "college", education: "college" };
  if (age >= 65) return { school: "not_in_school", education: rng.chance(0.6) ? "none" : "primary" };
  if (age >= 45)
    return {
      school: "not_in_school",
      education: rng.pick(["primary", "primary", "junior", "junior", "senior"]),
    };
  return {
    school: "not_in_school",
    education: rng.pick(["junior", "junior", "senior", "vocational", "college"]),
  };
}

function addMembers(w: World, rng: Rng, householdId: string, idSequence: Map<number, number>): number {
  const { cfg } = w;
  const asOfYear = cfg.ref;
  const month = Number(cfg.asOf.slice(5, 7));
  const day = Number(cfg.asOf.slice(8, 10));
  const people = familyPlan(rng);
  for (let k = 0; k < people.length; k++) {
    const p = people[k]!;
    // Born so that the age on the as-of date is exactly p.age.
    const latest = dayOf(asOfYear - p.age, month, day);
    const earliest = dayOf(asOfYear - p.age - 1, month, day) + 1;
    const birthDay = rng.int(earliest, latest);
    const birth = isoOfDay(birthDay).replaceAll("-", "");
    const key = birthDay * 2 + (p.male ? 1 : 0);
    const n = idSequence.get(key) ?? (((birthDay * 7 + (p.male ? 3 : 0)) % 37) + 37) % 37;
    idSequence.set(key, n + 1);
    const sequence = n * 2 + (p.male ? 1 : 0);
    if (sequence > 999) throw new Error(`too many people born on ${birth}: ID sequence exhausted`);
    const first17 = `360723${birth}${pad(sequence, 3)}`;
    const healthRoll = rng.next() + (p.age >= 60 ? 0.12 : 0);
    const health: Member["health"] =
      healthRoll > 0.95
        ? "serious_illness"
        : healthRoll > 0.85
          ? "disabled"
          : healthRoll > 0.72
            ? "chronic_illness"
            : "healthy";
    let labourAbility: Member["labourAbility"];
    if (p.age < 16) labourAbility = "none";
    else if (p.age >= 65) labourAbility = rng.chance(0.6) ? "none" : rng.chance(0.5) ? "lost" : "ordinary";
    else if ((health === "disabled" || health === "serious_illness") && rng.chance(0.6))
      labourAbility = "lost";
    else labourAbility = rng.chance(0.2) ? "skilled" : "ordinary";
    const { school, education } = schoolOf(rng, p.age);
    const working =
      (labourAbility === "ordinary" || labourAbility === "skilled") && school === "not_in_school";
    const member: Mutable<Member> = {
      id: `${householdId}-m${k + 1}`,
      householdId,
      name: p.family ? p.family + givenName(rng, p.male) : fullName(rng, p.male),
      idNumber: first17 + idNumberCheckDigit(first17),
      relation: p.relation,
      ethnicity: rng.chance(0.99) ? "汉族" : rng.pick(["畲族", "瑶族", "苗族"]),
      education,
      schoolStatus: school,
      health,
      labourAbility,
      migrantWorkMonths: working && p.age <= 55 && rng.chance(0.4) ? rng.int(3, 12) : 0,
    };
    w.members.push(member);
  }
  return people.length;
}

/** A household's incomes, one a year from its registration (建档立卡) to the reference year. */
function addIncomes(w: World, rng: Rng, household: Household, size: number): void {
  const { id: householdId, attribute, registeredYear } = household;
  let perCapita = rng.int(5_500, 14_000) * 100;
  const growth = 1.03 + rng.next() * 0.07;
  for (const year of w.cfg.years) {
    if (year < registeredYear) continue;
    const net = perCapita * size;
    const transferShare = attribute === "ordinary" ? 0.12 + rng.next() * 0.1 : 0.3 + rng.next() * 0.2;
    const transferFen = Math.round(net * transferShare);
    const propertyFen = Math.round(net * rng.next() * 0.06);
    const productionNet = Math.round(net * (0.1 + rng.next() * 0.2));
    const productionCostFen = Math.round(productionNet * (0.2 + rng.next() * 0.3));
    const wageFen = Math.max(0, net - transferFen - propertyFen - productionNet);
    w.incomes.push({
      id: `inc-${householdId}-${year}`,
      householdId,
      year,
      wageFen,
      productionFen: productionNet + productionCostFen,
      propertyFen,
      transferFen,
      productionCostFen,
    });
    perCapita = Math.round(perCapita * growth);
  }
}
