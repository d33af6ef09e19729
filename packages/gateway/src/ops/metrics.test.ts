import { describe, expect, it } from "vitest";
import { addAuditLinkMetrics, createMetrics } from "./metrics.js";

describe("addAuditLinkMetrics", () => {
  it("reads the lag at each scrape, and shows NaN (unknown) when the read fails, not 0", async () => {
    const metrics = createMetrics();
    let fail = false;
    let reads = 0;
    addAuditLinkMetrics(metrics, async () => {
      reads++;
      if (fail) throw new Error("database unreachable");
      return { unlinked: 3, oldestSeconds: 4.5 };
    });
    const scrape = async () => {
      const text = await metrics.registry.metrics();
      return [/^fupin_audit_entries_unlinked (\S+)$/m, /^fupin_audit_oldest_unlinked_seconds (\S+)$/m].map(
        (re) => re.exec(text)?.[1],
      );
    };
    expect(await scrape()).toEqual(["3", "4.5"]);
    fail = true;
    // prom-client writes NaN as "Nan", which Prometheus parses as NaN.
    expect((await scrape()).map((v) => Number.isNaN(Number(v)) && v !== undefined)).toEqual([true, true]);
    expect(reads).toBe(4);
  });
});
