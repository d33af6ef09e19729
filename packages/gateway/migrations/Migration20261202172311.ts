import { Migration } from "@mikro-orm/migrations";

export class Migration20261202172311 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "report_submission" ("id" bigserial primary key, "county_code" text not null, "region_code" text not null, "profile" text check ("profile" in ('province-households', 'city-projects', 'city-campaign')) not null, "period" text not null, "period_end" date not null, "as_of" date not null, "preparer" text not null, "reviewer" text not null, "payload_hash" text not null, "content" bytea not null, "content_type" text not null, "dataset" jsonb not null, "principal_id" text not null, "created_at" timestamptz not null default now(), constraint report_submission_county_code_check check (county_code ~ '^[0-9]{6}$'), constraint report_submission_period_check check (period ~ '^[0-9]{4}(-[0-9]{2})?$'), constraint report_submission_payload_hash_check check (payload_hash ~ '^[0-9a-f]{64}$'));`,
    );
    this.addSql(
      `create index "report_submission_scope_idx" on "report_submission" ("county_code", "region_code" text_pattern_ops);`,
    );
    this.addSql(
      `create index "report_submission_last_idx" on "report_submission" ("region_code", "profile", "period_end");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "report_submission" cascade;`);
  }
}
