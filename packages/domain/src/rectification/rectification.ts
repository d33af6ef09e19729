import { z } from "zod";
import { regionCodeSchema } from "../regions/region.js";
import { type IsoDate, isIsoDate, isoDateSchema } from "../shared/dates.js";
import { idSchema } from "../shared/ids.js";
import { parseInput } from "../shared/input.js";
import { type DomainError, err, ok, type Result } from "../shared/result.js";

/** Where a problem was found: an inspection (督查), a check (检查), or a finding computed by fupin. */
export const RECTIFICATION_SOURCES = ["inspection", "check", "finding"] as const;
/** Status of a rectification: open, planned (has a plan), or closed. */
export const RECTIFICATION_STATUSES = ["open", "planned", "closed"] as const;
/** A rectification status code. */
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];

/** A milestone of a rectification timetable (时间表). */
export const milestoneSchema = z.object({
  id: idSchema,
  title: z.string().trim().min(1).max(200),
  due: isoDateSchema,
  doneDate: isoDateSchema.nullable().default(null),
});

/** Most milestones a timetable may have: a plan is a handful of steps, not a task list. */
export const MAX_MILESTONES = 50;

/** A rectification plan: its timetable of milestones and its roadmap (路线图). */
export const rectificationPlanSchema = z.object({
  milestones: z
    .array(milestoneSchema)
    .min(1, { error: "a timetable needs at least one milestone" })
    .max(MAX_MILESTONES, { error: `a timetable has at most ${MAX_MILESTONES} milestones` }),
  roadmap: z.string().trim().min(1, { error: "a plan needs its roadmap" }).max(2000),
});

/** Input of opening a rectification (问题整改) for a problem found in a township. */
export const rectificationInputSchema = z
  .object({
    id: idSchema,
    townshipCode: regionCodeSchema.refine((c) => c.length === 9, {
      error: "must be a township code (9 digits)",
    }),
    problem: z.string().trim().min(1).max(1000),
    source: z.enum(RECTIFICATION_SOURCES),
    findingCode: z.string().trim().max(64).nullable().default(null),
    subjectId: idSchema.nullable().default(null),
    foundDate: isoDateSchema,
    responsiblePerson: z.string().trim().min(1).max(50),
    deadline: isoDateSchema,
    status: z.enum(RECTIFICATION_STATUSES).default("open"),
    plan: rectificationPlanSchema.nullable().default(null),
    closedDate: isoDateSchema.nullable().default(null),
  })
  .superRefine((r, ctx) => {
    if (r.deadline < r.foundDate)
      ctx.addIssue({ code: "custom", path: ["deadline"], message: "must not be before the date found" });
    if (r.status === "closed" && r.closedDate === null)
      ctx.addIssue({
        code: "custom",
        path: ["closedDate"],
        message: "a closed rectification needs its closing date",
      });
    if (r.status !== "closed" && r.closedDate !== null)
      ctx.addIssue({
        code: "custom",
        path: ["closedDate"],
        message: "only a closed rectification has a closing date",
      });
    if (r.status !== "open" && r.plan === null)
      ctx.addIssue({
        code: "custom",
        path: ["plan"],
        message: "a planned or closed rectification needs its plan",
      });
    if (r.closedDate !== null && r.closedDate < r.foundDate)
      ctx.addIssue({ code: "custom", path: ["closedDate"], message: "must not be before the date found" });
    if (r.status === "closed" && r.plan !== null) {
      r.plan.milestones.forEach((m, i) => {
        if (m.doneDate === null)
          ctx.addIssue({
            code: "custom",
            path: ["plan", "milestones", i, "doneDate"],
            message: "a closed rectification has every milestone done",
          });
        else if (r.closedDate !== null && m.doneDate > r.closedDate)
          ctx.addIssue({
            code: "custom",
            path: ["plan", "milestones", i, "doneDate"],
            message: "must not be after the closing date",
          });
      });
    }
  });

/** A rectification: the problem, its plan with timetable and roadmap, the responsible person, deadline and status. */
export type Rectification = Readonly<z.output<typeof rectificationInputSchema>>;

/** Validates rectification input. */
export function createRectification(input: unknown): Result<Rectification, DomainError> {
  return parseInput(rectificationInputSchema, input, "RECTIFICATION");
}

/** Gives an open rectification its plan. */
export function planRectification(r: Rectification, planInput: unknown): Result<Rectification, DomainError> {
  if (r.status === "closed")
    return err({
      code: "RECTIFICATION.ALREADY_CLOSED",
      message: "a closed rectification cannot be planned again",
      recordIds: [r.id],
    });
  const plan = parseInput(rectificationPlanSchema, planInput, "RECTIFICATION");
  if (!plan.ok) return plan;
  return ok({ ...r, status: "planned", plan: plan.value });
}

/** Titles of at most three milestones, then how many more: a message stays short whatever the plan. */
function milestoneList(milestones: readonly { readonly title: string }[]): string {
  const shown = milestones.slice(0, 3).map((m) => m.title);
  const more = milestones.length - shown.length;
  return more > 0 ? `${shown.join(", ")} and ${more} more` : shown.join(", ");
}

/** Closes a rectification on `date`; refused unless `date` is a real date, it has a plan and every milestone is done. */
export function closeRectification(r: Rectification, date: IsoDate): Result<Rectification, DomainError> {
  const invalid = (message: string) =>
    err({
      code: "RECTIFICATION.INVALID_INPUT",
      message: `date: ${message}`,
      issues: [{ path: "date", message }],
    });
  if (!isIsoDate(date)) return invalid("must be a real date in the form YYYY-MM-DD");
  if (r.status === "closed")
    return err({
      code: "RECTIFICATION.ALREADY_CLOSED",
      message: "the rectification is already closed",
      recordIds: [r.id],
    });
  if (r.plan === null)
    return err({
      code: "RECTIFICATION.NO_PLAN",
      message: "a rectification without a plan cannot be closed",
      recordIds: [r.id],
    });
  const pending = r.plan.milestones.filter((m) => m.doneDate === null);
  if (pending.length > 0) {
    return err({
      code: "RECTIFICATION.MILESTONES_PENDING",
      message: `milestones not done: ${milestoneList(pending)}`,
      recordIds: [r.id, ...pending.map((m) => m.id)],
    });
  }
  if (date < r.foundDate) return invalid("must not be before the date found");
  const lastDone =
    r.plan.milestones
      .map((m) => m.doneDate!)
      .sort()
      .at(-1) ?? "";
  if (date < lastDone) return invalid(`must not be before the last milestone was done (${lastDone})`);
  return ok({ ...r, status: "closed", closedDate: date });
}

/**
 * Whether a rectification stood open on `date`: found by then and not yet closed, by its recorded
 * closing date — so a past year is judged as it stood, not by today's status.
 */
export function isRectificationOpenOn(r: Rectification, date: IsoDate): boolean {
  return r.foundDate <= date && !isRectificationClosedBy(r, date);
}

/** Whether a rectification was closed on or before `date`, by its recorded closing date (closed ⇔ dated). */
export function isRectificationClosedBy(r: Rectification, date: IsoDate): boolean {
  return r.closedDate !== null && r.closedDate <= date;
}

/** Whether a rectification is past its deadline and not closed on `date`. */
export function isRectificationOverdue(r: Rectification, date: IsoDate): boolean {
  return isRectificationOpenOn(r, date) && r.deadline < date;
}
