import { checkLedgerRules, type LedgerViolationCode, type PartialLedger } from "@fupin/domain";
import { GraphQLError } from "graphql";
import { crossScopeFailure } from "./conflicts.js";

/** How a violation is reported when the records behind it may lie outside the caller's scope. */
export interface AcrossScopes {
  /** The message to send instead of the domain's (which names the other records). */
  readonly message: string;
}

/**
 * Runs the domain's ledger rules `codes` on the records a write touches (a partial ledger) and refuses
 * the first violation about `about` with the domain's code and the input field it names. A rule that
 * spans scopes reports only the records written and a fixed message, and is a cross-scope failure
 * (`conflictSeenBy` hides even its code from callers without personal:read).
 */
export function enforceRules(
  ledger: PartialLedger,
  codes: readonly LedgerViolationCode[],
  about: readonly string[],
  across?: AcrossScopes,
): void {
  const [violation] = checkLedgerRules(ledger, { rules: codes, about });
  if (!violation) return;
  const recordIds = across ? violation.recordIds.filter((id) => about.includes(id)) : violation.recordIds;
  const extensions = {
    code: violation.code,
    recordIds,
    ...(violation.field ? { field: `input.${violation.field}` } : {}),
  };
  if (across) throw crossScopeFailure(across.message, extensions);
  throw new GraphQLError(violation.message, { extensions });
}
