import type { Rectification } from "@fupin/domain";
import { builder } from "../builder.js";
import { defineConnection } from "../connection.js";
import { addListQuery } from "../list-query.js";
import { eq } from "../read/sql.js";
import { TABLES } from "../read/tables.js";
import { RectificationRef, RegionRef } from "../refs.js";
import { RectificationSourceEnum, RectificationStatusEnum } from "./enums.js";

type Plan = NonNullable<Rectification["plan"]>;

const Milestone = builder.objectRef<Plan["milestones"][number]>("RectificationMilestone").implement({
  description: "A milestone of a rectification timetable (时间表).",
  fields: (t) => ({
    id: t.exposeString("id", { description: "Id of the milestone." }),
    title: t.exposeString("title", { description: "What is to be done." }),
    due: t.exposeString("due", { description: "Due date (YYYY-MM-DD)." }),
    doneDate: t.exposeString("doneDate", { nullable: true, description: "Date done (null: pending)." }),
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
    townshipCode: t.exposeString("townshipCode", { description: "Code of the township." }),
    township: t.field({
      type: RegionRef,
      nullable: true,
      description: "The township.",
      resolve: (r) => r.townshipCode,
    }),
    problem: t.exposeString("problem", { description: "The problem." }),
    source: t.expose("source", { type: RectificationSourceEnum, description: "Where it was found." }),
    findingCode: t.exposeString("findingCode", {
      nullable: true,
      description: "Code of the finding behind it.",
    }),
    subjectId: t.exposeString("subjectId", { nullable: true, description: "Ledger id of the subject." }),
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
    closedDate: t.exposeString("closedDate", { nullable: true, description: "Date closed." }),
  }),
});

addListQuery("rectifications", {
  description: "Rectifications of the townships inside a region, in id order.",
  spec: TABLES.rectification,
  connection: defineConnection("Rectification", RectificationRef, (r) => r.id, "rectification"),
  filter: builder.inputType("RectificationFilter", {
    description: "Filter of rectifications; every set field must match.",
    fields: (t) => ({
      status: t.field({
        type: RectificationStatusEnum,
        description: "Only rectifications with this status.",
      }),
      findingCode: t.string({ description: "Only rectifications of this finding code." }),
      source: t.field({
        type: RectificationSourceEnum,
        description: "Only rectifications from this source.",
      }),
    }),
  }),
  conditions: {
    status: (v) => eq("status", v),
    findingCode: (v) => eq("finding_code", v),
    source: (v) => eq("source", v),
  },
});
