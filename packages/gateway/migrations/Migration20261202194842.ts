import { Migration } from "@mikro-orm/migrations";

export class Migration20261202194842 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "audit_log" drop constraint if exists "audit_log_action_check";`);

    this.addSql(
      `alter table "audit_log" add constraint "audit_log_action_check" check("action" in ('create', 'update', 'delete', 'read_personal', 'submit', 'refuse_write'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "audit_log" drop constraint if exists "audit_log_action_check";`);

    this.addSql(
      `alter table "audit_log" add constraint "audit_log_action_check" check("action" in ('create', 'update', 'delete', 'read_personal', 'submit'));`,
    );
  }
}
