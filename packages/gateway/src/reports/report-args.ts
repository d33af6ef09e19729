import { builder } from "../graphql/builder.js";

/** The arguments that name a report: profile, region and period (shared by the preview and the submission). */
export const REPORT_ARGS = builder.args((t) => ({
  profile: t.string({
    required: true,
    description: "Report profile: province-households, city-projects or city-campaign.",
  }),
  regionCode: t.string({ required: true, description: "Region reported (county or township)." }),
  period: t.string({ required: true, description: "Period: 2025 for a year, 2025-12 for a month." }),
}));
