import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "../support/gateway.js";

const CHROMIUM = "/usr/bin/chromium";
const SHOTS = fileURLToPath(new URL("../../.data/screenshots", import.meta.url));

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ http: true, seedHouseholds: 30, developmentKey: true });
});
afterAll(async () => {
  await gw?.close();
});

describe("GraphiQL in development", () => {
  it("is a small page whose script, style and workers are separate files cached under a content hash", async () => {
    const page = await fetch(gw.url, { headers: { accept: "text/html" } });
    const html = await page.text();
    expect(html.length).toBeLessThan(10_000);
    const assets = [...html.matchAll(/(?:href|src)="(\/graphiql-assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBe(3);
    for (const asset of assets) {
      const res = await fetch(new URL(asset, gw.url), { headers: { "accept-encoding": "gzip" } });
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    }
    const missing = await fetch(new URL("/graphiql-assets/0/none.js", gw.url));
    expect(missing.status).toBe(404);
  });

  it("is ready at once: the development key in its headers, the short default query answered with data", {
    timeout: 120_000,
  }, async () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium`).toBe(true);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(gw.url, { waitUntil: "load", timeout: 60_000 });
      await page.locator(".graphiql-execute-button").click({ timeout: 60_000 });
      const result = page.locator(".result-window");
      await expect
        .poll(async () => (await result.textContent()) ?? "", { timeout: 30_000 })
        .toMatch(/"totalCount":\s*30\b/);
      await mkdir(SHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SHOTS, "graphiql.png") });
      const text = (await result.textContent()) ?? "";
      expect(text).toContain('"householdNumber"');
      expect(text).not.toContain("UNAUTHENTICATED");
      // biome-ignore lint/performance/useDomNodeTextContent: the visible text, not the inline scripts'
      const body = await page.locator("body").innerText();
      expect(body).not.toContain("Error fetching schema");
      // The hint fits the editor: no line of the default query is wider than 60 characters.
      // biome-ignore lint/performance/useDomNodeTextContent: the editor's lines as shown
      const query = (await page.locator(".graphiql-query-editor").innerText()).replace(/\u00a0/g, " ");
      expect(query).toContain("nodes {");
      expect(Math.max(...query.split("\n").map((l) => l.length))).toBeLessThanOrEqual(60);
    } finally {
      await browser.close();
    }
  });
});
