// A sync worker in a child process of its own, for the kill test: `node --import tsx sync-worker-child.ts`
// with FUPIN_TEST_DB_URL and FUPIN_TEST_SYNC_SETTINGS (JSON). Prints "ready" once it works the queues.
import { createLogger, createOrm, createPool, startSyncWorker } from "@fupin/gateway";

const url = process.env.FUPIN_TEST_DB_URL!;
const settings = JSON.parse(process.env.FUPIN_TEST_SYNC_SETTINGS!);
const pool = createPool(url, 4);
const orm = await createOrm(url, pool);
await startSyncWorker({ url, pool, orm, settings, logger: createLogger("silent") });
process.stdout.write("ready\n");
