import type { LedgerTable } from "./ledger-table.js";

/** A stored row: the record and the region and county it is filed under. */
export interface Stored<T> {
  readonly record: T;
  readonly regionCode: string;
  readonly countyCode: string;
}

/** Field values a `find` matches: a value, or an array of values (any of them). */
export type Where<T> = { readonly [K in keyof T & string]?: T[K] | readonly T[K][] };

/** A table as a reference names it: its name, key column and entity type. */
export interface TableName {
  readonly table: string;
  readonly key: string;
  readonly entityType: string;
}

/** A record's reference to a record of another table that must lie in the same county. */
export interface CountyReference {
  readonly table: TableName;
  /** The key referred to; null when the record refers to none. */
  readonly id: string | null;
  /** The input field that names it (in the refusal). */
  readonly field: string;
}

/** Writes of one mutation, inside one transaction; audit entries are appended before it commits. */
export interface LedgerWriter {
  /** Locks and reads a record inside the caller's scope, or fails NOT_FOUND. */
  lock<T>(table: LedgerTable<T>, id: string): Promise<Stored<T>>;
  /** Whether a record with this key exists in the county (for references across townships). */
  existsInCounty(table: TableName, id: string, countyCode: string): Promise<boolean>;
  insert<T>(table: LedgerTable<T>, record: T, regionCode: string): Promise<void>;
  /**
   * Inserts a record filed under the region of the record `under` (read and locked inside the
   * caller's scope, or NOT_FOUND), after checking that each reference lies in its county
   * (LEDGER.UNKNOWN_REFERENCE naming the field), in that order: `lock`, `existsInCounty` and
   * `insert` in one call, so that a write made in one statement reads the row in that statement.
   */
  insertUnder<T, P>(
    table: LedgerTable<T>,
    record: T,
    under: { readonly table: LedgerTable<P>; readonly id: string },
    references: readonly CountyReference[],
  ): Promise<void>;
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
