import { Migration } from "@mikro-orm/migrations";
import { dropRefuseChangesSql, refuseChangesSql } from "./hand-written-sql.js";

/**
 * Written by hand: a report submission is frozen. A trigger refuses UPDATE, DELETE and TRUNCATE on
 * `report_submission` (superusers included), and the application role loses those privileges.
 */
export class Migration20261202172312 extends Migration {
  override async up(): Promise<void> {
    for (const sql of refuseChangesSql("report_submission", "report_submission_frozen", "frozen"))
      this.addSql(sql);
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
    for (const sql of dropRefuseChangesSql("report_submission", "report_submission_frozen")) this.addSql(sql);
  }
}
