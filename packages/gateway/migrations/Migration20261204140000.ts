import { Migration } from "@mikro-orm/migrations";

/** Generated: `audit_log.link_no`, and `prev_hash` and `hash` null until an entry is linked. */
export class Migration20261204140000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "audit_log" add column "link_no" bigint null;`);
    this.addSql(`alter table "audit_log" alter column "prev_hash" drop not null;`);
    this.addSql(`alter table "audit_log" alter column "hash" drop not null;`);
    this.addSql(`alter table "audit_log" add constraint "audit_log_link_no_unique" unique ("link_no");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "audit_log" drop constraint "audit_log_link_no_unique";`);
    this.addSql(`alter table "audit_log" drop column "link_no";`);
    this.addSql(`alter table "audit_log" alter column "prev_hash" set not null;`);
    this.addSql(`alter table "audit_log" alter column "hash" set not null;`);
  }
}
