import { yearOf } from "../../shared/dates.js";
import { labels, NONE } from "../context.js";
import type { Finding } from "../types.js";
import { type FindingDetector, makeFinding } from "./detector.js";

/**
 * 临时指定 ("有的乡镇没有固定人员负责产业扶贫工作，有时县里布置了工作任务，临时指定人员对接"): a township
 * that appointed more new "fixed" persons in the year than the policy allows — stand-ins named for a
 * task, not a person in charge. One transfer or replacement in a year is normal. Severity high.
 */
export const townshipStandIn: FindingDetector = {
  code: "RESPONSIBILITY.TOWNSHIP_STAND_IN",
  severity: "high",
  subjectType: "township",
  detect(ctx) {
    const findings: Finding[] = [];
    for (const region of ctx.ledger.regions) {
      if (region.level !== "township") continue;
      const started = (ctx.index.townshipPersons.get(region.code) ?? NONE).filter(
        (r) => yearOf(r.validFrom) === ctx.year && r.validFrom <= ctx.asOf,
      );
      if (started.length <= ctx.policy.townshipPersonChangesMax) continue;
      const people = new Set(started.map((r) => r.personName)).size;
      findings.push(
        makeFinding(this, ctx, {
          regionCode: region.code,
          subjectId: region.code,
          evidence: started.map((r) => r.id),
          zh: `${labels.township(ctx, region.code)}${ctx.year}年先后${started.length}次指定产业扶贫责任人（${people}人），没有固定人员负责（临时指定人员对接）`,
          en: `Township ${region.name} (${region.code}) named a responsible person ${started.length} times in ${ctx.year} (${people} people): stand-ins, not a fixed person`,
        }),
      );
    }
    return findings;
  },
};
