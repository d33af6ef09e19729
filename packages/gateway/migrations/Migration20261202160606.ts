import { Migration } from "@mikro-orm/migrations";

/**
 * Written by hand: what the table descriptions cannot express. The audit log's append-only trigger,
 * the rate limiter's store (a table of rate-limiter-flexible, left out of the metadata) and the
 * application role with its privileges (no UPDATE or DELETE on the audit log).
 */
export class Migration20261202160606 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;`);
    this.addSql(`create trigger audit_log_no_update_delete before update or delete on audit_log
  for each row execute function audit_log_append_only();`);
    this.addSql(`create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_append_only();`);

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
    this.addSql("drop trigger if exists audit_log_no_truncate on audit_log;");
    this.addSql("drop trigger if exists audit_log_no_update_delete on audit_log;");
    this.addSql("drop function if exists audit_log_append_only();");
  }
}
