import type { LedgerTable } from "./ledger-table.js";

/** A stored row: the record and the region and county it is filed under. */
export interface Stored<T> {
  readonly record: T;
  readonly regionCode: string;
  readonly countyCode: string;
}

/** Field values a `find` matches: a value, or an array of values (any of them). */
export type Where<T> = { readonly [K in keyof T & string]?: T[K] | readonly T[K][] };

/** Writes of one mutation, inside one transaction; audit entries are appended before it commits. */
export interface LedgerWriter {
  /** Locks and reads a record inside the caller's scope, or fails NOT_FOUND. */
  lock<T>(table: LedgerTable<T>, id: string): Promise<Stored<T>>;
  /** Whether a record with this key exists in the county (for references across townships). */
  existsInCounty<T>(table: LedgerTable<T>, id: string, countyCode: string): Promise<boolean>;
  insert<T>(table: LedgerTable<T>, record: T, regionCode: string): Promise<void>;
  update<T>(table: LedgerTable<T>, before: Stored<T>, after: T, regionCode?: string): Promise<void>;
  /**
   * Records whose fields equal the given values (an array: any of them), in key order: inside the
   * caller's scope, or in every scope (for rules that span scopes, such as one person per household).
   */
  find<T>(table: LedgerTable<T>, where: Where<T>, scope: "caller" | "all"): Promise<T[]>;
  /** Files the rows of `table` whose `field` is one of `values` under another region (a household moved). */
  relocate<T>(
    table: LedgerTable<T>,
    field: keyof T & string,
    values: readonly string[],
    regionCode: string,
  ): Promise<void>;
}
