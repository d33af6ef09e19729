import type { LedgerRule } from "../ledger/rule.js";

/**
 * Codes of the rules on funds: none. A fund spent past its allocation really happens; the ledger
 * records it and the findings judge it (FUNDS.OVERSPENT). Malformed amounts are record rules.
 */
export type FundRuleCode = never;

/** The rules on funds, keyed by code (none). */
export const FUND_RULES: Readonly<Record<FundRuleCode, LedgerRule<FundRuleCode>>> = {};
