import type { FundDisbursement } from "../funds/fund-disbursement.js";
import type { Project } from "../projects/project.js";
import { dayOf, dayOfIso, isoOfDay } from "./days.js";
import { sample } from "./rng.js";
import { dayIn, pad, plant, plantCount, type World } from "./world.js";

/** The day of a project's approval (审定), or null when it has none yet. */
function approvalDay(p: Project): number | null {
  const approval = p.stages.find((s) => s.stage === "approval");
  return approval ? dayOfIso(approval.date) : null;
}

/** The day of a project's hand-over (资产移交), or null when it has none yet. */
function handoverDay(p: Project): number | null {
  const handover = p.stages.find((s) => s.stage === "handover");
  return handover ? dayOfIso(handover.date) : null;
}

/** Projects of each year chosen to be paid before their approval (PROJECT.DISBURSED_BEFORE_APPROVAL). */
function earlyProjects(w: World): Set<string> {
  const rng = w.rng("plant-disbursed-early");
  const funded = new Set(w.fundUses.flatMap((u) => (u.projectId === null ? [] : [u.projectId])));
  const early = new Set<string>();
  for (const year of w.cfg.years) {
    const eligible = w.projects.filter((p) => p.year === year && funded.has(p.id) && approvalDay(p) !== null);
    const count = plantCount(w.cfg.rates["PROJECT.DISBURSED_BEFORE_APPROVAL"], eligible.length);
    for (const p of sample(rng, eligible, count)) early.add(p.id);
  }
  return early;
}

/**
 * Writes the dated disbursements (拨付) of every fund use: a use with no project paid once in its year;
 * a project's use paid only once the project is approved, 60% within 30 days of the approval (a fifth
 * on the very day) and the rest 31–200 days after (by the hand-over at the latest), each only up to
 * the as-of date. Plants
 * PROJECT.DISBURSED_BEFORE_APPROVAL: the first use of a chosen project of `Y` pays its first tranche
 * 1–30 days before the approval, within `Y`.
 */
export function buildDisbursements(w: World): FundDisbursement[] {
  const rng = w.rng("disbursements");
  const plantRng = w.rng("plant-disbursed-early-days");
  const { cfg } = w;
  const projects = new Map(w.projects.map((p) => [p.id, p]));
  const early = earlyProjects(w);
  const out: FundDisbursement[] = [];
  const pay = (u: (typeof w.fundUses)[number], day: number, amountFen: number) => {
    const record = {
      id: `dis-${pad(out.length + 1, 6)}`,
      fundId: u.fundId,
      projectId: u.projectId,
      date: isoOfDay(day),
      amountFen,
      payee: "",
    };
    out.push(record);
    return record;
  };
  for (const u of w.fundUses) {
    const p = u.projectId === null ? undefined : projects.get(u.projectId);
    if (!p) {
      pay(u, dayIn(rng, cfg, u.year), u.amountFen);
      continue;
    }
    const approved = approvalDay(p);
    if (approved === null) continue;
    const first = Math.round(u.amountFen * 0.6);
    if (early.delete(p.id)) {
      const lead = plantRng.int(1, Math.min(30, approved - dayOf(p.year, 1, 1)));
      const record = pay(u, approved - lead, first);
      plant(w, "PROJECT.DISBURSED_BEFORE_APPROVAL", p.year, p.id, [p.id, record.id]);
    } else {
      const day = approved + (rng.chance(0.2) ? 0 : rng.int(1, 30));
      if (day > cfg.asOfDay) continue;
      pay(u, day, first);
    }
    // Paid in full by the hand-over at the latest: report 2 stops listing a project once handed over.
    const second = Math.min(approved + rng.int(31, 200), handoverDay(p) ?? Infinity);
    if (second <= cfg.asOfDay && u.amountFen > first) pay(u, second, u.amountFen - first);
  }
  return out;
}
