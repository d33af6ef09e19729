import { Migration } from "@mikro-orm/migrations";

export class Migration20261202210052 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "responsibility" drop constraint if exists "responsibility_kind_check";`);

    this.addSql(`alter table "responsibility" add column "village_code" text null;`);
    this.addSql(
      `alter table "responsibility" add constraint "responsibility_kind_check" check("kind" in ('township_fixed_person', 'household_helper', 'village_responsible_person'));`,
    );
    this.addSql(`create index "responsibility_village_code_index" on "responsibility" ("village_code");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "responsibility" drop constraint if exists "responsibility_kind_check";`);

    this.addSql(`drop index "responsibility_village_code_index";`);
    this.addSql(`alter table "responsibility" drop column "village_code";`);

    this.addSql(
      `alter table "responsibility" add constraint "responsibility_kind_check" check("kind" in ('township_fixed_person', 'household_helper'));`,
    );
  }
}
