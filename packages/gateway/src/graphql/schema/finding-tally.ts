import type { FindingTally } from "@fupin/domain";
import { builder } from "../builder.js";
import { SeverityEnum } from "./enums.js";

/** How many findings of one code a township has. */
export const FindingTallyType = builder.objectRef<FindingTally>("FindingTally").implement({
  description: "How many findings of one code (and its severity) a township has in the year.",
  fields: (t) => ({
    code: t.exposeString("code", { description: "Finding code, e.g. LINKAGE.FAKE." }),
    severity: t.expose("severity", {
      type: SeverityEnum,
      description:
        "The severity of the code's findings; where it varies (RECTIFICATION.FINDING_WITHOUT_ITEM takes that of the finding it names), the most severe of them.",
    }),
    count: t.exposeInt("count", { description: "Findings of the code." }),
  }),
});
