// Node 22 and PostGraphile 5 for the benchmark, installed on demand from npm into a git-ignored folder
// (test/bench/.node22): PostGraphile 5 needs Node 22, and fupin also runs on it so that the runtime is
// not the difference. Nothing downloaded is committed.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Exact versions installed (STACK.md: the `node` package ships a real Node binary). */
export const NODE22_VERSION = "22.23.3";
/** PostGraphile 5, the current major version, as the second reference. */
export const POSTGRAPHILE5_VERSION = "5.1.5";

/** The install folder, its Node 22 binary and where PostGraphile 5 resolves from. */
export interface Node22 {
  readonly dir: string;
  readonly node: string;
}

function installedVersion(dir: string, name: string): string | null {
  try {
    return (
      JSON.parse(readFileSync(join(dir, "node_modules", name, "package.json"), "utf8")) as { version: string }
    ).version;
  } catch {
    return null;
  }
}

/** Returns Node 22 and PostGraphile 5, installing them with npm first when missing (with a message). */
export function ensureNode22(benchDir: string): Node22 {
  const dir = join(benchDir, ".node22");
  const node = join(dir, "node_modules", ".bin", "node");
  const ready =
    existsSync(node) &&
    installedVersion(dir, "node") === NODE22_VERSION &&
    installedVersion(dir, "postgraphile") === POSTGRAPHILE5_VERSION;
  if (ready) return { dir, node };
  console.log(
    `installing Node ${NODE22_VERSION} and PostGraphile ${POSTGRAPHILE5_VERSION} from npm into ${dir} (once; git-ignored, about 30 s)…`,
  );
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, "package.json"),
    `${JSON.stringify({ private: true, dependencies: { node: NODE22_VERSION, postgraphile: POSTGRAPHILE5_VERSION } }, null, 2)}\n`,
  );
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const r = spawnSync(npm, ["install", "--prefix", dir, "--no-audit", "--no-fund", "--loglevel=error"], {
    stdio: "inherit",
  });
  if (r.status !== 0 || !existsSync(node)) {
    throw new Error(
      `could not install node@${NODE22_VERSION} and postgraphile@${POSTGRAPHILE5_VERSION} into ${dir} (npm exit ${r.status ?? r.signal}); the benchmark needs the npm registry once`,
    );
  }
  return { dir, node };
}
