import { Migration } from "@mikro-orm/migrations";

/**
 * `fupin_bump_ledger_version(county)` in PL/pgSQL: PostgreSQL plans the statements of an SQL function
 * it cannot inline on every call, while PL/pgSQL keeps their plans for the session, so a write made
 * in one statement no longer plans the bump each time. Same effect as Migration20261203060000: one
 * bump per county and transaction, the transaction id kept in a transaction-local setting.
 */
export class Migration20261203100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function fupin_bump_ledger_version(county text) returns void
language plpgsql volatile as $$
declare
  setting text := 'fupin.ledger_version_' || county;
begin
  if current_setting(setting, true) is distinct from txid_current()::text then
    insert into ledger_version as v (county_code, version) values (county, 1)
      on conflict (county_code) do update set version = v.version + 1;
    perform set_config(setting, txid_current()::text, true);
  end if;
end
$$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`create or replace function fupin_bump_ledger_version(county text) returns void
language sql volatile as $$
  insert into ledger_version as v (county_code, version)
  select county, 1
   where current_setting('fupin.ledger_version_' || county, true) is distinct from txid_current()::text
  on conflict (county_code) do update set version = v.version + 1;
  select set_config('fupin.ledger_version_' || county, txid_current()::text, true);
$$;`);
  }
}
