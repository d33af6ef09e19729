import { Migration } from "@mikro-orm/migrations";

/**
 * `fupin_bump_ledger_version(county)`: the ledger-version bump of the row triggers
 * (Migration20261202170000) as a function a statement can call itself. A write made in one statement
 * bumps the version before it appends to the audit chain, so that it takes the version's row lock
 * before the chain's advisory lock, in the order of a write made in a transaction (rows, version,
 * audit); the triggers then find the bump done for the transaction and skip it.
 */
export class Migration20261203060000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function fupin_bump_ledger_version(county text) returns void
language sql volatile as $$
  insert into ledger_version as v (county_code, version)
  select county, 1
   where current_setting('fupin.ledger_version_' || county, true) is distinct from txid_current()::text
  on conflict (county_code) do update set version = v.version + 1;
  select set_config('fupin.ledger_version_' || county, txid_current()::text, true);
$$;`);
  }

  override async down(): Promise<void> {
    this.addSql("drop function if exists fupin_bump_ledger_version(text);");
  }
}
