// Starts an embedded PostgreSQL in the folder given as argv[2], prints its pid and URL, and waits to be killed.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { startEmbeddedPostgres } from "@fupin/gateway";

const dataDir = process.argv[2];
if (!dataDir) throw new Error("usage: embedded-child.ts <dataDir>");
const pg = await startEmbeddedPostgres({ dataDir, database: "postgres" });
const postmasterPid = Number((await readFile(path.join(dataDir, "postmaster.pid"), "utf8")).split("\n")[0]);
process.stdout.write(`${JSON.stringify({ url: pg.url, postmasterPid })}\n`);
setInterval(() => undefined, 60_000);
