import {
  advanceProjectStage,
  currentStage,
  FUND_SOURCES,
  type FundSource,
  type ProjectStage,
  totalFundingFen,
} from "@fupin/domain";
import { builder } from "../../graphql/builder.js";
import { defineConnection } from "../../graphql/connection.js";
import { reference } from "../../graphql/fields.js";
import { addListQuery, listFilter, match } from "../../graphql/list-query.js";
import { eq } from "../../graphql/read/sql.js";
import {
  BusinessEntityRef,
  FundDisbursementRef,
  FundUseRef,
  HouseholdRef,
  IndustryRef,
  ProjectRef,
  RegionRef,
  recordList,
} from "../../graphql/refs.js";
import { FundSourceEnum, LinkageModeEnum, ProjectStageEnum } from "../../graphql/schema/enums.js";
import { rechecksInItsWrite } from "../../graphql/write/one-statement.js";
import { orFail, writeLedger } from "../../graphql/write/transaction.js";
import { fundDisbursementTable } from "../funds/fund-disbursement.table.js";
import { fundUseTable } from "../funds/fund-use.table.js";
import type { ProjectRow } from "./project.table.js";
import { projectTable } from "./project.table.js";

const ProjectStageEntry = builder
  .objectRef<{ stage: ProjectStage; date: string }>("ProjectStageEntry")
  .implement({
    description: "A stage a project reached, and when.",
    fields: (t) => ({
      stage: t.expose("stage", { type: ProjectStageEnum, description: "The stage." }),
      date: t.exposeString("date", { description: "Date reached (YYYY-MM-DD)." }),
    }),
  });

const ProjectFunding = builder
  .objectRef<{ source: FundSource; amountFen: number }>("ProjectFunding")
  .implement({
    description: "A project's funding from one source.",
    fields: (t) => ({
      source: t.expose("source", { type: FundSourceEnum, description: "Source of the funding." }),
      amountFen: t.exposeFloat("amountFen", { description: "Amount, fen." }),
    }),
  });

ProjectRef.implement({
  description: "产业扶贫项目: an industry project of the county project library, with its stages so far.",
  fields: (t) => ({
    recordId: t.exposeString("id", { description: "The project's ledger id." }),
    name: t.exposeString("name", { description: "Name of the project." }),
    year: t.exposeInt("year", { description: "Year of the project." }),
    ...reference(t, "regionCode", RegionRef, {
      key: "Township or village of the project.",
      record: "Where the project is.",
    }),
    ...reference(t, "industryId", IndustryRef),
    ...reference(t, "entityId", BusinessEntityRef, {
      what: "implementing entity",
      inScope: true,
      nullable: true,
    }),
    funding: t.field({
      type: [ProjectFunding],
      description: "Funding by source.",
      resolve: (p) =>
        FUND_SOURCES.filter((s) => p.fundingFen[s] !== undefined).map((s) => ({
          source: s,
          amountFen: p.fundingFen[s] ?? 0,
        })),
    }),
    totalFundingFen: t.float({ description: "Total funding, fen.", resolve: (p) => totalFundingFen(p) }),
    beneficiaryHouseholdIds: t.exposeStringList("beneficiaryHouseholdIds", {
      description: "Ledger ids of the beneficiary households.",
    }),
    beneficiaryHouseholds: t.field({
      type: [HouseholdRef],
      nullable: { list: false, items: true },
      description: "Beneficiary households (null for any outside the caller's scope).",
      resolve: (p) => p.beneficiaryHouseholdIds,
    }),
    linkageMode: t.expose("linkageMode", {
      type: LinkageModeEnum,
      nullable: true,
      description: "Its linkage mode.",
    }),
    performanceTarget: t.exposeString("performanceTarget", { description: "Performance target (绩效目标)." }),
    stages: t.field({
      type: [ProjectStageEntry],
      description: "Stages reached, in order.",
      resolve: (p) => p.stages,
    }),
    currentStage: t.expose("currentStage", {
      type: ProjectStageEnum,
      description: "The stage it is at now.",
    }),
    fundUses: recordList(
      t,
      FundUseRef,
      "Fund uses for the project inside the caller's scope.",
      fundUseTable,
      "projectId",
    ),
    disbursements: recordList(
      t,
      FundDisbursementRef,
      "Money paid out to the project (拨付), dated, inside the caller's scope.",
      fundDisbursementTable,
      "projectId",
    ),
  }),
});

addListQuery("projects", {
  description: "Industry projects inside a region, in id order.",
  spec: projectTable,
  connection: defineConnection("Project", ProjectRef, (p) => p.id, "project"),
  filter: listFilter("ProjectFilter", {
    description: "Filter of projects; every set field must match.",
    fields: {
      year: match.int("Only projects of this year."),
      industryId: match.string("Only projects in this industry."),
      entityId: match.string("Only projects implemented by this entity."),
      stage: match.enum(ProjectStageEnum, "Only projects now at this stage.", (v) => eq("current_stage", v)),
      linkageMode: match.enum(LinkageModeEnum, "Only projects with this linkage mode."),
    },
  }),
});

const ProjectStageChangeInput = builder.inputType("ProjectStageChangeInput", {
  description:
    "A project's move to its next stage; checked by the domain (order, dates, public notice days).",
  fields: (t) => ({
    projectId: t.string({
      required: true,
      description: "Ledger id of the project (inside the caller's scope).",
    }),
    stage: t.field({ type: ProjectStageEnum, required: true, description: "The stage reached." }),
    date: t.string({ required: true, description: "Date reached (YYYY-MM-DD)." }),
  }),
});

builder.mutationField(rechecksInItsWrite("advanceProjectStage"), (t) =>
  t.field({
    type: ProjectRef,
    description: "Moves a project inside the caller's scope to a later stage (audited).",
    authScopes: { ledgerWrite: true },
    args: {
      input: t.arg({ type: ProjectStageChangeInput, required: true, description: "The stage change." }),
    },
    resolve: (_root, args, ctx) =>
      writeLedger(ctx, async (w) => {
        const before = await w.lock(projectTable, args.input.projectId);
        const advanced = orFail(advanceProjectStage(before.record, args.input));
        const after: ProjectRow = {
          ...before.record,
          stages: advanced.stages,
          currentStage: currentStage(advanced),
        };
        await w.update(projectTable, before, after);
        return after;
      }),
  }),
);
