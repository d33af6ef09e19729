import { DEFAULT_POLICY } from "../assessment/policy.js";
import { PROJECT_STAGES, type Project } from "../projects/project.js";
import { dayOf, dayOfIso } from "./days.js";
import { type Rng, sample } from "./rng.js";
import { plant, plantCount, type World, yearEnd } from "./world.js";

const IMPLEMENTATION = PROJECT_STAGES.indexOf("implementation");

/** The years of the window in which `since` lies more than `limit` days before the year's assessment date. */
function yearsPast(w: World, from: number, since: string, limit: number): number[] {
  const day = dayOfIso(since);
  return w.cfg.years.filter((y) => y >= from && yearEnd(w.cfg, y) - day > limit);
}

function replace(w: World, p: Project, stages: Project["stages"]): void {
  w.projects[w.projects.indexOf(p)] = { ...p, stages };
}

/** PROJECT.STALLED: a project cut at a stage before implementation reached by the end of June, never moved on. */
function plantStalled(w: World, rng: Rng, year: number, projects: readonly Project[]): void {
  const eligible = projects.filter((p) => p.stages[0]!.date <= `${year}-06-30`);
  for (const p of sample(rng, eligible, plantCount(w.cfg.rates["PROJECT.STALLED"], eligible.length))) {
    const reachable = p.stages.filter(
      (s, k) => k < IMPLEMENTATION && dayOfIso(s.date) <= dayOf(year, 6, 30) && s.stage !== "implementation",
    );
    const kept = p.stages.slice(0, rng.int(1, reachable.length));
    replace(w, p, kept);
    for (const y of yearsPast(w, year, kept.at(-1)!.date, DEFAULT_POLICY.projectStallDays))
      plant(w, "PROJECT.STALLED", y, p.id, [p.id]);
  }
}

/** PROJECT.NOT_ACCEPTED: a project of an earlier year implemented and never accepted. */
function plantNotAccepted(w: World, rng: Rng, year: number, projects: readonly Project[]): void {
  const started = (p: Project) => p.stages.find((s) => s.stage === "implementation");
  const eligible = projects.filter(
    (p) =>
      started(p) !== undefined &&
      yearsPast(w, year, started(p)!.date, DEFAULT_POLICY.acceptanceDueDays).length > 0,
  );
  for (const p of sample(rng, eligible, plantCount(w.cfg.rates["PROJECT.NOT_ACCEPTED"], eligible.length))) {
    replace(w, p, p.stages.slice(0, IMPLEMENTATION + 1));
    for (const y of yearsPast(w, year, started(p)!.date, DEFAULT_POLICY.acceptanceDueDays))
      plant(w, "PROJECT.NOT_ACCEPTED", y, p.id, [p.id]);
  }
}

/**
 * Plants the project-oversight problems (全过程监管) in projects of each year not already planted:
 * PROJECT.STALLED (cut before implementation, reported every year it has stood more than the policy's
 * days) and PROJECT.NOT_ACCEPTED (implemented, never accepted: every year past the acceptance due
 * days). Clean projects move through the library within weeks and are accepted within a year.
 */
export function plantProjectOversight(w: World): void {
  const rng = w.rng("plant-projects");
  const taken = new Set(w.planted.filter((p) => p.code === "PROJECT.NOTICE_SHORT").map((p) => p.subjectId));
  for (const year of w.cfg.years) {
    const free = () => w.projects.filter((p) => p.year === year && !taken.has(p.id));
    plantStalled(w, rng, year, free());
    for (const p of w.planted) if (p.code === "PROJECT.STALLED") taken.add(p.subjectId);
    plantNotAccepted(w, rng, year, free());
  }
}
