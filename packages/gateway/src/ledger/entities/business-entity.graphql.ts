import { defineConnection } from "../../graphql/connection.js";
import { optional, reference } from "../../graphql/fields.js";
import { addListQuery, listFilter, match } from "../../graphql/list-query.js";
import {
  BusinessEntityRef,
  EntityActivityRef,
  IndustryRef,
  LinkageRef,
  RegionRef,
  recordList,
} from "../../graphql/refs.js";
import { EntityKindEnum } from "../../graphql/schema/enums.js";
import { linkageTable } from "../linkage/linkage.table.js";
import { businessEntityTable } from "./business-entity.table.js";
import { entityActivityTable } from "./entity-activity.table.js";

BusinessEntityRef.implement({
  description: "经营主体: a business entity (leading enterprise, cooperative, family farm, large grower).",
  fields: (t) => ({
    recordId: t.exposeString("id", { description: "The entity's ledger id." }),
    name: t.exposeString("name", { description: "Name of the entity." }),
    kind: t.expose("kind", { type: EntityKindEnum, description: "Kind of entity." }),
    ...reference(t, "regionCode", RegionRef, {
      key: "Township or village where it is registered.",
      record: "Where it is registered.",
    }),
    ...optional(t, "creditCode", "String", "Unified social credit code."),
    ...reference(t, "industryId", IndustryRef, {
      key: "Ledger id of its industry.",
      record: "Its industry.",
      nullable: true,
    }),
    establishedYear: t.exposeInt("establishedYear", { description: "Year established." }),
    activities: recordList(
      t,
      EntityActivityRef,
      "Activity evidence (sales, purchases, payments, meetings).",
      entityActivityTable,
      "entityId",
    ),
    linkages: recordList(
      t,
      LinkageRef,
      "Its benefit linkages with households inside the caller's scope.",
      linkageTable,
      "entityId",
    ),
  }),
});

addListQuery("entities", {
  description: "Business entities registered inside a region, in id order.",
  spec: businessEntityTable,
  connection: defineConnection("BusinessEntity", BusinessEntityRef, (e) => e.id, "business entity"),
  filter: listFilter("BusinessEntityFilter", {
    description: "Filter of business entities; every set field must match.",
    fields: {
      kind: match.enum(EntityKindEnum, "Only entities of this kind."),
      industryId: match.string("Only entities of this industry."),
    },
  }),
});
