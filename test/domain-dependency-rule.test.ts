import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { importedSpecifiers } from "./support/imports.js";

const domainSrc = join(import.meta.dirname, "..", "packages", "domain", "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith(".ts") && !path.endsWith(".test.ts") ? [path] : [];
  });
}

function isAllowed(specifier: string): boolean {
  return (
    specifier === "zod" ||
    specifier.startsWith("zod/") ||
    specifier.startsWith("./") ||
    specifier.startsWith("../")
  );
}

describe("domain dependency rule", () => {
  it("finds the imports the rule must catch", () => {
    const sample = `import { readFileSync } from "node:fs";\nexport { x } from "./x.js";\nconst pg = await import("pg");\nimport "@mikro-orm/core";`;
    expect(importedSpecifiers(sample).filter((s) => !isAllowed(s))).toEqual([
      "node:fs",
      "@mikro-orm/core",
      "pg",
    ]);
  });

  it("keeps @fupin/domain free of everything but zod and itself", () => {
    const files = sourceFiles(domainSrc);
    expect(files.length).toBeGreaterThan(10);
    const offending = files.flatMap((file) =>
      importedSpecifiers(readFileSync(file, "utf8"))
        .filter((s) => !isAllowed(s))
        .map((s) => `${relative(domainSrc, file)} imports ${s}`),
    );
    expect(offending).toEqual([]);
  });

  it("uses no ambient IO or clock in the domain (process, Date.now, Math.random, fetch)", () => {
    const offending = sourceFiles(domainSrc).flatMap((file) => {
      const text = readFileSync(file, "utf8");
      return [/\bprocess\./, /Date\.now\(/, /new Date\(\)/, /Math\.random\(/, /\bfetch\(/]
        .filter((p) => p.test(text))
        .map((p) => `${relative(domainSrc, file)} uses ${p.source}`);
    });
    expect(offending).toEqual([]);
  });
});
