import { builder } from "../../graphql/builder.js";
import { defineConnection } from "../../graphql/connection.js";
import { addListQuery } from "../../graphql/list-query.js";
import { eq, startsWith } from "../../graphql/read/sql.js";
import { IndustryRef, RegionRef, VillageIndustryRef } from "../../graphql/refs.js";
import { TrialStatusEnum } from "../../graphql/schema/enums.js";
import { villageIndustryTable } from "./village-industry.table.js";

VillageIndustryRef.implement({
  description: "村级主导产业: a village's industry in one year, with its trial-planting (试验试种) status.",
  fields: (t) => ({
    recordId: t.exposeString("id", { description: "The record's ledger id." }),
    villageCode: t.exposeString("villageCode", { description: "Code of the village." }),
    village: t.field({
      type: RegionRef,
      nullable: true,
      description: "The village.",
      resolve: (v) => v.villageCode,
    }),
    industryId: t.exposeString("industryId", { description: "Ledger id of the industry." }),
    industry: t.field({
      type: IndustryRef,
      nullable: true,
      description: "The industry.",
      resolve: (v) => v.industryId,
    }),
    year: t.exposeInt("year", { description: "Year of the record." }),
    trialStatus: t.expose("trialStatus", { type: TrialStatusEnum, description: "Trial-planting status." }),
    trialYear: t.exposeInt("trialYear", { nullable: true, description: "Year of the trial planting." }),
    scaledUp: t.exposeBoolean("scaledUp", { description: "Whether the industry was scaled up." }),
    scale: t.exposeInt("scale", { description: "Scale, in the industry's outcome unit." }),
  }),
});

addListQuery("villageIndustries", {
  description: "Village industries inside a region, in id order.",
  spec: villageIndustryTable,
  connection: defineConnection("VillageIndustry", VillageIndustryRef, (v) => v.id, "village industry"),
  filter: builder.inputType("VillageIndustryFilter", {
    description: "Filter of village industries; every set field must match.",
    fields: (t) => ({
      year: t.int({ description: "Only records of this year." }),
      industryId: t.string({ description: "Only records of this industry." }),
      trialStatus: t.field({ type: TrialStatusEnum, description: "Only records with this trial status." }),
      scaledUp: t.boolean({ description: "Only scaled-up (true) or not (false)." }),
      villageCode: t.string({ description: "Only villages under this code." }),
    }),
  }),
  conditions: {
    year: (v) => eq("year", v),
    industryId: (v) => eq("industry_id", v),
    trialStatus: (v) => eq("trial_status", v),
    scaledUp: (v) => eq("scaled_up", v),
    villageCode: (v) => startsWith("village_code", v.replace(/\D/g, "")),
  },
});
