import { isRectificationClosedBy } from "../../rectification/rectification.js";
import { yearOf } from "../../shared/dates.js";
import { defineMetric } from "./metric.js";

/** 按期整改率: of the region's rectifications due in the year and closed or past due, those closed by the deadline. */
export const rectificationsClosedOnTime = defineMetric("RECTIFICATIONS_CLOSED_ON_TIME", (s) => {
  const { ledger, year, asOf } = s.ctx;
  let due = 0;
  let onTime = 0;
  for (const r of ledger.rectifications) {
    if (!s.within(r.townshipCode) || yearOf(r.deadline) !== year) continue;
    const closed = isRectificationClosedBy(r, asOf);
    if (!closed && r.deadline >= asOf) continue;
    due++;
    if (closed && isRectificationClosedBy(r, r.deadline)) onTime++;
  }
  return { numerator: onTime, denominator: due };
});
