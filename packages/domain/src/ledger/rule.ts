import type { PartialLedger } from "./record-kinds.js";

/** One broken invariant, with the records behind it. */
export interface LedgerViolation<C extends string = string> {
  readonly code: C;
  readonly message: string;
  readonly recordIds: readonly string[];
  /** The field of the first record named whose value breaks the rule (a write path reports `input.<field>`). */
  readonly field?: string;
}

/**
 * A cross-record invariant of a ledger with its one code. `check` takes a whole ledger or a partial one
 * (some collections only): it judges the records present, and a reference or sum only over the
 * collections present, so a write can load just the records a change touches and run the same rule.
 */
export interface LedgerRule<C extends string = string> {
  readonly code: C;
  /** What the rule keeps, in one line (listed in CODES.md). */
  readonly description: string;
  check(ledger: PartialLedger): LedgerViolation<C>[];
}

/** A rule from its code, description and check; the check adds violations through `report`. */
export function defineLedgerRule<C extends string>(
  code: C,
  description: string,
  check: (
    ledger: PartialLedger,
    report: (message: string, recordIds: readonly string[], field?: string) => void,
  ) => void,
): LedgerRule<C> {
  return {
    code,
    description,
    check(ledger) {
      const violations: LedgerViolation<C>[] = [];
      check(ledger, (message, recordIds, field) =>
        violations.push(
          field === undefined ? { code, message, recordIds } : { code, message, recordIds, field },
        ),
      );
      return violations;
    },
  };
}
