import { z } from "zod";

/** The names of the report profiles (contracts: the CLI and GraphQL take these). */
export const PROFILE_NAMES = ["province-households", "city-projects", "city-campaign", "ledger"] as const;
/** A profile name. */
export type ProfileName = (typeof PROFILE_NAMES)[number];

/** How a column's value is written: text cell, whole number, yuan from fen, date, code label, 是/否. */
export const COLUMN_TYPES = ["text", "integer", "amount", "date", "label", "boolean", "json"] as const;
/** A column type. */
export type ColumnType = (typeof COLUMN_TYPES)[number];

/** A column of a sheet: the dataset field it shows, its Chinese header, its group header (the upper header row, merged), its type. */
export const columnSchema = z
  .object({
    key: z.string().min(1),
    header: z.string().min(1),
    group: z.string().min(1).optional(),
    type: z.enum(COLUMN_TYPES),
    codeTable: z.string().min(1).optional(),
    width: z.number().int().min(2).max(100).optional(),
    numFmt: z.string().min(1).optional(),
  })
  .strict()
  .refine((c) => c.type !== "label" || c.codeTable !== undefined, {
    path: ["codeTable"],
    error: "a label column names its code table",
  });
/** A column of a profile sheet. */
export type ProfileColumn = z.output<typeof columnSchema>;
/** A column as a profile writes it (before parsing). */
export type ColumnInput = z.input<typeof columnSchema>;

/** The columns under one group header (the upper header row, merged over them). */
export function columnGroup(group: string, columns: readonly Omit<ColumnInput, "group">[]): ColumnInput[] {
  return columns.map(({ key, header, ...rest }) => ({ key, header, group, ...rest }));
}

/** A sheet of a profile: its name, the dataset rows it lists, title rows above the headers, its columns. */
export const sheetSchema = z
  .object({
    name: z.string().min(1).max(31),
    rows: z.string().min(1),
    titleRows: z.array(z.string()).max(3).default([]),
    columns: z.array(columnSchema).min(1),
  })
  .strict();
/** A sheet of a profile. */
export type ProfileSheet = z.output<typeof sheetSchema>;

/** When a report is due: every month on a day, or every year on a month and day. */
export const deadlineSchema = z
  .object({
    frequency: z.enum(["monthly", "yearly"]),
    day: z.number().int().min(1).max(31),
    month: z.number().int().min(1).max(12).optional(),
  })
  .strict()
  .refine((d) => d.frequency === "monthly" || d.month !== undefined, {
    path: ["month"],
    error: "a yearly deadline names its month",
  });

/** TLS settings of an HTTP transport: verify the platform's certificate (against extra CA files when given). */
export const tlsSchema = z
  .object({
    rejectUnauthorized: z.boolean().default(true),
    caFile: z.string().min(1).nullable().default(null),
  })
  .strict();

/**
 * How a report is delivered: JSON batches POSTed to a platform (`http-json`), or the frozen xlsx dropped
 * into a folder (`file`, written atomically by rename) for platforms that take uploads by hand. The
 * bearer credential is never in the profile: `credentialEnv` names the environment variable holding it.
 */
export const transportSchema = z
  .object({
    kind: z.enum(["file", "http-json"]),
    batchSize: z.number().int().min(1).max(10_000).default(500),
    url: z.url().nullable().default(null),
    folder: z.string().min(1).nullable().default(null),
    credentialEnv: z
      .string()
      .regex(/^[A-Z][A-Z0-9_]*$/, { error: "must be an environment variable name (A-Z, 0-9, _)" })
      .nullable()
      .default(null),
    timeoutMs: z.number().int().min(100).max(600_000).default(30_000),
    retryLimit: z.number().int().min(0).max(50).default(8),
    retryDelaySeconds: z.number().int().min(0).max(86_400).default(60),
    tls: tlsSchema.default({ rejectUnauthorized: true, caFile: null }),
  })
  .strict();
/** A profile's transport. */
export type ProfileTransport = z.output<typeof transportSchema>;

/** A report profile declared as data: what each platform expects, adjustable by a county without code. */
export const profileSchema = z
  .object({
    name: z.enum(PROFILE_NAMES),
    title: z.string().min(1),
    deadline: deadlineSchema,
    transport: transportSchema,
    codeTables: z.record(z.string(), z.record(z.string(), z.string().min(1))),
    sheets: z.array(sheetSchema).min(1),
  })
  .strict()
  .superRefine((p, ctx) => {
    for (const [name, table] of Object.entries(p.codeTables)) {
      const labels = Object.values(table);
      if (new Set(labels).size !== labels.length)
        ctx.addIssue({
          code: "custom",
          path: ["codeTables", name],
          message: "labels must be unique: codes are matched on label text",
        });
    }
    p.sheets.forEach((s, i) => {
      if (p.sheets.findIndex((o) => o.name === s.name) !== i)
        ctx.addIssue({
          code: "custom",
          path: ["sheets", i, "name"],
          message: `sheet name ${s.name} is used twice`,
        });
      s.columns.forEach((c, j) => {
        if (c.codeTable !== undefined && !(c.codeTable in p.codeTables))
          ctx.addIssue({
            code: "custom",
            path: ["sheets", i, "columns", j, "codeTable"],
            message: `no code table ${c.codeTable}`,
          });
        if (s.columns.findIndex((o) => o.key === c.key) !== j)
          ctx.addIssue({
            code: "custom",
            path: ["sheets", i, "columns", j, "key"],
            message: `column ${c.key} is listed twice`,
          });
      });
    });
  });

/** A validated report profile. */
export type Profile = z.output<typeof profileSchema>;
/** A report profile as written (defaults not yet applied). */
export type ProfileInput = z.input<typeof profileSchema>;

/** The error of loading a profile or an override: the key at fault and what is wrong with it. */
export interface ProfileError {
  readonly code: "PROFILE.INVALID" | "PROFILE.OVERRIDE_INVALID" | "PROFILE.UNKNOWN";
  readonly key: string;
  readonly message: string;
}

/** The dotted key of a zod issue path, with sheet and column indexes replaced by their names where known. */
export function issueKey(path: readonly PropertyKey[], input: unknown): string {
  const parts: string[] = [];
  let at: unknown = input;
  for (const step of path) {
    const next = (at as Record<PropertyKey, unknown> | undefined)?.[step as never];
    const named =
      typeof step === "number" && next && typeof next === "object"
        ? ((next as { name?: unknown; key?: unknown }).name ?? (next as { key?: unknown }).key)
        : undefined;
    parts.push(typeof named === "string" ? named : String(step));
    at = next;
  }
  return parts.join(".");
}
