import { Migration } from "@mikro-orm/migrations";

export class Migration20261202160605 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "api_key" ("id" text not null, "key_hash" text not null, "label" text not null default '', "region_code" text not null, "permissions" text[] not null, "created_at" timestamptz not null default now(), "revoked_at" timestamptz null, constraint "api_key_pkey" primary key ("id"), constraint api_key_region_code_check check (region_code ~ '^([0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{9}|[0-9]{12})$'));`,
    );
    this.addSql(`alter table "api_key" add constraint "api_key_key_hash_unique" unique ("key_hash");`);

    this.addSql(
      `create table "audit_log" ("seq" bigserial primary key, "at" timestamptz not null, "principal_id" text not null, "action" text check ("action" in ('create', 'update', 'delete', 'read_personal', 'submit')) not null, "entity_type" text not null, "entity_id" text not null, "county_code" text not null, "request_id" text not null, "before" jsonb null, "after" jsonb null, "prev_hash" text not null, "hash" text not null);`,
    );
    this.addSql(`alter table "audit_log" add constraint "audit_log_hash_unique" unique ("hash");`);
    this.addSql(`create index "audit_log_entity_idx" on "audit_log" ("entity_type", "entity_id");`);
    this.addSql(`create index "audit_log_county_idx" on "audit_log" ("county_code", "at");`);

    this.addSql(
      `create table "fund" ("id" text not null, "county_code" text not null, "region_code" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "name" text not null, "source" text check ("source" in ('central', 'provincial', 'municipal', 'county', 'self_raised')) not null, "year" int not null, "allocated_fen" bigint not null, constraint "fund_pkey" primary key ("id"), constraint fund_county_code_check check (county_code ~ '^[0-9]{6}$'));`,
    );
    this.addSql(`create index "fund_scope_idx" on "fund" ("county_code", "region_code" text_pattern_ops);`);

    this.addSql(
      `create table "industry" ("id" text not null, "county_code" text not null, "region_code" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "code" text not null, "name" text not null, "category" text check ("category" in ('fruit', 'vegetable', 'livestock', 'poultry', 'beekeeping', 'tea', 'aquaculture', 'forestry', 'other')) not null, "outcome_unit" text not null, constraint "industry_pkey" primary key ("id"), constraint industry_county_code_check check (county_code ~ '^[0-9]{6}$'));`,
    );
    this.addSql(
      `create index "industry_scope_idx" on "industry" ("county_code", "region_code" text_pattern_ops);`,
    );
    this.addSql(
      `alter table "industry" add constraint "industry_county_code_code_unique" unique ("county_code", "code");`,
    );

    this.addSql(
      `create table "business_entity" ("id" text not null, "county_code" text not null, "region_code" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "name" text not null, "kind" text check ("kind" in ('leading_enterprise', 'cooperative', 'family_farm', 'large_grower')) not null, "credit_code" text null, "industry_id" text null, "established_year" int not null, constraint "business_entity_pkey" primary key ("id"), constraint business_entity_county_code_check check (county_code ~ '^[0-9]{6}$'));`,
    );
    this.addSql(`create index "business_entity_industry_id_index" on "business_entity" ("industry_id");`);
    this.addSql(
      `create index "business_entity_scope_idx" on "business_entity" ("county_code", "region_code" text_pattern_ops);`,
    );

    this.addSql(
      `create table "entity_activity" ("id" text not null, "county_code" text not null, "region_code" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "entity_id" text not null, "year" int not null, "date" date not null, "kind" text check ("kind" in ('sales', 'purchase', 'payment', 'meeting')) not null, "amount_fen" bigint null, "note" text not null, constraint "entity_activity_pkey" primary key ("id"), constraint entity_activity_county_code_check check (county_code ~ '^[0-9]{6}$'));`,
    );
    this.addSql(`create index "entity_activity_entity_id_index" on "entity_activity" ("entity_id");`);
    this.addSql(
      `create index "entity_activity_scope_idx" on "entity_activity" ("county_code", "region_code" text_pattern_ops);`,
    );

    this.addSql(
      `create table "project" ("id" text not null, "county_code" text not null, "region_code" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "name" text not null, "year" int not null, "industry_id" text not null, "entity_id" text null, "funding_fen" jsonb not null, "beneficiary_household_ids" jsonb not null, "linkage_mode" text check ("linkage_mode" in ('order_purchase', 'land_lease', 'employment', 'equity_dividend', 'entrusted_raising', 'asset_income')) null, "performance_target" text not null, "stages" jsonb not null, "current_stage" text check ("current_stage" in ('application', 'review', 'appraisal', 'approval', 'public_notice', 'implementation', 'acceptance', 'handover')) not null, constraint "project_pkey" primary key ("id"), constraint project_county_code_check check (county_code ~ '^[0-9]{6}$'));`,
    );
    this.addSql(`create index "project_industry_id_index" on "project" ("industry_id");`);
    this.addSql(`create index "project_entity_id_index" on "project" ("entity_id");`);
    this.addSql(
      `create index "project_scope_idx" on "project" ("county_code", "region_code" text_pattern_ops);`,
    );

    this.addSql(
      `create table "fund_use" ("id" text not null, "county_code" text not null, "region_code" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "fund_id" text not null, "year" int not null, "category" text check ("category" in ('industry', 'equity_in_enterprise', 'photovoltaic', 'infrastructure', 'welfare', 'other')) not null, "amount_fen" bigint not null, "project_id" text null, "description" text not null, constraint "fund_use_pkey" primary key ("id"), constraint fund_use_county_code_check check (county_code ~ '^[0-9]{6}$'));`,
    );
    this.addSql(`create index "fund_use_fund_id_index" on "fund_use" ("fund_id");`);
    this.addSql(`create index "fund_use_project_id_index" on "fund_use" ("project_id");`);
    this.addSql(
      `create index "fund_use_scope_idx" on "fund_use" ("county_code", "region_code" text_pattern_ops);`,
    );

    this.addSql(
      `create table "rectification" ("id" text not null, "county_code" text not null, "region_code" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "township_code" text not null, "problem" text not null, "source" text check ("source" in ('inspection', 'check', 'finding')) not null, "finding_code" text null, "subject_id" text null, "found_date" date not null, "responsible_person" text not null, "deadline" date not null, "status" text check ("status" in ('open', 'planned', 'closed')) not null, "plan" jsonb null, "closed_date" date null, constraint "rectification_pkey" primary key ("id"), constraint rectification_county_code_check check (county_code ~ '^[0-9]{6}$'));`,
    );
    this.addSql(`create index "rectification_township_code_index" on "rectification" ("township_code");`);
    this.addSql(
      `create index "rectification_scope_idx" on "rectification" ("county_code", "region_code" text_pattern_ops);`,
    );

    this.addSql(
      `create table "region" ("code" text not null, "county_code" text not null, "region_code" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "name" text not null, "level" text check ("level" in ('province', 'city', 'county', 'township', 'village')) not null, "parent_code" text null, "is_poor_village" boolean not null, constraint "region_pkey" primary key ("code"), constraint region_county_code_check check (county_code ~ '^[0-9]{2}([0-9]{2}([0-9]{2})?)?$'));`,
    );
    this.addSql(`create index "region_parent_code_index" on "region" ("parent_code");`);
    this.addSql(
      `create index "region_scope_idx" on "region" ("county_code", "region_code" text_pattern_ops);`,
    );

    this.addSql(
      `create table "household" ("id" text not null, "county_code" text not null, "region_code" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "household_number" text not null, "village_code" text not null, "identification_standard" text check ("identification_standard" in ('national', 'provincial')) not null, "attribute" text check ("attribute" in ('ordinary', 'subsistence_allowance', 'extreme_poverty_support')) not null, "main_cause" text check ("main_cause" in ('illness', 'disability', 'schooling', 'disaster', 'lack_of_land', 'lack_of_water', 'lack_of_skills', 'lack_of_labour', 'lack_of_funds', 'poor_transport', 'lack_of_drive', 'other')) not null, "other_causes" jsonb not null, "poverty_status" text check ("poverty_status" in ('in_poverty', 'exited', 'relapsed')) not null, "registered_year" int not null, "exit_year" int null, "phone" text null, "bank_account" text null, constraint "household_pkey" primary key ("id"), constraint household_county_code_check check (county_code ~ '^[0-9]{6}$'));`,
    );
    this.addSql(`create index "household_village_code_index" on "household" ("village_code");`);
    this.addSql(
      `create index "household_scope_idx" on "household" ("county_code", "region_code" text_pattern_ops);`,
    );
    this.addSql(
      `alter table "household" add constraint "household_county_code_household_number_unique" unique ("county_code", "household_number");`,
    );

    this.addSql(
      `create table "monitoring" ("id" text not null, "county_code" text not null, "region_code" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "household_id" text not null, "category" text check ("category" in ('unstable_exited', 'marginal', 'sudden_hardship')) not null, "risk_type" text check ("risk_type" in ('illness', 'disability', 'schooling', 'disaster', 'accident', 'unemployment', 'industry_failure', 'other')) not null, "identified_date" date not null, "removed_date" date null, constraint "monitoring_pkey" primary key ("id"), constraint monitoring_county_code_check check (county_code ~ '^[0-9]{6}$'));`,
    );
    this.addSql(`create index "monitoring_household_id_index" on "monitoring" ("household_id");`);
    this.addSql(
      `create index "monitoring_scope_idx" on "monitoring" ("county_code", "region_code" text_pattern_ops);`,
    );

    this.addSql(
      `create table "member" ("id" text not null, "county_code" text not null, "region_code" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "household_id" text not null, "name" text not null, "id_number" text not null, "relation" text check ("relation" in ('head', 'spouse', 'child', 'parent', 'grandchild', 'sibling', 'child_in_law', 'grandparent', 'other')) not null, "ethnicity" text not null, "education" text check ("education" in ('none', 'primary', 'junior', 'senior', 'vocational', 'college')) not null, "school_status" text check ("school_status" in ('not_in_school', 'preschool', 'primary', 'junior', 'senior', 'vocational', 'college')) not null, "health" text check ("health" in ('healthy', 'chronic_illness', 'serious_illness', 'disabled')) not null, "labour_ability" text check ("labour_ability" in ('ordinary', 'skilled', 'lost', 'none')) not null, "migrant_work_months" int not null, constraint "member_pkey" primary key ("id"), constraint member_county_code_check check (county_code ~ '^[0-9]{6}$'));`,
    );
    this.addSql(`create index "member_household_id_index" on "member" ("household_id");`);
    this.addSql(
      `create index "member_scope_idx" on "member" ("county_code", "region_code" text_pattern_ops);`,
    );
    this.addSql(`alter table "member" add constraint "member_id_number_unique" unique ("id_number");`);

    this.addSql(
      `create table "linkage" ("id" text not null, "county_code" text not null, "region_code" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "entity_id" text not null, "household_id" text not null, "mode" text check ("mode" in ('order_purchase', 'land_lease', 'employment', 'equity_dividend', 'entrusted_raising', 'asset_income')) not null, "industry_id" text null, "start_year" int not null, "end_year" int null, constraint "linkage_pkey" primary key ("id"), constraint linkage_county_code_check check (county_code ~ '^[0-9]{6}$'));`,
    );
    this.addSql(`create index "linkage_entity_id_index" on "linkage" ("entity_id");`);
    this.addSql(`create index "linkage_household_id_index" on "linkage" ("household_id");`);
    this.addSql(`create index "linkage_industry_id_index" on "linkage" ("industry_id");`);
    this.addSql(
      `create index "linkage_scope_idx" on "linkage" ("county_code", "region_code" text_pattern_ops);`,
    );

    this.addSql(
      `create table "linkage_year" ("id" text not null, "county_code" text not null, "region_code" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "linkage_id" text not null, "year" int not null, "took_part" boolean not null, "received_fen" bigint not null, "benefit_kind" text check ("benefit_kind" in ('cash', 'in_kind', 'wage', 'rent', 'dividend', 'purchase_payment')) null, constraint "linkage_year_pkey" primary key ("id"), constraint linkage_year_county_code_check check (county_code ~ '^[0-9]{6}$'));`,
    );
    this.addSql(`create index "linkage_year_linkage_id_index" on "linkage_year" ("linkage_id");`);
    this.addSql(
      `create index "linkage_year_scope_idx" on "linkage_year" ("county_code", "region_code" text_pattern_ops);`,
    );
    this.addSql(
      `alter table "linkage_year" add constraint "linkage_year_linkage_id_year_unique" unique ("linkage_id", "year");`,
    );

    this.addSql(
      `create table "income" ("id" text not null, "county_code" text not null, "region_code" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "household_id" text not null, "year" int not null, "wage_fen" bigint not null, "production_fen" bigint not null, "property_fen" bigint not null, "transfer_fen" bigint not null, "production_cost_fen" bigint not null, constraint "income_pkey" primary key ("id"), constraint income_county_code_check check (county_code ~ '^[0-9]{6}$'));`,
    );
    this.addSql(`create index "income_household_id_index" on "income" ("household_id");`);
    this.addSql(
      `create index "income_scope_idx" on "income" ("county_code", "region_code" text_pattern_ops);`,
    );
    this.addSql(
      `alter table "income" add constraint "income_household_id_year_unique" unique ("household_id", "year");`,
    );

    this.addSql(
      `create table "household_industry" ("id" text not null, "county_code" text not null, "region_code" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "household_id" text not null, "industry_id" text not null, "year" int not null, "units_started" int not null, "units_survived" int not null, "debt_fen" bigint not null, constraint "household_industry_pkey" primary key ("id"), constraint household_industry_county_code_check check (county_code ~ '^[0-9]{6}$'));`,
    );
    this.addSql(
      `create index "household_industry_household_id_index" on "household_industry" ("household_id");`,
    );
    this.addSql(
      `create index "household_industry_industry_id_index" on "household_industry" ("industry_id");`,
    );
    this.addSql(
      `create index "household_industry_scope_idx" on "household_industry" ("county_code", "region_code" text_pattern_ops);`,
    );

    this.addSql(
      `create table "responsibility" ("id" text not null, "county_code" text not null, "region_code" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "kind" text check ("kind" in ('township_fixed_person', 'household_helper')) not null, "person_name" text not null, "person_phone" text null, "township_code" text not null, "household_id" text null, "valid_from" date not null, "valid_to" date null, constraint "responsibility_pkey" primary key ("id"), constraint responsibility_county_code_check check (county_code ~ '^[0-9]{6}$'));`,
    );
    this.addSql(`create index "responsibility_township_code_index" on "responsibility" ("township_code");`);
    this.addSql(`create index "responsibility_household_id_index" on "responsibility" ("household_id");`);
    this.addSql(
      `create index "responsibility_scope_idx" on "responsibility" ("county_code", "region_code" text_pattern_ops);`,
    );

    this.addSql(
      `create table "subsidy" ("id" text not null, "county_code" text not null, "region_code" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "household_id" text not null, "date" date not null, "kind" text check ("kind" in ('subsidy', 'award')) not null, "amount_fen" bigint not null, "industry_id" text null, "fund_id" text null, "purpose" text not null, constraint "subsidy_pkey" primary key ("id"), constraint subsidy_county_code_check check (county_code ~ '^[0-9]{6}$'));`,
    );
    this.addSql(`create index "subsidy_household_id_index" on "subsidy" ("household_id");`);
    this.addSql(`create index "subsidy_industry_id_index" on "subsidy" ("industry_id");`);
    this.addSql(`create index "subsidy_fund_id_index" on "subsidy" ("fund_id");`);
    this.addSql(
      `create index "subsidy_scope_idx" on "subsidy" ("county_code", "region_code" text_pattern_ops);`,
    );

    this.addSql(
      `create table "technical_service" ("id" text not null, "county_code" text not null, "region_code" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "kind" text check ("kind" in ('visit', 'training')) not null, "date" date not null, "industry_id" text null, "household_ids" jsonb not null, "content" text not null, constraint "technical_service_pkey" primary key ("id"), constraint technical_service_county_code_check check (county_code ~ '^[0-9]{6}$'));`,
    );
    this.addSql(`create index "technical_service_industry_id_index" on "technical_service" ("industry_id");`);
    this.addSql(
      `create index "technical_service_scope_idx" on "technical_service" ("county_code", "region_code" text_pattern_ops);`,
    );

    this.addSql(
      `create table "village_industry" ("id" text not null, "county_code" text not null, "region_code" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "village_code" text not null, "industry_id" text not null, "year" int not null, "trial_status" text check ("trial_status" in ('none', 'trialling', 'trialled')) not null, "trial_year" int null, "scaled_up" boolean not null, "scale" int not null, constraint "village_industry_pkey" primary key ("id"), constraint village_industry_county_code_check check (county_code ~ '^[0-9]{6}$'));`,
    );
    this.addSql(`create index "village_industry_village_code_index" on "village_industry" ("village_code");`);
    this.addSql(`create index "village_industry_industry_id_index" on "village_industry" ("industry_id");`);
    this.addSql(
      `create index "village_industry_scope_idx" on "village_industry" ("county_code", "region_code" text_pattern_ops);`,
    );

    this.addSql(
      `alter table "business_entity" add constraint "business_entity_industry_id_foreign" foreign key ("industry_id") references "industry" ("id") on update no action on delete no action;`,
    );

    this.addSql(
      `alter table "entity_activity" add constraint "entity_activity_entity_id_foreign" foreign key ("entity_id") references "business_entity" ("id") on update no action on delete no action;`,
    );

    this.addSql(
      `alter table "project" add constraint "project_industry_id_foreign" foreign key ("industry_id") references "industry" ("id") on update no action on delete no action;`,
    );
    this.addSql(
      `alter table "project" add constraint "project_entity_id_foreign" foreign key ("entity_id") references "business_entity" ("id") on update no action on delete no action;`,
    );

    this.addSql(
      `alter table "fund_use" add constraint "fund_use_fund_id_foreign" foreign key ("fund_id") references "fund" ("id") on update no action on delete no action;`,
    );
    this.addSql(
      `alter table "fund_use" add constraint "fund_use_project_id_foreign" foreign key ("project_id") references "project" ("id") on update no action on delete no action;`,
    );

    this.addSql(
      `alter table "household" add constraint "household_village_code_foreign" foreign key ("village_code") references "region" ("code") on update no action on delete no action;`,
    );

    this.addSql(
      `alter table "monitoring" add constraint "monitoring_household_id_foreign" foreign key ("household_id") references "household" ("id") on update no action on delete no action;`,
    );

    this.addSql(
      `alter table "member" add constraint "member_household_id_foreign" foreign key ("household_id") references "household" ("id") on update no action on delete no action;`,
    );

    this.addSql(
      `alter table "linkage" add constraint "linkage_entity_id_foreign" foreign key ("entity_id") references "business_entity" ("id") on update no action on delete no action;`,
    );
    this.addSql(
      `alter table "linkage" add constraint "linkage_household_id_foreign" foreign key ("household_id") references "household" ("id") on update no action on delete no action;`,
    );
    this.addSql(
      `alter table "linkage" add constraint "linkage_industry_id_foreign" foreign key ("industry_id") references "industry" ("id") on update no action on delete no action;`,
    );

    this.addSql(
      `alter table "linkage_year" add constraint "linkage_year_linkage_id_foreign" foreign key ("linkage_id") references "linkage" ("id") on update no action on delete no action;`,
    );

    this.addSql(
      `alter table "income" add constraint "income_household_id_foreign" foreign key ("household_id") references "household" ("id") on update no action on delete no action;`,
    );

    this.addSql(
      `alter table "household_industry" add constraint "household_industry_household_id_foreign" foreign key ("household_id") references "household" ("id") on update no action on delete no action;`,
    );
    this.addSql(
      `alter table "household_industry" add constraint "household_industry_industry_id_foreign" foreign key ("industry_id") references "industry" ("id") on update no action on delete no action;`,
    );

    this.addSql(
      `alter table "responsibility" add constraint "responsibility_household_id_foreign" foreign key ("household_id") references "household" ("id") on update no action on delete no action;`,
    );

    this.addSql(
      `alter table "subsidy" add constraint "subsidy_household_id_foreign" foreign key ("household_id") references "household" ("id") on update no action on delete no action;`,
    );
    this.addSql(
      `alter table "subsidy" add constraint "subsidy_industry_id_foreign" foreign key ("industry_id") references "industry" ("id") on update no action on delete no action;`,
    );
    this.addSql(
      `alter table "subsidy" add constraint "subsidy_fund_id_foreign" foreign key ("fund_id") references "fund" ("id") on update no action on delete no action;`,
    );

    this.addSql(
      `alter table "technical_service" add constraint "technical_service_industry_id_foreign" foreign key ("industry_id") references "industry" ("id") on update no action on delete no action;`,
    );

    this.addSql(
      `alter table "village_industry" add constraint "village_industry_village_code_foreign" foreign key ("village_code") references "region" ("code") on update no action on delete no action;`,
    );
    this.addSql(
      `alter table "village_industry" add constraint "village_industry_industry_id_foreign" foreign key ("industry_id") references "industry" ("id") on update no action on delete no action;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "fund_use" drop constraint "fund_use_fund_id_foreign";`);

    this.addSql(`alter table "subsidy" drop constraint "subsidy_fund_id_foreign";`);

    this.addSql(`alter table "business_entity" drop constraint "business_entity_industry_id_foreign";`);

    this.addSql(`alter table "project" drop constraint "project_industry_id_foreign";`);

    this.addSql(`alter table "linkage" drop constraint "linkage_industry_id_foreign";`);

    this.addSql(`alter table "household_industry" drop constraint "household_industry_industry_id_foreign";`);

    this.addSql(`alter table "subsidy" drop constraint "subsidy_industry_id_foreign";`);

    this.addSql(`alter table "technical_service" drop constraint "technical_service_industry_id_foreign";`);

    this.addSql(`alter table "village_industry" drop constraint "village_industry_industry_id_foreign";`);

    this.addSql(`alter table "entity_activity" drop constraint "entity_activity_entity_id_foreign";`);

    this.addSql(`alter table "project" drop constraint "project_entity_id_foreign";`);

    this.addSql(`alter table "linkage" drop constraint "linkage_entity_id_foreign";`);

    this.addSql(`alter table "fund_use" drop constraint "fund_use_project_id_foreign";`);

    this.addSql(`alter table "household" drop constraint "household_village_code_foreign";`);

    this.addSql(`alter table "village_industry" drop constraint "village_industry_village_code_foreign";`);

    this.addSql(`alter table "monitoring" drop constraint "monitoring_household_id_foreign";`);

    this.addSql(`alter table "member" drop constraint "member_household_id_foreign";`);

    this.addSql(`alter table "linkage" drop constraint "linkage_household_id_foreign";`);

    this.addSql(`alter table "income" drop constraint "income_household_id_foreign";`);

    this.addSql(
      `alter table "household_industry" drop constraint "household_industry_household_id_foreign";`,
    );

    this.addSql(`alter table "responsibility" drop constraint "responsibility_household_id_foreign";`);

    this.addSql(`alter table "subsidy" drop constraint "subsidy_household_id_foreign";`);

    this.addSql(`alter table "linkage_year" drop constraint "linkage_year_linkage_id_foreign";`);

    this.addSql(`drop table if exists "api_key" cascade;`);

    this.addSql(`drop table if exists "audit_log" cascade;`);

    this.addSql(`drop table if exists "fund" cascade;`);

    this.addSql(`drop table if exists "industry" cascade;`);

    this.addSql(`drop table if exists "business_entity" cascade;`);

    this.addSql(`drop table if exists "entity_activity" cascade;`);

    this.addSql(`drop table if exists "project" cascade;`);

    this.addSql(`drop table if exists "fund_use" cascade;`);

    this.addSql(`drop table if exists "rectification" cascade;`);

    this.addSql(`drop table if exists "region" cascade;`);

    this.addSql(`drop table if exists "household" cascade;`);

    this.addSql(`drop table if exists "monitoring" cascade;`);

    this.addSql(`drop table if exists "member" cascade;`);

    this.addSql(`drop table if exists "linkage" cascade;`);

    this.addSql(`drop table if exists "linkage_year" cascade;`);

    this.addSql(`drop table if exists "income" cascade;`);

    this.addSql(`drop table if exists "household_industry" cascade;`);

    this.addSql(`drop table if exists "responsibility" cascade;`);

    this.addSql(`drop table if exists "subsidy" cascade;`);

    this.addSql(`drop table if exists "technical_service" cascade;`);

    this.addSql(`drop table if exists "village_industry" cascade;`);
  }
}
