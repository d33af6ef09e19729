import { GraphQLError } from "graphql";
import type { LedgerTable } from "../../ledger/ledger-table.js";
import type { LedgerWriter } from "./transaction.js";

/** Refuses a reference to a record that is not in the county (a typed error naming the field). */
export async function requireInCounty<T>(
  w: LedgerWriter,
  spec: LedgerTable<T>,
  id: string | null,
  countyCode: string,
  field: string,
): Promise<void> {
  if (id === null) return;
  if (!(await w.existsInCounty(spec, id, countyCode))) {
    throw new GraphQLError(`${field}: no ${spec.entityType} ${id} in county ${countyCode}`, {
      extensions: { code: "LEDGER.UNKNOWN_REFERENCE", field, recordId: id },
    });
  }
}
