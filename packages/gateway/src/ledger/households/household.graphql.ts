import { randomUUID } from "node:crypto";
import { createHousehold, type Household, toHalfWidth } from "@fupin/domain";
import { z } from "zod";
import { builder } from "../../graphql/builder.js";
import { defineConnection } from "../../graphql/connection.js";
import { badUserInput } from "../../graphql/errors.js";
import { optional, reference } from "../../graphql/fields.js";
import { addListQuery, listFilter, match, underRegion } from "../../graphql/list-query.js";
import { revealPersonal } from "../../graphql/masking.js";
import { type SqlCondition, sqlWhere } from "../../graphql/read/sql.js";
import {
  HouseholdIndustryRef,
  HouseholdRef,
  IncomeRef,
  LinkageRef,
  MemberRef,
  MonitoringRef,
  RegionRef,
  ResponsibilityRef,
  recordList,
  SubsidyRef,
} from "../../graphql/refs.js";
import {
  HouseholdAttributeEnum,
  IdentificationStandardEnum,
  LinkageModeEnum,
  PovertyCauseEnum,
  PovertyStatusEnum,
} from "../../graphql/schema/enums.js";
import { requireRegion } from "../../graphql/scope.js";
import { rechecksInItsWrite } from "../../graphql/write/one-statement.js";
import { requireVillage } from "../../graphql/write/regions.js";
import { enforceRules } from "../../graphql/write/rules.js";
import { compact, orFail, overlay, writeLedger } from "../../graphql/write/transaction.js";
import { householdIndustryTable } from "../industries/household-industry.table.js";
import { linkageTable } from "../linkage/linkage.table.js";
import { monitoringTable } from "../monitoring/monitoring.table.js";
import { responsibilityTable } from "../responsibility/responsibility.table.js";
import { subsidyTable } from "../support/subsidy.table.js";
import { householdTable } from "./household.table.js";
import { incomeTable } from "./income.table.js";
import { memberTable } from "./member.table.js";
import { relocateHousehold } from "./relocate-household.js";

HouseholdRef.implement({
  description: "建档立卡贫困户: a registered poor household of a village.",
  fields: (t) => ({
    recordId: t.exposeString("id", { description: "The household's ledger id (as in findings' subjectId)." }),
    householdNumber: t.exposeString("householdNumber", { description: "户编号: the household number." }),
    ...reference(t, "villageCode", RegionRef, {
      what: "household's village",
      key: "Code of the household's village (12 digits).",
    }),
    identificationStandard: t.expose("identificationStandard", {
      type: IdentificationStandardEnum,
      description: "识别标准: the standard the household was identified under.",
    }),
    attribute: t.expose("attribute", { type: HouseholdAttributeEnum, description: "贫困户属性." }),
    mainCause: t.expose("mainCause", { type: PovertyCauseEnum, description: "主要致贫原因." }),
    otherCauses: t.expose("otherCauses", {
      type: [PovertyCauseEnum],
      description: "Up to two other causes.",
    }),
    povertyStatus: t.expose("povertyStatus", { type: PovertyStatusEnum, description: "贫困状态." }),
    registeredYear: t.exposeInt("registeredYear", { description: "Year the household was registered." }),
    ...optional(t, "exitYear", "Int", "脱贫年度: year it exited poverty."),
    phone: t.string({
      nullable: true,
      description: "Phone; masked (first 3 and last 4 digits) unless the caller may read personal data.",
      resolve: (h, _args, ctx) => revealPersonal(ctx, "phone", "household", h.id, h.phone),
    }),
    bankAccount: t.string({
      nullable: true,
      description: "Bank account; masked (last 4 digits) unless the caller may read personal data.",
      resolve: (h, _args, ctx) => revealPersonal(ctx, "bankAccount", "household", h.id, h.bankAccount),
    }),
    members: recordList(
      t,
      MemberRef,
      "Members of the household (家庭成员), in id order.",
      memberTable,
      "householdId",
    ),
    incomes: recordList(t, IncomeRef, "Income by year.", incomeTable, "householdId"),
    industries: recordList(
      t,
      HouseholdIndustryRef,
      "Industry outcomes by year (e.g. colonies kept and survived, debt).",
      householdIndustryTable,
      "householdId",
    ),
    linkages: recordList(
      t,
      LinkageRef,
      "Benefit linkages (利益联结) with business entities.",
      linkageTable,
      "householdId",
    ),
    subsidies: recordList(
      t,
      SubsidyRef,
      "Subsidies and awards paid to the household.",
      subsidyTable,
      "householdId",
    ),
    monitorings: recordList(
      t,
      MonitoringRef,
      "Relapse-monitoring records (防返贫监测).",
      monitoringTable,
      "householdId",
    ),
    helpers: recordList(
      t,
      ResponsibilityRef,
      "Helper assignments (帮扶责任人) of the household.",
      responsibilityTable,
      "householdId",
    ),
  }),
});

/**
 * The name a household search asks for: trimmed, 1–50 characters, no digits (a name holds none, so a
 * search with digits could only be aimed at ID numbers or phones), no NUL.
 */
export const householdNameSearchSchema = z
  .string()
  .trim()
  .min(1, { error: "must not be empty" })
  .max(50, { error: "must be at most 50 characters" })
  .refine((n) => !n.includes("\u0000"), { error: "must not contain the NUL character" })
  .refine((n) => !/\d/.test(toHalfWidth(n)), { error: "must be part of a name (no digits)" });

/**
 * Households with a member whose name contains `value` (validated before any SQL). `strpos`, not
 * LIKE: `%` and `_` in a name are matched as written. The member row carries the household's scope
 * (county and region), so the subquery is region-filtered like every level of the read.
 */
function memberNameContains(value: string): SqlCondition {
  const parsed = householdNameSearchSchema.safeParse(value);
  if (!parsed.success)
    throw badUserInput([
      { path: "filter.name", message: parsed.error.issues[0]?.message ?? "is not a name" },
    ]);
  return sqlWhere(
    "EXISTS (SELECT 1 FROM member m WHERE m.household_id = household.id AND m.county_code = household.county_code AND m.region_code = household.region_code AND strpos(m.name, ?) > 0)",
    parsed.data,
  );
}

addListQuery("households", {
  description: "Registered households inside a region (county, township or village), in id order.",
  spec: householdTable,
  connection: defineConnection("Household", HouseholdRef, (h) => h.id, "household"),
  filter: listFilter("HouseholdFilter", {
    description: "Filter of households; every set field must match.",
    fields: {
      villageCode: match.string(
        "Only households of villages under this code (township or village).",
        underRegion("village_code", "villageCode"),
      ),
      povertyStatus: match.enum(PovertyStatusEnum, "Only households with this status."),
      attribute: match.enum(HouseholdAttributeEnum, "Only households with this attribute."),
      mainCause: match.enum(PovertyCauseEnum, "Only households with this main cause."),
      registeredYear: match.int("Only households registered in this year."),
      exitYear: match.int("Only households that exited poverty in this year."),
      householdNumber: match.string("Only the household with this number."),
      // One condition on the outcome record holds both (`combined`).
      industryId: match.string("Only households with an outcome record in this industry.", () => null),
      industryYear: match.int("With industryId: only outcome records of this year.", () => null),
      linkageMode: match.enum(LinkageModeEnum, "Only households with a linkage of this mode.", (v) =>
        sqlWhere("EXISTS (SELECT 1 FROM linkage l WHERE l.household_id = household.id AND l.mode = ?)", v),
      ),
      monitored: match.boolean("Only households under relapse monitoring now (true) or not (false).", (v) =>
        sqlWhere(
          `${v ? "" : "NOT "}EXISTS (SELECT 1 FROM monitoring m WHERE m.household_id = household.id AND m.removed_date IS NULL)`,
        ),
      ),
      name: match.string(
        "Only households with a member (the head or any other) whose name contains this text (1–50 " +
          "characters after trimming, no digits: never an ID number or phone). Needs only ledger:read: " +
          "names are not masked (ID numbers, phones and bank accounts are) and every match lies in the " +
          "caller's scope, so the search answers nothing the caller could not read by paging. Should names " +
          "ever be masked, this filter must require personal:read.",
        memberNameContains,
      ),
    },
  }),
  // Industry and year describe one outcome record: both must hold on the same row.
  combined: (f) =>
    f.industryId == null && f.industryYear == null
      ? []
      : [
          sqlWhere(
            `EXISTS (SELECT 1 FROM household_industry hi WHERE hi.household_id = household.id${f.industryId == null ? "" : " AND hi.industry_id = ?"}${f.industryYear == null ? "" : " AND hi.year = ?"})`,
            ...[f.industryId, f.industryYear].filter((v) => v != null),
          ),
        ],
});

const HouseholdInput = builder.inputType("HouseholdInput", {
  description: "A household to register; validated by the domain's household schema.",
  fields: (t) => ({
    id: t.string({ description: "Ledger id; generated when absent." }),
    householdNumber: t.string({ required: true, description: "户编号: 6–32 letters, digits or '-'." }),
    villageCode: t.string({
      required: true,
      description: "Village code (12 digits) inside the caller's scope.",
    }),
    identificationStandard: t.field({ type: IdentificationStandardEnum, description: "Default national." }),
    attribute: t.field({ type: HouseholdAttributeEnum, required: true, description: "贫困户属性." }),
    mainCause: t.field({ type: PovertyCauseEnum, required: true, description: "主要致贫原因." }),
    otherCauses: t.field({ type: [PovertyCauseEnum], description: "Up to two other causes." }),
    povertyStatus: t.field({ type: PovertyStatusEnum, required: true, description: "贫困状态." }),
    registeredYear: t.int({ required: true, description: "Year registered." }),
    exitYear: t.int({ description: "Exit year (required once exited or relapsed)." }),
    phone: t.string({ description: "Mobile (11 digits) or landline." }),
    bankAccount: t.string({ description: "Bank account (12–30 digits)." }),
  }),
});

const HouseholdPatch = builder.inputType("HouseholdPatch", {
  description: "Changes to a household: only the fields given change (null clears an optional field).",
  fields: (t) => ({
    householdNumber: t.string({ description: "户编号." }),
    villageCode: t.string({
      description: "Village code (12 digits) inside the caller's scope and the same county.",
    }),
    identificationStandard: t.field({ type: IdentificationStandardEnum, description: "识别标准." }),
    attribute: t.field({ type: HouseholdAttributeEnum, description: "贫困户属性." }),
    mainCause: t.field({ type: PovertyCauseEnum, description: "主要致贫原因." }),
    otherCauses: t.field({ type: [PovertyCauseEnum], description: "Up to two other causes." }),
    povertyStatus: t.field({ type: PovertyStatusEnum, description: "贫困状态." }),
    registeredYear: t.int({ description: "Year registered." }),
    exitYear: t.int({ description: "Exit year." }),
    phone: t.string({ description: "Phone." }),
    bankAccount: t.string({ description: "Bank account." }),
  }),
});

builder.mutationField(rechecksInItsWrite("registerHousehold"), (t) =>
  t.field({
    type: HouseholdRef,
    description: "Registers a household in a village inside the caller's scope (audited).",
    authScopes: { ledgerWrite: true },
    args: { input: t.arg({ type: HouseholdInput, required: true, description: "The household." }) },
    resolve: (_root, args, ctx) =>
      writeLedger(ctx, async (w) => {
        const household = orFail(
          createHousehold({ ...compact(args.input), id: args.input.id ?? randomUUID() }),
        );
        await requireVillage(ctx, w, household.villageCode, "input.villageCode");
        await w.insert(householdTable, household, household.villageCode);
        return household;
      }),
  }),
);

builder.mutationField(rechecksInItsWrite("updateHousehold"), (t) =>
  t.field({
    type: HouseholdRef,
    description: "Changes a household inside the caller's scope (audited with before and after).",
    authScopes: { ledgerWrite: true },
    args: {
      id: t.arg.string({ required: true, description: "Ledger id of the household." }),
      input: t.arg({ type: HouseholdPatch, required: true, description: "The changes." }),
    },
    resolve: (_root, args, ctx) =>
      writeLedger(ctx, async (w) => {
        const before = await w.lock(householdTable, args.id);
        const after: Household = orFail(createHousehold(overlay(before.record, args.input)));
        if (after.villageCode !== before.record.villageCode) {
          requireRegion(ctx, after.villageCode, "input.villageCode");
          enforceRules(
            { countyCode: before.countyCode, households: [after] },
            ["LEDGER.WRONG_COUNTY"],
            [after.id],
          );
          await requireVillage(ctx, w, after.villageCode, "input.villageCode");
          await relocateHousehold(w, after.id, after.villageCode);
        }
        await w.update(householdTable, before, after, after.villageCode);
        return after;
      }),
  }),
);
