import type { Logger } from "pino";
import type { Principal } from "./auth/principal.js";

/**
 * Per-request context shared by the GraphQL schema and the server. The server (src/server.ts)
 * builds it; resolvers read it. `principal` is null only for unauthenticated requests, which the
 * schema refuses before any resolver loads rows.
 */
export interface GatewayContext {
  readonly requestId: string;
  readonly principal: Principal | null;
  readonly logger: Logger;
  /** The clock: the only source of "now" in request handling (tests replace it). */
  readonly now: () => Date;
  readonly services: GatewayServices;
}

/** Long-lived services the server creates once and hands to every request. */
export interface GatewayServices {
  /** Plain SQL on the pool: returns rows as plain objects. For the read path (no entity hydration). */
  readonly sql: SqlExecutor;
  /** MikroORM: the table metadata and the migrator. */
  readonly orm: import("@mikro-orm/postgresql").MikroORM;
  /** Appends to the hash-chained audit log, inside the caller's transaction when given one. */
  readonly audit: AuditWriter;
  /** Findings and metrics, cached by ledger version and computed off the event loop. */
  readonly assessment: import("./assessment/assessment-service.js").AssessmentService;
  /** Refused writes per principal, counted in PostgreSQL; past the limit a principal may not write. */
  readonly failedWrites: import("./graphql/write/failed-writes.js").FailedWriteLimit;
  /** How much of an ID number callers without personal:read see. */
  readonly idNumberMask: import("@fupin/domain").IdNumberMask;
  /** The sync pipeline (pg-boss), when this process runs it: schedules and runs are queued through it. */
  readonly sync?: import("./sync/sync-service.js").SyncService | null;
  /** Limits of uploaded files (default 20 MiB). */
  readonly uploads?: { readonly maxBytes: number };
}

/** How a statement runs. */
export interface QueryOptions {
  /**
   * Prepare it by name on each connection (parsed and planned once there): for statements whose
   * text repeats across requests, such as the compiled reads of a document.
   */
  readonly prepare?: boolean;
  /**
   * The statement always answers at least one row (such as a compiled page): a request's pending key
   * recheck may ride in it instead of costing a statement of its own.
   */
  readonly atLeastOneRow?: boolean;
  /**
   * Run it before the request's pending key recheck: the caller reads the key's state in a later
   * statement of the same request, before anything is written and before anything it read is
   * answered (a write made in one statement, graphql/write/one-statement.ts).
   */
  readonly recheckLater?: boolean;
}

/** Runs parameterised SQL (`$1`, `$2`, …) and returns plain rows. */
export interface SqlExecutor {
  query<T extends Record<string, unknown> = Record<string, unknown>>(
    text: string,
    params?: readonly unknown[],
    options?: QueryOptions,
  ): Promise<T[]>;
  /** Runs `work` in one transaction on one client of the pool; rolls back when it throws. */
  transaction<R>(work: (tx: SqlTransaction) => Promise<R>): Promise<R>;
  /** How many statements this executor has run; tests read it to count SQL per request. */
  readonly statementCount: number;
}

/** Parameterised SQL (`$1`, `$2`, …) inside one transaction. */
export interface SqlTransaction {
  query<T extends Record<string, unknown> = Record<string, unknown>>(
    text: string,
    params?: readonly unknown[],
    options?: QueryOptions,
  ): Promise<T[]>;
  /** The pool client holding the transaction (for the audit writer). */
  readonly client: import("pg").ClientBase;
}

/** One audit entry: who did what to which record, with the before and after images. */
export interface AuditEntry {
  readonly principalId: string;
  readonly action: "create" | "update" | "delete" | "read_personal" | "submit" | "refuse_write";
  readonly entityType: string;
  readonly entityId: string;
  readonly countyCode: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly requestId: string;
  readonly at: Date;
}

/** Writes audit entries. */
export interface AuditWriter {
  /**
   * Inserts entries, unlinked: in the caller's transaction when given its client (linked after it
   * commits through `inTransaction`), else in a statement of their own (linked once it returns).
   */
  append(entries: readonly AuditEntry[], tx?: import("pg").ClientBase): Promise<void>;
  /** Entries appended by a statement of the caller's own (a write made in one statement) have committed: link them. */
  committed(): void;
}
