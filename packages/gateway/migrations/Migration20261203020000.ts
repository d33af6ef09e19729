import { Migration } from "@mikro-orm/migrations";

/**
 * Appending to the audit chain in one statement: `fupin_audit_append(entries)` takes the chain's
 * advisory lock, reads the last hash and inserts each entry with hash = sha256(prev_hash || body),
 * where `body` is the canonical JSON the gateway hashes (audit/audit-chain.ts). A volatile PL/pgSQL
 * function reads with a new snapshot in each of its statements, so the last hash is read after the
 * lock is held, as the three statements it replaces did.
 */
export class Migration20261203020000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function fupin_audit_append(entries jsonb) returns void
language plpgsql volatile as $$
declare
  e jsonb;
  prev text;
  next text;
begin
  perform pg_advisory_xact_lock(7383364011045954916);
  select a.hash into prev from audit_log a order by a.seq desc limit 1;
  prev := coalesce(prev, repeat('0', 64));
  for e in select value from jsonb_array_elements(entries) loop
    next := encode(sha256(convert_to(prev || (e->>'body'), 'UTF8')), 'hex');
    insert into audit_log (at, principal_id, action, entity_type, entity_id, county_code, request_id,
                           before, after, prev_hash, hash)
    values ((e->>'at')::timestamptz, e->>'principalId', e->>'action', e->>'entityType', e->>'entityId',
            e->>'countyCode', e->>'requestId', nullif(e->'before', 'null'), nullif(e->'after', 'null'),
            prev, next);
    prev := next;
  end loop;
end
$$;`);
  }

  override async down(): Promise<void> {
    this.addSql("drop function if exists fupin_audit_append(jsonb);");
  }
}
