import { Migration } from "@mikro-orm/migrations";
import { dropLedgerVersionTriggersSql, ledgerVersionTriggersSql } from "./hand-written-sql.js";

/** The ledger tables when this migration was written (a migration never changes with the code). */
const LEDGER_TABLE_NAMES = [
  "region",
  "industry",
  "household",
  "member",
  "income",
  "village_industry",
  "household_industry",
  "business_entity",
  "entity_activity",
  "linkage",
  "linkage_year",
  "fund",
  "project",
  "fund_use",
  "subsidy",
  "technical_service",
  "responsibility",
  "rectification",
  "monitoring",
] as const;

/**
 * A version per county, bumped by triggers in every transaction that writes the county's ledger
 * (any path: mutations, seed, imports), so every gateway process can tell whether a cached
 * assessment is still current. One bump per county and transaction: the transaction id is kept
 * in a transaction-local setting.
 */
export class Migration20261202170000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table ledger_version (
  county_code text primary key,
  version bigint not null default 0
);`);
    this.addSql(`create function bump_ledger_version() returns trigger language plpgsql as $$
declare
  county text := case when tg_op = 'DELETE' then old.county_code else new.county_code end;
  setting text := 'fupin.ledger_version_' || county;
begin
  if current_setting(setting, true) is distinct from txid_current()::text then
    insert into ledger_version as v (county_code, version) values (county, 1)
      on conflict (county_code) do update set version = v.version + 1;
    perform set_config(setting, txid_current()::text, true);
  end if;
  if tg_op = 'UPDATE' and old.county_code <> new.county_code then
    insert into ledger_version as v (county_code, version) values (old.county_code, 1)
      on conflict (county_code) do update set version = v.version + 1;
  end if;
  return null;
end
$$;`);
    this.addSql(`create function bump_every_ledger_version() returns trigger language plpgsql as $$
begin
  update ledger_version set version = version + 1;
  return null;
end
$$;`);
    for (const sql of ledgerVersionTriggersSql(LEDGER_TABLE_NAMES)) this.addSql(sql);
  }

  override async down(): Promise<void> {
    for (const sql of dropLedgerVersionTriggersSql(LEDGER_TABLE_NAMES)) this.addSql(sql);
    this.addSql(`drop function if exists bump_ledger_version(), bump_every_ledger_version();`);
    this.addSql(`drop table if exists ledger_version;`);
  }
}
