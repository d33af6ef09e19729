import { labels } from "../context.js";
import type { Finding } from "../types.js";
import { type FindingDetector, makeFinding } from "./detector.js";
import { regionsWithoutPerson } from "./queries.js";

/**
 * 人员责任落实不到位 ("有的乡镇没有固定人员负责产业扶贫工作…没有人去谋划、落实产业扶贫工作"): a
 * township with no fixed responsible person in force on the assessment date. A stand-in named for a
 * task is RESPONSIBILITY.TOWNSHIP_STAND_IN. Severity critical: nobody plans or follows the work.
 */
export const townshipWithoutPerson: FindingDetector = {
  code: "RESPONSIBILITY.TOWNSHIP_WITHOUT_PERSON",
  severity: "critical",
  subjectType: "township",
  detect(ctx) {
    const findings: Finding[] = [];
    for (const { region, past: assignments } of regionsWithoutPerson(
      ctx,
      "township",
      ctx.index.townshipPersons,
    )) {
      const name = labels.township(ctx, region.code);
      const past = assignments.map((r) => r.id);
      findings.push(
        makeFinding(this, ctx, {
          regionCode: region.code,
          subjectId: region.code,
          evidence: [region.code, ...past],
          zh: `${name}未明确产业扶贫固定责任人${past.length > 0 ? "（原责任人已到期）" : ""}`,
          en: `Township ${region.name} (${region.code}) has no fixed person responsible for industry poverty alleviation on ${ctx.asOf}`,
        }),
      );
    }
    return findings;
  },
};
