/** The outcome of an operation that can fail in an expected way: a value, or a typed error. */
export type Result<T, E = DomainError> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };

/** One field-level problem inside an input, named by its path (for example `members.2.idNumber`). */
export interface FieldIssue {
  readonly path: string;
  readonly message: string;
  /** The field's own fixed code where it has one, such as `ID_NUMBER.SCIENTIFIC_NOTATION`. */
  readonly code?: string;
}

/** An expected failure with a fixed code such as `HOUSEHOLD.DUPLICATE_ID_NUMBER`. */
export interface DomainError {
  readonly code: string;
  readonly message: string;
  /** Field-level problems, for invalid input. */
  readonly issues?: readonly FieldIssue[];
  /** Ids of the records involved, when the failure concerns existing records. */
  readonly recordIds?: readonly string[];
}

/** Wraps a value as a successful result. */
export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

/** Wraps an error as a failed result. */
export function err<E>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}

/** Creates a domain error with a fixed code. */
export function domainError(
  code: string,
  message: string,
  extra: { issues?: readonly FieldIssue[]; recordIds?: readonly string[] } = {},
): DomainError {
  return { code, message, ...extra };
}

/** Returns the value of a successful result, or throws: for code that has already checked its input. */
export function unwrap<T, E extends { message: string }>(result: Result<T, E>): T {
  if (result.ok) return result.value;
  throw new Error(`unwrap of a failed result: ${result.error.message}`);
}
