// Steady under load: the fupin gateway (Node 20, every protection on) for BENCH_SOAK_MINUTES (10) at
// 80% of the peak it reached on the same mix a moment before: reads by callers of every permission
// level (county read, county with personal data, township) on several shapes, and writes. Prints
// throughput, latency, errors and memory each minute, and writes the run to test/bench/RESULTS.md.
// Exits non-zero when any request failed; otherwise asserts nothing.
//
// Environment: BENCH_HOUSEHOLDS (10000), BENCH_SOAK_MINUTES (10), BENCH_CONNECTIONS (10).
import { join, resolve } from "node:path";
import autocannon from "autocannon";
import { verifyAuditChain } from "../../packages/gateway/src/audit/verify-audit-chain.js";
import { createPool } from "../../packages/gateway/src/db/pool.js";
import { startBenchPostgres } from "./lib/postgres.js";
import type { Prepared } from "./lib/prepare.js";
import { COUNTY } from "./lib/prepare.js";
import { residentMb, stopChild } from "./lib/processes.js";
import { machineDetails, writeResultsSection } from "./lib/report.js";
import { describeCheckout, prepareDatabase, startFupin } from "./lib/servers.js";

const households = Number(process.env.BENCH_HOUSEHOLDS ?? 10_000);
const minutes = Number(process.env.BENCH_SOAK_MINUTES ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const benchDir = import.meta.dirname;
const repoRoot = resolve(benchDir, "..", "..");

function gql(key: string, query: string): autocannon.Request {
  return {
    method: "POST",
    path: "/graphql",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: JSON.stringify({ query }),
  };
}

/** The mix: every permission level reading, and writing; one request of each in turn per connection. */
function mix(p: Prepared): autocannon.Request[] {
  const members = "members { name idNumber relation }";
  return [
    gql(
      p.keys.countyRead,
      `query Q3 { households(regionCode: "${COUNTY}", first: 10) { nodes { recordId ${members} } } }`,
    ),
    gql(
      p.keys.countyPersonal,
      `query Personal { households(regionCode: "${COUNTY}", first: 10) { nodes { recordId phone bankAccount ${members} } } }`,
    ),
    gql(
      p.keys.townshipRead,
      `query Township { households(regionCode: "${p.township}", first: 20) { totalCount nodes { recordId householdNumber ${members} } } }`,
    ),
    gql(
      p.keys.countyRead,
      `query Filter { households(regionCode: "${COUNTY}", first: 100, filter: { villageCode: "${p.filter.township}", povertyStatus: ${p.filter.povertyStatus}, industryId: "${p.filter.industryId}" }) { nodes { recordId householdNumber } } }`,
    ),
    gql(
      p.keys.countyRead,
      `query Q2 { households(regionCode: "${COUNTY}", first: 20) { nodes { recordId linkages { recordId mode entity { name } years { year receivedFen } } } } }`,
    ),
    gql(
      p.keys.countyWrite,
      `mutation Write { recordSubsidy(input: { householdId: "${p.householdId}", kind: award, amountFen: 500, date: "2025-07-01", purpose: "soak" }) { recordId } }`,
    ),
  ];
}

async function scrape(url: string): Promise<{ rss: number; heap: number }> {
  const text = await (await fetch(url.replace(/\/graphql$/, "/metrics"))).text();
  const value = (name: string) => Number(new RegExp(`^${name} (\\S+)`, "m").exec(text)?.[1] ?? Number.NaN);
  return {
    rss: value("fupin_process_resident_memory_bytes") / 2 ** 20,
    heap: value("fupin_nodejs_heap_size_used_bytes") / 2 ** 20,
  };
}

function run(url: string, requests: autocannon.Request[], seconds: number, overallRate?: number) {
  return autocannon({
    url,
    requests,
    connections,
    duration: seconds,
    verifyBody: (b) => String(b).startsWith('{"data"') && !String(b).includes('"errors"'),
    ...(overallRate ? { overallRate } : {}),
  });
}

async function main(): Promise<void> {
  const pgServer = await startBenchPostgres();
  let stop: (() => Promise<void>) | null = null;
  try {
    const url = await pgServer.createDatabase("fupin_soak");
    const prepared = prepareDatabase(repoRoot, repoRoot, url, households);
    const server = await startFupin("fupin (Node 20)", repoRoot, process.execPath, {
      url,
      name: "fupin_soak",
      prepared,
    });
    const pool = createPool(url, 1);
    stop = async () => {
      await stopChild(server.child);
      await pool.end();
    };
    // The audit entries committed but not yet linked into the chain: the linker's lag, after a minute's load.
    const unlinked = async () =>
      Number(
        (await pool.query<{ n: number }>("select count(*)::int as n from audit_log where link_no is null"))
          .rows[0]!.n,
      );
    const requests = mix(prepared);
    await run(server.url, requests, 5);
    const peak = (await run(server.url, requests, 15)).requests.average;
    const rate = Math.round(peak * 0.8);
    const lines = [
      `peak on the mix ${peak.toFixed(1)} req/s (15 s, ${connections} connections); soak at ${rate} req/s for ${minutes} min`,
    ];
    console.log(lines[0]);
    let errors = 0;
    const memory: { rss: number; heap: number }[] = [];
    for (let m = 1; m <= minutes; m++) {
      const r = await run(server.url, requests, 60, rate);
      const failed = r.errors + r.non2xx + r.timeouts + r.mismatches;
      errors += failed;
      const mem = await scrape(server.url);
      memory.push(mem);
      const line = `minute ${String(m).padStart(2)}: ${r.requests.average.toFixed(1)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, errors ${failed}, RSS ${mem.rss.toFixed(0)} MB (ps ${residentMb(server.pid).toFixed(0)} MB), heap used ${mem.heap.toFixed(0)} MB, audit entries unlinked ${await unlinked()}`;
      console.log(line);
      lines.push(line);
    }
    const warm = memory[Math.min(1, memory.length - 1)]!;
    const last = memory[memory.length - 1]!;
    const verdict = `errors ${errors}; after warm-up (minute 2 to ${minutes}) RSS ${warm.rss.toFixed(0)} → ${last.rss.toFixed(0)} MB, heap used ${warm.heap.toFixed(0)} → ${last.heap.toFixed(0)} MB`;
    console.log(verdict);
    lines.push(verdict);
    const chain = await verifyAuditChain(pool);
    const chainLine = chain.ok
      ? `audit chain verified after the run: ${chain.entries} entries`
      : `audit chain broken at seq ${chain.brokenSeq}: ${chain.reason}`;
    console.log(chainLine);
    lines.push(chainLine);
    if (!chain.ok) errors++;
    writeResultsSection(
      join(benchDir, "RESULTS.md"),
      "soak",
      [
        "## Soak: fupin at 80% of its peak on a mix of callers and shapes",
        "",
        machineDetails([
          `Run ${new Date().toISOString()}; ${households} households; fupin ${describeCheckout(repoRoot)} on ${process.version}`,
          "Mix, in turn on each connection: Q3 (county key), Q3 with phone and bank account (personal-data key, audited), a township's households with totalCount (township key), the filtered list, Q2-like linkages, a subsidy recorded (write key)",
        ]),
        "",
        "```",
        ...lines,
        "```",
      ].join("\n"),
    );
    if (errors > 0) process.exitCode = 1;
  } finally {
    if (stop) await stop();
    await pgServer.stop();
  }
}

await main();
