import { hash, randomBytes, timingSafeEqual } from "node:crypto";
import { parseRegionCode } from "@fupin/domain";
import type pg from "pg";
import { appendAuditEntries } from "../audit/audit-writer.js";
import { inTransaction } from "../db/pool.js";
import { AuthError } from "./auth-error.js";
import { requireKeyRecheck } from "./key-recheck.js";
import { PERMISSIONS, type Permission, type Principal } from "./principal.js";

/** Prefix of every API key: `fpk_<id>_<secret>`. */
export const API_KEY_PREFIX = "fpk_";

/** A new API key: the full key is shown once and never stored. */
export interface CreatedApiKey {
  readonly id: string;
  readonly key: string;
  readonly regionCode: string;
  readonly permissions: readonly Permission[];
  readonly label: string;
  readonly expiresAt: Date | null;
}

/** Input of `createApiKey`. */
export interface CreateApiKeyInput {
  readonly regionCode: string;
  readonly permissions: readonly string[];
  readonly label?: string;
  readonly now?: Date;
  /** Who creates the key, for the audit log (default `system`). */
  readonly createdBy?: string;
  /** When the key stops working; default never. */
  readonly expiresAt?: Date;
}

function auditCounty(regionCode: string): string {
  return regionCode.length >= 6 ? regionCode.slice(0, 6) : regionCode;
}

/** The sha256 (hex) of a key's secret: what the database stores. */
export function hashApiKeySecret(secret: string): string {
  // The one-shot hash: no Hash object per request (a key is hashed on every request, cached or not).
  return hash("sha256", secret, "hex");
}

/** Normalises and checks a region code and permission names; throws AuthError with a clear message. */
export function validateKeyScope(
  regionCode: string,
  permissions: readonly string[],
): { regionCode: string; permissions: Permission[] } {
  const region = parseRegionCode(regionCode);
  if (!region.ok) throw new AuthError("API_KEY.INVALID_REGION", region.error.message);
  const unknown = permissions.filter((p) => !(PERMISSIONS as readonly string[]).includes(p));
  if (unknown.length > 0) {
    throw new AuthError(
      "API_KEY.INVALID_PERMISSION",
      `unknown permission${unknown.length > 1 ? "s" : ""} ${unknown.map((p) => `"${p}"`).join(", ")}; use ${PERMISSIONS.join(", ")}`,
    );
  }
  if (permissions.length === 0) {
    throw new AuthError(
      "API_KEY.INVALID_PERMISSION",
      `give at least one permission: ${PERMISSIONS.join(", ")}`,
    );
  }
  return { regionCode: region.value.code, permissions: [...new Set(permissions as Permission[])] };
}

/** Creates an API key for a region scope and permissions; stores only the hash of its secret; audited. */
export async function createApiKey(pool: pg.Pool, input: CreateApiKeyInput): Promise<CreatedApiKey> {
  const scope = validateKeyScope(input.regionCode, input.permissions);
  const id = randomBytes(6).toString("hex");
  const secret = randomBytes(24).toString("base64url");
  const label = input.label ?? "";
  const at = input.now ?? new Date();
  const expiresAt = input.expiresAt ?? null;
  await inTransaction(pool, async (client) => {
    await client.query(
      "insert into api_key (id, key_hash, label, region_code, permissions, created_at, expires_at) values ($1, $2, $3, $4, $5, $6, $7)",
      [id, hashApiKeySecret(secret), label, scope.regionCode, scope.permissions, at, expiresAt],
    );
    await appendAuditEntries(client, [
      {
        principalId: input.createdBy ?? "system",
        action: "create",
        entityType: "api_key",
        entityId: id,
        countyCode: auditCounty(scope.regionCode),
        before: null,
        after: {
          label,
          regionCode: scope.regionCode,
          permissions: scope.permissions,
          ...(expiresAt ? { expiresAt: expiresAt.toISOString() } : {}),
        },
        requestId: `api-key-create-${id}`,
        at,
      },
    ]);
  });
  return {
    id,
    key: `${API_KEY_PREFIX}${id}_${secret}`,
    regionCode: scope.regionCode,
    permissions: scope.permissions,
    label,
    expiresAt,
  };
}

/** Revokes an API key by id (audited); the next request with it is refused. */
export async function revokeApiKey(
  pool: pg.Pool,
  id: string,
  now: Date = new Date(),
  revokedBy = "system",
): Promise<void> {
  await inTransaction(pool, async (client) => {
    const r = await client.query<{ region_code: string }>(
      "update api_key set revoked_at = $2 where id = $1 and revoked_at is null returning region_code",
      [id, now],
    );
    const row = r.rows[0];
    if (!row) throw new AuthError("API_KEY.NOT_FOUND", `no active API key with id ${id}`);
    await appendAuditEntries(client, [
      {
        principalId: revokedBy,
        action: "update",
        entityType: "api_key",
        entityId: id,
        countyCode: auditCounty(row.region_code),
        before: { revokedAt: null },
        after: { revokedAt: now.toISOString() },
        requestId: `api-key-revoke-${id}`,
        at: now,
      },
    ]);
  });
}

/** Splits `fpk_<id>_<secret>`; null when the text is not shaped like a key. */
export function parseApiKey(key: string): { id: string; secret: string } | null {
  const m = /^fpk_([0-9a-f]{12})_([A-Za-z0-9_-]{16,128})$/.exec(key);
  return m ? { id: m[1]!, secret: m[2]! } : null;
}

/** How the statement that reads an API key also counts the request for the rate limiter (http/rate-limiter.ts). */
export interface RequestCounter {
  /** The counter's row key for a principal id. */
  rowKey(principalId: string): string;
  /** The window end (ms since the epoch) of a window opened at `now`. */
  windowEnd(now: number): number;
  /** The UPSERT counting one request for the row `source` selects (key, 1, window end); returns points, expire. */
  upsertSql(source: string, nowParam: string): string;
  /** Records what the count returned for the principal, for the limiter's `takeCounted`. */
  record(principal: Principal, points: number, expire: number, now: number): void;
}

/** Options of `createApiKeyVerifier`. */
export interface ApiKeyVerifierOptions {
  readonly now?: () => Date;
  /**
   * The rate limiter's counter: when given, the statement that reads the key also counts the request
   * of a valid, unrevoked key (one round trip instead of two); `useRateLimit` then takes that count.
   */
  readonly counter?: RequestCounter;
  /**
   * Keep valid keys in memory (at most `KEY_CACHE_SIZE`): a key found there is admitted without a
   * statement of its own, and its row is read again by the request's first statement instead
   * (`keyRecheck`, auth/key-recheck.ts), which whoever runs the request's SQL must honour. Default off.
   */
  readonly cacheKeys?: boolean;
}

/** Most keys a verifier keeps in memory; past it the key admitted longest ago is dropped. */
export const KEY_CACHE_SIZE = 10_000;

interface StoredKey {
  readonly regionCode: string;
  readonly permissions: readonly string[];
  readonly expiresAt: Date | null;
}

/** A key kept in memory: its row, the hash it was admitted with (decoded once) and its permissions as the principal holds them. */
interface CachedKey extends StoredKey {
  readonly hash: Buffer;
  readonly permissionSet: ReadonlySet<Permission>;
}

/** Verifies API keys against the database. */
export interface ApiKeyVerifier {
  /** The key's principal; throws AuthError when the key is unknown, wrong or revoked. */
  verify(key: string): Promise<Principal>;
}

interface KeyRowResult {
  key_hash: string;
  region_code: string;
  permissions: string[];
  revoked: boolean;
  expires_at: Date | null;
  points?: number | null;
  expire?: number | null;
}

const KEY_ROW =
  "select key_hash, region_code, permissions, revoked_at is not null as revoked, expires_at from api_key where id = $1";

/**
 * Reads a key row by id on every request, so a revocation holds from the next request on, on every
 * gateway process; with a counter, the same statement counts the request when the secret's hash
 * matches and the key is not revoked.
 */
async function loadKeyRow(
  pool: pg.Pool,
  id: string,
  hashHex: string,
  counter: RequestCounter | undefined,
  now: number,
): Promise<KeyRowResult | null> {
  if (!counter) {
    const r = await pool.query<KeyRowResult>({ name: "fupin_api_key", text: KEY_ROW, values: [id] });
    return r.rows[0] ?? null;
  }
  const count = counter.upsertSql(
    "select $3::varchar, 1, $5::bigint from k where k.key_hash = $2 and not k.revoked",
    "$4",
  );
  // A named (prepared) statement: parsed and planned once per connection, not on every request.
  const r = await pool.query<KeyRowResult>({
    name: "fupin_api_key_and_rate_count",
    text: `with k as (${KEY_ROW}), c as (${count}) select k.*, c.points, c.expire from k left join c on true`,
    values: [id, hashHex, counter.rowKey(`key:${id}`), now, counter.windowEnd(now)],
  });
  return r.rows[0] ?? null;
}

function sameHash(stored: Buffer | null, given: Buffer): boolean {
  return stored !== null && stored.length === given.length && timingSafeEqual(stored, given);
}

function permissionSetOf(permissions: readonly string[]): ReadonlySet<Permission> {
  return new Set(permissions.filter((p): p is Permission => (PERMISSIONS as readonly string[]).includes(p)));
}

function principalOf(id: string, row: StoredKey, permissions: ReadonlySet<Permission>, now: Date): Principal {
  const expiresAt = row.expiresAt;
  if (expiresAt && expiresAt.getTime() <= now.getTime()) {
    throw new AuthError("AUTH.EXPIRED_KEY", `this API key expired at ${expiresAt.toISOString()}`);
  }
  return { id: `key:${id}`, kind: "api_key", regionCode: row.regionCode, permissions };
}

/** Keeps `value` under `id`, dropping the entry kept longest when the cache is full. */
function remember(cache: Map<string, CachedKey>, id: string, value: CachedKey): void {
  cache.delete(id);
  if (cache.size >= KEY_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(id, value);
}

/** Creates an API key verifier over the pool. */
export function createApiKeyVerifier(pool: pg.Pool, options: ApiKeyVerifierOptions = {}): ApiKeyVerifier {
  const cache = options.cacheKeys ? new Map<string, CachedKey>() : null;
  const clock = () => options.now?.() ?? new Date();
  return {
    async verify(key) {
      const parts = parseApiKey(key);
      if (!parts) throw new AuthError("AUTH.INVALID_CREDENTIALS", "invalid API key");
      const hashHex = hashApiKeySecret(parts.secret);
      const given = Buffer.from(hashHex, "hex");
      const cached = cache?.get(parts.id);
      if (cache && cached && sameHash(cached.hash, given)) {
        const principal = principalOf(parts.id, cached, cached.permissionSet, clock());
        requireKeyRecheck(pool, principal, { id: parts.id, hashHex }, () => cache.delete(parts.id));
        return principal;
      }
      const now = Date.now();
      const row = await loadKeyRow(pool, parts.id, hashHex, options.counter, now);
      if (!row || !sameHash(row.key_hash ? Buffer.from(row.key_hash, "hex") : null, given)) {
        throw new AuthError("AUTH.INVALID_CREDENTIALS", "invalid API key");
      }
      if (row.revoked) throw new AuthError("AUTH.REVOKED_KEY", "this API key has been revoked");
      const stored = { regionCode: row.region_code, permissions: row.permissions, expiresAt: row.expires_at };
      const permissionSet = permissionSetOf(stored.permissions);
      const principal = principalOf(parts.id, stored, permissionSet, clock());
      if (cache) remember(cache, parts.id, { ...stored, hash: given, permissionSet });
      if (options.counter && row.points != null && row.expire != null) {
        options.counter.record(principal, Number(row.points), Number(row.expire), now);
      }
      return principal;
    },
  };
}

/** An API key as `keys list` shows it (never the secret). */
export interface ApiKeySummary {
  readonly id: string;
  readonly label: string;
  readonly regionCode: string;
  readonly permissions: readonly string[];
  readonly createdAt: Date;
  readonly expiresAt: Date | null;
  readonly revokedAt: Date | null;
}

/** Every API key, newest first. */
export async function listApiKeys(pool: pg.Pool): Promise<ApiKeySummary[]> {
  const r = await pool.query<{
    id: string;
    label: string;
    region_code: string;
    permissions: string[];
    created_at: Date;
    expires_at: Date | null;
    revoked_at: Date | null;
  }>(
    "select id, label, region_code, permissions, created_at, expires_at, revoked_at from api_key order by created_at desc, id",
  );
  return r.rows.map((k) => ({
    id: k.id,
    label: k.label,
    regionCode: k.region_code,
    permissions: k.permissions,
    createdAt: k.created_at,
    expiresAt: k.expires_at,
    revokedAt: k.revoked_at,
  }));
}
