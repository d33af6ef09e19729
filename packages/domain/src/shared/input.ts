import type { z } from "zod";
import { type DomainError, err, type FieldIssue, ok, type Result } from "./result.js";

/** Converts zod issues to field issues whose path is dotted (`members.0.idNumber`). */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join("."),
    message: issue.message,
  }));
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
