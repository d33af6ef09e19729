import { builder } from "../../graphql/builder.js";
import { defineConnection } from "../../graphql/connection.js";
import { addListQuery } from "../../graphql/list-query.js";
import { revealPersonal } from "../../graphql/masking.js";
import { sqlWhere } from "../../graphql/read/sql.js";
import { HouseholdRef, RegionRef, ResponsibilityRef, recordField } from "../../graphql/refs.js";
import { ResponsibilityKindEnum } from "../../graphql/schema/enums.js";
import { responsibilityTable } from "./responsibility.table.js";

ResponsibilityRef.implement({
  description:
    "A responsibility: a township's fixed responsible person (固定人员) or a household's helper (帮扶责任人).",
  fields: (t) => ({
    recordId: t.exposeString("id", { description: "The record's ledger id." }),
    kind: t.expose("kind", { type: ResponsibilityKindEnum, description: "Kind of responsibility." }),
    personName: t.exposeString("personName", { description: "Name of the responsible person." }),
    personPhone: t.string({
      nullable: true,
      description: "Phone; masked (first 3 and last 4 digits) unless the caller may read personal data.",
      resolve: (r, _args, ctx) => revealPersonal(ctx, "phone", "responsibility", r.id, r.personPhone),
    }),
    townshipCode: t.exposeString("townshipCode", { description: "Code of the township." }),
    township: recordField(t, RegionRef, "The township.", "townshipCode"),
    householdId: t.exposeString("householdId", {
      nullable: true,
      description: "Ledger id of the household helped.",
    }),
    household: recordField(t, HouseholdRef, "The household helped.", "householdId"),
    validFrom: t.exposeString("validFrom", { description: "In force from (YYYY-MM-DD)." }),
    validTo: t.exposeString("validTo", { nullable: true, description: "In force until (null: open-ended)." }),
  }),
});

addListQuery("responsibilities", {
  description: "Responsibility assignments inside a region, in id order.",
  spec: responsibilityTable,
  connection: defineConnection("Responsibility", ResponsibilityRef, (r) => r.id, "responsibility"),
  filter: builder.inputType("ResponsibilityFilter", {
    description: "Filter of responsibilities; every set field must match.",
    fields: (t) => ({
      kind: t.field({ type: ResponsibilityKindEnum, description: "Only assignments of this kind." }),
      householdId: t.string({ description: "Only helpers of this household." }),
      inForceOn: t.string({ description: "Only assignments in force on this date (YYYY-MM-DD)." }),
    }),
  }),
  equals: ["kind", "householdId"],
  conditions: {
    inForceOn: (v) => sqlWhere("valid_from <= ?::date AND (valid_to IS NULL OR valid_to >= ?::date)", v, v),
  },
});
