import { isResponsibilityCurrent } from "../../responsibility/responsibility.js";
import { NONE } from "../context.js";
import { countWhere, defineMetric } from "./metric.js";

/** 乡镇固定责任人: townships of the region with a responsible person on the assessment date. */
export const townshipsWithResponsiblePerson = defineMetric("TOWNSHIPS_WITH_RESPONSIBLE_PERSON", (s) => {
  const { ledger, index, asOf } = s.ctx;
  const townships = ledger.regions.filter((r) => r.level === "township" && s.within(r.code));
  return {
    numerator: countWhere(townships, (r) =>
      (index.townshipPersons.get(r.code) ?? NONE).some((p) => isResponsibilityCurrent(p, asOf)),
    ),
    denominator: townships.length,
  };
});

/** 帮扶责任人: registered households with a helper on the assessment date. */
export const householdsWithHelper = defineMetric("HOUSEHOLDS_WITH_HELPER", (s) => {
  const { index, asOf } = s.ctx;
  return {
    numerator: countWhere(s.registered, (h) =>
      (index.helpersByHousehold.get(h.id) ?? NONE).some((r) => isResponsibilityCurrent(r, asOf)),
    ),
    denominator: s.registered.length,
  };
});
