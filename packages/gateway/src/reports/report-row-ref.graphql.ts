import type { RowRef } from "@fupin/domain";
import { builder } from "../graphql/builder.js";

/** GraphQL type of a row behind a rule violation's value. */
export const ReportRowRefType = builder.objectRef<RowRef>("ReportRowRef").implement({
  description:
    "A row behind a value of a rule: its report (or ledger, or previous submission), row key and ledger records.",
  fields: (t) => ({
    source: t.exposeString("source", {
      description:
        "Where the row is: a profile, previous:<profile> for the last submission, ledger or submission.",
    }),
    row: t.exposeString("row", {
      description: "Row key: 户编号, project id, township and month, or record id.",
    }),
    recordIds: t.exposeStringList("recordIds", { description: "Ledger ids of the records behind the row." }),
  }),
});
