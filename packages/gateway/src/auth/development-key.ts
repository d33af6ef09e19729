import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type pg from "pg";
import { createApiKey, createApiKeyVerifier, revokeApiKey } from "./api-keys.js";
import { isAuthError } from "./auth-error.js";
import type { Permission } from "./principal.js";

/** The label of the development key in `api_key`. */
export const DEVELOPMENT_KEY_LABEL = "development";

/** The development key's scope: the synthetic county, reading the ledger; personal data stays masked. */
export const DEVELOPMENT_KEY_SCOPE = { regionCode: "360723", permissions: ["ledger:read"] as Permission[] };

/** Where the development key is kept for a data folder: `development-key` beside it (`.data/development-key` by default, git-ignored). */
export function developmentKeyFile(dataDir: string): string {
  return path.join(path.dirname(dataDir), "development-key");
}

async function readKey(file: string): Promise<string | null> {
  try {
    return (await readFile(file, "utf8")).trim() || null;
  } catch {
    return null;
  }
}

async function stillValid(pool: pg.Pool, key: string): Promise<boolean> {
  try {
    const p = await createApiKeyVerifier(pool).verify(key);
    const wanted = DEVELOPMENT_KEY_SCOPE;
    return (
      p.regionCode === wanted.regionCode &&
      p.permissions.size === wanted.permissions.length &&
      wanted.permissions.every((x) => p.permissions.has(x))
    );
  } catch (e) {
    if (isAuthError(e)) return false;
    throw e;
  }
}

/**
 * The development key: the one kept in `file` while the database still accepts it, otherwise a new
 * one (stored hashed, the key written to `file`), after revoking any other development key.
 */
export async function ensureDevelopmentKey(
  pool: pg.Pool,
  file: string,
): Promise<{ key: string; created: boolean }> {
  const kept = await readKey(file);
  if (kept && (await stillValid(pool, kept))) return { key: kept, created: false };
  const old = await pool.query<{ id: string }>(
    "select id from api_key where label = $1 and revoked_at is null",
    [DEVELOPMENT_KEY_LABEL],
  );
  for (const { id } of old.rows) await revokeApiKey(pool, id, new Date(), "cli:start");
  const created = await createApiKey(pool, {
    ...DEVELOPMENT_KEY_SCOPE,
    label: DEVELOPMENT_KEY_LABEL,
    createdBy: "cli:start",
  });
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${created.key}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return { key: created.key, created: true };
}
