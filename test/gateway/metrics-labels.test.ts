import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "../support/gateway.js";

describe("metric series under client-chosen names", () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway({ seedHouseholds: 0 });
  });
  afterAll(async () => {
    await gateway?.close();
  });

  it("stay bounded however many operation names and paths clients send", async () => {
    for (let i = 0; i < 130; i++) {
      await (await gateway.fetch(`/no-such-path-${i}`)).arrayBuffer();
      await gateway.graphql(`query Named${i} { __typename }`);
    }
    const text = await (await gateway.fetch("/metrics")).text();
    const labels = new Set(
      [...text.matchAll(/^fupin_http_requests_total\{operation="([^"]*)"/gm)].map((m) => m[1]),
    );
    expect(labels.size).toBeLessThanOrEqual(101);
    expect(labels.has("other")).toBe(true);
    expect(labels.has("Named0")).toBe(true);
    expect(labels.has("/no-such-path-0")).toBe(true);
  });
});
