import { builder } from "../../graphql/builder.js";
import { defineConnection } from "../../graphql/connection.js";
import { optional } from "../../graphql/fields.js";
import { addListQuery, listFilter, match, underRegion } from "../../graphql/list-query.js";
import { sqlWhere } from "../../graphql/read/sql.js";
import { RegionRef, recordField } from "../../graphql/refs.js";
import { regionTable } from "./region.table.js";

RegionRef.implement({
  description: "行政区划: a region of the hierarchy province → city → county → township → village.",
  fields: (t) => ({
    code: t.exposeString("code", { description: "Statistical region code in short form (2–12 digits)." }),
    name: t.exposeString("name", { description: "Name of the region (Chinese)." }),
    level: t.exposeString("level", { description: "province, city, county, township or village." }),
    ...optional(t, "parentCode", "String", "Code of the parent region."),
    isPoorVillage: t.exposeBoolean("isPoorVillage", {
      description: "Whether the village is a poor village (贫困村).",
    }),
    parent: recordField(t, RegionRef, "The parent region, when inside the caller's scope.", "parentCode"),
  }),
});

addListQuery("regions", {
  description: "Regions (townships, villages …) inside a region, by code.",
  spec: regionTable,
  connection: defineConnection("Region", RegionRef, (r) => r.code, "region"),
  filter: listFilter("RegionFilter", {
    description: "Filter of regions.",
    fields: {
      level: match.string("Only regions of this level (township, village, …)."),
      parentCode: match.string("Only direct children of this region."),
      isPoorVillage: match.boolean("Only poor villages (true) or only others (false)."),
    },
  }),
});

addListQuery("villages", {
  description: "Villages (村) inside a region, by code.",
  spec: regionTable,
  fixed: [sqlWhere("level = ?", "village")],
  connection: defineConnection("Village", RegionRef, (r) => r.code, "village"),
  filter: listFilter("VillageFilter", {
    description: "Filter of villages.",
    fields: {
      townshipCode: match.string(
        "Only villages of this township (9 digits).",
        underRegion("code", "townshipCode"),
      ),
      isPoorVillage: match.boolean("Only poor villages (true) or only others (false)."),
    },
  }),
});

builder.queryField("region", (t) =>
  t.field({
    type: RegionRef,
    nullable: true,
    description: "One region by code; null outside the caller's scope.",
    authScopes: { ledgerRead: true },
    args: { code: t.arg.string({ required: true, description: "Region code." }) },
    resolve: (_root, args) => args.code,
  }),
);
