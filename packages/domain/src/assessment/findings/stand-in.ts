import { labels, townshipRegionOf } from "../context.js";
import type { Finding } from "../types.js";
import { type FindingDetector, makeFinding } from "./detector.js";
import { type RegionWithStandIns, regionsWithStandIns, villagesWithPoorWork } from "./queries.js";

/** 3次…（2人）: how many appointments, and how many people they named. */
function tally({ appointed }: RegionWithStandIns): { times: number; people: number } {
  return { times: appointed.length, people: new Set(appointed.map((r) => r.personName)).size };
}

/**
 * 临时指定 ("有的乡镇没有固定人员负责产业扶贫工作，有时县里布置了工作任务，临时指定人员对接"): a township
 * that put a new fixed person in charge more often in the year than `townshipPersonChangesMax` (2)
 * allows — stand-ins named for a task, not a person in charge. One transfer or replacement in a year
 * is normal; a record split at the year's turn, or issued again to the person in charge, changes
 * nobody (`appointmentsInYear`). Severity high: the work has a name on it but no owner.
 */
export const townshipStandIn: FindingDetector = {
  code: "RESPONSIBILITY.TOWNSHIP_STAND_IN",
  severity: "high",
  subjectType: "township",
  detect(ctx) {
    const findings: Finding[] = [];
    const max = ctx.policy.townshipPersonChangesMax;
    for (const found of regionsWithStandIns(ctx, "township", ctx.index.townshipPersons, max)) {
      const { region, appointed } = found;
      const { times, people } = tally(found);
      findings.push(
        makeFinding(this, ctx, {
          regionCode: region.code,
          subjectId: region.code,
          evidence: appointed.map((r) => r.id),
          zh: `${labels.township(ctx, region.code)}${ctx.year}年先后${times}次指定产业扶贫责任人（${people}人），没有固定人员负责（临时指定人员对接）`,
          en: `Township ${region.name} (${region.code}) named a responsible person ${times} times in ${ctx.year} (${people} people): stand-ins, not a fixed person`,
        }),
      );
    }
    return findings;
  },
};

/**
 * 村级临时指定 ("督促乡、村两级扛起产业扶贫的主体责任，做到责任到人、任务上肩"; "临时指定人员对接"): a
 * village with poverty work — a poor village, or one with a registered household by the year — whose
 * responsible person changed more often in the year than `villagePersonChangesMax` (2) allows. The
 * same judgement as the township's (`regionsWithStandIns`): one replacement is normal, a split record
 * is no change. Severity medium: the village still has someone in charge, and the township above it
 * answers for the work.
 */
export const villageStandIn: FindingDetector = {
  code: "RESPONSIBILITY.VILLAGE_STAND_IN",
  severity: "medium",
  subjectType: "village",
  detect(ctx) {
    const findings: Finding[] = [];
    const max = ctx.policy.villagePersonChangesMax;
    const judged = villagesWithPoorWork(ctx);
    for (const found of regionsWithStandIns(ctx, "village", ctx.index.villagePersons, max, judged)) {
      const { region, appointed } = found;
      const { times, people } = tally(found);
      findings.push(
        makeFinding(this, ctx, {
          regionCode: townshipRegionOf(region.code),
          subjectId: region.code,
          evidence: appointed.map((r) => r.id),
          zh: `${labels.village(ctx, region.code)}${region.isPoorVillage ? "（贫困村）" : ""}${ctx.year}年先后${times}次更换村级产业扶贫责任人（${people}人），责任没有固定到人（临时指定人员对接）`,
          en: `Village ${region.name} (${region.code}) changed its responsible person ${times} times in ${ctx.year} (${people} people): stand-ins, not a person in charge`,
        }),
      );
    }
    return findings;
  },
};
