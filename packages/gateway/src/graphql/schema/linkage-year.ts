import { builder } from "../builder.js";
import { defineConnection } from "../connection.js";
import { addListQuery } from "../list-query.js";
import { eq, sqlWhere } from "../read/sql.js";
import { TABLES } from "../read/tables.js";
import { LinkageRef, LinkageYearRef } from "../refs.js";
import { BenefitKindEnum, LinkageModeEnum } from "./enums.js";

LinkageYearRef.implement({
  description: "One year of a linkage: whether the household took part and what it actually received.",
  fields: (t) => ({
    recordId: t.exposeString("id", { description: "The record's ledger id." }),
    linkageId: t.exposeString("linkageId", { description: "Ledger id of the linkage." }),
    linkage: t.field({
      type: LinkageRef,
      nullable: true,
      description: "The linkage.",
      resolve: (y) => y.linkageId,
    }),
    year: t.exposeInt("year", { description: "The year." }),
    tookPart: t.exposeBoolean("tookPart", { description: "Whether the household took part." }),
    receivedFen: t.exposeFloat("receivedFen", { description: "What it received, fen." }),
    benefitKind: t.expose("benefitKind", {
      type: BenefitKindEnum,
      nullable: true,
      description: "Kind of benefit.",
    }),
  }),
});

addListQuery("linkageYears", {
  description: "Yearly linkage records of the households inside a region, in id order.",
  spec: TABLES.linkageYear,
  connection: defineConnection("LinkageYear", LinkageYearRef, (y) => y.id, "linkage year"),
  filter: builder.inputType("LinkageYearFilter", {
    description: "Filter of yearly linkage records; every set field must match.",
    fields: (t) => ({
      year: t.int({ description: "Only records of this year." }),
      linkageId: t.string({ description: "Only records of this linkage." }),
      tookPart: t.boolean({ description: "Only records where the household took part (or not)." }),
      mode: t.field({ type: LinkageModeEnum, description: "Only records of linkages of this mode." }),
    }),
  }),
  conditions: {
    year: (v) => eq("year", v),
    linkageId: (v) => eq("linkage_id", v),
    tookPart: (v) => eq("took_part", v),
    mode: (v) => sqlWhere("linkage_id IN (SELECT id FROM linkage WHERE mode = ?)", v),
  },
});
