import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { isAuthError } from "../auth/auth-error.js";
import { PERMISSIONS } from "../auth/principal.js";
import { ConfigError } from "../config.js";
import { turnOffPretenuring } from "../ops/pretenuring.js";
import { type Out, UsageError } from "./usage.js";

// Only what `help` needs is imported here: each command loads its modules when it runs (`help` in well under a second).

const HELP = `fupin: the county ledger gateway

usage: pnpm fupin <command> [options]

commands:
  start                       migrate, load the synthetic county if the database is empty, serve GraphQL
                              (prints the URL and a county-wide development key)
    [--dev-key]               on a DATABASE_URL server too (the embedded database always has one);
                              the key reads the ledger of 360723, personal data masked
    [--no-worker]             serve without a sync worker beside the gateway (run \`fupin worker\` elsewhere)
  migrate                     apply pending database migrations
  seed [--households N] [--force]
                              load the synthetic county (default 4000 households); --force replaces the ledger
  keys create --region <code> --permissions <list> [--label text]
                              create an API key (printed once); permissions: ${PERMISSIONS.join(", ")}
    [--expires-in 30d]        the key stops working after 30 days (also h for hours, m for minutes)
  keys list                   every API key: id, label, region, permissions, created, expires, revoked
  keys revoke --id <key id>   revoke an API key
  import <file> [--dry-run] [--region <code>]
                              import a person roster (人口名单) or ledger workbook (xlsx or CSV) into the county
                              (default: the database's one county); exit 1 on row errors, the error workbook
                              (<file>.errors.xlsx) path printed; progress on stderr
  export --profile <name> --region <code> --period <p> --out <file>
                              write a report (province-households, city-projects, city-campaign) for a period
                              (2025 or 2025-12) as .xlsx or .json batches, or the ledger workbook (--profile ledger)
  check --region <code> --period <p>
                              the consistency rules of the three reports; exit 1 on an error-level violation
  audit verify                check the audit log's hash chain
  sync --profile <p> --region <code> --period <2025-03> --preparer <name> --reviewer <name>
                              deliver a report now (build, check, freeze, send) and print how it ended
  schedules                   every sync schedule (cron in Asia/Shanghai), when it fires next
  worker                      work sync runs and schedule ticks until stopped (any number, any machine)
  help                        this text

environment: PORT (4000), HOST (127.0.0.1), DATABASE_URL (unset: embedded PostgreSQL in FUPIN_DATA_DIR,
  default .data/postgres), FUPIN_JWT_ISSUER with FUPIN_JWT_JWKS_URL or FUPIN_JWT_SECRET (HS256, 32+ chars),
  FUPIN_JWT_AUDIENCE, LOG_LEVEL (info), RATE_LIMIT_PER_MINUTE (600), AUTH_FAILURES_PER_MINUTE (60), MAX_BODY_BYTES (1048576), MAX_UPLOAD_BYTES (20971520),
  FAILED_WRITES_PER_HOUR (60 refused writes per key), FUPIN_ID_NUMBER_SHOWN (6+1: characters of an ID number
  shown without personal:read, at most the region code and the last one),
  FUPIN_EXPOSE_SQL_COUNT (0; 1 adds x-sql-statements to responses);
  sync: FUPIN_PROVINCE_TOKEN, FUPIN_CITY_TOKEN (bearer credentials the profiles name), FUPIN_SYNC_URL_<PROFILE>
  (platform URL overrides), FUPIN_DROP_DIR (.data/drop), FUPIN_SYNC_POLL_SECONDS (2), FUPIN_SYNC_EXPIRE_SECONDS (900),
  FUPIN_SYNC_RETRY_DELAY_SECONDS and FUPIN_SYNC_RETRY_LIMIT (override the profiles'),
  FUPIN_SYNC_SWEEP_SECONDS (60: how often a worker looks for runs whose pg-boss job is gone)
`;

/** The options every command may take. */
export const CLI_OPTIONS = {
  households: { type: "string" },
  force: { type: "boolean" },
  region: { type: "string" },
  permissions: { type: "string" },
  label: { type: "string" },
  id: { type: "string" },
  "expires-in": { type: "string" },
  "dev-key": { type: "boolean" },
  "dry-run": { type: "boolean" },
  profile: { type: "string" },
  period: { type: "string" },
  out: { type: "string" },
  "no-worker": { type: "boolean" },
  preparer: { type: "string" },
  reviewer: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/** Commands that take words after their name. */
const WITH_ARGS = { import: true } as const;

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
    options: CLI_OPTIONS,
  });
  const command = positionals.join(" ");
  if (values.help || command === "help" || command === "") {
    out.log(HELP);
    return command === "" && !values.help ? 2 : 0;
  }
  const { COMMANDS } = await import("./commands.js");
  // `import <file>` takes a word after the command; every other command is its words alone.
  const [name, args] = COMMANDS[command] ? [command, []] : [positionals[0]!, positionals.slice(1)];
  const run = name in WITH_ARGS || args.length === 0 ? COMMANDS[name] : undefined;
  if (!run) throw new UsageError(`unknown command "${command}"`);
  const { loadConfig } = await import("../config.js");
  return run({ config: loadConfig(env), values, args, out, env });
}

function exitCodeOf(e: unknown): number {
  if (e instanceof ConfigError) {
    console.error(e.message);
    return 1;
  }
  if (isAuthError(e)) {
    console.error(`${e.code}: ${e.message}`);
    return 1;
  }
  const code = (e as { code?: string }).code;
  if (e instanceof UsageError || code?.startsWith("ERR_PARSE_ARGS")) {
    console.error(`${(e as Error).message}\nrun "pnpm fupin help" for usage`);
    return 2;
  }
  if (code === "EADDRINUSE") {
    const { port, address } = e as { port?: number; address?: string };
    console.error(
      `cannot listen on ${address}:${port}: the port is in use; set PORT to another port (0 picks a free one)`,
    );
    return 1;
  }
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  return 1;
}

/**
 * Runs the command line of this process and exits with its code. The process serves requests (or
 * runs one command): V8's allocation-site pretenuring is turned off first (ops/pretenuring.ts).
 */
export async function main(): Promise<void> {
  turnOffPretenuring();
  let code: number;
  try {
    code = await runCli(process.argv.slice(2));
  } catch (e) {
    code = exitCodeOf(e);
  }
  process.exit(code);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
