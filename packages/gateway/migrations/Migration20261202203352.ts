import { Migration } from "@mikro-orm/migrations";

/** The ledger tables added with this migration's predecessor (a migration never changes with the code). */
const NEW_LEDGER_TABLES = ["fund_disbursement"] as const;

/** Written by hand: fund disbursements bump the county's ledger version like every ledger table. */
export class Migration20261202203352 extends Migration {
  override async up(): Promise<void> {
    for (const t of NEW_LEDGER_TABLES) {
      this.addSql(`create trigger "${t}_ledger_version" after insert or update or delete on "${t}"
  for each row execute function bump_ledger_version();`);
      this.addSql(`create trigger "${t}_ledger_version_truncate" after truncate on "${t}"
  for each statement execute function bump_every_ledger_version();`);
    }
  }

  override async down(): Promise<void> {
    for (const t of NEW_LEDGER_TABLES) {
      this.addSql(`drop trigger if exists "${t}_ledger_version" on "${t}";`);
      this.addSql(`drop trigger if exists "${t}_ledger_version_truncate" on "${t}";`);
    }
  }
}
