import { Migration } from "@mikro-orm/migrations";

/**
 * Written by hand: a report submission is frozen. A trigger refuses UPDATE, DELETE and TRUNCATE on
 * `report_submission` (superusers included), and the application role loses those privileges.
 */
export class Migration20261202172312 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function report_submission_frozen() returns trigger language plpgsql as $$
begin
  raise exception 'report_submission is frozen: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;`);
    this.addSql(`create trigger report_submission_no_update_delete before update or delete on report_submission
  for each row execute function report_submission_frozen();`);
    this.addSql(`create trigger report_submission_no_truncate before truncate on report_submission
  for each statement execute function report_submission_frozen();`);
    this.addSql(`do $$
begin
  if exists (select from pg_roles where rolname = 'fupin_app') then
    grant select, insert on report_submission to fupin_app;
    grant usage, select on sequence report_submission_id_seq to fupin_app;
    revoke update, delete, truncate on report_submission from fupin_app;
  end if;
end
$$;`);
  }

  override async down(): Promise<void> {
    this.addSql("drop trigger if exists report_submission_no_truncate on report_submission;");
    this.addSql("drop trigger if exists report_submission_no_update_delete on report_submission;");
    this.addSql("drop function if exists report_submission_frozen();");
  }
}
