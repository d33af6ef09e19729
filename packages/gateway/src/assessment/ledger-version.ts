import type { SqlExecutor } from "../context.js";

/**
 * The version of the ledger a region's assessment reads: the sum of the versions of its county and
 * of the province and city rows above it, every stripe of each (bumped by triggers in every writing
 * transaction, see migrations 20261202170000 and 20261203120000), so any write that could change the
 * assessment changes it, whichever process made it.
 */
export async function readLedgerVersion(
  sql: Pick<SqlExecutor, "query">,
  regionCode: string,
): Promise<string> {
  const rows = await sql.query<{ version: string }>(
    `SELECT coalesce(sum(version), 0)::text AS version FROM ledger_version
      WHERE county_code LIKE $1 || '%' OR $1 LIKE county_code || '%'`,
    [regionCode.slice(0, 6)],
  );
  return rows[0]?.version ?? "0";
}
