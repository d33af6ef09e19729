import { builder } from "../graphql/builder.js";
import { SYNC_RUN_STATUSES } from "./sync-run.table.js";

const DESCRIPTIONS: Record<(typeof SYNC_RUN_STATUSES)[number], string> = {
  queued: "Waiting for a worker.",
  running: "A worker is building, freezing or delivering it.",
  retrying: "An attempt failed; it will be retried with backoff.",
  blocked: "Error-level consistency violations: nothing was frozen or sent; rectifications opened.",
  delivered: "Every batch (or the file) was delivered and its receipt kept.",
  failed: "Refused for good (a 4xx, or a transport set up wrong): not retried; can be rerun.",
  dead: "Retries exhausted (dead letter): can be rerun.",
};

/** The GraphQL enum of sync run statuses. */
export const SyncRunStatusEnum = builder.enumType("SyncRunStatus", {
  description: "Where a sync run stands.",
  values: Object.fromEntries(
    SYNC_RUN_STATUSES.map((s) => [s, { value: s, description: DESCRIPTIONS[s] }]),
  ) as {
    [K in (typeof SYNC_RUN_STATUSES)[number]]: { value: K; description: string };
  },
});
