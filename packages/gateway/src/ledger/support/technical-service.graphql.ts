import { randomUUID } from "node:crypto";
import { createTechnicalService } from "@fupin/domain";
import { GraphQLError } from "graphql";
import { builder } from "../../graphql/builder.js";
import { defineConnection } from "../../graphql/connection.js";
import { reference } from "../../graphql/fields.js";
import { addListQuery, listFilter, match } from "../../graphql/list-query.js";
import { dateInYear, sqlWhere } from "../../graphql/read/sql.js";
import { HouseholdRef, IndustryRef, RegionRef, TechnicalServiceRef } from "../../graphql/refs.js";
import { ServiceKindEnum } from "../../graphql/schema/enums.js";
import { rechecksInItsWrite } from "../../graphql/write/one-statement.js";
import { requireInCounty } from "../../graphql/write/references.js";
import { requireKnownRegion } from "../../graphql/write/regions.js";
import { compact, orFail, writeLedger } from "../../graphql/write/transaction.js";
import { householdTable } from "../households/household.table.js";
import { industryTable } from "../industries/industry.table.js";
import { technicalServiceTable } from "./technical-service.table.js";

TechnicalServiceRef.implement({
  description: "技术服务小分队: a technical service team visit or training.",
  fields: (t) => ({
    recordId: t.exposeString("id", { description: "The record's ledger id." }),
    kind: t.expose("kind", { type: ServiceKindEnum, description: "Visit or training." }),
    date: t.exposeString("date", { description: "Date (YYYY-MM-DD)." }),
    ...reference(t, "regionCode", RegionRef, {
      key: "Township or village where it took place.",
      record: "Where it took place.",
    }),
    ...reference(t, "industryId", IndustryRef, { nullable: true }),
    householdIds: t.exposeStringList("householdIds", { description: "Ledger ids of the households served." }),
    households: t.field({
      type: [HouseholdRef],
      nullable: { list: false, items: true },
      description: "The households served (null for any outside the caller's scope).",
      resolve: (s) => s.householdIds,
    }),
    content: t.exposeString("content", { description: "What was taught or done." }),
  }),
});

addListQuery("technicalServices", {
  description: "Technical service visits and trainings inside a region, in id order.",
  spec: technicalServiceTable,
  connection: defineConnection("TechnicalService", TechnicalServiceRef, (s) => s.id, "technical service"),
  filter: listFilter("TechnicalServiceFilter", {
    description: "Filter of technical services; every set field must match.",
    fields: {
      year: match.int("Only services in this year.", (v) => dateInYear("date", v)),
      kind: match.enum(ServiceKindEnum, "Only visits or only trainings."),
      industryId: match.string("Only services on this industry."),
      householdId: match.string("Only services listing this household.", (v) =>
        sqlWhere("household_ids @> jsonb_build_array(?::text)", v),
      ),
    },
  }),
});

const ServiceVisitInput = builder.inputType("ServiceVisitInput", {
  description: "A technical service visit or training; validated by the domain's technical service schema.",
  fields: (t) => ({
    id: t.string({ description: "Ledger id; generated when absent." }),
    kind: t.field({ type: ServiceKindEnum, description: "Visit (default) or training." }),
    date: t.string({ required: true, description: "Date (YYYY-MM-DD)." }),
    regionCode: t.string({ required: true, description: "Township or village (inside the caller's scope)." }),
    industryId: t.string({ description: "Ledger id of the industry." }),
    householdIds: t.stringList({
      description: "Ledger ids of the households served (inside the caller's scope).",
    }),
    content: t.string({ required: true, description: "What was taught or done." }),
  }),
});

builder.mutationField(rechecksInItsWrite("recordServiceVisit"), (t) =>
  t.field({
    type: TechnicalServiceRef,
    description: "Records a technical service visit or training inside the caller's scope (audited).",
    authScopes: { ledgerWrite: true },
    args: { input: t.arg({ type: ServiceVisitInput, required: true, description: "The visit." }) },
    resolve: (_root, args, ctx) =>
      writeLedger(ctx, async (w) => {
        const service = orFail(
          createTechnicalService({
            kind: "visit",
            ...compact(args.input),
            id: args.input.id ?? randomUUID(),
          }),
        );
        const region = await requireKnownRegion(ctx, w, service.regionCode, "input.regionCode");
        await requireInCounty(w, industryTable, service.industryId, region.slice(0, 6), "input.industryId");
        if (service.householdIds.length > 0) {
          const found = (await w.find(householdTable, { id: service.householdIds }, "caller")).filter((h) =>
            h.villageCode.startsWith(region),
          );
          const known = new Set(found.map((r) => r.id));
          const missing = service.householdIds.filter((id) => !known.has(id));
          if (missing.length > 0) {
            throw new GraphQLError(`households not in ${region}: ${missing.join(", ")}`, {
              extensions: { code: "NOT_FOUND", field: "input.householdIds", recordIds: missing },
            });
          }
        }
        await w.insert(technicalServiceTable, service, region);
        return service;
      }),
  }),
);
