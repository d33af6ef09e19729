import { Migration } from "@mikro-orm/migrations";

export class Migration20261202195941 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "household_credit" ("id" text not null, "county_code" text not null, "region_code" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "household_id" text not null, "kind" text check ("kind" in ('microcredit', 'household_fund')) not null, "amount_fen" bigint not null, "entity_id" text null, "industry_id" text null, "fund_id" text null, "placed_date" date not null, "due_date" date null, "lender" text not null, constraint "household_credit_pkey" primary key ("id"), constraint household_credit_county_code_check check (county_code ~ '^[0-9]{6}$'));`,
    );
    this.addSql(`create index "household_credit_household_id_index" on "household_credit" ("household_id");`);
    this.addSql(`create index "household_credit_entity_id_index" on "household_credit" ("entity_id");`);
    this.addSql(`create index "household_credit_industry_id_index" on "household_credit" ("industry_id");`);
    this.addSql(`create index "household_credit_fund_id_index" on "household_credit" ("fund_id");`);
    this.addSql(
      `create index "household_credit_scope_idx" on "household_credit" ("county_code", "region_code" text_pattern_ops);`,
    );

    this.addSql(
      `create table "credit_return" ("id" text not null, "county_code" text not null, "region_code" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "credit_id" text not null, "date" date not null, "kind" text check ("kind" in ('dividend', 'repayment')) not null, "amount_fen" bigint not null, constraint "credit_return_pkey" primary key ("id"), constraint credit_return_county_code_check check (county_code ~ '^[0-9]{6}$'));`,
    );
    this.addSql(`create index "credit_return_credit_id_index" on "credit_return" ("credit_id");`);
    this.addSql(
      `create index "credit_return_scope_idx" on "credit_return" ("county_code", "region_code" text_pattern_ops);`,
    );

    this.addSql(
      `alter table "household_credit" add constraint "household_credit_household_id_foreign" foreign key ("household_id") references "household" ("id") on update no action on delete no action;`,
    );
    this.addSql(
      `alter table "household_credit" add constraint "household_credit_entity_id_foreign" foreign key ("entity_id") references "business_entity" ("id") on update no action on delete no action;`,
    );
    this.addSql(
      `alter table "household_credit" add constraint "household_credit_industry_id_foreign" foreign key ("industry_id") references "industry" ("id") on update no action on delete no action;`,
    );
    this.addSql(
      `alter table "household_credit" add constraint "household_credit_fund_id_foreign" foreign key ("fund_id") references "fund" ("id") on update no action on delete no action;`,
    );

    this.addSql(
      `alter table "credit_return" add constraint "credit_return_credit_id_foreign" foreign key ("credit_id") references "household_credit" ("id") on update no action on delete no action;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "credit_return" drop constraint "credit_return_credit_id_foreign";`);

    this.addSql(`drop table if exists "household_credit" cascade;`);

    this.addSql(`drop table if exists "credit_return" cascade;`);
  }
}
