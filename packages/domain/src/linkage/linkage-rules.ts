import { recordsOf } from "../ledger/record-kinds.js";
import { defineLedgerRule, type LedgerRule } from "../ledger/rule.js";
import { linkageCoversYear } from "./linkage.js";

/** Codes of the rules on linkages (利益联结) and their yearly records. */
export type LinkageRuleCode = "LEDGER.LINKAGE_YEAR_OUT_OF_RANGE" | "LEDGER.DUPLICATE_LINKAGE_YEAR";

/** The year records of linkages present, with their linkage (records of an absent linkage are skipped). */
const yearsWithLinkage = (ledger: Parameters<LedgerRule["check"]>[0]) => {
  const linkages = new Map(recordsOf(ledger, "linkages").map((l) => [l.id, l]));
  return recordsOf(ledger, "linkageYears").flatMap((y) => {
    const linkage = linkages.get(y.linkageId);
    return linkage ? [{ year: y, linkage }] : [];
  });
};

/** A linkage's yearly record falls within the years the linkage runs. */
export const linkageYearOutOfRange = defineLedgerRule(
  "LEDGER.LINKAGE_YEAR_OUT_OF_RANGE",
  "A linkage's yearly record falls within the years the linkage runs.",
  (ledger, report) => {
    for (const { year: y, linkage } of yearsWithLinkage(ledger)) {
      if (linkageCoversYear(linkage, y.year)) continue;
      report(
        `linkage year ${y.id}: ${y.year} is outside linkage ${linkage.id} (${linkage.startYear}–${linkage.endYear ?? "now"})`,
        [y.id, linkage.id],
        "year",
      );
    }
  },
);

/** A linkage has at most one record per year. */
export const duplicateLinkageYear = defineLedgerRule(
  "LEDGER.DUPLICATE_LINKAGE_YEAR",
  "A linkage has at most one record per year.",
  (ledger, report) => {
    const keys = new Set<string>();
    for (const { year: y } of yearsWithLinkage(ledger)) {
      const key = `${y.linkageId}:${y.year}`;
      if (keys.has(key)) report(`linkage ${y.linkageId} has two records for ${y.year}`, [y.id], "year");
      keys.add(key);
    }
  },
);

/** The rules on linkages, keyed by code. */
export const LINKAGE_RULES: Readonly<Record<LinkageRuleCode, LedgerRule<LinkageRuleCode>>> = {
  "LEDGER.LINKAGE_YEAR_OUT_OF_RANGE": linkageYearOutOfRange,
  "LEDGER.DUPLICATE_LINKAGE_YEAR": duplicateLinkageYear,
};
