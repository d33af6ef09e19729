import type { MikroORM } from "@mikro-orm/postgresql";
import type { Plugin } from "graphql-yoga";
import type pg from "pg";
import type { GatewayMetrics } from "../ops/metrics.js";
import { checkReadiness } from "../ops/readiness.js";

/** Options of `useOpsRoutes`. */
export interface OpsRoutesOptions {
  readonly pool: pg.Pool;
  readonly orm: MikroORM;
  readonly metrics: GatewayMetrics;
  /** The GraphQL endpoint (every other unknown path is 404). */
  readonly graphqlEndpoint: string;
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8" },
  });
}

async function route(path: string, options: OpsRoutesOptions): Promise<Response | null> {
  switch (path) {
    case "/health":
      return json({ status: "ok" });
    case "/ready": {
      const r = await checkReadiness(options.pool, options.orm);
      return r.ready ? json({ status: "ready" }) : json({ status: "not ready", problems: r.problems }, 503);
    }
    case "/metrics":
      return new Response(await options.metrics.registry.metrics(), {
        headers: { "content-type": options.metrics.registry.contentType },
      });
    default:
      if (path === options.graphqlEndpoint) return null;
      return json(
        {
          errors: [
            {
              message: `no route ${path}: use ${options.graphqlEndpoint}, /health, /ready or /metrics`,
              extensions: { code: "NOT_FOUND" },
            },
          ],
        },
        404,
      );
  }
}

/** The small router beside GraphQL: /health, /ready (database and migrations), /metrics, and 404 with a hint. */
export function useOpsRoutes(options: OpsRoutesOptions): Plugin {
  return {
    onRequest({ url, endResponse }) {
      // GraphQL requests pass through without a promise of their own.
      if (url.pathname === options.graphqlEndpoint) return;
      return route(url.pathname, options).then((response) => {
        if (response) endResponse(response);
      });
    },
  };
}
