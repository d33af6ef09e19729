import { BigIntType, EntitySchema } from "@mikro-orm/core";

/** A row of `sync_rejected_row`: a row a platform refused in a delivered batch, and why. */
export interface SyncRejectedRowRow {
  id: number;
  runId: number;
  countyCode: string;
  sheet: string;
  batch: number;
  row: number;
  rowKey: string | null;
  field: string | null;
  reason: string;
}

/** The `sync_rejected_row` table: the platform's refused rows, one per row, kept with their run. */
export const SyncRejectedRowSchema = new EntitySchema<SyncRejectedRowRow>({
  name: "SyncRejectedRow",
  tableName: "sync_rejected_row",
  properties: {
    id: { type: new BigIntType("number"), primary: true, autoincrement: true },
    runId: { type: new BigIntType("number") },
    countyCode: { type: "text" },
    sheet: { type: "text" },
    batch: { type: "integer" },
    row: { type: "integer" },
    rowKey: { type: "text", nullable: true },
    field: { type: "text", nullable: true },
    reason: { type: "text" },
  },
  uniques: [{ name: "sync_rejected_row_key", properties: ["runId", "sheet", "batch", "row"] }],
});
