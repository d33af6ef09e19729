import { builder } from "../builder.js";
import { defineConnection } from "../connection.js";
import { addListQuery } from "../list-query.js";
import { revealPersonal } from "../masking.js";
import { eq } from "../read/sql.js";
import { TABLES } from "../read/tables.js";
import { HouseholdRef, MemberRef } from "../refs.js";
import { EducationEnum, HealthEnum, LabourAbilityEnum, RelationEnum, SchoolStatusEnum } from "./enums.js";

MemberRef.implement({
  description: "家庭成员: a member of a registered household; a person belongs to at most one household.",
  fields: (t) => ({
    recordId: t.exposeString("id", { description: "The member's ledger id." }),
    householdId: t.exposeString("householdId", { description: "Ledger id of the member's household." }),
    household: t.field({
      type: HouseholdRef,
      nullable: true,
      description: "The member's household.",
      resolve: (m) => m.householdId,
    }),
    name: t.exposeString("name", { description: "Name of the member." }),
    idNumber: t.string({
      description: "身份证号; masked (first 6 and last 4 shown) unless the caller may read personal data.",
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
  spec: TABLES.member,
  connection: defineConnection("Member", MemberRef, (m) => m.id, "member"),
  filter: builder.inputType("MemberFilter", {
    description: "Filter of members; every set field must match.",
    fields: (t) => ({
      householdId: t.string({ description: "Only members of this household (ledger id)." }),
      relation: t.field({ type: RelationEnum, description: "Only members with this relation." }),
      health: t.field({ type: HealthEnum, description: "Only members with this health state." }),
      labourAbility: t.field({
        type: LabourAbilityEnum,
        description: "Only members with this labour ability.",
      }),
    }),
  }),
  conditions: {
    householdId: (v) => eq("household_id", v),
    relation: (v) => eq("relation", v),
    health: (v) => eq("health", v),
    labourAbility: (v) => eq("labour_ability", v),
  },
});
