import { Migration } from "@mikro-orm/migrations";
import { dropLedgerVersionTriggersSql, ledgerVersionTriggersSql } from "./hand-written-sql.js";

/** The ledger tables added with this migration's predecessor (a migration never changes with the code). */
const NEW_LEDGER_TABLES = ["fund_disbursement"] as const;

/** Written by hand: fund disbursements bump the county's ledger version like every ledger table. */
export class Migration20261202203352 extends Migration {
  override async up(): Promise<void> {
    for (const sql of ledgerVersionTriggersSql(NEW_LEDGER_TABLES)) this.addSql(sql);
  }

  override async down(): Promise<void> {
    for (const sql of dropLedgerVersionTriggersSql(NEW_LEDGER_TABLES)) this.addSql(sql);
  }
}
