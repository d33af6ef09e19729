import { GraphQLError } from "graphql";
import type { GatewayContext } from "../context.js";
import { idCursor, scopedPage } from "../graphql/connection.js";
import { badUserInput } from "../graphql/errors.js";
import type { Page } from "../graphql/read/sql.js";
import { principalRegion, requireRegion, scopeSql } from "../graphql/scope.js";
import { SCHEDULE_COLUMNS, type SyncScheduleView } from "./schedules.js";
import { SYNC_RUN_STATUSES } from "./sync-run.table.js";
import { RUN_COLUMNS, type SyncRunView } from "./sync-runs.js";
import type { SyncService } from "./sync-service.js";

/** A row a platform refused, as the API shows it. */
export interface RejectedRowView {
  readonly sheet: string;
  readonly batch: number;
  readonly row: number;
  readonly rowKey: string | null;
  readonly field: string | null;
  readonly reason: string;
}

/** A run with the rows the platforms refused (the first 100) and how many there were. */
export interface SyncRunWithRejections extends SyncRunView {
  readonly rejectedRows: readonly RejectedRowView[];
  readonly rejectedRowCount: number;
}

const REJECTED = `(SELECT count(*)::int FROM sync_rejected_row r WHERE r.run_id = sync_run.id) AS "rejectedRowCount",
  (SELECT coalesce(json_agg(json_build_object('sheet', x.sheet, 'batch', x.batch, 'row', x.row, 'rowKey', x.row_key,
     'field', x.field, 'reason', x.reason) ORDER BY x.sheet, x.batch, x.row), '[]'::json)
     FROM (SELECT * FROM sync_rejected_row r WHERE r.run_id = sync_run.id ORDER BY sheet, batch, row LIMIT 100) x)
   AS "rejectedRows"`;

/** The cursor of a run in `syncRuns`. */
export function runCursor(run: { readonly id: string }): string {
  return idCursor("r", run.id);
}

/** The arguments of `syncRuns`. */
export interface SyncRunsArgs {
  readonly regionCode: string;
  readonly status?: string | null;
  readonly first?: number | null;
  readonly after?: string | null;
}

/** A page of the runs of a region (inside the caller's scope) and the regions under it, newest first. */
export async function listRuns(
  ctx: GatewayContext,
  args: SyncRunsArgs,
): Promise<Page<SyncRunWithRejections>> {
  if (args.status != null && !(SYNC_RUN_STATUSES as readonly string[]).includes(args.status))
    throw badUserInput([{ path: "status", message: `must be one of ${SYNC_RUN_STATUSES.join(", ")}` }]);
  const regionCode = requireRegion(ctx, args.regionCode);
  return scopedPage<SyncRunWithRejections & Record<string, unknown>>(
    ctx,
    {
      table: "sync_run",
      columns: `${RUN_COLUMNS}, ${REJECTED}`,
      regionCode,
      equal: { status: args.status },
      cursorTag: "r",
      newestFirst: true,
    },
    args,
  );
}

/** A run inside the caller's scope; NOT_FOUND (the same answer whether it exists elsewhere or not) otherwise. */
export async function runInScope(ctx: GatewayContext, id: string): Promise<SyncRunWithRejections> {
  if (!/^[0-9]{1,18}$/.test(id)) throw badUserInput([{ path: "id", message: "must be a run id (digits)" }]);
  const params: unknown[] = [id];
  const where = scopeSql(principalRegion(ctx), params);
  const [row] = await ctx.services.sql.query<SyncRunWithRejections & Record<string, unknown>>(
    `SELECT ${RUN_COLUMNS}, ${REJECTED} FROM sync_run WHERE id = $1 AND ${where}`,
    params,
  );
  if (!row)
    throw new GraphQLError(`sync run ${id} not found in your scope`, { extensions: { code: "NOT_FOUND" } });
  return row;
}

/** The schedules of a region (inside the caller's scope) and the regions under it. */
export async function listSchedules(ctx: GatewayContext, regionCode: string): Promise<SyncScheduleView[]> {
  const region = requireRegion(ctx, regionCode);
  const params: unknown[] = [];
  const where = scopeSql(region, params);
  return ctx.services.sql.query<SyncScheduleView & Record<string, unknown>>(
    `SELECT ${SCHEDULE_COLUMNS} FROM sync_schedule WHERE ${where} ORDER BY region_code, profile`,
    params,
  );
}

/** The sync service of a request, or an error saying the gateway runs without it. */
export function requireSync(ctx: GatewayContext): SyncService {
  const sync = ctx.services.sync;
  if (!sync)
    throw new GraphQLError("the sync pipeline is not running in this gateway", {
      extensions: { code: "SYNC.UNAVAILABLE" },
    });
  return sync;
}
