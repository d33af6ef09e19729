import { randomUUID } from "node:crypto";
import { chinaDateOf, createMember, type Member } from "@fupin/domain";
import { builder } from "../../graphql/builder.js";
import { defineConnection } from "../../graphql/connection.js";
import { reference } from "../../graphql/fields.js";
import { addListQuery, listFilter, match } from "../../graphql/list-query.js";
import { revealPersonal } from "../../graphql/masking.js";
import { HouseholdRef, MemberRef } from "../../graphql/refs.js";
import {
  EducationEnum,
  HealthEnum,
  LabourAbilityEnum,
  RelationEnum,
  SchoolStatusEnum,
} from "../../graphql/schema/enums.js";
import { rechecksInItsWrite } from "../../graphql/write/one-statement.js";
import { enforceRules } from "../../graphql/write/rules.js";
import { compact, type LedgerWriter, orFail, overlay, writeLedger } from "../../graphql/write/transaction.js";
import { householdTable } from "./household.table.js";
import { memberTable } from "./member.table.js";

MemberRef.implement({
  description: "家庭成员: a member of a registered household; a person belongs to at most one household.",
  fields: (t) => ({
    recordId: t.exposeString("id", { description: "The member's ledger id." }),
    ...reference(t, "householdId", HouseholdRef, { what: "member's household" }),
    name: t.exposeString("name", { description: "Name of the member." }),
    idNumber: t.string({
      description:
        "身份证号; masked (by default only the region code and the last character shown) unless the caller may read personal data.",
      resolve: (m, _args, ctx) => revealPersonal(ctx, "idNumber", "member", m.id, m.idNumber) ?? "",
    }),
    relation: t.expose("relation", { type: RelationEnum, description: "与户主关系: relation to the head." }),
    ethnicity: t.exposeString("ethnicity", { description: "民族." }),
    education: t.expose("education", { type: EducationEnum, description: "文化程度." }),
    schoolStatus: t.expose("schoolStatus", { type: SchoolStatusEnum, description: "在校生状况." }),
    health: t.expose("health", { type: HealthEnum, description: "健康状况." }),
    labourAbility: t.expose("labourAbility", { type: LabourAbilityEnum, description: "劳动技能." }),
    migrantWorkMonths: t.exposeInt("migrantWorkMonths", {
      description: "Months of migrant work in the year.",
    }),
  }),
});

addListQuery("members", {
  description: "Members of the households inside a region, in id order.",
  spec: memberTable,
  connection: defineConnection("Member", MemberRef, (m) => m.id, "member"),
  filter: listFilter("MemberFilter", {
    description: "Filter of members; every set field must match.",
    fields: {
      householdId: match.string("Only members of this household (ledger id)."),
      relation: match.enum(RelationEnum, "Only members with this relation."),
      health: match.enum(HealthEnum, "Only members with this health state."),
      labourAbility: match.enum(LabourAbilityEnum, "Only members with this labour ability."),
    },
  }),
});

const MemberInput = builder.inputType("MemberInput", {
  description: "A member to add to a household; validated by the domain's member schema.",
  fields: (t) => ({
    id: t.string({ description: "Ledger id; generated when absent." }),
    householdId: t.string({
      required: true,
      description: "Ledger id of the household (inside the caller's scope).",
    }),
    name: t.string({ required: true, description: "Name." }),
    idNumber: t.string({ required: true, description: "身份证号 (18 characters, checked)." }),
    relation: t.field({ type: RelationEnum, required: true, description: "与户主关系." }),
    ethnicity: t.string({ description: "民族 (default 汉族)." }),
    education: t.field({ type: EducationEnum, description: "文化程度." }),
    schoolStatus: t.field({ type: SchoolStatusEnum, description: "在校生状况." }),
    health: t.field({ type: HealthEnum, description: "健康状况." }),
    labourAbility: t.field({ type: LabourAbilityEnum, required: true, description: "劳动技能." }),
    migrantWorkMonths: t.int({ description: "Months of migrant work (0–12)." }),
  }),
});

const MemberPatch = builder.inputType("MemberPatch", {
  description: "Changes to a member: only the fields given change.",
  fields: (t) => ({
    name: t.string({ description: "Name." }),
    idNumber: t.string({ description: "身份证号." }),
    relation: t.field({ type: RelationEnum, description: "与户主关系." }),
    ethnicity: t.string({ description: "民族." }),
    education: t.field({ type: EducationEnum, description: "文化程度." }),
    schoolStatus: t.field({ type: SchoolStatusEnum, description: "在校生状况." }),
    health: t.field({ type: HealthEnum, description: "健康状况." }),
    labourAbility: t.field({ type: LabourAbilityEnum, description: "劳动技能." }),
    migrantWorkMonths: t.int({ description: "Months of migrant work (0–12)." }),
  }),
});

/**
 * The domain's rules on a member, in-scope first: one head per household (its members in scope), then
 * one household per person (members with the ID number in every scope; the unique constraint backs
 * this against races).
 */
async function checkMember(w: LedgerWriter, member: Member, countyCode: string): Promise<void> {
  const others = (rows: readonly Member[]) => [...rows.filter((m) => m.id !== member.id), member];
  const household = await w.find(memberTable, { householdId: member.householdId }, "caller");
  enforceRules({ countyCode, members: others(household) }, ["LEDGER.HOUSEHOLD_HEAD"], [member.id]);
  const samePerson = await w.find(memberTable, { idNumber: member.idNumber }, "all");
  enforceRules({ countyCode, members: others(samePerson) }, ["LEDGER.DUPLICATE_ID_NUMBER"], [member.id], {
    message: "this person (ID number) is already a member of a household",
  });
}

builder.mutationField(rechecksInItsWrite("addMember"), (t) =>
  t.field({
    type: MemberRef,
    description: "Adds a member to a household inside the caller's scope (audited).",
    authScopes: { ledgerWrite: true },
    args: { input: t.arg({ type: MemberInput, required: true, description: "The member." }) },
    resolve: (_root, args, ctx) =>
      writeLedger(ctx, async (w) => {
        const member = orFail(
          createMember({ ...compact(args.input), id: args.input.id ?? randomUUID() }, chinaDateOf(ctx.now())),
        );
        const household = await w.lock(householdTable, member.householdId);
        await checkMember(w, member, household.countyCode);
        await w.insert(memberTable, member, household.regionCode);
        return member;
      }),
  }),
);

builder.mutationField(rechecksInItsWrite("updateMember"), (t) =>
  t.field({
    type: MemberRef,
    description: "Changes a member inside the caller's scope (audited with before and after).",
    authScopes: { ledgerWrite: true },
    args: {
      id: t.arg.string({ required: true, description: "Ledger id of the member." }),
      input: t.arg({ type: MemberPatch, required: true, description: "The changes." }),
    },
    resolve: (_root, args, ctx) =>
      writeLedger(ctx, async (w) => {
        const before = await w.lock(memberTable, args.id);
        const after = orFail(createMember(overlay(before.record, args.input), chinaDateOf(ctx.now())));
        await checkMember(w, after, before.countyCode);
        await w.update(memberTable, before, after);
        return after;
      }),
  }),
);
