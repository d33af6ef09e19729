import { randomUUID } from "node:crypto";
import {
  closeRectification,
  createRectification,
  planRectification,
  type Rectification,
} from "@fupin/domain";
import { builder } from "../../graphql/builder.js";
import { defineConnection } from "../../graphql/connection.js";
import { optional, reference } from "../../graphql/fields.js";
import { addListQuery, listFilter, match } from "../../graphql/list-query.js";
import { RectificationRef, RegionRef } from "../../graphql/refs.js";
import { RectificationSourceEnum, RectificationStatusEnum } from "../../graphql/schema/enums.js";
import { rechecksInItsWrite } from "../../graphql/write/one-statement.js";
import { requireKnownRegion } from "../../graphql/write/regions.js";
import { compact, orFail, writeLedger } from "../../graphql/write/transaction.js";
import { rectificationTable } from "./rectification.table.js";

type Plan = NonNullable<Rectification["plan"]>;

const Milestone = builder.objectRef<Plan["milestones"][number]>("RectificationMilestone").implement({
  description: "A milestone of a rectification timetable (时间表).",
  fields: (t) => ({
    id: t.exposeString("id", { description: "Id of the milestone." }),
    title: t.exposeString("title", { description: "What is to be done." }),
    due: t.exposeString("due", { description: "Due date (YYYY-MM-DD)." }),
    ...optional(t, "doneDate", "String", "Date done (null: pending)."),
  }),
});

const RectificationPlan = builder.objectRef<Plan>("RectificationPlan").implement({
  description: "A rectification plan: its timetable of milestones and its roadmap (路线图).",
  fields: (t) => ({
    milestones: t.field({ type: [Milestone], description: "The timetable.", resolve: (p) => p.milestones }),
    roadmap: t.exposeString("roadmap", { description: "The roadmap." }),
  }),
});

RectificationRef.implement({
  description: "问题整改: a problem found in a township, its plan, responsible person, deadline and status.",
  fields: (t) => ({
    recordId: t.exposeString("id", { description: "The record's ledger id." }),
    ...reference(t, "townshipCode", RegionRef),
    problem: t.exposeString("problem", { description: "The problem." }),
    source: t.expose("source", { type: RectificationSourceEnum, description: "Where it was found." }),
    ...optional(t, "findingCode", "String", "Code of the finding behind it."),
    ...optional(t, "subjectId", "String", "Ledger id of the subject."),
    foundDate: t.exposeString("foundDate", { description: "Date found (YYYY-MM-DD)." }),
    responsiblePerson: t.exposeString("responsiblePerson", { description: "Responsible person." }),
    deadline: t.exposeString("deadline", { description: "Deadline (YYYY-MM-DD)." }),
    status: t.expose("status", { type: RectificationStatusEnum, description: "open, planned or closed." }),
    plan: t.field({
      type: RectificationPlan,
      nullable: true,
      description: "The plan, once made.",
      resolve: (r) => r.plan,
    }),
    ...optional(t, "closedDate", "String", "Date closed."),
  }),
});

addListQuery("rectifications", {
  description: "Rectifications of the townships inside a region, in id order.",
  spec: rectificationTable,
  connection: defineConnection("Rectification", RectificationRef, (r) => r.id, "rectification"),
  filter: listFilter("RectificationFilter", {
    description: "Filter of rectifications; every set field must match.",
    fields: {
      status: match.enum(RectificationStatusEnum, "Only rectifications with this status."),
      findingCode: match.string("Only rectifications of this finding code."),
      source: match.enum(RectificationSourceEnum, "Only rectifications from this source."),
    },
  }),
});

const RectificationInput = builder.inputType("RectificationInput", {
  description: "A problem to rectify, opened in a township; validated by the domain's rectification schema.",
  fields: (t) => ({
    id: t.string({ description: "Ledger id; generated when absent." }),
    townshipCode: t.string({
      required: true,
      description: "Township code (9 digits, inside the caller's scope).",
    }),
    problem: t.string({ required: true, description: "The problem." }),
    source: t.field({ type: RectificationSourceEnum, required: true, description: "Where it was found." }),
    findingCode: t.string({ description: "Code of the finding behind it." }),
    subjectId: t.string({ description: "Ledger id of the subject." }),
    foundDate: t.string({ required: true, description: "Date found (YYYY-MM-DD)." }),
    responsiblePerson: t.string({ required: true, description: "Responsible person." }),
    deadline: t.string({ required: true, description: "Deadline (YYYY-MM-DD)." }),
  }),
});

const MilestoneInput = builder.inputType("RectificationMilestoneInput", {
  description: "A milestone of a rectification timetable.",
  fields: (t) => ({
    id: t.string({ description: "Id of the milestone; generated when absent." }),
    title: t.string({ required: true, description: "What is to be done." }),
    due: t.string({ required: true, description: "Due date (YYYY-MM-DD)." }),
    doneDate: t.string({ description: "Date done (absent: pending)." }),
  }),
});

const PlanInput = builder.inputType("RectificationPlanInput", {
  description: "A rectification plan: its timetable (时间表) and roadmap (路线图).",
  fields: (t) => ({
    milestones: t.field({ type: [MilestoneInput], required: true, description: "The timetable." }),
    roadmap: t.string({ required: true, description: "The roadmap." }),
  }),
});

builder.mutationField(rechecksInItsWrite("openRectification"), (t) =>
  t.field({
    type: RectificationRef,
    description: "Opens a rectification in a township inside the caller's scope (audited).",
    authScopes: { ledgerWrite: true },
    args: { input: t.arg({ type: RectificationInput, required: true, description: "The problem." }) },
    resolve: (_root, args, ctx) =>
      writeLedger(ctx, async (w) => {
        const r = orFail(createRectification({ ...compact(args.input), id: args.input.id ?? randomUUID() }));
        const township = await requireKnownRegion(ctx, w, r.townshipCode, "input.townshipCode");
        await w.insert(rectificationTable, r, township);
        return r;
      }),
  }),
);

builder.mutationField(rechecksInItsWrite("planRectification"), (t) =>
  t.field({
    type: RectificationRef,
    description: "Gives a rectification its plan (or replaces it, e.g. to mark milestones done); audited.",
    authScopes: { ledgerWrite: true },
    args: {
      id: t.arg.string({ required: true, description: "Ledger id of the rectification." }),
      plan: t.arg({ type: PlanInput, required: true, description: "The plan." }),
    },
    resolve: (_root, args, ctx) =>
      writeLedger(ctx, async (w) => {
        const before = await w.lock(rectificationTable, args.id);
        const plan = {
          roadmap: args.plan.roadmap,
          milestones: args.plan.milestones.map((m) => ({ ...compact(m), id: m.id ?? randomUUID() })),
        };
        const after = orFail(planRectification(before.record, plan), "plan");
        await w.update(rectificationTable, before, after);
        return after;
      }),
  }),
);

builder.mutationField(rechecksInItsWrite("closeRectification"), (t) =>
  t.field({
    type: RectificationRef,
    description: "Closes a planned rectification whose milestones are all done (audited).",
    authScopes: { ledgerWrite: true },
    args: {
      id: t.arg.string({ required: true, description: "Ledger id of the rectification." }),
      date: t.arg.string({ required: true, description: "Date closed (YYYY-MM-DD)." }),
    },
    resolve: (_root, args, ctx) =>
      writeLedger(ctx, async (w) => {
        const before = await w.lock(rectificationTable, args.id);
        const after = orFail(closeRectification(before.record, args.date), "");
        await w.update(rectificationTable, before, after);
        return after;
      }),
  }),
);
