import { Migration } from "@mikro-orm/migrations";

/** Stripes per county of `ledger_version`. */
const STRIPES = 64;

/** The upsert of one stripe: the backend's own, so concurrent writers of a county bump different rows. */
function bumpStripe(county: string): string {
  return `insert into ledger_version as v (county_code, stripe, version) values (${county}, pg_backend_pid() % ${STRIPES}, 1)
      on conflict (county_code, stripe) do update set version = v.version + 1;`;
}

/**
 * `ledger_version` striped: a county's version is the sum of its rows (readers already sum them), and
 * each backend bumps the row of its stripe (its process id modulo 64). With one row per county, every
 * write of a county queued on that row's lock, held until the commit, before the audit chain's lock
 * even came into play; now writers of a county meet only on the chain's lock, as they must. The sum
 * rises with every committed bump, so a changed ledger still always shows a changed version.
 */
export class Migration20261203120000 extends Migration {
  override async up(): Promise<void> {
    this.addSql("alter table ledger_version add column stripe smallint not null default 0;");
    this.addSql("alter table ledger_version drop constraint ledger_version_pkey;");
    this.addSql("alter table ledger_version add primary key (county_code, stripe);");
    this.addSql(`create or replace function bump_ledger_version() returns trigger language plpgsql as $$
declare
  county text := case when tg_op = 'DELETE' then old.county_code else new.county_code end;
  setting text := 'fupin.ledger_version_' || county;
begin
  if current_setting(setting, true) is distinct from txid_current()::text then
    ${bumpStripe("county")}
    perform set_config(setting, txid_current()::text, true);
  end if;
  if tg_op = 'UPDATE' and old.county_code <> new.county_code then
    ${bumpStripe("old.county_code")}
  end if;
  return null;
end
$$;`);
    this.addSql(`create or replace function fupin_bump_ledger_version(county text) returns void
language plpgsql volatile as $$
declare
  setting text := 'fupin.ledger_version_' || county;
begin
  if current_setting(setting, true) is distinct from txid_current()::text then
    ${bumpStripe("county")}
    perform set_config(setting, txid_current()::text, true);
  end if;
end
$$;`);
  }

  override async down(): Promise<void> {
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
    this.addSql(`create or replace function bump_ledger_version() returns trigger language plpgsql as $$
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
    this.addSql(`create temporary table ledger_version_whole on commit drop as
  select county_code, sum(version)::bigint as version from ledger_version group by county_code;`);
    this.addSql("delete from ledger_version;");
    this.addSql("alter table ledger_version drop constraint ledger_version_pkey;");
    this.addSql("alter table ledger_version drop column stripe;");
    this.addSql("alter table ledger_version add primary key (county_code);");
    this.addSql(
      "insert into ledger_version (county_code, version) select county_code, version from ledger_version_whole;",
    );
  }
}
