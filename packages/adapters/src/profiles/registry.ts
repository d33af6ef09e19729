import { err, ok, type Result } from "@fupin/domain";
import { z } from "zod";
import { CITY_CAMPAIGN } from "./city-campaign.js";
import { CITY_PROJECTS } from "./city-projects.js";
import { DEFAULT_CODE_TABLES } from "./code-tables.js";
import { LEDGER } from "./ledger.js";
import {
  issueKey,
  PROFILE_NAMES,
  type Profile,
  type ProfileError,
  type ProfileInput,
  type ProfileName,
  profileSchema,
} from "./profile.js";
import { PROVINCE_HOUSEHOLDS } from "./province-households.js";

const BUILT_IN: Readonly<Record<ProfileName, ProfileInput>> = {
  "province-households": PROVINCE_HOUSEHOLDS,
  "city-projects": CITY_PROJECTS,
  "city-campaign": CITY_CAMPAIGN,
  ledger: LEDGER,
};

/** Whether a text names a profile. */
export function isProfileName(name: string): name is ProfileName {
  return (PROFILE_NAMES as readonly string[]).includes(name);
}

const columnOverrideSchema = z
  .object({
    header: z.string().min(1).optional(),
    group: z.string().min(1).nullable().optional(),
    width: z.number().int().min(2).max(100).optional(),
    numFmt: z.string().min(1).optional(),
  })
  .strict();

/** A county's override of a profile (a JSON file): title, deadline, transport, code table labels, sheet names, title rows and columns by key. */
export const profileOverrideSchema = z
  .object({
    title: z.string().min(1).optional(),
    deadline: z.record(z.string(), z.unknown()).optional(),
    transport: z.record(z.string(), z.unknown()).optional(),
    codeTables: z.record(z.string(), z.record(z.string(), z.string().min(1))).optional(),
    sheets: z
      .record(
        z.string(),
        z
          .object({
            name: z.string().min(1).max(31).optional(),
            titleRows: z.array(z.string()).max(3).optional(),
            columns: z.record(z.string(), columnOverrideSchema).optional(),
          })
          .strict(),
      )
      .optional(),
  })
  .strict();
/** A profile override as a county writes it. */
export type ProfileOverride = z.output<typeof profileOverrideSchema>;

function overrideError(key: string, message: string): ProfileError {
  return { code: "PROFILE.OVERRIDE_INVALID", key, message: `profile override: ${key}: ${message}` };
}

function merge(base: ProfileInput, o: ProfileOverride): Result<ProfileInput, ProfileError> {
  const codeTables: Record<string, Record<string, string>> = {
    ...(base.codeTables as Record<string, Record<string, string>>),
  };
  for (const [table, labels] of Object.entries(o.codeTables ?? {})) {
    const known = codeTables[table];
    if (!known) return err(overrideError(`codeTables.${table}`, "no such code table"));
    const code = Object.keys(labels).find((c) => !(c in known));
    if (code !== undefined) return err(overrideError(`codeTables.${table}.${code}`, "no such code"));
    codeTables[table] = { ...known, ...labels };
  }
  const sheets = [...base.sheets];
  for (const [name, so] of Object.entries(o.sheets ?? {})) {
    const index = sheets.findIndex((s) => s.name === name || s.rows === name);
    if (index < 0) return err(overrideError(`sheets.${name}`, "no such sheet"));
    const sheet = sheets[index]!;
    const columns = [...sheet.columns];
    for (const [key, co] of Object.entries(so.columns ?? {})) {
      const at = columns.findIndex((c) => c.key === key);
      if (at < 0) return err(overrideError(`sheets.${name}.columns.${key}`, "no such column"));
      const { group, ...rest } = co;
      const merged = { ...columns[at]!, ...rest };
      if (group === null) delete merged.group;
      else if (group !== undefined) merged.group = group;
      columns[at] = merged;
    }
    sheets[index] = {
      ...sheet,
      ...(so.name ? { name: so.name } : {}),
      ...(so.titleRows ? { titleRows: so.titleRows } : {}),
      columns,
    };
  }
  return ok({
    ...base,
    ...(o.title ? { title: o.title } : {}),
    deadline: { ...base.deadline, ...o.deadline } as ProfileInput["deadline"],
    transport: { ...base.transport, ...o.transport } as ProfileInput["transport"],
    codeTables,
    sheets,
  });
}

/** Validates a profile as written; an error names the key at fault (`sheets.人口名单.columns.idNumber.header`). */
export function parseProfile(
  input: unknown,
  code: ProfileError["code"] = "PROFILE.INVALID",
): Result<Profile, ProfileError> {
  const parsed = profileSchema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const issue = parsed.error.issues[0]!;
  const key = issueKey(issue.path, input);
  const prefix = code === "PROFILE.OVERRIDE_INVALID" ? "profile override: " : "profile: ";
  return err({ code, key, message: `${prefix}${key}: ${issue.message}` });
}

/** A built-in profile with the default code tables, overridden by a county's JSON when given. */
export function loadProfile(name: string, override?: unknown): Result<Profile, ProfileError> {
  if (!isProfileName(name))
    return err({
      code: "PROFILE.UNKNOWN",
      key: "name",
      message: `no profile ${name}: one of ${PROFILE_NAMES.join(", ")}`,
    });
  const base = { ...BUILT_IN[name], codeTables: { ...DEFAULT_CODE_TABLES, ...BUILT_IN[name].codeTables } };
  if (override === undefined) return parseProfile(base);
  const o = profileOverrideSchema.safeParse(override);
  if (!o.success) {
    const issue = o.error.issues[0]!;
    const path = issue.code === "unrecognized_keys" ? [...issue.path, issue.keys[0]!] : issue.path;
    return err(
      overrideError(
        issueKey(path, override),
        issue.code === "unrecognized_keys" ? "unknown key" : issue.message,
      ),
    );
  }
  const merged = merge(base, o.data);
  return merged.ok ? parseProfile(merged.value, "PROFILE.OVERRIDE_INVALID") : merged;
}
