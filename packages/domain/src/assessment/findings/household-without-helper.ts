import { isResponsibilityCurrent } from "../../responsibility/responsibility.js";
import { labels, NONE, townshipRegionOf } from "../context.js";
import type { Finding } from "../types.js";
import { type FindingDetector, makeFinding } from "./detector.js";

/** A household registered in or before the year with no helper (帮扶责任人) in force on the assessment date. Severity medium. */
export const householdWithoutHelper: FindingDetector = {
  code: "RESPONSIBILITY.HOUSEHOLD_WITHOUT_HELPER",
  severity: "medium",
  subjectType: "household",
  detect(ctx) {
    const findings: Finding[] = [];
    for (const h of ctx.ledger.households) {
      if (h.registeredYear > ctx.year) continue;
      const helpers = ctx.index.helpersByHousehold.get(h.id) ?? NONE;
      if (helpers.some((r) => isResponsibilityCurrent(r, ctx.asOf))) continue;
      findings.push(
        makeFinding(this, ctx, {
          regionCode: townshipRegionOf(h.villageCode),
          subjectId: h.id,
          evidence: [h.id, ...helpers.map((r) => r.id)],
          zh: `${labels.household(ctx, h.id)}没有落实帮扶责任人`,
          en: `${labels.householdEn(ctx, h.id)} has no helper assigned on ${ctx.asOf}`,
        }),
      );
    }
    return findings;
  },
};
