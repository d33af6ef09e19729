import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { AuditLinkLag } from "../audit/audit-linker.js";

/** The gateway's Prometheus metrics on their own registry. */
export interface GatewayMetrics {
  readonly registry: Registry;
  readonly requests: Counter<"operation" | "status">;
  readonly errors: Counter<"operation" | "code">;
  readonly duration: Histogram<"operation">;
  /** GraphQL requests served by the direct path (`createDirectGraphql`), not through yoga's fetch layer. */
  readonly directRequests: Counter;
}

/** Creates the request, error and latency metrics (plus the process defaults) on a fresh registry. */
export function createMetrics(): GatewayMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "fupin_" });
  return {
    registry,
    requests: new Counter({
      name: "fupin_http_requests_total",
      help: "HTTP requests by GraphQL operation name and status code.",
      labelNames: ["operation", "status"],
      registers: [registry],
    }),
    errors: new Counter({
      name: "fupin_errors_total",
      help: "Errors returned to clients, by operation and error code.",
      labelNames: ["operation", "code"],
      registers: [registry],
    }),
    duration: new Histogram({
      name: "fupin_http_request_duration_seconds",
      help: "Request latency in seconds, by GraphQL operation name.",
      labelNames: ["operation"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    directRequests: new Counter({
      name: "fupin_graphql_direct_requests_total",
      help: "GraphQL requests served by the direct path (a plain JSON POST), without yoga's fetch-API layer.",
      registers: [registry],
    }),
  };
}

/** What an assessment service has counted (`AssessmentService`). */
export interface AssessmentCounts {
  readonly computed: number;
  readonly snapshotsRead: number;
}

/**
 * Adds the assessment counters to the registry, read from `counts` when /metrics is scraped:
 * `fupin_assessments_computed_total` (findings or metrics not served from the cache) and
 * `fupin_assessment_snapshots_read_total` (region snapshots the workers read from the database).
 */
export function addAssessmentMetrics(metrics: GatewayMetrics, counts: AssessmentCounts): void {
  const counter = (name: string, help: string, read: () => number) =>
    new Counter({
      name,
      help,
      registers: [metrics.registry],
      collect() {
        this.reset();
        this.inc(read());
      },
    });
  counter(
    "fupin_assessments_computed_total",
    "Findings and metrics computed (not served from the cache keyed by ledger version).",
    () => counts.computed,
  );
  counter(
    "fupin_assessment_snapshots_read_total",
    "Region snapshots the assessment workers read from the database (one per county and ledger version).",
    () => counts.snapshotsRead,
  );
}

/**
 * Adds the audit chain's lag to the registry, read from `read` when /metrics is scraped:
 * `fupin_audit_entries_unlinked` and `fupin_audit_oldest_unlinked_seconds` (0 when none). Entries
 * are linked within milliseconds while any process of the database writes; a count that stays up
 * means no linker is running. A failed read shows NaN (unknown) in that scrape rather than failing it.
 */
export function addAuditLinkMetrics(metrics: GatewayMetrics, read: () => Promise<AuditLinkLag>): void {
  const gauge = (name: string, help: string, pick: (l: AuditLinkLag) => number) =>
    new Gauge({
      name,
      help,
      registers: [metrics.registry],
      async collect() {
        const l = await read().catch(() => null);
        this.set(l ? pick(l) : Number.NaN);
      },
    });
  gauge(
    "fupin_audit_entries_unlinked",
    "Audit entries committed but not yet linked into the hash chain.",
    (l) => l.unlinked,
  );
  gauge(
    "fupin_audit_oldest_unlinked_seconds",
    "Age in seconds of the oldest audit entry not yet linked into the hash chain (0 when none).",
    (l) => l.oldestSeconds,
  );
}
