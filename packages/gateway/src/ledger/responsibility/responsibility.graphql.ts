import { randomUUID } from "node:crypto";
import { createResponsibility } from "@fupin/domain";
import { builder } from "../../graphql/builder.js";
import { defineConnection } from "../../graphql/connection.js";
import { optional, reference } from "../../graphql/fields.js";
import { addListQuery, listFilter, match } from "../../graphql/list-query.js";
import { revealPersonal } from "../../graphql/masking.js";
import { sqlWhere } from "../../graphql/read/sql.js";
import { HouseholdRef, RegionRef, ResponsibilityRef } from "../../graphql/refs.js";
import { ResponsibilityKindEnum } from "../../graphql/schema/enums.js";
import { requireRegion } from "../../graphql/scope.js";
import { rechecksInItsWrite } from "../../graphql/write/one-statement.js";
import { requireKnownRegion } from "../../graphql/write/regions.js";
import { enforceRules } from "../../graphql/write/rules.js";
import { compact, orFail, writeLedger } from "../../graphql/write/transaction.js";
import { householdTable } from "../households/household.table.js";
import { regionTable } from "../regions/region.table.js";
import { responsibilityTable } from "./responsibility.table.js";

ResponsibilityRef.implement({
  description:
    "A responsibility: a township's fixed responsible person (固定人员), a village's responsible person (村级主体责任) or a household's helper (帮扶责任人).",
  fields: (t) => ({
    recordId: t.exposeString("id", { description: "The record's ledger id." }),
    kind: t.expose("kind", { type: ResponsibilityKindEnum, description: "Kind of responsibility." }),
    personName: t.exposeString("personName", { description: "Name of the responsible person." }),
    personPhone: t.string({
      nullable: true,
      description: "Phone; masked (first 3 and last 4 digits) unless the caller may read personal data.",
      resolve: (r, _args, ctx) => revealPersonal(ctx, "phone", "responsibility", r.id, r.personPhone),
    }),
    ...reference(t, "townshipCode", RegionRef),
    ...reference(t, "householdId", HouseholdRef, { what: "household helped", nullable: true }),
    ...reference(t, "villageCode", RegionRef, {
      what: "village a village's responsible person answers for",
      nullable: true,
    }),
    validFrom: t.exposeString("validFrom", { description: "In force from (YYYY-MM-DD)." }),
    ...optional(t, "validTo", "String", "In force until (null: open-ended)."),
  }),
});

addListQuery("responsibilities", {
  description: "Responsibility assignments inside a region, in id order.",
  spec: responsibilityTable,
  connection: defineConnection("Responsibility", ResponsibilityRef, (r) => r.id, "responsibility"),
  filter: listFilter("ResponsibilityFilter", {
    description: "Filter of responsibilities; every set field must match.",
    fields: {
      kind: match.enum(ResponsibilityKindEnum, "Only assignments of this kind."),
      householdId: match.string("Only helpers of this household."),
      villageCode: match.string("Only the responsible persons of this village."),
      inForceOn: match.string("Only assignments in force on this date (YYYY-MM-DD).", (v) =>
        sqlWhere("valid_from <= ?::date AND (valid_to IS NULL OR valid_to >= ?::date)", v, v),
      ),
    },
  }),
});

const ResponsibilityInput = builder.inputType("ResponsibilityInput", {
  description: "A responsibility assignment; validated by the domain's responsibility schema.",
  fields: (t) => ({
    id: t.string({ description: "Ledger id; generated when absent." }),
    kind: t.field({ type: ResponsibilityKindEnum, required: true, description: "Kind of responsibility." }),
    personName: t.string({ required: true, description: "Name of the responsible person." }),
    personPhone: t.string({ description: "Mobile phone (11 digits)." }),
    townshipCode: t.string({
      required: true,
      description: "Code of the township (inside the caller's scope).",
    }),
    householdId: t.string({ description: "Ledger id of the household helped (a helper only)." }),
    villageCode: t.string({ description: "Code of the village (a village's responsible person only)." }),
    validFrom: t.string({ required: true, description: "In force from (YYYY-MM-DD)." }),
    validTo: t.string({ description: "In force until (YYYY-MM-DD; absent: open-ended)." }),
  }),
});

builder.mutationField(rechecksInItsWrite("recordResponsibility"), (t) =>
  t.field({
    type: ResponsibilityRef,
    description:
      "Records a township's fixed person, a village's responsible person or a household's helper inside the caller's scope (audited).",
    authScopes: { ledgerWrite: true },
    args: { input: t.arg({ type: ResponsibilityInput, required: true, description: "The assignment." }) },
    resolve: (_root, args, ctx) =>
      writeLedger(ctx, async (w) => {
        const r = orFail(createResponsibility({ ...compact(args.input), id: args.input.id ?? randomUUID() }));
        let region = await requireKnownRegion(ctx, w, r.townshipCode, "input.townshipCode");
        if (r.householdId !== null) {
          const household = await w.lock(householdTable, r.householdId);
          const records = { households: [household.record], responsibilities: [r] };
          enforceRules({ countyCode: household.countyCode, ...records }, ["LEDGER.WRONG_TOWNSHIP"], [r.id]);
          region = household.regionCode;
        } else if (r.villageCode !== null) {
          region = requireRegion(ctx, r.villageCode, "input.villageCode");
          const regions = await w.find(regionTable, { code: region }, "all");
          const ledger = { countyCode: region.slice(0, 6), regions, responsibilities: [r] };
          enforceRules(ledger, ["LEDGER.UNKNOWN_VILLAGE"], [r.id]);
        }
        await w.insert(responsibilityTable, r, region);
        return r;
      }),
  }),
);
