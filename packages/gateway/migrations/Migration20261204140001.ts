import { Migration } from "@mikro-orm/migrations";

/**
 * The audit chain linked after commit. Writers insert entries unlinked (`fupin_audit_append` takes no
 * lock and computes no hash), so writes no longer queue on the chain's advisory lock through their
 * commit's WAL flush; the linker (audit/audit-linker.ts) chains committed entries under that lock.
 *
 * - Entries written before number in `seq` order, which was their chain's order (each was linked as it
 *   was inserted, under the lock).
 * - The append-only trigger lets one change through: an unlinked entry given its place (`link_no`,
 *   `prev_hash`, `hash`), every other column unchanged. A new entry must come unlinked.
 * - `fupin_app` may set those three columns, and nothing else of the log.
 */
export class Migration20261204140001 extends Migration {
  override async up(): Promise<void> {
    this.addSql("alter table audit_log disable trigger audit_log_no_update_delete;");
    this.addSql("update audit_log set link_no = seq;");
    this.addSql("alter table audit_log enable trigger audit_log_no_update_delete;");
    this.addSql(`create or replace function audit_log_append_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and old.link_no is null and old.hash is null and old.prev_hash is null
     and new.link_no is not null and new.hash is not null and new.prev_hash is not null
     and (new.seq, new.at, new.principal_id, new.action, new.entity_type, new.entity_id, new.county_code,
          new.request_id) is not distinct from (old.seq, old.at, old.principal_id, old.action,
          old.entity_type, old.entity_id, old.county_code, old.request_id)
     and new.before is not distinct from old.before and new.after is not distinct from old.after then
    return new;
  end if;
  raise exception 'audit_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;`);
    this.addSql(`create function audit_log_insert_unlinked() returns trigger language plpgsql as $$
begin
  if new.link_no is not null or new.hash is not null or new.prev_hash is not null then
    raise exception 'audit_log entries are inserted unlinked: link_no, prev_hash and hash are set by the linker'
      using errcode = 'insufficient_privilege';
  end if;
  return new;
end;
$$;`);
    this.addSql(`create trigger audit_log_insert_unlinked before insert on audit_log
  for each row execute function audit_log_insert_unlinked();`);
    this.addSql(`create or replace function fupin_audit_append(entries jsonb) returns void
language plpgsql volatile as $$
begin
  insert into audit_log (at, principal_id, action, entity_type, entity_id, county_code, request_id, before, after)
  select (x.e->>'at')::timestamptz, x.e->>'principalId', x.e->>'action', x.e->>'entityType', x.e->>'entityId',
         x.e->>'countyCode', x.e->>'requestId', nullif(x.e->'before', 'null'), nullif(x.e->'after', 'null')
    from jsonb_array_elements(entries) with ordinality as x(e, n)
   order by x.n;
end
$$;`);
    this.addSql(`do $$
begin
  if exists (select from pg_roles where rolname = 'fupin_app') then
    grant update (link_no, prev_hash, hash) on audit_log to fupin_app;
  end if;
end
$$;`);
  }

  /** Back to refusing every change; entries inserted since stay unlinked (the former append no longer links). */
  override async down(): Promise<void> {
    this.addSql(`create or replace function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;`);
    this.addSql("drop trigger if exists audit_log_insert_unlinked on audit_log;");
    this.addSql("drop function if exists audit_log_insert_unlinked();");
  }
}
