import { defineConnection } from "../../graphql/connection.js";
import { optional, reference } from "../../graphql/fields.js";
import { addListQuery, listFilter, match } from "../../graphql/list-query.js";
import { sqlWhere } from "../../graphql/read/sql.js";
import { HouseholdRef, MonitoringRef } from "../../graphql/refs.js";
import { MonitoringCategoryEnum, RiskTypeEnum } from "../../graphql/schema/enums.js";
import { monitoringTable } from "./monitoring.table.js";

MonitoringRef.implement({
  description: "防返贫监测: a relapse-monitoring record of a household.",
  fields: (t) => ({
    recordId: t.exposeString("id", { description: "The record's ledger id." }),
    ...reference(t, "householdId", HouseholdRef),
    category: t.expose("category", { type: MonitoringCategoryEnum, description: "Monitoring category." }),
    riskType: t.expose("riskType", { type: RiskTypeEnum, description: "Risk type." }),
    identifiedDate: t.exposeString("identifiedDate", { description: "Date the risk was identified." }),
    ...optional(t, "removedDate", "String", "Date the risk was removed."),
  }),
});

addListQuery("monitorings", {
  description: "Relapse-monitoring records of the households inside a region, in id order.",
  spec: monitoringTable,
  connection: defineConnection("Monitoring", MonitoringRef, (m) => m.id, "monitoring record"),
  filter: listFilter("MonitoringFilter", {
    description: "Filter of monitoring records; every set field must match.",
    fields: {
      category: match.enum(MonitoringCategoryEnum, "Only records of this category."),
      riskType: match.enum(RiskTypeEnum, "Only records of this risk type."),
      active: match.boolean("Only records whose risk is not removed (true) or removed (false).", (v) =>
        sqlWhere(v ? "removed_date IS NULL" : "removed_date IS NOT NULL"),
      ),
    },
  }),
});
