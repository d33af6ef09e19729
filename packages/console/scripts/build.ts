import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/** The console package's folder. */
export const CONSOLE_ROOT = fileURLToPath(new URL("..", import.meta.url));
/** The static build the gateway serves at /console (git-ignored). */
export const CONSOLE_DIST_DIR = join(CONSOLE_ROOT, "dist");
const STAMP = ".source-hash";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** A hash of everything the build reads from this package: its sources, page, config and dependencies. */
export function consoleSourceHash(): string {
  const hash = createHash("sha256");
  const inputs = [
    ...files(join(CONSOLE_ROOT, "src")).filter(
      (f) => !f.endsWith(".test.ts") && !f.endsWith("components.d.ts"),
    ),
    ...["index.html", "vite.config.ts", "package.json"].map((f) => join(CONSOLE_ROOT, f)),
  ].sort();
  for (const file of inputs)
    hash.update(relative(CONSOLE_ROOT, file)).update("\0").update(readFileSync(file));
  return hash.digest("hex");
}

/** Whether dist/ holds a build of the current sources. */
export function isConsoleBuildFresh(): boolean {
  const stamp = join(CONSOLE_DIST_DIR, STAMP);
  return existsSync(stamp) && readFileSync(stamp, "utf8") === consoleSourceHash();
}

/** What `ensureConsoleBuild` did. */
export interface ConsoleBuildResult {
  readonly built: boolean;
  readonly ms: number;
}

/**
 * Builds the console into dist/ when its sources changed since the last build (or when forced).
 * Builds into a folder of its own and renames it into place, so a reader never sees half a build.
 */
export async function ensureConsoleBuild(
  options: { force?: boolean; quiet?: boolean } = {},
): Promise<ConsoleBuildResult> {
  const started = performance.now();
  if (!options.force && isConsoleBuildFresh()) return { built: false, ms: 0 };
  const hash = consoleSourceHash();
  const out = join(CONSOLE_ROOT, `.dist-${process.pid}-${Date.now()}`);
  const { build } = await import("vite");
  try {
    await build({
      root: CONSOLE_ROOT,
      configFile: join(CONSOLE_ROOT, "vite.config.ts"),
      logLevel: options.quiet ? "warn" : "info",
      build: { outDir: out, emptyOutDir: true },
    });
    writeFileSync(join(out, STAMP), hash);
    rmSync(CONSOLE_DIST_DIR, { recursive: true, force: true });
    renameSync(out, CONSOLE_DIST_DIR);
  } catch (error) {
    // Another process may have put the same build in place first.
    if (!isConsoleBuildFresh()) throw error;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return { built: true, ms: Math.round(performance.now() - started) };
}
