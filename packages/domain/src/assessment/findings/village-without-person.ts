import { labels, townshipRegionOf } from "../context.js";
import type { Finding } from "../types.js";
import { type FindingDetector, makeFinding } from "./detector.js";
import { regionsWithoutPerson, villagesWithPoorWork } from "./queries.js";

/**
 * 村级主体责任不落实 ("要主动会同县精准办，督促乡、村两级扛起产业扶贫的主体责任，做到责任到人、任务上肩"):
 * a village with poverty work — a poor village (贫困村), or one with a registered household by the
 * year — and no responsible person (村级责任人) in force on the assessment date. A village without
 * registered households (a residents' committee in town) has nothing to answer for and is not judged.
 * The township's own person is RESPONSIBILITY.TOWNSHIP_WITHOUT_PERSON. Severity high: the village is
 * where households are reached; the township above it still has a person.
 */
export const villageWithoutPerson: FindingDetector = {
  code: "RESPONSIBILITY.VILLAGE_WITHOUT_PERSON",
  severity: "high",
  subjectType: "village",
  detect(ctx) {
    const findings: Finding[] = [];
    const judged = villagesWithPoorWork(ctx);
    for (const { region, past } of regionsWithoutPerson(ctx, "village", ctx.index.villagePersons, judged)) {
      const ended = past.length > 0 ? "（原责任人已到期或尚未到任）" : "";
      findings.push(
        makeFinding(this, ctx, {
          regionCode: townshipRegionOf(region.code),
          subjectId: region.code,
          evidence: [region.code, ...past.map((r) => r.id)],
          zh: `${labels.village(ctx, region.code)}${region.isPoorVillage ? "（贫困村）" : ""}未明确产业扶贫村级责任人${ended}`,
          en: `Village ${region.name} (${region.code}) has no person responsible for industry poverty alleviation on ${ctx.asOf}`,
        }),
      );
    }
    return findings;
  },
};
