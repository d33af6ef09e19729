import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { ConfigError, loadConfig, runCli } from "@fupin/gateway";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

function errorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error("expected a ConfigError");
}

describe("configuration from the environment", () => {
  it("has defaults for everything", () => {
    expect(loadConfig({})).toEqual({
      port: 4000,
      host: "127.0.0.1",
      logLevel: "info",
      rateLimitPerMinute: 600,
      authFailuresPerMinute: 60,
      maxBodyBytes: 1024 * 1024,
      failedWritesPerHour: 60,
      idNumberMask: { head: 6, tail: 1 },
      maxUploadBytes: 20 * 1024 * 1024,
      exposeSqlCount: false,
    });
  });

  it.each([["0+0"], ["4+1"], ["6+0"]])("reads FUPIN_ID_NUMBER_SHOWN %s", (shown) => {
    expect(loadConfig({ FUPIN_ID_NUMBER_SHOWN: shown }).idNumberMask).toEqual({
      head: Number(shown[0]),
      tail: Number(shown[2]),
    });
  });

  it("gives JWTs a 24 h maximum lifetime and 60 s of clock skew by default", () => {
    expect(loadConfig({ FUPIN_JWT_ISSUER: "https://idp", FUPIN_JWT_SECRET: "x".repeat(40) }).jwt).toEqual({
      issuer: "https://idp",
      secret: "x".repeat(40),
      maxLifetimeSeconds: 86_400,
      clockSkewSeconds: 60,
    });
  });

  it("reads every variable", () => {
    const c = loadConfig({
      PORT: "8080",
      HOST: "0.0.0.0",
      DATABASE_URL: "postgres://u@db:5432/fupin",
      FUPIN_JWT_ISSUER: "https://idp.example",
      FUPIN_JWT_JWKS_URL: "https://idp.example/.well-known/jwks.json",
      FUPIN_JWT_MAX_LIFETIME_SECONDS: "3600",
      FUPIN_JWT_CLOCK_SKEW_SECONDS: "5",
      LOG_LEVEL: "warn",
      RATE_LIMIT_PER_MINUTE: "60",
      MAX_BODY_BYTES: "2048",
      MAX_UPLOAD_BYTES: "4096",
      FUPIN_EXPOSE_SQL_COUNT: "1",
    });
    expect(c).toMatchObject({
      port: 8080,
      host: "0.0.0.0",
      databaseUrl: "postgres://u@db:5432/fupin",
      jwt: {
        issuer: "https://idp.example",
        jwksUrl: "https://idp.example/.well-known/jwks.json",
        maxLifetimeSeconds: 3600,
        clockSkewSeconds: 5,
      },
      logLevel: "warn",
      rateLimitPerMinute: 60,
      maxBodyBytes: 2048,
      maxUploadBytes: 4096,
      exposeSqlCount: true,
    });
  });

  it.each([
    [{ PORT: "eighty" }, "PORT", /PORT must be a port number \(got "eighty"\)/],
    [{ PORT: "70000" }, "PORT", /PORT must be between 0 and 65535/],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL", /DATABASE_URL must be a postgres:\/\//],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL", /LOG_LEVEL must be one of fatal/],
    [{ RATE_LIMIT_PER_MINUTE: "0" }, "RATE_LIMIT_PER_MINUTE", /RATE_LIMIT_PER_MINUTE must be more than zero/],
    [{ MAX_UPLOAD_BYTES: "12" }, "MAX_UPLOAD_BYTES", /MAX_UPLOAD_BYTES must be at least 1024/],
    [{ MAX_BODY_BYTES: "1.5" }, "MAX_BODY_BYTES", /MAX_BODY_BYTES must be a whole number/],
    [{ FAILED_WRITES_PER_HOUR: "0" }, "FAILED_WRITES_PER_HOUR", /must be more than zero/],
    [{ FUPIN_ID_NUMBER_SHOWN: "6+4" }, "FUPIN_ID_NUMBER_SHOWN", /at most "6\+1"/],
    [{ FUPIN_ID_NUMBER_SHOWN: "7+1" }, "FUPIN_ID_NUMBER_SHOWN", /at most "6\+1"/],
    [{ FUPIN_JWT_ISSUER: "https://idp" }, "FUPIN_JWT_ISSUER", /needs FUPIN_JWT_JWKS_URL or FUPIN_JWT_SECRET/],
    [
      { FUPIN_JWT_SECRET: "x".repeat(40) },
      "FUPIN_JWT_SECRET",
      /FUPIN_JWT_SECRET is set but FUPIN_JWT_ISSUER is not/,
    ],
    [
      { FUPIN_JWT_ISSUER: "https://idp", FUPIN_JWT_SECRET: "short" },
      "FUPIN_JWT_SECRET",
      /at least 32 characters/,
    ],
    [
      {
        FUPIN_JWT_ISSUER: "https://idp",
        FUPIN_JWT_SECRET: "x".repeat(40),
        FUPIN_JWT_MAX_LIFETIME_SECONDS: "0",
      },
      "FUPIN_JWT_MAX_LIFETIME_SECONDS",
      /FUPIN_JWT_MAX_LIFETIME_SECONDS must be more than zero/,
    ],
    [
      { FUPIN_JWT_MAX_LIFETIME_SECONDS: String(365 * 86_400) },
      "FUPIN_JWT_MAX_LIFETIME_SECONDS",
      /at most 2678400/,
    ],
    [{ FUPIN_JWT_CLOCK_SKEW_SECONDS: "-1" }, "FUPIN_JWT_CLOCK_SKEW_SECONDS", /must not be negative/],
  ])("%o names %s", (env, variable, message) => {
    const e = errorOf(env);
    expect(e.code).toBe("CONFIG.INVALID");
    expect(e.variables).toContain(variable);
    expect(e.message).toMatch(message);
  });

  it("names every bad variable at once", () => {
    expect(errorOf({ PORT: "x", LOG_LEVEL: "y" }).variables).toEqual(["PORT", "LOG_LEVEL"]);
  });

  it("`fupin start` with a bad value exits 1 and prints the variable", () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "packages/gateway/src/cli/main.ts", "start"], {
      cwd: ROOT,
      env: { ...process.env, PORT: "not-a-port" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('PORT must be a port number (got "not-a-port")');
  });

  it("an unknown command or option is a usage error (exit 2) with a hint", () => {
    const r = spawnSync(
      process.execPath,
      ["--import", "tsx", "packages/gateway/src/cli/main.ts", "frobnicate"],
      {
        cwd: ROOT,
        env: process.env,
        encoding: "utf8",
        timeout: 30_000,
      },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown command "frobnicate"');
    expect(r.stderr).toContain("pnpm fupin help");
  });

  it("help lists the commands", async () => {
    const lines: string[] = [];
    expect(await runCli(["help"], {}, { log: (l) => lines.push(l), error: (l) => lines.push(l) })).toBe(0);
    const text = lines.join("\n");
    for (const c of ["start", "migrate", "seed", "keys create", "audit verify"]) expect(text).toContain(c);
  });
});
