import { defineConnection } from "../../graphql/connection.js";
import { optional, reference } from "../../graphql/fields.js";
import { addListQuery, listFilter, match, underRegion } from "../../graphql/list-query.js";
import { IndustryRef, RegionRef, VillageIndustryRef } from "../../graphql/refs.js";
import { TrialStatusEnum } from "../../graphql/schema/enums.js";
import { villageIndustryTable } from "./village-industry.table.js";

VillageIndustryRef.implement({
  description: "村级主导产业: a village's industry in one year, with its trial-planting (试验试种) status.",
  fields: (t) => ({
    recordId: t.exposeString("id", { description: "The record's ledger id." }),
    ...reference(t, "villageCode", RegionRef),
    ...reference(t, "industryId", IndustryRef),
    year: t.exposeInt("year", { description: "Year of the record." }),
    trialStatus: t.expose("trialStatus", { type: TrialStatusEnum, description: "Trial-planting status." }),
    ...optional(t, "trialYear", "Int", "Year of the trial planting."),
    scaledUp: t.exposeBoolean("scaledUp", { description: "Whether the industry was scaled up." }),
    scale: t.exposeInt("scale", { description: "Scale, in the industry's outcome unit." }),
  }),
});

addListQuery("villageIndustries", {
  description: "Village industries inside a region, in id order.",
  spec: villageIndustryTable,
  connection: defineConnection("VillageIndustry", VillageIndustryRef, (v) => v.id, "village industry"),
  filter: listFilter("VillageIndustryFilter", {
    description: "Filter of village industries; every set field must match.",
    fields: {
      year: match.int("Only records of this year."),
      industryId: match.string("Only records of this industry."),
      trialStatus: match.enum(TrialStatusEnum, "Only records with this trial status."),
      scaledUp: match.boolean("Only scaled-up (true) or not (false)."),
      villageCode: match.string("Only villages under this code.", underRegion("village_code", "villageCode")),
    },
  }),
});
