import { Migration } from "@mikro-orm/migrations";

export class Migration20261202203351 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "fund_disbursement" ("id" text not null, "county_code" text not null, "region_code" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "fund_id" text not null, "project_id" text null, "date" date not null, "amount_fen" bigint not null, "payee" text not null, constraint "fund_disbursement_pkey" primary key ("id"), constraint fund_disbursement_county_code_check check (county_code ~ '^[0-9]{6}$'));`,
    );
    this.addSql(`create index "fund_disbursement_fund_id_index" on "fund_disbursement" ("fund_id");`);
    this.addSql(`create index "fund_disbursement_project_id_index" on "fund_disbursement" ("project_id");`);
    this.addSql(
      `create index "fund_disbursement_scope_idx" on "fund_disbursement" ("county_code", "region_code" text_pattern_ops);`,
    );

    this.addSql(
      `alter table "fund_disbursement" add constraint "fund_disbursement_fund_id_foreign" foreign key ("fund_id") references "fund" ("id") on update no action on delete no action;`,
    );
    this.addSql(
      `alter table "fund_disbursement" add constraint "fund_disbursement_project_id_foreign" foreign key ("project_id") references "project" ("id") on update no action on delete no action;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "fund_disbursement" cascade;`);
  }
}
