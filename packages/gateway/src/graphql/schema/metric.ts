import { formatFenAsYuan, METRIC_DEFINITIONS, type Metric, type MetricCode } from "@fupin/domain";
import { assessedRegionYear, assessmentArgs } from "../assessed-year.js";
import { builder } from "../builder.js";
import { optional } from "../fields.js";
import { ASSESSMENT_COMPLEXITY } from "../limits-config.js";

function isMoney(m: Metric): boolean {
  return METRIC_DEFINITIONS[m.code.split(".")[0] as MetricCode]?.unit === "fen";
}

/** An amount in fen as yuan with thousands separators: `4,341.12 元`. */
export function displayYuan(fen: number): string {
  const [whole, cents] = formatFenAsYuan(Math.round(fen)).split(".");
  return `${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${cents} 元`;
}

/** A metric's value for people: yuan for amounts, a percentage for rates, `—` without a denominator. */
export function displayMetric(m: Metric): string {
  if (m.value === null) return "—";
  return isMoney(m) ? displayYuan(m.value) : `${(m.value * 100).toFixed(1)}%`;
}

const MetricType = builder.objectRef<Metric>("Metric").implement({
  description:
    "考核指标: an assessment metric of a region and year, an additive numerator over an additive denominator.",
  fields: (t) => ({
    code: t.exposeString("code", {
      description: "Metric code, e.g. LINKAGE_COVERAGE or OUTCOME_SURVIVAL.<industry code>.",
    }),
    name: t.string({
      nullable: true,
      description: "Chinese name of the metric.",
      resolve: (m) => METRIC_DEFINITIONS[m.code.split(".")[0] as MetricCode]?.zh ?? null,
    }),
    nameEn: t.string({
      nullable: true,
      description: "English name of the metric.",
      resolve: (m) => METRIC_DEFINITIONS[m.code.split(".")[0] as MetricCode]?.en ?? null,
    }),
    regionCode: t.exposeString("regionCode", { description: "The region measured." }),
    year: t.exposeInt("year", { description: "The year measured." }),
    ...optional(t, "value", "Float", "numerator / denominator, or null when the denominator is 0."),
    numerator: t.exposeFloat("numerator", { description: "Additive numerator (a count, or fen)." }),
    denominator: t.exposeFloat("denominator", { description: "Additive denominator (a count, or fen)." }),
    unit: t.string({
      description:
        "The unit of `display`: 元 (yuan; `value` is in fen) or % (`value` is a share between 0 and 1).",
      resolve: (m) => (isMoney(m) ? "元" : "%"),
    }),
    display: t.string({
      description: "The value for people: `4,341.12 元` or `87.5%`; — when the denominator is 0.",
      resolve: displayMetric,
    }),
    target: t.float({
      nullable: true,
      description: "The policy target the value is measured against, where the metric has one.",
      resolve: (m) => m.target ?? null,
    }),
  }),
});

/** Validation of an assessed year (it lives beside the assessment arguments). */
export { yearArgSchema } from "../assessed-year.js";

builder.queryField("metrics", (t) =>
  t.field({
    type: [MetricType],
    description:
      "Assessment metrics of a region (inside the caller's scope) for a year, computed from its ledger.",
    authScopes: { ledgerRead: true },
    complexity: ASSESSMENT_COMPLEXITY.metrics,
    args: assessmentArgs(t.arg, "measured", "county, township or village"),
    resolve: async (_root, args, ctx) => {
      const { regionCode, year } = assessedRegionYear(ctx, args);
      return ctx.services.assessment.metrics(ctx, regionCode, year);
    },
  }),
);
