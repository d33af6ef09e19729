import type { Writable } from "node:stream";
import { formatFenAsYuan } from "@fupin/domain";
import type { SheetRow } from "../profiles/dataset-rows.js";
import type { Profile, ProfileColumn } from "../profiles/profile.js";
import type { SheetInput } from "./xlsx-writer.js";

/** One JSON batch of a report: its profile, sheet, sequence number, the report's metadata and at most `batchSize` rows. */
export interface JsonBatch {
  readonly profile: string;
  readonly sheet: string;
  readonly batch: number;
  readonly meta: Readonly<Record<string, string>>;
  readonly rows: readonly Readonly<Record<string, string | number | boolean | null>>[];
}

function jsonValue(
  column: ProfileColumn,
  value: unknown,
  profile: Profile,
): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  switch (column.type) {
    case "amount":
      return formatFenAsYuan(Number(value));
    case "label":
      return profile.codeTables[column.codeTable!]?.[String(value)] ?? String(value);
    case "integer":
      return Number(value);
    case "boolean":
      return Boolean(value);
    case "json":
      return JSON.stringify(value);
    default:
      return String(value);
  }
}

/** The batches of a report, produced lazily: one batch's rows in memory at a time. Amounts are yuan texts with two decimals. */
export async function* jsonBatches(
  profile: Profile,
  sheets: readonly SheetInput[],
  meta: Readonly<Record<string, string>> = {},
): AsyncGenerator<JsonBatch> {
  const size = profile.transport.batchSize;
  for (const { sheet, rows } of sheets) {
    let batch: JsonBatch["rows"][number][] = [];
    let n = 0;
    for await (const row of rows as AsyncIterable<SheetRow>) {
      batch.push(Object.fromEntries(sheet.columns.map((c) => [c.key, jsonValue(c, row[c.key], profile)])));
      if (batch.length === size) {
        yield { profile: profile.name, sheet: sheet.name, batch: n++, meta, rows: batch };
        batch = [];
      }
    }
    if (batch.length > 0 || n === 0)
      yield { profile: profile.name, sheet: sheet.name, batch: n, meta, rows: batch };
  }
}

/** Writes the batches of a report to a stream as JSON lines (one batch a line), waiting for the stream to drain. */
export async function writeJsonBatches(
  profile: Profile,
  sheets: readonly SheetInput[],
  stream: Writable,
  meta: Readonly<Record<string, string>> = {},
): Promise<number> {
  let batches = 0;
  for await (const batch of jsonBatches(profile, sheets, meta)) {
    batches++;
    if (!stream.write(`${JSON.stringify(batch)}\n`))
      await new Promise((resolve) => stream.once("drain", resolve));
  }
  await new Promise<void>((resolve, reject) => stream.end((e?: Error | null) => (e ? reject(e) : resolve())));
  return batches;
}
