import { userInfo } from "node:os";
import type { GatewayConfig } from "../config.js";
import { type Database, openDatabase } from "../db/database.js";
import { migrate } from "../db/migrate.js";

/** The principal the CLI acts as: `cli:<os user>`. */
export function cliPrincipal(): string {
  let user = "unknown";
  try {
    user = userInfo().username;
  } catch {
    // no passwd entry (containers)
  }
  return `cli:${user}`;
}

/** Opens the database of the configuration (DATABASE_URL or the embedded one of `pnpm start`), migrated, for one command. */
export async function withDatabase<T>(
  config: GatewayConfig,
  run: (db: Database) => Promise<T>,
  migrateFirst = true,
): Promise<T> {
  const db = await openDatabase({
    ...(config.databaseUrl ? { url: config.databaseUrl } : {}),
    ...(config.dataDir ? { dataDir: config.dataDir } : {}),
  });
  try {
    if (migrateFirst) await migrate(db.orm);
    return await run(db);
  } finally {
    await db.close();
  }
}
