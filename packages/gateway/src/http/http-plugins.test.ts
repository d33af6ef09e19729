import { createSchema, createYoga } from "graphql-yoga";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { AuthError } from "../auth/auth-error.js";
import type { Authenticator } from "../auth/authenticate.js";
import { createMetrics } from "../ops/metrics.js";
import type { RateLimiter } from "./rate-limiter.js";
import { useAuth } from "./use-auth.js";
import { useBodyLimit } from "./use-body-limit.js";
import { useRateLimit } from "./use-rate-limit.js";
import { useRequestLog } from "./use-request-log.js";

const schema = createSchema({
  typeDefs: "type Query { hello: String }",
  resolvers: { Query: { hello: () => "hi" } },
});

/** Allows `limit` calls per key. */
function countingLimiter(limit: number): RateLimiter {
  const counts = new Map<string, number>();
  return {
    async consume(key) {
      const n = (counts.get(key) ?? 0) + 1;
      counts.set(key, n);
      return n > limit ? 42 : null;
    },
  };
}

const authenticate: Authenticator = async (header) => {
  if (header !== "Bearer good") throw new AuthError("AUTH.INVALID_CREDENTIALS", "invalid API key");
  return { id: "key:t", kind: "api_key", regionCode: "360723", permissions: new Set(["ledger:read"]) };
};

function app(options: { maxBytes?: number; perMinute?: number; failures?: number } = {}) {
  return createYoga({
    schema,
    maxRequestBodySize: false,
    plugins: [
      useRequestLog({ logger: pino({ level: "silent" }), metrics: createMetrics(), exposeSqlCount: false }),
      useBodyLimit({ maxBytes: options.maxBytes ?? 1024 }),
      useAuth({ authenticate, failures: countingLimiter(options.failures ?? 100) }),
      useRateLimit({
        limiter: countingLimiter(options.perMinute ?? 100),
        perMinute: options.perMinute ?? 100,
      }),
    ],
  });
}

async function post(yoga: ReturnType<typeof app>, body: BodyInit, key = "good", init: RequestInit = {}) {
  const res = await yoga.fetch("http://t/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body,
    ...init,
  });
  return {
    status: res.status,
    headers: res.headers,
    body: (await res.json()) as {
      errors?: { message: string; extensions?: { code?: string } }[];
      data?: unknown;
    },
  };
}

const QUERY = JSON.stringify({ query: "{ hello }" });

describe("useBodyLimit", () => {
  it("serves a body within the limit", async () => {
    expect((await post(app(), QUERY)).body).toEqual({ data: { hello: "hi" } });
  });

  it("refuses a declared or streamed body over the limit with one 413 PAYLOAD_TOO_LARGE", async () => {
    const big = JSON.stringify({ query: "{ hello }", variables: { pad: "x".repeat(2000) } });
    const declared = await post(app(), big);
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode(big));
        c.close();
      },
    });
    const streamed = await post(app(), stream, "good", { duplex: "half" } as RequestInit);
    for (const res of [declared, streamed]) {
      expect(res.status).toBe(413);
      expect(res.body.errors?.[0]).toMatchObject({
        message: "request body too large: the limit is 1024 bytes",
        extensions: { code: "PAYLOAD_TOO_LARGE" },
      });
    }
  });
});

describe("useAuth", () => {
  it("refuses a bad key with 401 UNAUTHENTICATED, then 429 after too many failures", async () => {
    const yoga = app({ failures: 1 });
    const first = await post(yoga, QUERY, "bad");
    expect(first.status).toBe(401);
    expect(first.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(first.headers.get("www-authenticate")).toContain("Bearer");
    const second = await post(yoga, QUERY, "bad");
    expect(second.status).toBe(429);
    expect(second.body.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
  });
});

describe("useRateLimit", () => {
  it("answers 429 RATE_LIMITED with Retry-After past the principal's limit", async () => {
    const yoga = app({ perMinute: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await post(yoga, QUERY)).status);
    expect(statuses).toEqual([200, 200, 429]);
    const res = await post(yoga, QUERY);
    expect(res.headers.get("retry-after")).toBe("42");
    expect(res.body.errors?.[0]?.message).toBe("rate limit of 2 requests per minute exceeded; retry in 42 s");
  });
});
