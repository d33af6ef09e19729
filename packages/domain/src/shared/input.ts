import { z } from "zod";
import { toHalfWidth } from "./money.js";
import { type DomainError, err, type FieldIssue, ok, type Result } from "./result.js";

/** Schema of a code people type (household number, phone, account): full-width forms made ASCII and space trimmed, then `check`ed. */
export function typedCodeSchema(check: z.ZodString, error: string) {
  return z
    .string({ error })
    .transform((text) => toHalfWidth(text).trim())
    .pipe(check);
}

/** Converts zod issues to field issues whose path is dotted (`members.0.idNumber`), with the field's code where a check gave one. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    // A custom check may carry its own code (idNumberSchema passes parseIdNumber's) in params.
    const code = issue.code === "custom" ? issue.params?.code : undefined;
    return {
      path: issue.path.map(String).join("."),
      message: issue.message,
      ...(typeof code === "string" ? { code } : {}),
    };
  });
}

/** Parses input with a schema; on failure returns `<prefix>.INVALID_INPUT` naming every bad field. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  codePrefix: string,
): Result<z.output<S>, DomainError> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const issues = toFieldIssues(parsed.error);
  const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ");
  return err({ code: `${codePrefix}.INVALID_INPUT`, message: summary, issues });
}

/** Adds a custom issue on one field of the record a `superRefine` checks. */
export function addFieldIssue(ctx: z.RefinementCtx, field: string, message: string): void {
  ctx.addIssue({ code: "custom", path: [field], message });
}
