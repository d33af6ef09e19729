import type { MikroORM } from "@mikro-orm/postgresql";
import type pg from "pg";
import { pendingMigrations } from "../db/migrate.js";

/** Whether the gateway can serve: the database answers and every migration is applied; otherwise what is missing. */
export type Readiness =
  | { readonly ready: true }
  | { readonly ready: false; readonly problems: readonly string[] };

/** Checks readiness with a bounded wait on the database. */
export async function checkReadiness(pool: pg.Pool, orm: MikroORM, timeoutMs = 2000): Promise<Readiness> {
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs).unref(),
  );
  try {
    await Promise.race([pool.query("select 1"), timeout]);
  } catch (e) {
    return {
      ready: false,
      problems: [`database unreachable: ${e instanceof Error ? e.message : String(e)}`],
    };
  }
  try {
    const pending = await Promise.race([pendingMigrations(orm), timeout]);
    return pending.length === 0
      ? { ready: true }
      : { ready: false, problems: [`migrations not applied: ${pending.join(", ")}`] };
  } catch (e) {
    return { ready: false, problems: [`migrations unknown: ${e instanceof Error ? e.message : String(e)}`] };
  }
}
