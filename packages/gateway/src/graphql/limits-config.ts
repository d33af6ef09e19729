/** Largest page a connection returns (`first`). */
export const MAX_PAGE_SIZE = 100;
/** Default page size when `first` is omitted. */
export const DEFAULT_PAGE_SIZE = 20;
/** Deepest selection set allowed. */
export const MAX_DEPTH = 10;
/** Most aliases allowed in one operation. */
export const MAX_ALIASES = 30;
/** Most tokens allowed in one document. */
export const MAX_TOKENS = 3000;
/** Highest query complexity (fields weighted by page sizes). */
export const MAX_COMPLEXITY = 25_000;
/**
 * Complexity of an assessment field: a whole region's ledger read and computed (seconds of CPU for a
 * county), so one request holds at most five findings or twelve metrics, never thirty aliases of them.
 */
export const ASSESSMENT_COMPLEXITY = { findings: 4_500, metrics: 2_000 } as const;
