// The console's weight and first load: its build's size (raw and gzip, all of it and what the sign-in
// page loads first), then, in Debian's Chromium with an empty cache each time, how long the sign-in page
// takes to be usable and the overview to show its figures, against GraphiQL's first load measured in the
// same run as the reference. Prints figures and the budget; asserts nothing. `pnpm bench console`.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { CONSOLE_DIST_DIR, ensureConsoleBuild } from "@fupin/console/build";
import { launchChromium } from "../support/browser.js";
import { startTestGateway } from "../support/gateway.js";

const RUNS = Number(process.env.CONSOLE_BENCH_RUNS ?? 3);
/** The budget: what a county office's old PC on a slow LAN can take. */
const BUDGET = { initialGzipKb: 250, totalGzipKb: 700, signInMs: 1500, overviewMs: 4000 };

const kb = (n: number) => Math.round(n / 102.4) / 10;
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;

function sizes(files: string[]) {
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const body = readFileSync(join(CONSOLE_DIST_DIR, f));
    raw += body.length;
    gzip += gzipSync(body).length;
  }
  return { raw, gzip };
}

const built = await ensureConsoleBuild({ quiet: true });
const assets = readdirSync(join(CONSOLE_DIST_DIR, "assets")).map((f) => `assets/${f}`);
const index = readFileSync(join(CONSOLE_DIST_DIR, "index.html"), "utf8");
const initial = [...index.matchAll(/(?:src|href)="\/console\/(assets\/[^"]+)"/g)].map((m) => m[1]!);
const all = sizes(assets);
const first = sizes(initial);
console.log(
  `build: ${built.built ? `rebuilt in ${built.ms} ms` : "up to date"}; ${assets.length} asset files`,
);
console.log(`all assets:          ${kb(all.raw)} KB raw, ${kb(all.gzip)} KB gzip`);
console.log(
  `sign-in page's first: ${kb(first.raw)} KB raw, ${kb(first.gzip)} KB gzip (${initial.length} files)`,
);

const gw = await startTestGateway({ http: true, seedHouseholds: 200, developmentKey: true });
const browser = await launchChromium();
try {
  const graphiql: number[] = [];
  const signIn: number[] = [];
  const overview: number[] = [];
  const trend: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const ref = await browser.newContext();
    const g = await ref.newPage();
    let t = performance.now();
    await g.goto(gw.url, { waitUntil: "load" });
    await g.locator(".graphiql-execute-button").waitFor({ timeout: 60_000 });
    graphiql.push(performance.now() - t);
    await ref.close();

    const context = await browser.newContext();
    const page = await context.newPage();
    t = performance.now();
    await page.goto(`${gw.origin}/console/`, { waitUntil: "load" });
    await page.locator("#credential").waitFor();
    signIn.push(performance.now() - t);
    await page.locator("#credential").fill(gw.developmentKey!);
    t = performance.now();
    await page.getByRole("button", { name: "登录" }).click();
    await page
      .locator("[data-metric]")
      .first()
      .waitFor({ timeout: 60_000 })
      .catch(async (e) => {
        await page.screenshot({ path: ".data/bench-console-failure.png" });
        throw e;
      });
    overview.push(performance.now() - t);
    await page.waitForFunction(() => document.querySelectorAll(".el-loading-mask").length === 0, null, {
      timeout: 60_000,
    });
    trend.push(performance.now() - t);
    await context.close();
  }
  const row = (name: string, v: number[], budget?: number) =>
    console.log(
      `${name.padEnd(44)} median ${Math.round(median(v))} ms (runs ${v.map(Math.round).join(", ")})${budget ? `  budget ${budget} ms: ${median(v) <= budget ? "within" : "OVER"}` : ""}`,
    );
  console.log(`\nfirst load, empty cache, ${RUNS} runs, 200 households (same machine, same run):`);
  row("GraphiQL until its run button (reference)", graphiql);
  row("console sign-in page until usable", signIn, BUDGET.signInMs);
  row("sign-in until the overview's figures", overview, BUDGET.overviewMs);
  row("sign-in until the five-year trend is drawn", trend);
  console.log(
    `\nbudget: first ${BUDGET.initialGzipKb} KB gzip (${kb(first.gzip) <= BUDGET.initialGzipKb ? "within" : "OVER"}), all ${BUDGET.totalGzipKb} KB gzip (${kb(all.gzip) <= BUDGET.totalGzipKb ? "within" : "OVER"})`,
  );
} finally {
  await browser.close();
  await gw.close();
}
