import { RECORD_KIND_KEYS, RECORD_KINDS, recordIdOf, recordsOf } from "../ledger/record-kinds.js";
import { defineLedgerRule, type LedgerRule } from "../ledger/rule.js";

/** Codes of the rules on where records are filed: inside the county, in a region of the ledger. */
export type RegionRuleCode = "LEDGER.WRONG_COUNTY" | "LEDGER.UNKNOWN_REGION";

const filedRecords = (ledger: Parameters<LedgerRule["check"]>[0]) =>
  RECORD_KIND_KEYS.flatMap((key) => {
    const region = RECORD_KINDS[key].region;
    if (region === null) return [];
    return recordsOf(ledger, key).map((record) => ({
      id: recordIdOf(key, record),
      field: region.field as string,
      code: String((record as Readonly<Record<string, unknown>>)[region.field]),
      listed: region.listed,
    }));
  });

/** Every region and record lies in the ledger's county (the province and city above it may be listed). */
export const wrongCounty = defineLedgerRule(
  "LEDGER.WRONG_COUNTY",
  "A region or record lies inside the ledger's county (the province and city above it may be listed).",
  (ledger, report) => {
    const county = ledger.countyCode;
    for (const { code } of recordsOf(ledger, "regions")) {
      const above = code.length < county.length && county.startsWith(code);
      if (!code.startsWith(county) && !above)
        report(`region ${code} is not under county ${county}`, [code], "code");
    }
    for (const { id, field, code } of filedRecords(ledger)) {
      if (!code.startsWith(county))
        report(`${id}: region ${code} is not under county ${county}`, [id], field);
    }
  },
);

/** A record's village or township is one of the ledger's regions; judged only when the regions are present. */
export const unknownRegion = defineLedgerRule(
  "LEDGER.UNKNOWN_REGION",
  "A record's village or township (funds aside) is one of the ledger's regions.",
  (ledger, report) => {
    if (ledger.regions === undefined) return;
    const known = new Set(ledger.regions.map((r) => r.code));
    for (const { id, field, code, listed } of filedRecords(ledger)) {
      if (listed && code.startsWith(ledger.countyCode) && !known.has(code))
        report(`${id}: region ${code} is not in the ledger`, [id], field);
    }
  },
);

/** The rules on where records are filed, keyed by code. */
export const REGION_RULES: Readonly<Record<RegionRuleCode, LedgerRule<RegionRuleCode>>> = {
  "LEDGER.WRONG_COUNTY": wrongCounty,
  "LEDGER.UNKNOWN_REGION": unknownRegion,
};
