import { builder } from "../graphql/builder.js";
import type { ImportCount } from "./import-ledger.js";

/** GraphQL type of the records of one kind an import created, updated or left unchanged. */
export const LedgerImportCountType = builder.objectRef<ImportCount>("LedgerImportCount").implement({
  description:
    "Records of one kind of an imported file: created, updated, unchanged (equal to the stored ones).",
  fields: (t) => ({
    kind: t.exposeString("kind", { description: "Ledger collection: households, members, monitorings …" }),
    created: t.exposeInt("created", { description: "Records new to the ledger." }),
    updated: t.exposeInt("updated", { description: "Stored records the file changes." }),
    unchanged: t.exposeInt("unchanged", { description: "Stored records the file repeats as they are." }),
  }),
});
