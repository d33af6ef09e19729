import { Migration } from "@mikro-orm/migrations";

export class Migration20261202175900 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "linkage" add column "signed_date" date null, add column "end_date" date null;`);

    this.addSql(
      `alter table "linkage_year" add column "invested_fen" bigint null, add column "months_worked" double precision null, add column "area_mu" double precision null, add column "payment_dates" jsonb null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "linkage" drop column "signed_date", drop column "end_date";`);

    this.addSql(
      `alter table "linkage_year" drop column "invested_fen", drop column "months_worked", drop column "area_mu", drop column "payment_dates";`,
    );
  }
}
