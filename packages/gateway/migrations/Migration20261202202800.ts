import { Migration } from "@mikro-orm/migrations";

export class Migration20261202202800 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "sync_outbox" ("id" bigserial primary key, "run_id" bigint not null, "county_code" text not null, "seq" int not null, "sheet" text null, "batch" int null, "idempotency_key" text not null, "body" jsonb not null, "status" text check ("status" in ('pending', 'delivered')) not null, "receipt" jsonb null, "delivered_at" timestamptz null);`,
    );
    this.addSql(
      `alter table "sync_outbox" add constraint "sync_outbox_idempotency_key_key" unique ("idempotency_key");`,
    );
    this.addSql(
      `alter table "sync_outbox" add constraint "sync_outbox_run_seq_key" unique ("run_id", "seq");`,
    );

    this.addSql(
      `create table "sync_rejected_row" ("id" bigserial primary key, "run_id" bigint not null, "county_code" text not null, "sheet" text not null, "batch" int not null, "row" int not null, "row_key" text null, "field" text null, "reason" text not null);`,
    );
    this.addSql(
      `alter table "sync_rejected_row" add constraint "sync_rejected_row_key" unique ("run_id", "sheet", "batch", "row");`,
    );

    this.addSql(
      `create table "sync_run" ("id" bigserial primary key, "county_code" text not null, "region_code" text not null, "profile" text not null, "period" text not null, "trigger" text not null, "status" text check ("status" in ('queued', 'running', 'retrying', 'blocked', 'delivered', 'failed', 'dead')) not null, "attempts" int not null default 0, "requested_by" text not null, "preparer" text not null, "reviewer" text not null, "due_date" date not null, "late" boolean not null default false, "submission_id" bigint null, "violations" jsonb null, "rectification_ids" jsonb null, "error" text null, "queued_at" timestamptz not null default now(), "started_at" timestamptz null, "finished_at" timestamptz null, "delivered_at" timestamptz null, constraint sync_run_county_code_check check (county_code ~ '^[0-9]{6}$'), constraint sync_run_period_check check (period ~ '^[0-9]{4}(-[0-9]{2})?$'));`,
    );
    this.addSql(
      `create index "sync_run_scope_idx" on "sync_run" ("county_code", "region_code" text_pattern_ops);`,
    );
    this.addSql(
      `alter table "sync_run" add constraint "sync_run_profile_region_period_key" unique ("profile", "region_code", "period");`,
    );

    this.addSql(
      `create table "sync_schedule" ("id" bigserial primary key, "county_code" text not null, "region_code" text not null, "profile" text not null, "cron" text not null, "timezone" text not null default 'Asia/Shanghai', "enabled" boolean not null default true, "preparer" text not null, "reviewer" text not null, "updated_by" text not null, "updated_at" timestamptz not null default now(), constraint sync_schedule_county_code_check check (county_code ~ '^[0-9]{6}$'));`,
    );
    this.addSql(`create index "sync_schedule_scope_idx" on "sync_schedule" ("county_code", "region_code");`);
    this.addSql(
      `alter table "sync_schedule" add constraint "sync_schedule_profile_region_key" unique ("profile", "region_code");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "sync_outbox" cascade;`);

    this.addSql(`drop table if exists "sync_rejected_row" cascade;`);

    this.addSql(`drop table if exists "sync_run" cascade;`);

    this.addSql(`drop table if exists "sync_schedule" cascade;`);
  }
}
