/** Platform adapters: report profiles declared as data, xlsx and JSON codecs, ledger workbook import. */
export const ADAPTERS_VERSION = "0.1.0";
export type { CellOut } from "./codecs/cell-values.js";
export { fillTitle, NUM_FMT, toCell } from "./codecs/cell-values.js";
export type { JsonBatch } from "./codecs/json-batches.js";
export { jsonBatches, writeJsonBatches } from "./codecs/json-batches.js";
export type { SheetInput, XlsxWriteOptions } from "./codecs/xlsx-writer.js";
export { writeXlsx } from "./codecs/xlsx-writer.js";
export type { ExportFormat } from "./export/export-report.js";
export { exportLedger, exportReport, reportSheets } from "./export/export-report.js";
export { writeErrorWorkbook } from "./import/error-workbook.js";
export type { ImportRowError, ParsedRow } from "./import/import-errors.js";
export { cellError, columnLetters } from "./import/import-errors.js";
export type { ImportOptions, ImportResult } from "./import/import-workbook.js";
export { importWorkbook } from "./import/import-workbook.js";
export type { CellError, CellErrorCode, CellResult } from "./import/parse-cell.js";
export { excelSerialToIso, parseCell, parseDateText } from "./import/parse-cell.js";
export type { RawCell } from "./import/raw-cell.js";
export { rawText, toRawCell } from "./import/raw-cell.js";
export type { ImportProgress } from "./import/read-rows.js";
export type { FileError, SheetGrid } from "./import/read-workbook.js";
export { decodeCsv, parseCsv, readWorkbook, sniffFormat } from "./import/read-workbook.js";
export { DEFAULT_CODE_TABLES } from "./profiles/code-tables.js";
export type { RegionNames, SheetRow } from "./profiles/dataset-rows.js";
export { datasetRows, ledgerRows, regionNamesOf } from "./profiles/dataset-rows.js";
export { LEDGER_SHEETS } from "./profiles/ledger.js";
export type {
  ColumnType,
  Profile,
  ProfileColumn,
  ProfileError,
  ProfileInput,
  ProfileName,
  ProfileSheet,
  ProfileTransport,
} from "./profiles/profile.js";
export { COLUMN_TYPES, PROFILE_NAMES, profileSchema } from "./profiles/profile.js";
export type { ProfileOverride } from "./profiles/registry.js";
export { isProfileName, loadProfile, parseProfile, profileOverrideSchema } from "./profiles/registry.js";
export type { Fault, FaultInput, FaultMode } from "./simulator/faults.js";
export { FAULT_MODES } from "./simulator/faults.js";
export type {
  PlatformReceipt,
  PlatformSimulator,
  PlatformSimulatorOptions,
  SimulatedPlatform,
  SimulatorStats,
} from "./simulator/platform-simulator.js";
export { createPlatformSimulator, SIMULATED_PLATFORMS } from "./simulator/platform-simulator.js";
export type { BatchError, ReceivedBatch, RejectedRow } from "./simulator/validate-batch.js";
