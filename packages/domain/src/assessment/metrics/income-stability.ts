import { perCapitaNetIncomeFen } from "../../households/income.js";
import { incomeOf } from "../context.js";
import { countWhere, defineMetric } from "./metric.js";

/** 收入稳定户: registered households whose net income per head stayed above the line each year of the window. */
export const incomeStableHouseholds = defineMetric("INCOME_STABLE_HOUSEHOLDS", (s) => {
  const { index, year, policy } = s.ctx;
  const years = Array.from({ length: Math.max(policy.incomeStableYears, 1) }, (_, i) => year - i);
  return {
    numerator: countWhere(s.registered, (h) => {
      const members = index.memberCounts.get(h.id) ?? 0;
      return (
        members > 0 &&
        years.every((y) => {
          const income = incomeOf(index, h.id, y);
          return income !== undefined && perCapitaNetIncomeFen(income, members) >= policy.incomeLineFen;
        })
      );
    }),
    denominator: s.registered.length,
  };
});
