import { userInfo } from "node:os";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { verifyAuditChain } from "../audit/verify-audit-chain.js";
import { createApiKey, revokeApiKey, validateKeyScope } from "../auth/api-keys.js";
import { isAuthError } from "../auth/auth-error.js";
import { PERMISSIONS } from "../auth/principal.js";
import { ConfigError, type GatewayConfig, loadConfig } from "../config.js";
import { type Database, openDatabase } from "../db/database.js";
import { migrate } from "../db/migrate.js";
import { createGateway } from "../gateway.js";
import { seedSyntheticCounty } from "../seed/seed-database.js";

const HELP = `fupin: the county ledger gateway

usage: pnpm fupin <command> [options]

commands:
  start                       migrate, load the synthetic county if the database is empty, serve GraphQL
                              (prints the URL and a county-wide development key)
  migrate                     apply pending database migrations
  seed [--households N] [--force]
                              load the synthetic county (default 4000 households); --force replaces the ledger
  keys create --region <code> --permissions <list> [--label text]
                              create an API key (printed once); permissions: ${PERMISSIONS.join(", ")}
  keys revoke --id <key id>   revoke an API key
  audit verify                check the audit log's hash chain
  help                        this text

environment: PORT (4000), HOST (127.0.0.1), DATABASE_URL (unset: embedded PostgreSQL in FUPIN_DATA_DIR,
  default .data/postgres), FUPIN_JWT_ISSUER with FUPIN_JWT_JWKS_URL or FUPIN_JWT_SECRET (HS256, 32+ chars),
  FUPIN_JWT_AUDIENCE, LOG_LEVEL (info), RATE_LIMIT_PER_MINUTE (600), AUTH_FAILURES_PER_MINUTE (60), MAX_BODY_BYTES (1048576),
  FUPIN_EXPOSE_SQL_COUNT (0; 1 adds x-sql-statements to responses)
  FUPIN_JWT_MAX_LIFETIME_SECONDS (86400: tokens must carry exp, at most this far from iat and now),
  FUPIN_JWT_CLOCK_SKEW_SECONDS (60)
`;

function cliPrincipal(): string {
  let user = "unknown";
  try {
    user = userInfo().username;
  } catch {
    // no passwd entry (containers)
  }
  return `cli:${user}`;
}

/** A command-line mistake: printed with a hint, exit code 2. */
class UsageError extends Error {}

type Out = { log: (line: string) => void; error: (line: string) => void };

async function withDatabase<T>(
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

function positiveInt(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0)
    throw new UsageError(`--${name} must be a positive whole number, got "${text}"`);
  return n;
}

async function start(config: GatewayConfig, out: Out): Promise<number> {
  const gateway = await createGateway({
    config,
    seedHouseholds: 4000,
    onSeedProgress: (m) => out.log(m),
  });
  const key = await createApiKey(gateway.db.pool, {
    regionCode: "360723",
    permissions: [...PERMISSIONS],
    label: "development",
    createdBy: "cli:start",
  });
  out.log(`fupin gateway listening on ${gateway.url}`);
  out.log(`development key: ${key.key}`);
  out.log(`GraphiQL: open ${gateway.url} in a browser and send the header Authorization: Bearer <key>`);
  return new Promise((resolve) => {
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
    process.once("SIGTERM", () => stop("SIGTERM"));
    process.once("SIGINT", () => stop("SIGINT"));
  });
}

/** Runs a CLI command; returns the exit code. */
export async function runCli(
  argv: readonly string[],
  env = process.env,
  out: Out = console,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      households: { type: "string" },
      force: { type: "boolean" },
      region: { type: "string" },
      permissions: { type: "string" },
      label: { type: "string" },
      id: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const command = positionals.join(" ");
  if (values.help || command === "help" || command === "") {
    out.log(HELP);
    return command === "" && !values.help ? 2 : 0;
  }
  const config = loadConfig(env);
  switch (command) {
    case "start":
      return start(config, out);
    case "migrate":
      return withDatabase(
        config,
        async (db) => {
          const applied = await migrate(db.orm);
          out.log(applied.length ? `applied ${applied.join(", ")}` : "database is up to date");
          return 0;
        },
        false,
      );
    case "seed": {
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
    case "keys create": {
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
      return withDatabase(config, async (db) => {
        const key = await createApiKey(db.pool, {
          regionCode: values.region!,
          permissions,
          label: values.label ?? "",
          createdBy: cliPrincipal(),
        });
        out.log(`created API key ${key.id} for region ${key.regionCode} with ${key.permissions.join(", ")}`);
        out.log("the key is shown only this once:");
        out.log(key.key);
        return 0;
      });
    }
    case "keys revoke": {
      if (!values.id) throw new UsageError("keys revoke needs --id <key id>");
      return withDatabase(config, async (db) => {
        await revokeApiKey(db.pool, values.id!, new Date(), cliPrincipal());
        out.log(`revoked API key ${values.id}`);
        return 0;
      });
    }
    case "audit verify":
      return withDatabase(config, async (db) => {
        const r = await verifyAuditChain(db.pool);
        if (r.ok) {
          out.log(`audit log ok: ${r.entries} entries`);
          return 0;
        }
        out.error(
          `audit log broken at seq ${r.brokenSeq}: ${r.reason} (${r.entries} entries verified before it)`,
        );
        return 1;
      });
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

async function main(): Promise<void> {
  let code: number;
  try {
    code = await runCli(process.argv.slice(2));
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      code = 1;
    } else if (isAuthError(e)) {
      console.error(`${e.code}: ${e.message}`);
      code = 1;
    } else if (e instanceof UsageError || (e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      console.error(`${(e as Error).message}\nrun "pnpm fupin help" for usage`);
      code = 2;
    } else if ((e as { code?: string }).code === "EADDRINUSE") {
      const { port, address } = e as { port?: number; address?: string };
      console.error(
        `cannot listen on ${address}:${port}: the port is in use; set PORT to another port (0 picks a free one)`,
      );
      code = 1;
    } else {
      console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
      code = 1;
    }
  }
  process.exit(code);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
