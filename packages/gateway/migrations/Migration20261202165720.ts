import { Migration } from "@mikro-orm/migrations";

export class Migration20261202165720 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "api_key" add column "expires_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "api_key" drop column "expires_at";`);
  }
}
