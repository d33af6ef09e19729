import { Migration } from "@mikro-orm/migrations";

const COMMON = `
  county_code text not null,
  region_code text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1`;

const LEDGER_TABLES: readonly {
  readonly name: string;
  readonly columns: string;
  readonly fks: readonly string[];
}[] = [
  {
    name: "region",
    columns: `code text primary key,
  name text not null,
  level text not null check (level in ('province','city','county','township','village')),
  parent_code text,
  is_poor_village boolean not null default false`,
    fks: ["parent_code"],
  },
  {
    name: "industry",
    columns: `id text primary key,
  code text not null,
  name text not null,
  category text not null check (category in ('fruit','vegetable','livestock','poultry','beekeeping','tea','aquaculture','forestry','other')),
  outcome_unit text not null,
  unique (county_code, code)`,
    fks: [],
  },
  {
    name: "household",
    columns: `id text primary key,
  household_number text not null,
  village_code text not null references region(code),
  identification_standard text not null check (identification_standard in ('national','provincial')),
  attribute text not null check (attribute in ('ordinary','subsistence_allowance','extreme_poverty_support')),
  main_cause text not null,
  other_causes jsonb not null default '[]',
  poverty_status text not null check (poverty_status in ('in_poverty','exited','relapsed')),
  registered_year integer not null,
  exit_year integer,
  phone text,
  bank_account text,
  unique (county_code, household_number)`,
    fks: ["village_code"],
  },
  {
    name: "member",
    columns: `id text primary key,
  household_id text not null references household(id),
  name text not null,
  id_number text not null unique,
  relation text not null check (relation in ('head','spouse','child','parent','grandchild','sibling','child_in_law','grandparent','other')),
  ethnicity text not null,
  education text not null check (education in ('none','primary','junior','senior','vocational','college')),
  school_status text not null check (school_status in ('not_in_school','preschool','primary','junior','senior','vocational','college')),
  health text not null check (health in ('healthy','chronic_illness','serious_illness','disabled')),
  labour_ability text not null check (labour_ability in ('ordinary','skilled','lost','none')),
  migrant_work_months integer not null default 0`,
    fks: ["household_id"],
  },
  {
    name: "income",
    columns: `id text primary key,
  household_id text not null references household(id),
  year integer not null,
  wage_fen bigint not null,
  production_fen bigint not null,
  property_fen bigint not null,
  transfer_fen bigint not null,
  production_cost_fen bigint not null,
  unique (household_id, year)`,
    fks: [],
  },
  {
    name: "village_industry",
    columns: `id text primary key,
  village_code text not null references region(code),
  industry_id text not null references industry(id),
  year integer not null,
  trial_status text not null check (trial_status in ('none','trialling','trialled')),
  trial_year integer,
  scaled_up boolean not null,
  scale integer not null`,
    fks: ["village_code", "industry_id"],
  },
  {
    name: "household_industry",
    columns: `id text primary key,
  household_id text not null references household(id),
  industry_id text not null references industry(id),
  year integer not null,
  units_started integer not null,
  units_survived integer not null,
  debt_fen bigint not null`,
    fks: ["household_id", "industry_id"],
  },
  {
    name: "business_entity",
    columns: `id text primary key,
  name text not null,
  kind text not null check (kind in ('leading_enterprise','cooperative','family_farm','large_grower')),
  credit_code text,
  industry_id text references industry(id),
  established_year integer not null`,
    fks: ["industry_id"],
  },
  {
    name: "entity_activity",
    columns: `id text primary key,
  entity_id text not null references business_entity(id),
  year integer not null,
  date date not null,
  kind text not null check (kind in ('sales','purchase','payment','meeting')),
  amount_fen bigint,
  note text not null default ''`,
    fks: ["entity_id"],
  },
  {
    name: "linkage",
    columns: `id text primary key,
  entity_id text not null references business_entity(id),
  household_id text not null references household(id),
  mode text not null check (mode in ('order_purchase','land_lease','employment','equity_dividend','entrusted_raising','asset_income')),
  industry_id text references industry(id),
  start_year integer not null,
  end_year integer`,
    fks: ["entity_id", "household_id", "industry_id"],
  },
  {
    name: "linkage_year",
    columns: `id text primary key,
  linkage_id text not null references linkage(id),
  year integer not null,
  took_part boolean not null,
  received_fen bigint not null,
  benefit_kind text check (benefit_kind in ('cash','in_kind','wage','rent','dividend','purchase_payment')),
  unique (linkage_id, year)`,
    fks: [],
  },
  {
    name: "fund",
    columns: `id text primary key,
  name text not null,
  source text not null check (source in ('central','provincial','municipal','county','self_raised')),
  year integer not null,
  allocated_fen bigint not null`,
    fks: [],
  },
  {
    name: "project",
    columns: `id text primary key,
  name text not null,
  year integer not null,
  industry_id text not null references industry(id),
  entity_id text references business_entity(id),
  funding_fen jsonb not null default '{}',
  beneficiary_household_ids jsonb not null default '[]',
  linkage_mode text check (linkage_mode in ('order_purchase','land_lease','employment','equity_dividend','entrusted_raising','asset_income')),
  performance_target text not null default '',
  stages jsonb not null,
  current_stage text not null check (current_stage in ('application','review','appraisal','approval','public_notice','implementation','acceptance','handover'))`,
    fks: ["industry_id", "entity_id"],
  },
  {
    name: "fund_use",
    columns: `id text primary key,
  fund_id text not null references fund(id),
  year integer not null,
  category text not null check (category in ('industry','equity_in_enterprise','photovoltaic','infrastructure','welfare','other')),
  amount_fen bigint not null,
  project_id text references project(id),
  description text not null default ''`,
    fks: ["fund_id", "project_id"],
  },
  {
    name: "subsidy",
    columns: `id text primary key,
  household_id text not null references household(id),
  date date not null,
  kind text not null check (kind in ('subsidy','award')),
  amount_fen bigint not null,
  industry_id text references industry(id),
  fund_id text references fund(id),
  purpose text not null default ''`,
    fks: ["household_id", "industry_id", "fund_id"],
  },
  {
    name: "technical_service",
    columns: `id text primary key,
  kind text not null check (kind in ('visit','training')),
  date date not null,
  industry_id text references industry(id),
  household_ids jsonb not null default '[]',
  content text not null`,
    fks: ["industry_id"],
  },
  {
    name: "responsibility",
    columns: `id text primary key,
  kind text not null check (kind in ('township_fixed_person','household_helper')),
  person_name text not null,
  person_phone text,
  township_code text not null,
  household_id text references household(id),
  valid_from date not null,
  valid_to date`,
    fks: ["township_code", "household_id"],
  },
  {
    name: "rectification",
    columns: `id text primary key,
  township_code text not null,
  problem text not null,
  source text not null check (source in ('inspection','check','finding')),
  finding_code text,
  subject_id text,
  found_date date not null,
  responsible_person text not null,
  deadline date not null,
  status text not null check (status in ('open','planned','closed')),
  plan jsonb,
  closed_date date`,
    fks: ["township_code"],
  },
  {
    name: "monitoring",
    columns: `id text primary key,
  household_id text not null references household(id),
  category text not null check (category in ('unstable_exited','marginal','sudden_hardship')),
  risk_type text not null,
  identified_date date not null,
  removed_date date`,
    fks: ["household_id"],
  },
];

/** Ledger tables by name, in an order that respects foreign keys (for seeding and truncation). */
export const LEDGER_TABLE_NAMES: readonly string[] = LEDGER_TABLES.map((t) => t.name);

/** The initial schema: ledger tables with scope indexes, API keys, the append-only audit log, the rate-limit store and the application role. */
export class Migration20261128000000 extends Migration {
  override async up(): Promise<void> {
    for (const t of LEDGER_TABLES) {
      const countyCheck =
        t.name === "region"
          ? `check (county_code ~ '^[0-9]{2}([0-9]{2}([0-9]{2})?)?$')`
          : `check (county_code ~ '^[0-9]{6}$')`;
      this.addSql(`create table "${t.name}" (${COMMON} ${countyCheck},\n  ${t.columns});`);
      this.addSql(
        `create index "${t.name}_scope_idx" on "${t.name}" (county_code, region_code text_pattern_ops);`,
      );
      for (const fk of t.fks) this.addSql(`create index "${t.name}_${fk}_idx" on "${t.name}" (${fk});`);
    }

    this.addSql(`create table api_key (
  id text primary key,
  key_hash text not null unique,
  label text not null default '',
  region_code text not null check (region_code ~ '^([0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{9}|[0-9]{12})$'),
  permissions text[] not null,
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);`);

    this.addSql(`create table audit_log (
  seq bigserial primary key,
  at timestamptz not null,
  principal_id text not null,
  action text not null check (action in ('create','update','delete','read_personal','submit')),
  entity_type text not null,
  entity_id text not null,
  county_code text not null,
  request_id text not null,
  before jsonb,
  after jsonb,
  prev_hash text not null,
  hash text not null unique
);`);
    this.addSql(`create index audit_log_entity_idx on audit_log (entity_type, entity_id);`);
    this.addSql(`create index audit_log_county_idx on audit_log (county_code, at);`);
    this.addSql(`create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;`);
    this.addSql(`create trigger audit_log_no_update_delete before update or delete on audit_log
  for each row execute function audit_log_append_only();`);
    this.addSql(`create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_append_only();`);

    this.addSql(`create table rate_limit (
  key varchar(255) primary key,
  points integer not null default 0,
  expire bigint
);`);

    this.addSql(`do $$
begin
  if not exists (select from pg_roles where rolname = 'fupin_app') then
    create role fupin_app nologin;
  end if;
exception
  when insufficient_privilege then
    raise notice 'fupin: cannot create role fupin_app (no CREATEROLE); create it and grant it separately';
  when unique_violation or duplicate_object then
    null; -- created at the same moment by a migration of another database on this server
end
$$;`);
    this.addSql(`do $$
begin
  if exists (select from pg_roles where rolname = 'fupin_app') then
    grant usage on schema public to fupin_app;
    grant select, insert, update, delete on all tables in schema public to fupin_app;
    grant usage, select on all sequences in schema public to fupin_app;
    revoke update, delete, truncate on audit_log from fupin_app;
    alter default privileges in schema public grant select, insert, update, delete on tables to fupin_app;
    alter default privileges in schema public grant usage, select on sequences to fupin_app;
  end if;
end
$$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists rate_limit, audit_log, api_key cascade;`);
    this.addSql(`drop function if exists audit_log_append_only() cascade;`);
    for (const t of [...LEDGER_TABLES].reverse()) this.addSql(`drop table if exists "${t.name}" cascade;`);
  }
}
