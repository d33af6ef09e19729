import type { DomainError, FieldIssue } from "@fupin/domain";
import { GraphQLError } from "graphql";

type IssuePath = readonly (PropertyKey | { readonly key: PropertyKey })[] | undefined;

/** Joins a standard-schema issue path into a dotted field name (`input.members.0.idNumber`). */
export function issuePath(path: IssuePath): string {
  return (path ?? []).map((p) => String(typeof p === "object" ? p.key : p)).join(".");
}

/** A BAD_USER_INPUT error naming the first bad field and listing every issue. */
export function badUserInput(issues: readonly FieldIssue[], prefix = ""): GraphQLError {
  const named = issues.map((i) => ({
    path: prefix && i.path ? `${prefix}.${i.path}` : prefix || i.path,
    message: i.message,
    ...(i.code ? { code: i.code } : {}),
  }));
  const summary = named.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ");
  return new GraphQLError(`invalid input: ${summary}`, {
    extensions: { code: "BAD_USER_INPUT", field: named[0]?.path ?? "", issues: named },
  });
}

/** The `validationError` of the validation plugin: BAD_USER_INPUT naming the argument. */
export function validationFailure(
  issues: readonly { readonly message: string; readonly path?: IssuePath }[],
): GraphQLError {
  return badUserInput(issues.map((i) => ({ path: issuePath(i.path), message: i.message })));
}

/** A typed domain failure for the client: its fixed code in `extensions.code`. */
export function domainFailure(error: DomainError, prefix = "input"): GraphQLError {
  if (error.code.endsWith(".INVALID_INPUT") && error.issues && error.issues.length > 0) {
    const e = badUserInput(error.issues, prefix);
    e.extensions.domainCode = error.code;
    return e;
  }
  return new GraphQLError(error.message, {
    extensions: {
      code: error.code,
      ...(error.recordIds ? { recordIds: error.recordIds } : {}),
      ...(error.issues ? { issues: error.issues } : {}),
    },
  });
}

/** The requested region lies outside the caller's scope (or is not a region code). */
export function regionOutOfScope(regionCode: string): GraphQLError {
  return new GraphQLError(`region ${regionCode} is outside your scope`, {
    extensions: { code: "REGION_OUT_OF_SCOPE", http: { status: 200 } },
  });
}

/** A record the mutation refers to is missing or outside the caller's scope. */
export function notFound(entityType: string, id: string): GraphQLError {
  return new GraphQLError(`${entityType} ${id} not found in your scope`, {
    extensions: { code: "NOT_FOUND", entityType, recordId: id },
  });
}
