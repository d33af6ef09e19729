import type { Fund, FundSource, FundUse, FundUseCategory } from "../funds/fund.js";
import { LINKAGE_MODES } from "../linkage/linkage.js";
import type { Project, ProjectStage } from "../projects/project.js";
import { isoOfDay } from "./days.js";
import { CATALOGUE, COUNTY, industryId } from "./dayu.js";
import { type Rng, sample } from "./rng.js";
import { dayIn, type Mutable, pad, plant, plantCount, type World } from "./world.js";

const SOURCE_LABELS: Readonly<Record<FundSource, string>> = {
  central: "中央财政衔接推进乡村振兴补助资金",
  provincial: "省级财政衔接推进乡村振兴补助资金",
  municipal: "市级财政衔接推进乡村振兴补助资金",
  county: "县级财政衔接推进乡村振兴补助资金",
  self_raised: "产业发展自筹资金",
};
/** Days after the previous stage that each stage is reached: public notice lasts at least 12 days. */
const STAGE_GAPS: readonly (readonly [ProjectStage, number, number])[] = [
  ["review", 5, 20],
  ["appraisal", 5, 20],
  ["approval", 5, 15],
  ["public_notice", 3, 10],
  ["implementation", 12, 20],
  ["acceptance", 90, 240],
  ["handover", 10, 40],
];
const WAN = 1_000_000; // 1万 yuan in fen

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
    name: `${COUNTY.name}${year}年${SOURCE_LABELS[source]}（合成）`,
    source,
    year,
    regionCode: COUNTY.code,
    allocatedFen: 0,
  }));
}

/** The k-th project of a year, in a village of the k-th township (round robin), funded by its uses. */
function buildProject(w: World, rng: Rng, year: number, k: number, book: UseBook): void {
  const t = w.townships[k % w.townships.length]!;
  const village = w.villages[rng.pick(t.villages)]!;
  const industry = village.plans.length > 0 ? rng.pick(village.plans).industry : rng.pick(t.rotation);
  const entity =
    t.localEntities.length > 0 && rng.chance(0.8) ? w.entities[rng.pick(t.localEntities)]! : null;
  const fundingFen: Partial<Record<FundSource, number>> = {
    central: rng.int(20, 150) * WAN,
    provincial: rng.int(5, 60) * WAN,
    county: rng.int(5, 40) * WAN,
  };
  if (rng.chance(0.5)) fundingFen.municipal = rng.int(2, 20) * WAN;
  const pool = village.households.length > 0 ? village.households : t.households;
  const beneficiaries = new Set<string>();
  const wanted = Math.min(pool.length, rng.int(5, 40));
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
    linkageMode: entity ? rng.pick(entity.modes) : rng.pick(LINKAGE_MODES),
    performanceTarget: `带动脱贫户${beneficiaries.size}户，户均年增收${rng.int(5, 30) * 100}元`,
    stages: projectStages(rng, w, year),
  };
  w.projects.push(project);
  for (const [source, amount] of Object.entries(fundingFen) as [FundSource, number][]) {
    book.use(source, "industry", amount, project.id, `${project.name}${name}产业发展`);
  }
}

/** Plants FUNDS.PAN_WELFARE: a use of some funds as equity, photovoltaics or welfare. */
function plantPanWelfare(w: World, plantRng: Rng, year: number, funds: readonly Fund[], book: UseBook): void {
  const welfareable = funds.filter((f) => book.industryOf(f.id) > 0);
  const categories: FundUseCategory[] = ["equity_in_enterprise", "photovoltaic", "welfare"];
  const descriptions = ["入股县属企业固定分红", "村级光伏电站建设", "发放慰问物资"];
  for (const f of sample(
    plantRng,
    welfareable,
    plantCount(w.cfg.rates["FUNDS.PAN_WELFARE"], welfareable.length),
  )) {
    const k = plantRng.int(0, 2);
    const amount = Math.max(1, Math.round(book.industryOf(f.id) * 0.05));
    const record = book.use(f.source, categories[k]!, amount, null, descriptions[k]!);
    plant(w, "FUNDS.PAN_WELFARE", year, f.id, [record.id]);
  }
}

/** Plants FUNDS.LOW_INDUSTRY_SHARE in a low year (industry brought to 50%); elsewhere industry stays at 60% or more. */
function plantLowShare(w: World, year: number, low: boolean, book: UseBook): void {
  const { uses } = book;
  const industryTotal = uses.filter((u) => u.category === "industry").reduce((s, u) => s + u.amountFen, 0);
  const total = uses.reduce((s, u) => s + u.amountFen, 0);
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
  } else if (industryTotal < total * 0.6) {
    throw new Error(`synthetic county: industry share of ${year} fell below 60% without being planted`);
  }
}

/**
 * Writes the project library and the funds with their uses: most of each fund to industry projects,
 * some to infrastructure and other uses, at least 60% to industry each year. Plants FUNDS.PAN_WELFARE
 * (a fund's use as equity in an enterprise, photovoltaics or welfare) and FUNDS.LOW_INDUSTRY_SHARE
 * (a large infrastructure use that brings the year's industry share to 50%).
 */
export function buildFundsAndProjects(w: World): void {
  const rng = w.rng("funds");
  const plantRng = w.rng("plant-funds");
  const { cfg } = w;
  const lowYears = new Set(
    [cfg.ref, cfg.ref - 1, ...sample(plantRng, cfg.years.slice(0, 4), 4)].slice(
      0,
      plantCount(cfg.rates["FUNDS.LOW_INDUSTRY_SHARE"], cfg.years.length),
    ),
  );
  const counter = { n: 0 };
  for (const year of cfg.years) {
    const funds = yearFunds(rng, year);
    const book = useBook(year, counter);
    const projectCount = Math.max(4, Math.round(22 * cfg.scale));
    for (let k = 0; k < projectCount; k++) buildProject(w, rng, year, k, book);
    if (funds.some((f) => f.source === "self_raised"))
      book.use("self_raised", "industry", rng.int(10, 100) * WAN, null, "产业发展配套");
    for (const f of funds) {
      const industry = book.industryOf(f.id);
      if (industry === 0) continue;
      book.use(f.source, "infrastructure", Math.round(industry * 0.12), null, "产业路、灌溉等基础设施");
      book.use(f.source, "other", Math.round(industry * 0.04), null, "项目管理费");
    }
    plantPanWelfare(w, plantRng, year, funds, book);
    plantLowShare(w, year, lowYears.has(year), book);
    for (const f of funds) {
      const spent = book.uses.filter((u) => u.fundId === f.id).reduce((s, u) => s + u.amountFen, 0);
      w.funds.push({
        ...f,
        allocatedFen: Math.ceil(spent * (1.05 + rng.next() * 0.1)) + rng.int(1, 50) * WAN,
      });
    }
    w.fundUses.push(...book.uses);
  }
}
