import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BRAND = /__validated\s*:\s*true/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sources(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

/** Files that set the validated brand of a ledger outside its type. */
function brandingFiles(files: readonly string[], read: (file: string) => string): string[] {
  return files.filter((file) =>
    read(file)
      .split("\n")
      .some((line) => BRAND.test(line) && !line.includes("export type Ledger")),
  );
}

describe("a ledger is branded valid only by createLedger, after validateLedger", () => {
  it("finds a brand set outside the type (the matcher works)", () => {
    const text: Record<string, string> = {
      "a.ts": "export type Ledger = LedgerData & { readonly __validated: true };",
      "b.ts": "return { ...data, __validated: true as const };",
    };
    expect(brandingFiles(Object.keys(text), (f) => text[f]!)).toEqual(["b.ts"]);
  });

  it("sets the brand in packages/*/src only in the ledger module's createLedger", () => {
    const files = sources(join(ROOT, "packages"));
    const branding = brandingFiles(files, (f) => readFileSync(f, "utf8")).map((f) => relative(ROOT, f));
    expect(branding).toEqual(["packages/domain/src/ledger/ledger.ts"]);
    const ledger = readFileSync(join(ROOT, "packages/domain/src/ledger/ledger.ts"), "utf8");
    const create = ledger.slice(ledger.indexOf("export function createLedger"));
    const body = create.slice(0, create.indexOf("\n}\n"));
    expect(body).toContain("validateLedger(data)");
    expect(body).toMatch(BRAND);
  });
});
