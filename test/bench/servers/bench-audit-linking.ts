import type { Server } from "node:http";
import { auditLinker } from "../../../packages/gateway/src/audit/audit-linker.js";
import { createPool } from "../../../packages/gateway/src/db/pool.js";

/** The header the benchmark sends with a write to PostGraphile: its audit entry is linked once it is answered. */
export const BENCH_WRITE_HEADER = "x-bench-write";

/**
 * Links PostGraphile's audit entries as fupin links its own: `bench_record_subsidy` inserts its entry
 * unlinked, as fupin's writer does, and this process's linker (fupin's own code, on a pool of one
 * connection) is nudged once each write is answered, after its transaction committed. The linking's
 * CPU is then the server's, as it is fupin's.
 */
export function linkAfterWrites(server: Server, databaseUrl: string): void {
  const linker = auditLinker(createPool(databaseUrl, 1));
  linker.onError = (e) => console.error("audit entries not linked:", e);
  server.prependListener("request", (req, res) => {
    if (req.headers[BENCH_WRITE_HEADER]) res.on("finish", () => linker.nudge());
  });
}
