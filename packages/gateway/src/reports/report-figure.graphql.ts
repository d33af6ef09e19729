import { builder } from "../graphql/builder.js";
import type { ReportFigure } from "./report-summary.js";

/** GraphQL type of a report summary's figure. */
export const ReportFigureType = builder.objectRef<ReportFigure>("ReportFigure").implement({
  description: "A figure of a report summary: a row count or a total (amounts in fen).",
  fields: (t) => ({
    name: t.exposeString("name", {
      description: "Figure key, e.g. households, disbursedFen, subsidyFenCum.",
    }),
    label: t.exposeString("label", { description: "What the figure counts, in Chinese." }),
    value: t.exposeFloat("value", { description: "The figure (fen for amounts; integral)." }),
  }),
});
