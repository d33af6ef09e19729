import { builder } from "../graphql/builder.js";
import { optional } from "../graphql/fields.js";
import type { RejectedRowView } from "./sync-queries.js";

/** The GraphQL type of a row a platform refused. */
export const SyncRejectedRowType = builder.objectRef<RejectedRowView>("SyncRejectedRow").implement({
  description: "A row of a delivered batch that the platform refused, with its reason.",
  fields: (t) => ({
    sheet: t.exposeString("sheet", { description: "Sheet of the profile the row belongs to." }),
    batch: t.exposeInt("batch", { description: "Batch number within the sheet (from 0)." }),
    row: t.exposeInt("row", { description: "Index of the row within its batch (from 0)." }),
    ...optional(
      t,
      "rowKey",
      "String",
      "The key the platform names the row by (ID number, 户编号, project id), when it gave one.",
    ),
    ...optional(t, "field", "String", "The column at fault, when the platform named one."),
    reason: t.exposeString("reason", { description: "Why the platform refused it." }),
  }),
});
