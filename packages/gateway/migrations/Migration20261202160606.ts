import { Migration } from "@mikro-orm/migrations";
import { dropRefuseChangesSql, refuseChangesSql } from "./hand-written-sql.js";

/**
 * Written by hand: what the table descriptions cannot express. The audit log's append-only trigger,
 * the rate limiter's store (a table of rate-limiter-flexible, left out of the metadata) and the
 * application role with its privileges (no UPDATE or DELETE on the audit log).
 */
export class Migration20261202160606 extends Migration {
  override async up(): Promise<void> {
    for (const sql of refuseChangesSql("audit_log", "audit_log_append_only", "append-only")) this.addSql(sql);

    this.addSql(`create table rate_limit (
  key varchar(255) primary key,
  points integer not null default 0,
  expire bigint
);`);

    this.addSql(`do $$
begin
  if not exists (select from pg_roles where rolname = 'fupin_app') then
    create role fupin_app nologin;
  end if;
exception
  when insufficient_privilege then
    raise notice 'fupin: cannot create role fupin_app (no CREATEROLE); create it and grant it separately';
  when unique_violation or duplicate_object then
    null; -- created at the same moment by a migration of another database on this server
end
$$;`);
    this.addSql(`do $$
begin
  if exists (select from pg_roles where rolname = 'fupin_app') then
    grant usage on schema public to fupin_app;
    grant select, insert, update, delete on all tables in schema public to fupin_app;
    grant usage, select on all sequences in schema public to fupin_app;
    revoke update, delete, truncate on audit_log from fupin_app;
    alter default privileges in schema public grant select, insert, update, delete on tables to fupin_app;
    alter default privileges in schema public grant usage, select on sequences to fupin_app;
  end if;
end
$$;`);
  }

  override async down(): Promise<void> {
    this.addSql("drop table if exists rate_limit;");
    for (const sql of dropRefuseChangesSql("audit_log", "audit_log_append_only")) this.addSql(sql);
  }
}
