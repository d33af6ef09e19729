import type { IdNumberMask } from "@fupin/domain";
import { z } from "zod";

const optionalText = z
  .string()
  .trim()
  .transform((s) => (s === "" ? undefined : s))
  .optional();

/** Default largest multipart request (a file upload), in bytes: 20 MiB. */
export const DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** The largest multipart request of a configuration. */
export function uploadLimit(config: Pick<GatewayConfig, "maxUploadBytes">): number {
  return config.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
}

const envSchema = z
  .object({
    PORT: z.coerce
      .number({ error: "must be a port number" })
      .int({ error: "must be a whole number" })
      .min(0, { error: "must be between 0 and 65535" })
      .max(65535, { error: "must be between 0 and 65535" })
      .default(4000),
    HOST: z.string().trim().min(1, { error: "must not be empty" }).default("127.0.0.1"),
    DATABASE_URL: optionalText.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, { error: "must be a postgres:// or postgresql:// URL" })
        .optional(),
    ),
    FUPIN_DATA_DIR: optionalText,
    FUPIN_JWT_ISSUER: optionalText,
    FUPIN_JWT_JWKS_URL: optionalText.pipe(z.url({ error: "must be an http(s) URL" }).optional()),
    FUPIN_JWT_SECRET: optionalText.pipe(
      z.string().min(32, { error: "must be at least 32 characters (HS256 secret)" }).optional(),
    ),
    FUPIN_JWT_AUDIENCE: optionalText,
    FUPIN_JWT_MAX_LIFETIME_SECONDS: z.coerce
      .number({ error: "must be a number of seconds" })
      .int({ error: "must be a whole number of seconds" })
      .positive({ error: "must be more than zero" })
      .max(31 * 86_400, { error: "must be at most 2678400 (31 days)" })
      .default(86_400),
    FUPIN_JWT_CLOCK_SKEW_SECONDS: z.coerce
      .number({ error: "must be a number of seconds" })
      .int({ error: "must be a whole number of seconds" })
      .min(0, { error: "must not be negative" })
      .max(600, { error: "must be at most 600" })
      .default(60),
    LOG_LEVEL: z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
        error: "must be one of fatal, error, warn, info, debug, trace, silent",
      })
      .default("info"),
    RATE_LIMIT_PER_MINUTE: z.coerce
      .number({ error: "must be a number" })
      .int({ error: "must be a whole number" })
      .positive({ error: "must be more than zero" })
      .default(600),
    AUTH_FAILURES_PER_MINUTE: z.coerce
      .number({ error: "must be a number" })
      .int({ error: "must be a whole number" })
      .positive({ error: "must be more than zero" })
      .default(60),
    FAILED_WRITES_PER_HOUR: z.coerce
      .number({ error: "must be a number" })
      .int({ error: "must be a whole number" })
      .positive({ error: "must be more than zero" })
      .default(60),
    FUPIN_ID_NUMBER_SHOWN: z
      .string()
      .trim()
      .regex(/^[0-6]\+[01]$/, {
        error: 'must be "<first>+<last>" characters shown, at most "6+1" (region code and last character)',
      })
      .default("6+1")
      .transform((v) => ({ head: Number(v[0]), tail: Number(v[2]) })),
    MAX_BODY_BYTES: z.coerce
      .number({ error: "must be a number of bytes" })
      .int({ error: "must be a whole number of bytes" })
      .min(1024, { error: "must be at least 1024" })
      .default(1024 * 1024),
    MAX_UPLOAD_BYTES: z.coerce
      .number({ error: "must be a number of bytes" })
      .int({ error: "must be a whole number of bytes" })
      .min(1024, { error: "must be at least 1024" })
      .default(DEFAULT_MAX_UPLOAD_BYTES),
    FUPIN_EXPOSE_SQL_COUNT: z
      .enum(["0", "1", "true", "false"], { error: "must be 0 or 1" })
      .optional()
      .transform((v) => v === "1" || v === "true"),
  })
  .superRefine((env, ctx) => {
    if (env.FUPIN_JWT_ISSUER && !env.FUPIN_JWT_JWKS_URL && !env.FUPIN_JWT_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["FUPIN_JWT_ISSUER"],
        message: "needs FUPIN_JWT_JWKS_URL or FUPIN_JWT_SECRET to verify tokens",
      });
    }
    if (!env.FUPIN_JWT_ISSUER && (env.FUPIN_JWT_JWKS_URL || env.FUPIN_JWT_SECRET)) {
      ctx.addIssue({
        code: "custom",
        path: [env.FUPIN_JWT_JWKS_URL ? "FUPIN_JWT_JWKS_URL" : "FUPIN_JWT_SECRET"],
        message: "is set but FUPIN_JWT_ISSUER is not",
      });
    }
  });

/** JWT verification settings: the trusted issuer and its JWKS URL or HS256 secret. */
export interface JwtConfig {
  readonly issuer: string;
  readonly jwksUrl?: string;
  readonly secret?: string;
  readonly audience?: string;
  /** Longest lifetime a token may have (`exp` − `iat`, and `exp` − now). Default 86,400 s (24 h). */
  readonly maxLifetimeSeconds?: number;
  /** Clock difference tolerated between the issuer and the gateway. Default 60 s. */
  readonly clockSkewSeconds?: number;
}

/** The gateway's validated configuration. */
export interface GatewayConfig {
  readonly port: number;
  readonly host: string;
  /** PostgreSQL URL; undefined: start an embedded PostgreSQL in `dataDir`. */
  readonly databaseUrl?: string;
  /** Folder of the embedded PostgreSQL data (default `<repo>/.data/postgres`). */
  readonly dataDir?: string;
  readonly jwt?: JwtConfig;
  readonly logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  readonly rateLimitPerMinute: number;
  /** Failed authentications allowed per client address and minute before 429 (slows key guessing). */
  readonly authFailuresPerMinute: number;
  readonly maxBodyBytes: number;
  /** Refused writes allowed per principal and hour before writes answer RATE_LIMITED. Default 60. */
  readonly failedWritesPerHour?: number;
  /** Characters of an ID number shown to callers without personal:read. Default region code + last character. */
  readonly idNumberMask?: IdNumberMask;
  /** Most bytes of a multipart request (a file upload such as `importLedger`'s); default 20 MiB. */
  readonly maxUploadBytes?: number;
  /** Echo the request's SQL statement count in `x-sql-statements`. */
  readonly exposeSqlCount: boolean;
}

/** A configuration value is missing or wrong; `variables` names each offending variable. */
export class ConfigError extends Error {
  readonly code = "CONFIG.INVALID";
  constructor(
    message: string,
    readonly variables: readonly string[],
  ) {
    super(message);
    this.name = "ConfigError";
  }
}

/** Reads and validates the configuration from environment variables; throws ConfigError naming each bad variable. */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): GatewayConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => ({
      name: String(i.path[0] ?? "environment"),
      message: i.message,
    }));
    const text = problems.map(
      (p) => `${p.name} ${p.message}${p.name in env ? ` (got "${env[p.name]}")` : ""}`,
    );
    throw new ConfigError(
      `invalid configuration: ${text.join("; ")}`,
      problems.map((p) => p.name),
    );
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    ...(e.DATABASE_URL ? { databaseUrl: e.DATABASE_URL } : {}),
    ...(e.FUPIN_DATA_DIR ? { dataDir: e.FUPIN_DATA_DIR } : {}),
    ...(e.FUPIN_JWT_ISSUER
      ? {
          jwt: {
            issuer: e.FUPIN_JWT_ISSUER,
            ...(e.FUPIN_JWT_JWKS_URL ? { jwksUrl: e.FUPIN_JWT_JWKS_URL } : {}),
            ...(e.FUPIN_JWT_SECRET ? { secret: e.FUPIN_JWT_SECRET } : {}),
            ...(e.FUPIN_JWT_AUDIENCE ? { audience: e.FUPIN_JWT_AUDIENCE } : {}),
            maxLifetimeSeconds: e.FUPIN_JWT_MAX_LIFETIME_SECONDS,
            clockSkewSeconds: e.FUPIN_JWT_CLOCK_SKEW_SECONDS,
          },
        }
      : {}),
    logLevel: e.LOG_LEVEL,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    authFailuresPerMinute: e.AUTH_FAILURES_PER_MINUTE,
    maxBodyBytes: e.MAX_BODY_BYTES,
    failedWritesPerHour: e.FAILED_WRITES_PER_HOUR,
    idNumberMask: e.FUPIN_ID_NUMBER_SHOWN,
    maxUploadBytes: e.MAX_UPLOAD_BYTES,
    exposeSqlCount: e.FUPIN_EXPOSE_SQL_COUNT,
  };
}
