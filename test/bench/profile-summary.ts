// Summarises a V8 CPU profile (`node --cpu-prof`, or `BENCH_CPU_PROF_DIR=dir pnpm bench gateway`): self
// time by package or folder and the hottest functions, to see where a request's CPU goes before
// optimising it. Usage: node --import tsx test/bench/profile-summary.ts file.cpuprofile [top N]
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const file = process.argv[2];
if (!file) {
  console.error("usage: profile-summary.ts <file.cpuprofile> [top N]");
  process.exit(2);
}
const top = Number(process.argv[3] ?? 30);
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map<number, number>();
for (const [i, id] of profile.samples.entries()) {
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);

/** The package (node_modules/<name>) or the repository folder a script belongs to. */
function owner(url: string): string {
  if (!url) return "(native / V8)";
  const m = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1]!;
  if (url.startsWith("node:")) return "node core";
  const src = /packages\/([^/]+)\/src\/(?:([^/]+)\/)?/.exec(url);
  return src ? `@fupin/${src[1]}/${src[2] ?? ""}` : url.replace(/^file:\/\//, "");
}

function print(title: string, rows: Map<string, number>): void {
  console.log(`\n${title}`);
  for (const [name, us] of [...rows].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(
      `${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${name}`,
    );
  }
}

const byOwner = new Map<string, number>();
const byFunction = new Map<string, number>();
for (const [id, us] of selfUs) {
  const node = byId.get(id)!;
  const f = node.callFrame;
  byOwner.set(owner(f.url), (byOwner.get(owner(f.url)) ?? 0) + us);
  const name = `${f.functionName || "(anonymous)"} ${owner(f.url)}:${f.lineNumber + 1}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + us);
}
console.log(`${file}: ${(total / 1000).toFixed(0)} ms sampled`);
print("self time by package or folder", byOwner);
print("self time by function", byFunction);
