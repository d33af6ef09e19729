import type { Writable } from "node:stream";
import { formatReportPeriod, type LedgerData, type ReportDataset } from "@fupin/domain";
import { writeJsonBatches } from "../codecs/json-batches.js";
import { type SheetInput, writeXlsx, type XlsxWriteOptions } from "../codecs/xlsx-writer.js";
import { datasetRows, ledgerRows, type RegionNames, regionNamesOf } from "../profiles/dataset-rows.js";
import type { Profile } from "../profiles/profile.js";

/** The format a report is written in. */
export type ExportFormat = "xlsx" | "json";

/** The sheets of a report dataset under a profile. */
export function reportSheets(profile: Profile, dataset: ReportDataset, names: RegionNames): SheetInput[] {
  if (profile.name !== dataset.profile)
    throw new Error(`profile ${profile.name} cannot write a ${dataset.profile} dataset`);
  return profile.sheets.map((sheet) => ({ sheet, rows: datasetRows(sheet.rows, dataset, names) }));
}

/** Writes a report dataset through its profile as xlsx or JSON batches; resolves with the rows (xlsx) or batches (json) written. */
export function exportReport(
  profile: Profile,
  dataset: ReportDataset,
  names: RegionNames,
  stream: Writable,
  format: ExportFormat = "xlsx",
  options: XlsxWriteOptions = {},
): Promise<number> {
  const region = names.get(dataset.regionCode) ?? dataset.regionCode;
  const meta = {
    region,
    regionCode: dataset.regionCode,
    period: formatReportPeriod(dataset.period),
    asOf: dataset.asOf,
  };
  const sheets = reportSheets(profile, dataset, names);
  return format === "json"
    ? writeJsonBatches(profile, sheets, stream, meta)
    : writeXlsx(profile, sheets, stream, { ...options, titleValues: meta });
}

/** Writes a whole ledger as fupin's own workbook (the `ledger` profile): a sheet per record kind. */
export function exportLedger(
  profile: Profile,
  ledger: LedgerData,
  stream: Writable,
  options: XlsxWriteOptions = {},
): Promise<number> {
  if (profile.name !== "ledger") throw new Error(`profile ${profile.name} is not the ledger workbook`);
  const sheets = profile.sheets.map((sheet) => ({ sheet, rows: ledgerRows(sheet.rows, ledger) }));
  return writeXlsx(profile, sheets, stream, {
    ...options,
    titleValues: { region: regionNamesOf(ledger).get(ledger.countyCode) ?? ledger.countyCode },
  });
}
