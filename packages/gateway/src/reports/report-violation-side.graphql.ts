import type { ViolationSide } from "@fupin/domain";
import { builder } from "../graphql/builder.js";
import { ReportRowRefType } from "./report-row-ref.graphql.js";

/** GraphQL type of one side of a rule violation. */
export const ReportViolationSideType = builder.objectRef<ViolationSide>("ReportViolationSide").implement({
  description: "One side of a broken consistency rule: its label, value and the rows behind it.",
  fields: (t) => ({
    label: t.exposeString("label", { description: "What the side sums, in Chinese." }),
    value: t.float({
      nullable: true,
      description: "The side's value (fen for amounts); null when the data has none.",
      resolve: (s) => s.value,
    }),
    rows: t.field({
      type: [ReportRowRefType],
      description: "The rows and ledger records behind the value.",
      resolve: (s) => s.refs,
    }),
  }),
});
