import { ensureConsoleBuild, isConsoleBuildFresh } from "@fupin/console/build";
import { verifyAuditChain } from "../audit/verify-audit-chain.js";
import { createApiKey, listApiKeys, revokeApiKey, validateKeyScope } from "../auth/api-keys.js";
import { developmentKeyFile } from "../auth/development-key.js";
import type { GatewayConfig } from "../config.js";
import { DEFAULT_DATA_DIR } from "../db/database.js";
import { migrate } from "../db/migrate.js";
import { createGateway } from "../gateway.js";
import { CONSOLE_PATH } from "../http/use-console-routes.js";
import { seedSyntheticCounty } from "../seed/seed-database.js";
import { cliPrincipal, withDatabase } from "./cli-database.js";
import { checkCommand, exportCommand, importCommand } from "./ledger-commands.js";
import type { CLI_OPTIONS } from "./main.js";
import { type Out, UsageError } from "./usage.js";

type Values = {
  [K in keyof typeof CLI_OPTIONS]?: (typeof CLI_OPTIONS)[K]["type"] extends "boolean" ? boolean : string;
};

/** What a command gets: the configuration, the parsed options and where to print. */
export interface CommandInput {
  readonly config: GatewayConfig;
  readonly values: Values;
  /** Words after the command (`import <file>`: the file). */
  readonly args: readonly string[];
  readonly out: Out;
  /** The environment (sync credentials and settings are read from it). */
  readonly env: Readonly<Record<string, string | undefined>>;
}

function positiveInt(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0)
    throw new UsageError(`--${name} must be a positive whole number, got "${text}"`);
  return n;
}

const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000 } as const;

/** `30d`, `12h` or `90m` as milliseconds; a UsageError naming --expires-in otherwise. */
export function parseExpiresIn(text: string): number {
  const m = /^([1-9][0-9]{0,5})([dhm])$/.exec(text.trim());
  if (!m)
    throw new UsageError(
      `--expires-in must be a number of days, hours or minutes such as 30d, 12h or 90m, got "${text}"`,
    );
  return Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
}

function waitForStop(
  gateway: { logger: { info: (o: object, m: string) => void }; close(): Promise<void> },
  out: Out,
) {
  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      gateway.logger.info({ signal }, "shutting down");
      gateway
        .close()
        .then(() => {
          out.log("fupin gateway stopped");
          resolve(0);
        })
        .catch((e: unknown) => {
          out.error(`shutdown failed: ${e instanceof Error ? e.message : String(e)}`);
          resolve(1);
        });
    };
    // `on`, not `once`: Ctrl-C under pnpm delivers SIGINT twice (to the group and forwarded by pnpm).
    process.on("SIGTERM", () => stop("SIGTERM"));
    process.on("SIGINT", () => stop("SIGINT"));
  });
}

/** Rebuilds the console when its sources changed since the build (after a pull); a failed build leaves the gateway up. */
async function buildConsoleIfStale(out: CommandInput["out"]): Promise<void> {
  if (isConsoleBuildFresh()) return;
  out.log("building the console (packages/console changed since its last build)…");
  try {
    await ensureConsoleBuild({ quiet: true });
  } catch (e) {
    out.error(
      `console build failed (the gateway starts without it): ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

async function start({ config, values, out }: CommandInput): Promise<number> {
  const withKey = !config.databaseUrl || values["dev-key"] === true;
  await buildConsoleIfStale(out);
  const gateway = await createGateway({
    config,
    seedHouseholds: 4000,
    sync: values["no-worker"] ? "send" : "worker",
    onSeedProgress: (m) => out.log(m),
    ...(withKey ? { developmentKeyFile: developmentKeyFile(config.dataDir ?? DEFAULT_DATA_DIR) } : {}),
  });
  // Before the first line: whoever reads the URL or the key may send SIGINT at once, and a signal
  // without a listener kills the process without the shutdown.
  const stopped = waitForStop(gateway, out);
  out.log(`fupin gateway listening on ${gateway.url}`);
  if (gateway.developmentKey) out.log(`development key: ${gateway.developmentKey}`);
  else {
    out.log(
      "no development key on a DATABASE_URL server: create one with `pnpm fupin keys create --region 360723 --permissions ledger:read`, or start with --dev-key",
    );
  }
  out.log(`GraphiQL: open ${gateway.url} in a browser and send the header Authorization: Bearer <key>`);
  out.log(
    `console: open ${new URL(`${CONSOLE_PATH}/`, gateway.url)} in a browser (中文工作台; sign in with a key)`,
  );
  return stopped;
}

async function keysCreate({ config, values, out }: CommandInput): Promise<number> {
  if (!values.region) throw new UsageError("keys create needs --region <code>, e.g. --region 360723");
  if (!values.permissions) {
    throw new UsageError(
      `keys create needs --permissions <list>, e.g. --permissions ledger:read,personal:read`,
    );
  }
  const permissions = values.permissions
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  validateKeyScope(values.region, permissions);
  const lifetime = values["expires-in"] === undefined ? null : parseExpiresIn(values["expires-in"]);
  return withDatabase(config, async (db) => {
    const key = await createApiKey(db.pool, {
      regionCode: values.region!,
      permissions,
      label: values.label ?? "",
      createdBy: cliPrincipal(),
      ...(lifetime !== null ? { expiresAt: new Date(Date.now() + lifetime) } : {}),
    });
    out.log(`created API key ${key.id} for region ${key.regionCode} with ${key.permissions.join(", ")}`);
    if (key.expiresAt) out.log(`it expires at ${key.expiresAt.toISOString()}`);
    out.log("the key is shown only this once:");
    out.log(key.key);
    return 0;
  });
}

async function keysList({ config, out }: CommandInput): Promise<number> {
  return withDatabase(config, async (db) => {
    const keys = await listApiKeys(db.pool);
    if (keys.length === 0) out.log("no API keys");
    const now = Date.now();
    for (const k of keys) {
      const state = k.revokedAt
        ? `revoked ${k.revokedAt.toISOString()}`
        : k.expiresAt && k.expiresAt.getTime() <= now
          ? `expired ${k.expiresAt.toISOString()}`
          : k.expiresAt
            ? `active until ${k.expiresAt.toISOString()}`
            : "active";
      const label = k.label ? ` "${k.label}"` : "";
      out.log(
        `${k.id}${label} region ${k.regionCode} ${k.permissions.join(",")} created ${k.createdAt.toISOString()} ${state}`,
      );
    }
    return 0;
  });
}

async function keysRevoke({ config, values, out }: CommandInput): Promise<number> {
  if (!values.id) throw new UsageError("keys revoke needs --id <key id>");
  return withDatabase(config, async (db) => {
    await revokeApiKey(db.pool, values.id!, new Date(), cliPrincipal());
    out.log(`revoked API key ${values.id}`);
    return 0;
  });
}

async function seed({ config, values, out }: CommandInput): Promise<number> {
  const households = positiveInt(values.households, "households", 4000);
  return withDatabase(config, async (db) => {
    const r = await seedSyntheticCounty(db.pool, db.orm, {
      households,
      force: values.force ?? false,
      onProgress: (m) => out.log(m),
    });
    if (!r.seeded)
      out.log(`the database already holds ${r.households} households; use --force to replace them`);
    return 0;
  });
}

/** Every command but `help`, by its words. */
export const COMMANDS: Record<string, (input: CommandInput) => Promise<number>> = {
  start,
  sync: async (input) => (await import("./sync-commands.js")).syncNow(input),
  schedules: async (input) => (await import("./sync-commands.js")).schedules(input),
  worker: async (input) => (await import("./sync-commands.js")).worker(input),
  migrate: ({ config, out }) =>
    withDatabase(
      config,
      async (db) => {
        const applied = await migrate(db.orm);
        out.log(applied.length ? `applied ${applied.join(", ")}` : "database is up to date");
        return 0;
      },
      false,
    ),
  seed,
  "keys create": keysCreate,
  "keys list": keysList,
  "keys revoke": keysRevoke,
  import: importCommand,
  export: exportCommand,
  check: checkCommand,
  "audit verify": ({ config, out }) =>
    withDatabase(config, async (db) => {
      const r = await verifyAuditChain(db.pool);
      if (r.ok) {
        out.log(`audit log ok: ${r.entries} entries`);
        return 0;
      }
      out.error(
        `audit log broken at seq ${r.brokenSeq}: ${r.reason} (${r.entries} entries verified before it)`,
      );
      return 1;
    }),
};
