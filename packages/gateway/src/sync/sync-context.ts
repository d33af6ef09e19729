import type { Pool } from "pg";
import type { Logger } from "pino";
import type { GatewayContext, GatewayServices, SqlExecutor } from "../context.js";
import type { SyncRunView } from "./sync-runs.js";
import type { SyncSettings } from "./sync-settings.js";

/** What the pipeline works with: the gateway's services (database, audit log …), the settings, a logger and the clock. */
export interface SyncDeps {
  readonly sql: SqlExecutor;
  /** The pool the lease of an attempt holds a connection of (see `withRunLease`). */
  readonly pool: Pool;
  readonly services: GatewayServices;
  readonly settings: SyncSettings;
  readonly logger: Logger;
  readonly now: () => Date;
}

/**
 * The context a run works in: the principal is whoever asked for the run (a key, the CLI user or a
 * schedule), scoped to the run's region, so the report is built, frozen and audited as theirs.
 */
export function syncContext(deps: SyncDeps, run: SyncRunView): GatewayContext {
  return {
    requestId: `sync-run-${run.id}`,
    principal: {
      id: run.requestedBy,
      kind: "system",
      regionCode: run.regionCode,
      permissions: new Set(["ledger:read", "ledger:write", "personal:read", "reports:submit"]),
    },
    logger: deps.logger,
    now: deps.now,
    services: deps.services,
  };
}
