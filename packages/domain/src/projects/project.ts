import { z } from "zod";
import { FUND_SOURCES } from "../funds/fund.js";
import { LINKAGE_MODES } from "../linkage/linkage.js";
import { regionCodeSchema } from "../regions/region.js";
import { isoDateSchema, yearSchema } from "../shared/dates.js";
import { idSchema } from "../shared/ids.js";
import { parseInput } from "../shared/input.js";
import { fenSchema } from "../shared/money.js";
import type { DomainError, Result } from "../shared/result.js";

/** The stages of the county project library (项目库), in order. */
export const PROJECT_STAGES = [
  "application",
  "review",
  "appraisal",
  "approval",
  "public_notice",
  "implementation",
  "acceptance",
  "handover",
] as const;
/** A project stage code. */
export type ProjectStage = (typeof PROJECT_STAGES)[number];
/** Chinese labels of project stages. */
export const PROJECT_STAGE_LABELS: Readonly<Record<ProjectStage, string>> = {
  application: "申报",
  review: "审核",
  appraisal: "论证",
  approval: "审定",
  public_notice: "公示",
  implementation: "实施",
  acceptance: "验收",
  handover: "资产移交",
};
/** Days a project usually stays in public notice (公示) before implementation: the default of the assessment's `publicNoticeMinDays`; a shorter or skipped notice is recorded and found (PROJECT.NOTICE_SHORT), not refused. */
export const PUBLIC_NOTICE_MIN_DAYS = 10;

const stageEntrySchema = z.object({ stage: z.enum(PROJECT_STAGES), date: isoDateSchema });

/**
 * Checks that stages are in library order, each once, and dates do not go back: what is impossible.
 * A skipped stage or a short public notice really happens; the findings judge it. `field` names what
 * is wrong at `index`.
 */
export function checkStageOrder(
  stages: readonly { stage: ProjectStage; date: string }[],
): { index: number; message: string; field?: "stage" | "date" } | null {
  for (let i = 1; i < stages.length; i++) {
    const prev = stages[i - 1]!;
    const cur = stages[i]!;
    const [p, c] = [PROJECT_STAGES.indexOf(prev.stage), PROJECT_STAGES.indexOf(cur.stage)];
    if (c <= p) {
      return {
        index: i,
        field: "stage",
        message: `stage ${cur.stage} cannot follow ${prev.stage}: stages only move forward`,
      };
    }
    if (cur.date < prev.date) {
      return {
        index: i,
        field: "date",
        message: `stage ${cur.stage} is dated ${cur.date}, before ${prev.stage} on ${prev.date}`,
      };
    }
  }
  return null;
}

/** Input of an industry poverty-alleviation project (产业扶贫项目). */
export const projectInputSchema = z
  .object({
    id: idSchema,
    name: z.string().trim().min(1).max(200),
    year: yearSchema,
    regionCode: regionCodeSchema.refine((c) => c.length >= 9, {
      error: "must be a township or village code",
    }),
    industryId: idSchema,
    entityId: idSchema.nullable().default(null),
    fundingFen: z.partialRecord(z.enum(FUND_SOURCES), fenSchema).default({}),
    beneficiaryHouseholdIds: z.array(idSchema).default([]),
    linkageMode: z.enum(LINKAGE_MODES).nullable().default(null),
    performanceTarget: z.string().trim().max(500).default(""),
    stages: z.array(stageEntrySchema).min(1, { error: "a project starts with its application" }),
  })
  .superRefine((p, ctx) => {
    if (p.stages[0]?.stage !== "application") {
      ctx.addIssue({
        code: "custom",
        path: ["stages", 0, "stage"],
        message: "a project starts with its application",
      });
    }
    const bad = checkStageOrder(p.stages);
    if (bad)
      ctx.addIssue({
        code: "custom",
        path: ["stages", bad.index, bad.field ?? "stage"],
        message: bad.message,
      });
  });

/** An industry project in the county project library, with its stages so far. */
export type Project = Readonly<z.output<typeof projectInputSchema>>;

/** Validates project input. */
export function createProject(input: unknown): Result<Project, DomainError> {
  return parseInput(projectInputSchema, input, "PROJECT");
}

/** The stage a project is at now: its last recorded stage. */
export function currentStage(project: Project): ProjectStage {
  return project.stages.at(-1)!.stage;
}

/** Total funding of a project across sources, in fen. */
export function totalFundingFen(project: Project): number {
  return Object.values(project.fundingFen).reduce<number>((sum, v) => sum + (v ?? 0), 0);
}

/** Input of moving a project to its next stage. */
export const projectStageChangeInputSchema = z.object({
  projectId: idSchema,
  stage: z.enum(PROJECT_STAGES),
  date: isoDateSchema,
});

/** Moves a project to a stage; refuses a stage that is not after the current one, or dated before it. */
export function advanceProjectStage(project: Project, input: unknown): Result<Project, DomainError> {
  const parsed = parseInput(projectStageChangeInputSchema, input, "PROJECT");
  if (!parsed.ok) return parsed;
  if (parsed.value.projectId !== project.id) {
    const message = `is ${parsed.value.projectId}, but the project is ${project.id}`;
    return {
      ok: false,
      error: {
        code: "PROJECT.INVALID_INPUT",
        message: `projectId: ${message}`,
        issues: [{ path: "projectId", message }],
      },
    };
  }
  const stages = [...project.stages, { stage: parsed.value.stage, date: parsed.value.date }];
  const bad = checkStageOrder(stages);
  if (bad) {
    return {
      ok: false,
      error: {
        code: "PROJECT.STAGE_ORDER",
        message: bad.message,
        recordIds: [project.id],
        issues: [{ path: bad.field ?? "stage", message: bad.message }],
      },
    };
  }
  return { ok: true, value: { ...project, stages } };
}
