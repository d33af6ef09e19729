import { Migration } from "@mikro-orm/migrations";

export class Migration20261203091120 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index "household_industry_household_id_industry_id_index" on "household_industry" ("household_id", "industry_id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "household_industry_household_id_industry_id_index";`);
  }
}
