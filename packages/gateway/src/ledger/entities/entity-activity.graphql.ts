import { defineConnection } from "../../graphql/connection.js";
import { optional, reference } from "../../graphql/fields.js";
import { addListQuery, listFilter, match } from "../../graphql/list-query.js";
import { BusinessEntityRef, EntityActivityRef } from "../../graphql/refs.js";
import { ActivityKindEnum } from "../../graphql/schema/enums.js";
import { entityActivityTable } from "./entity-activity.table.js";

EntityActivityRef.implement({
  description: "经营活动: evidence that an entity was active in a year.",
  fields: (t) => ({
    recordId: t.exposeString("id", { description: "The record's ledger id." }),
    ...reference(t, "entityId", BusinessEntityRef),
    year: t.exposeInt("year", { description: "Year of the activity." }),
    date: t.exposeString("date", { description: "Date (YYYY-MM-DD)." }),
    kind: t.expose("kind", { type: ActivityKindEnum, description: "Kind of evidence." }),
    ...optional(t, "amountFen", "Float", "Amount, fen, where it has one."),
    note: t.exposeString("note", { description: "Note." }),
  }),
});

addListQuery("entityActivities", {
  description: "Activity evidence of entities inside a region, in id order.",
  spec: entityActivityTable,
  connection: defineConnection("EntityActivity", EntityActivityRef, (a) => a.id, "entity activity"),
  filter: listFilter("EntityActivityFilter", {
    description: "Filter of entity activities; every set field must match.",
    fields: {
      year: match.int("Only activities of this year."),
      kind: match.enum(ActivityKindEnum, "Only activities of this kind."),
      entityId: match.string("Only activities of this entity."),
    },
  }),
});
