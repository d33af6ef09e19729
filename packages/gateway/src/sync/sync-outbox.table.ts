import { BigIntType, EntitySchema } from "@mikro-orm/core";

/** A row of `sync_outbox`: one payload of a run (a JSON batch, or the file to drop), stored before it is sent. */
export interface SyncOutboxRow {
  id: number;
  runId: number;
  countyCode: string;
  seq: number;
  sheet: string | null;
  batch: number | null;
  idempotencyKey: string;
  body: unknown;
  status: "pending" | "delivered";
  receipt: unknown;
  deliveredAt: Date | null;
}

/** The `sync_outbox` table: what a run sends, in order, each with its idempotency key and, once delivered, the platform's receipt. */
export const SyncOutboxSchema = new EntitySchema<SyncOutboxRow>({
  name: "SyncOutbox",
  tableName: "sync_outbox",
  properties: {
    id: { type: new BigIntType("number"), primary: true, autoincrement: true },
    runId: { type: new BigIntType("number") },
    countyCode: { type: "text" },
    seq: { type: "integer" },
    sheet: { type: "text", nullable: true },
    batch: { type: "integer", nullable: true },
    idempotencyKey: { type: "text", unique: "sync_outbox_idempotency_key_key" },
    body: { type: "json" },
    status: { enum: true, items: ["pending", "delivered"], type: "text", columnType: "text" },
    receipt: { type: "json", nullable: true },
    deliveredAt: { type: "Date", columnType: "timestamptz", nullable: true },
  },
  uniques: [{ name: "sync_outbox_run_seq_key", properties: ["runId", "seq"] }],
});
