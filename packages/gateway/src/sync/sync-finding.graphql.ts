import type { SyncFinding } from "@fupin/domain";
import { builder } from "../graphql/builder.js";
import { bilingualMessage, optional } from "../graphql/fields.js";

/** The GraphQL type of a delivery finding (SYNC.LATE). */
export const SyncFindingType = builder.objectRef<SyncFinding>("SyncFinding").implement({
  description: "A report delivered after its deadline, or still undelivered past it (SYNC.LATE).",
  fields: (t) => ({
    code: t.exposeString("code", { description: "Finding code: SYNC.LATE." }),
    severity: t.exposeString("severity", { description: "How serious the finding is (high)." }),
    regionCode: t.exposeString("regionCode", { description: "Region whose report it is." }),
    subjectId: t.exposeString("subjectId", { description: "Id of the sync run." }),
    dueDate: t.exposeString("dueDate", { description: "The date the report was due (China time)." }),
    ...optional(t, "deliveredOn", "String", "The China date it was delivered on; null while it is not."),
    ...bilingualMessage(t, "What was found"),
  }),
});
