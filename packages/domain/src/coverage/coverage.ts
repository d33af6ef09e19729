import type { LedgerData } from "../ledger/ledger.js";
import { linkageCoversYear } from "../linkage/linkage.js";
import type { Project } from "../projects/project.js";
import type { Region } from "../regions/region.js";
import type { IsoDate } from "../shared/dates.js";

/** The ledger records coverage (覆盖底数) is counted from. */
export type CoverageRecords = Pick<
  LedgerData,
  "regions" | "households" | "householdIndustries" | "linkages" | "projects"
>;

/**
 * Whether an industry project covers its beneficiaries and its village in `year`, as of `asOf`: a
 * project of that year or before that has entered the county's project library (applied for) by then.
 */
export function projectCoversYear(project: Project, year: number, asOf: IsoDate): boolean {
  return project.year <= year && project.stages.some((s) => s.date <= asOf);
}

/**
 * The registered households (建档立卡, registered in or before `year`) covered by industry support in
 * `year`, as of `asOf` — the one definition the findings and report 3 count. The speech asks to
 * "摸清全县贫困村和建档立卡贫困户产业扶贫项目覆盖底数…帮助贫困户确定产业项目或利益联结机制": a household is
 * covered by an industry project or a linkage. Its industry project is any of three records:
 * - an industry of its own kept in `year` (a household-industry record: 到户产业, the household's own
 *   产业项目, which the county's 种养奖补 supports). It counts with or without a subsidy that year:
 *   support follows the industry (帮技术、帮资金、帮协调), and whether it came is judged elsewhere
 *   (一补了之, failing without service, 撒胡椒面). Requiring a subsidy would make coverage a count of
 *   payments and push a county to pay small sums to every household, the 撒胡椒面 the speech condemns;
 *   for the same reason a subsidy alone, with no industry kept that year, covers nothing;
 * - a linkage covering `year` (order purchasing, employment, land lease, dividends, asset income …);
 * - being a beneficiary of an industry project that covers `year` (`projectCoversYear`).
 */
export function coveredHouseholds(data: CoverageRecords, year: number, asOf: IsoDate): Set<string> {
  const registered = new Set(data.households.filter((h) => h.registeredYear <= year).map((h) => h.id));
  const covered = new Set<string>();
  const add = (householdId: string) => {
    if (registered.has(householdId)) covered.add(householdId);
  };
  for (const r of data.householdIndustries) if (r.year === year) add(r.householdId);
  for (const l of data.linkages) if (linkageCoversYear(l, year)) add(l.householdId);
  for (const p of data.projects)
    if (projectCoversYear(p, year, asOf)) for (const id of p.beneficiaryHouseholdIds) add(id);
  return covered;
}

/** How far industry support reached a poor village (贫困村) in a year. */
export interface PoorVillageCoverage {
  readonly village: Region;
  /** Its households registered in or before the year. */
  readonly registeredIds: readonly string[];
  /** Those of them covered (`coveredHouseholds`). */
  readonly coveredIds: readonly string[];
  /** The industry projects sited in the village that cover the year (`projectCoversYear`). */
  readonly projectIds: readonly string[];
  /** Covered: a project sited in it, or at least the policy share of its registered households covered. */
  readonly covered: boolean;
}

/**
 * Each poor village (贫困村) and whether industry support covered it in `year`, as of `asOf` — the
 * one definition the findings and report 3 count ("指导贫困村选准发展路子"). A poor village is covered
 * when an industry project sited in the village covers the year, or when at least `shareMin` of its
 * registered households are covered: its households linked to an entity in another village count as
 * much as those reached at home, while a village where one household in ten is reached has no
 * development path. A poor village with no registered household is covered only by a project (and
 * the findings do not judge it: the ledger holds none of its households to count).
 */
export function poorVillageCoverage(
  data: CoverageRecords,
  year: number,
  asOf: IsoDate,
  covered: ReadonlySet<string>,
  shareMin: number,
): PoorVillageCoverage[] {
  const registered = new Map<string, string[]>();
  for (const h of data.households) {
    if (h.registeredYear > year) continue;
    const ids = registered.get(h.villageCode) ?? [];
    ids.push(h.id);
    registered.set(h.villageCode, ids);
  }
  const out: PoorVillageCoverage[] = [];
  for (const village of data.regions) {
    if (village.level !== "village" || !village.isPoorVillage) continue;
    const registeredIds = registered.get(village.code) ?? [];
    const coveredIds = registeredIds.filter((id) => covered.has(id));
    const projectIds = data.projects
      .filter((p) => p.regionCode === village.code && projectCoversYear(p, year, asOf))
      .map((p) => p.id);
    const share = registeredIds.length > 0 ? coveredIds.length / registeredIds.length : 0;
    out.push({
      village,
      registeredIds,
      coveredIds,
      projectIds,
      covered: projectIds.length > 0 || (registeredIds.length > 0 && share >= shareMin),
    });
  }
  return out;
}
