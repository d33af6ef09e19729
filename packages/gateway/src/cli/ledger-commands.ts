import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import { finished } from "node:stream/promises";
import {
  exportLedger,
  exportReport,
  type ImportRowError,
  isProfileName,
  loadProfile,
  regionNamesOf,
} from "@fupin/adapters";
import { parseRegionCode, type RuleViolation } from "@fupin/domain";
import { GraphQLError } from "graphql";
import { uploadLimit } from "../config.js";
import type { Database } from "../db/database.js";
import { createSqlExecutor } from "../db/pool.js";
import { ledgerOfSnapshot, readSnapshotText } from "../graphql/read/snapshot.js";
import { ImportScopeError, importLedgerFile, type LedgerImportOutcome } from "../import/import-ledger.js";
import { parseReportRequest, prepareReport, type ReportRequest } from "../reports/report-data.js";
import { cliPrincipal, withDatabase } from "./cli-database.js";
import type { CommandInput } from "./commands.js";
import { UsageError } from "./usage.js";

/** Errors printed one per line before "… and N more" (the error workbook holds them all). */
const ERRORS_PRINTED = 50;

function regionArg(text: string | undefined, what: string): string {
  if (text === undefined) throw new UsageError(`${what} needs --region <code>, e.g. --region 360723`);
  const parsed = parseRegionCode(text);
  if (!parsed.ok) throw new UsageError(`--region: ${parsed.error.message}`);
  return parsed.value.code;
}

/** The county to import into: --region, else the one county the database holds. */
async function importRegion(db: Database, region: string | undefined): Promise<string> {
  if (region !== undefined) return regionArg(region, "import");
  const { rows } = await db.pool.query<{ code: string }>(
    "SELECT code FROM region WHERE level = 'county' ORDER BY code",
  );
  if (rows.length === 1) return rows[0]!.code;
  throw new UsageError(
    rows.length === 0
      ? "the database holds no county yet: pass --region <county code>"
      : `the database holds counties ${rows.map((r) => r.code).join(", ")}: pass --region <code>`,
  );
}

/** The checked profile and period of a report command, a bad one as a usage error naming the option. */
function reportRequest(profile: string, period: string): ReportRequest {
  try {
    return parseReportRequest(profile, period);
  } catch (e) {
    if (e instanceof GraphQLError) throw new UsageError(`--${String(e.extensions.field)}: ${e.message}`);
    throw e;
  }
}

function errorLine(e: ImportRowError): string {
  const at = e.row === 0 ? "文件" : `${e.sheet}!${e.address ?? `第${e.row}行`}`;
  return `${at} [${e.code}] ${e.message}${e.value ? `（值：${e.value}）` : ""}`;
}

async function reportOutcome(outcome: LedgerImportOutcome, file: string, out: CommandInput["out"]) {
  if (!outcome.ok) {
    for (const e of outcome.errors.slice(0, ERRORS_PRINTED)) out.log(errorLine(e));
    if (outcome.errors.length > ERRORS_PRINTED)
      out.log(`… and ${outcome.errors.length - ERRORS_PRINTED} more errors`);
    out.log(`${outcome.errors.length} errors: nothing imported`);
    const workbook = await outcome.errorWorkbook();
    if (workbook) {
      const path = `${file.slice(0, file.length - extname(file).length)}.errors.xlsx`;
      await writeFile(path, workbook);
      out.log(`error workbook: ${path}`);
    }
    return 1;
  }
  for (const c of outcome.counts)
    out.log(`${c.kind}: ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged`);
  out.log(
    outcome.written
      ? `imported ${basename(file)} (${outcome.rowsRead} rows, sha256 ${outcome.sha256})`
      : `dry run: ${basename(file)} is clean (${outcome.rowsRead} rows); nothing written`,
  );
  return 0;
}

/** `import <file> [--dry-run] [--region <code>]`: imports a roster or ledger workbook; exit 1 on row errors. */
export async function importCommand({ config, values, args, out }: CommandInput): Promise<number> {
  if (args.length !== 1) throw new UsageError("import needs one file: pnpm fupin import <file.xlsx>");
  const file = args[0]!;
  const bytes = await readFile(file).catch((e: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read ${file}: ${e.code === "ENOENT" ? "no such file" : e.message}`);
  });
  return withDatabase(config, async (db) => {
    const regionCode = await importRegion(db, values.region);
    const caller = {
      principalId: cliPrincipal(),
      regionCode,
      requestId: `cli-${randomUUID()}`,
      now: new Date(),
    };
    try {
      const outcome = await importLedgerFile(createSqlExecutor(db.pool), new Uint8Array(bytes), caller, {
        fileName: basename(file),
        dryRun: values["dry-run"] === true,
        maxBytes: uploadLimit(config),
        onProgress: (p) =>
          out.error(
            p.phase === "read"
              ? `read ${p.rowsRead} rows, ${p.errors} errors so far`
              : `wrote ${p.written} records`,
          ),
      });
      return await reportOutcome(outcome, file, out);
    } catch (e) {
      if (e instanceof ImportScopeError) throw new UsageError(`--region: ${e.message}`);
      throw e;
    }
  });
}

/** `export --profile <name> --region <code> --period <p> --out <file>`: writes a report (or the ledger workbook) as xlsx, or JSON batches for a .json file. */
export async function exportCommand({ config, values, out }: CommandInput): Promise<number> {
  const name = values.profile;
  if (!name || !isProfileName(name))
    throw new UsageError(
      "export needs --profile <name>: province-households, city-projects, city-campaign or ledger",
    );
  const regionCode = regionArg(values.region, "export");
  if (!values.out) throw new UsageError("export needs --out <file> (.xlsx, or .json for JSON batches)");
  if (name !== "ledger" && !values.period)
    throw new UsageError("export needs --period <p>: 2025 for a year, 2025-12 for a month");
  const profile = loadProfile(name);
  if (!profile.ok) throw new Error(profile.error.message);
  return withDatabase(config, async (db) => {
    const sql = createSqlExecutor(db.pool);
    const sink = createWriteStream(values.out!);
    let rows: number;
    if (name === "ledger") {
      const ledger = ledgerOfSnapshot(await readSnapshotText(sql, regionCode));
      rows = await exportLedger(profile.value, ledger, sink);
    } else {
      const report = await prepareReport(sql, regionCode, reportRequest(name, values.period!));
      const format = extname(values.out!) === ".json" ? "json" : "xlsx";
      rows = await exportReport(profile.value, report.dataset, regionNamesOf(report.ledger), sink, format);
    }
    await finished(sink);
    out.log(
      `wrote ${values.out} (${name}, region ${regionCode}${values.period ? `, ${values.period}` : ""}: ${rows} rows)`,
    );
    return 0;
  });
}

function sideLine(label: string, value: number | null, refs: RuleViolation["left"]["refs"]): string {
  const rows = refs.slice(0, 10).map((r) => `${r.source} ${r.row}`);
  const more = refs.length > 10 ? ` 等 ${refs.length} 行` : "";
  return `  ${label}：${value ?? "（缺失）"}${rows.length ? `；行：${rows.join("，")}${more}` : ""}`;
}

/** `check --region <code> --period <p>`: the consistency rules of the three reports; exit 1 on an error-level violation. */
export async function checkCommand({ config, values, out }: CommandInput): Promise<number> {
  const regionCode = regionArg(values.region, "check");
  if (!values.period) throw new UsageError("check needs --period <p>: 2025 for a year, 2025-12 for a month");
  const request = reportRequest("province-households", values.period);
  return withDatabase(config, async (db) => {
    const report = await prepareReport(createSqlExecutor(db.pool), regionCode, request);
    for (const v of report.violations) {
      out.log(`${v.importance === "error" ? "错误" : "警告"} ${v.code} ${v.message}`);
      out.log(sideLine(v.left.label, v.left.value, v.left.refs));
      out.log(sideLine(v.right.label, v.right.value, v.right.refs));
    }
    const errors = report.violations.filter((v) => v.importance === "error").length;
    out.log(
      `${regionCode} ${values.period}: ${errors} 个错误，${report.violations.length - errors} 个警告 (${errors} errors, ${report.violations.length - errors} warnings)`,
    );
    return errors > 0 ? 1 : 0;
  });
}
