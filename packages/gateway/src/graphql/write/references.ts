import { GraphQLError } from "graphql";
import type { CountyReference, TableName } from "../../ledger/ledger-writer.js";
import type { LedgerWriter } from "./transaction.js";

/** The refusal of a reference to a record that is not in the county (a typed error naming the field). */
export function unknownReference(
  spec: TableName,
  id: string,
  countyCode: string,
  field: string,
): GraphQLError {
  return new GraphQLError(`${field}: no ${spec.entityType} ${id} in county ${countyCode}`, {
    extensions: { code: "LEDGER.UNKNOWN_REFERENCE", field, recordId: id },
  });
}

/** Refuses a reference to a record that is not in the county (a typed error naming the field). */
export async function requireInCounty(
  w: LedgerWriter,
  spec: TableName,
  id: string | null,
  countyCode: string,
  field: string,
): Promise<void> {
  if (id === null) return;
  if (!(await w.existsInCounty(spec, id, countyCode))) throw unknownReference(spec, id, countyCode, field);
}

/** `LedgerWriter.insertUnder` made of the writer's own reads and insert (a write in a transaction). */
export const insertUnderByReads =
  (w: LedgerWriter): LedgerWriter["insertUnder"] =>
  async (table, record, under, references: readonly CountyReference[]) => {
    const parent = await w.lock(under.table, under.id);
    for (const r of references) await requireInCounty(w, r.table, r.id, parent.countyCode, r.field);
    await w.insert(table, record, parent.regionCode);
  };
