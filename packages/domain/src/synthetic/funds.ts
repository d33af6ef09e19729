import type { FindingCode } from "../assessment/finding-codes.js";
import { DEFAULT_POLICY, industryFundShareTarget } from "../assessment/policy.js";
import type { Fund, FundSource, FundUse, FundUseCategory } from "../funds/fund.js";
import { LINKAGE_MODES } from "../linkage/linkage.js";
import type { Project, ProjectStage } from "../projects/project.js";
import { dayOfIso, isoOfDay } from "./days.js";
import { CATALOGUE, COUNTY, industryId } from "./dayu.js";
import { covers } from "./linkages.js";
import { type Rng, sample } from "./rng.js";
import { CONSOLIDATION_START, dayIn, type Mutable, pad, plant, plantCount, type World } from "./world.js";

/** Fund names of the campaign years (财政专项扶贫资金), before 衔接资金 from 2021. */
const CAMPAIGN_SOURCE_LABELS: Readonly<Record<FundSource, string>> = {
  central: "中央财政专项扶贫资金",
  provincial: "省级财政专项扶贫资金",
  municipal: "市级财政专项扶贫资金",
  county: "县级财政专项扶贫资金",
  self_raised: "产业发展自筹资金",
};
const SOURCE_LABELS: Readonly<Record<FundSource, string>> = {
  central: "中央财政衔接推进乡村振兴补助资金",
  provincial: "省级财政衔接推进乡村振兴补助资金",
  municipal: "市级财政衔接推进乡村振兴补助资金",
  county: "县级财政衔接推进乡村振兴补助资金",
  self_raised: "产业发展自筹资金",
};
/** Days after the previous stage that each stage is reached: public notice lasts at least 10 days (exactly the policy's least at the shortest). */
const STAGE_GAPS: readonly (readonly [ProjectStage, number, number])[] = [
  ["review", 5, 20],
  ["appraisal", 5, 20],
  ["approval", 5, 15],
  ["public_notice", 3, 10],
  ["implementation", 10, 20],
  ["acceptance", 90, 240],
  ["handover", 10, 40],
];
const WAN = 1_000_000; // 1万 yuan in fen
const PAN_WELFARE: readonly (readonly [FundUseCategory, string])[] = [
  ["equity_in_enterprise", "入股县属企业固定分红"],
  ["photovoltaic", "村级光伏电站建设"],
  ["welfare", "发放慰问物资"],
];

/**
 * Gives each fund of a year its allocation: clean funds keep within it, one in four spent to the last
 * fen (the look-alike); planted FUNDS.OVERSPENT funds are allocated less than they spent.
 */
function allocate(
  w: World,
  rng: Rng,
  plantRng: Rng,
  year: number,
  funds: readonly Fund[],
  uses: readonly FundUse[],
  subsidyFen: ReadonlyMap<string, number>,
): void {
  const overspent = new Set(
    sample(plantRng, funds, plantCount(w.cfg.rates["FUNDS.OVERSPENT"], funds.length)).map((f) => f.id),
  );
  for (const f of funds) {
    const spent =
      uses.filter((u) => u.fundId === f.id).reduce((s, u) => s + u.amountFen, 0) +
      (subsidyFen.get(f.id) ?? 0);
    let allocatedFen = rng.chance(0.25)
      ? spent
      : Math.ceil(spent * (1.05 + rng.next() * 0.1)) + rng.int(1, 50) * WAN;
    if (overspent.has(f.id) && spent > 0) {
      allocatedFen = Math.max(
        0,
        spent - rng.int(1, Math.max(1, Math.min(50, Math.floor(spent / WAN)))) * WAN,
      );
      if (allocatedFen >= spent) allocatedFen = spent - 1;
      plant(w, "FUNDS.OVERSPENT", year, f.id, [f.id]);
    }
    w.funds.push({ ...f, allocatedFen });
  }
}

/**
 * Plants PROJECT.NOTICE_SHORT: among the year's projects that reached implementation in the year, some
 * leave public notice after 3 to 9 days (every later stage moves up as many days).
 */
function plantShortNotices(w: World, plantRng: Rng, year: number, projects: Project[]): void {
  const eligible = projects.filter((p) => {
    const i = p.stages.findIndex((s) => s.stage === "implementation");
    return i > 0 && p.stages[i]!.date.startsWith(`${year}-`);
  });
  for (const p of sample(
    plantRng,
    eligible,
    plantCount(w.cfg.rates["PROJECT.NOTICE_SHORT"], eligible.length),
  )) {
    const i = p.stages.findIndex((s) => s.stage === "implementation");
    const notice = dayOfIso(p.stages[i - 1]!.date);
    const shift = dayOfIso(p.stages[i]!.date) - (notice + plantRng.int(3, 9));
    const stages = p.stages.map((s, k) => (k < i ? s : { ...s, date: isoOfDay(dayOfIso(s.date) - shift) }));
    w.projects[w.projects.indexOf(p)] = { ...p, stages };
    plant(w, "PROJECT.NOTICE_SHORT", year, p.id, [p.id]);
  }
}

function projectStages(rng: Rng, w: World, year: number): { stage: ProjectStage; date: string }[] {
  let day = dayIn(rng, w.cfg, year, 1, 5);
  const stages: { stage: ProjectStage; date: string }[] = [{ stage: "application", date: isoOfDay(day) }];
  for (const [stage, min, max] of STAGE_GAPS) {
    day += rng.int(min, max);
    if (day > w.cfg.asOfDay) break;
    stages.push({ stage, date: isoOfDay(day) });
  }
  return stages;
}

/** The fund uses of one year, numbered across years. */
interface UseBook {
  readonly uses: Mutable<FundUse>[];
  use(
    fund: string,
    category: FundUseCategory,
    amountFen: number,
    projectId: string | null,
    description: string,
  ): Mutable<FundUse>;
  /** What a fund (by id) spends on industry so far. */
  industryOf(fundId: string): number;
}

function useBook(year: number, counter: { n: number }): UseBook {
  const uses: Mutable<FundUse>[] = [];
  return {
    uses,
    use(fund, category, amountFen, projectId, description) {
      const record: Mutable<FundUse> = {
        id: `use-${year}-${pad(++counter.n, 5)}`,
        fundId: `fund-${year}-${fund}`,
        year,
        category,
        amountFen,
        projectId,
        description,
      };
      uses.push(record);
      return record;
    },
    industryOf: (fundId) =>
      uses
        .filter((u) => u.fundId === fundId && u.category === "industry")
        .reduce((s, u) => s + u.amountFen, 0),
  };
}

function yearFunds(rng: Rng, year: number): Fund[] {
  const sources: FundSource[] = ["central", "provincial", "municipal", "county"];
  if (rng.chance(0.5)) sources.push("self_raised");
  return sources.map((source) => ({
    id: `fund-${year}-${source}`,
    name: `${COUNTY.name}${year}年${(year < CONSOLIDATION_START ? CAMPAIGN_SOURCE_LABELS : SOURCE_LABELS)[source]}（合成）`,
    source,
    year,
    regionCode: COUNTY.code,
    allocatedFen: 0,
  }));
}

/** The k-th project of a year, in a village of the k-th township (round robin), funded by its uses. */
function buildProject(w: World, rng: Rng, year: number, k: number, book: UseBook): void {
  const t = w.townships[k % w.townships.length]!;
  // A poor village left uncovered on purpose (覆盖底数) never has a project sited in it: one would cover it.
  const sites = t.villages.filter((v) => !w.uncoveredVillages.has(v));
  const village = w.villages[rng.pick(sites.length > 0 ? sites : t.villages)]!;
  const industry = village.plans.length > 0 ? rng.pick(village.plans).industry : rng.pick(t.rotation);
  const entity =
    t.localEntities.length > 0 && rng.chance(0.8) ? w.entities[rng.pick(t.localEntities)]! : null;
  const fundingFen: Partial<Record<FundSource, number>> = {
    central: rng.int(20, 150) * WAN,
    provincial: rng.int(5, 60) * WAN,
    county: rng.int(5, 40) * WAN,
  };
  if (rng.chance(0.5)) fundingFen.municipal = rng.int(2, 20) * WAN;
  // A project run by an entity benefits the households linked to it by the project's mode (R2). Report 2
  // lists a project every year until it is handed over (never, if it stalls), and report 1 shows the
  // linkages covering the year: a clean county keeps its beneficiaries' linkages from the project's
  // year to the reference year, so a beneficiary never loses the project's linkage while it is listed.
  const linked = entity
    ? entity.linkages.map((i) => w.linkages[i]!).filter((l) => covers(l, year) && covers(l, w.cfg.ref))
    : [];
  const mode = linked.length > 0 ? rng.pick(linked).mode : null;
  // Households left uncovered on purpose (覆盖底数) are in no project.
  const reachable = (list: readonly number[]) =>
    list.filter((i) => !w.uncoveredFrom.has(i) && w.households[i]!.record.registeredYear <= year);
  const pool =
    mode !== null
      ? linked.filter((l) => l.mode === mode).map((l) => l.household)
      : reachable(village.households).length > 0
        ? reachable(village.households)
        : reachable(t.households);
  const beneficiaries = new Set<string>();
  const wanted = Math.min(new Set(pool).size, rng.int(5, 40));
  for (let tries = 0; beneficiaries.size < wanted && tries < wanted * 3; tries++) {
    beneficiaries.add(w.households[rng.pick(pool)]!.record.id);
  }
  const name = CATALOGUE[industry]!.name;
  const project: Project = {
    id: `prj-${year}-${pad(k + 1, 3)}`,
    name: `${t.name}${village.name}${name}产业扶贫项目（合成）`,
    year,
    regionCode: village.code,
    industryId: industryId(industry),
    entityId: entity?.record.id ?? null,
    fundingFen,
    beneficiaryHouseholdIds: [...beneficiaries],
    linkageMode: entity && mode !== null ? mode : entity ? null : rng.pick(LINKAGE_MODES),
    performanceTarget: `带动${year < CONSOLIDATION_START ? "贫困户" : "脱贫户"}${beneficiaries.size}户，户均年增收${rng.int(5, 30) * 100}元`,
    stages: projectStages(rng, w, year),
  };
  w.projects.push(project);
  for (const [source, amount] of Object.entries(fundingFen) as [FundSource, number][]) {
    book.use(source, "industry", amount, project.id, `${project.name}${name}产业发展`);
  }
}

/**
 * Equity in firms, photovoltaics or welfare: 5–15% of the year's spending in clean years (one small
 * use is no fault), 35% in a planted FUNDS.PAN_WELFARE year (泛福利化 is judged as a share).
 */
function panWelfare(
  w: World,
  plantRng: Rng,
  year: number,
  planted: boolean,
  book: UseBook,
  paidOut: number,
): void {
  const spent = book.uses.reduce((sum, u) => sum + u.amountFen, 0) + paidOut;
  const k = plantRng.int(0, 2);
  const fen = planted ? Math.ceil(spent * 0.35) : Math.round(spent * (0.05 + plantRng.next() * 0.1));
  const record = book.use("county", PAN_WELFARE[k]![0], Math.max(1, fen), null, PAN_WELFARE[k]![1]);
  if (planted) plant(w, "FUNDS.PAN_WELFARE", year, COUNTY.code, [record.id]);
}

/**
 * Plants FUNDS.LOW_INDUSTRY_SHARE in a low year (industry, subsidies paid from the funds counted, brought
 * to 50%); elsewhere industry stays at the year's target or more.
 */
function plantLowShare(w: World, year: number, low: boolean, book: UseBook, paidOut: number): void {
  const { uses } = book;
  const industryTotal =
    uses.filter((u) => u.category === "industry").reduce((s, u) => s + u.amountFen, 0) + paidOut;
  const total = uses.reduce((s, u) => s + u.amountFen, 0) + paidOut;
  const target = industryFundShareTarget(DEFAULT_POLICY, year);
  if (low) {
    book.use(
      "county",
      "infrastructure",
      Math.ceil(industryTotal / 0.5) - total,
      null,
      "集中建设农村基础设施",
    );
    const evidence = uses.filter((u) => u.category !== "industry").map((u) => u.id);
    plant(w, "FUNDS.LOW_INDUSTRY_SHARE", year, COUNTY.code, evidence);
  } else if (target !== null && industryTotal < total * target) {
    throw new Error(
      `synthetic county: industry share of ${year} fell below its target without being planted`,
    );
  }
}

/**
 * Writes the project library and the funds with their uses: most of each fund to industry projects,
 * some to infrastructure and other uses, industry at the year's target or more. Plants
 * FUNDS.PAN_WELFARE, FUNDS.LOW_INDUSTRY_SHARE, FUNDS.OVERSPENT and PROJECT.NOTICE_SHORT (see the helpers).
 */
export function buildFundsAndProjects(w: World): void {
  const rng = w.rng("funds");
  const plantRng = w.rng("plant-funds");
  const { cfg } = w;
  const plantedYears = (code: FindingCode, eligible: readonly number[]) =>
    new Set(
      [cfg.ref, cfg.ref - 1, ...sample(plantRng, cfg.years.slice(0, -2), cfg.years.length)]
        .filter((y) => eligible.includes(y))
        .slice(0, plantCount(cfg.rates[code], cfg.years.length)),
    );
  const withTarget = cfg.years.filter((y) => industryFundShareTarget(DEFAULT_POLICY, y) !== null);
  const lowYears = plantedYears("FUNDS.LOW_INDUSTRY_SHARE", withTarget);
  const welfareYears = plantedYears("FUNDS.PAN_WELFARE", cfg.years);
  const subsidyFen = new Map<string, number>();
  for (const s of w.subsidies)
    if (s.fundId !== null) subsidyFen.set(s.fundId, (subsidyFen.get(s.fundId) ?? 0) + s.amountFen);
  const counter = { n: 0 };
  for (const year of cfg.years) {
    const funds = yearFunds(rng, year);
    const book = useBook(year, counter);
    const projectCount = Math.max(4, Math.round(22 * cfg.scale));
    for (let k = 0; k < projectCount; k++) buildProject(w, rng, year, k, book);
    plantShortNotices(
      w,
      plantRng,
      year,
      w.projects.filter((p) => p.year === year),
    );
    if (funds.some((f) => f.source === "self_raised"))
      book.use("self_raised", "industry", rng.int(10, 100) * WAN, null, "产业发展配套");
    for (const f of funds) {
      const industry = book.industryOf(f.id);
      if (industry === 0) continue;
      book.use(f.source, "infrastructure", Math.round(industry * 0.12), null, "产业路、灌溉等基础设施");
      book.use(f.source, "other", Math.round(industry * 0.04), null, "项目管理费");
    }
    const paidOut = funds.reduce((sum, f) => sum + (subsidyFen.get(f.id) ?? 0), 0);
    panWelfare(w, plantRng, year, welfareYears.has(year), book, paidOut);
    plantLowShare(w, year, lowYears.has(year), book, paidOut);
    allocate(w, rng, plantRng, year, funds, book.uses, subsidyFen);
    w.fundUses.push(...book.uses);
  }
}
