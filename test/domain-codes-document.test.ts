import { readFileSync } from "node:fs";
import { renderCodesDocument } from "@fupin/domain";
import { describe, expect, it } from "vitest";

// Reading the committed file is IO, so this check lives outside the pure domain package.
describe("packages/domain/CODES.md", () => {
  it("is the document the registries generate (run `pnpm --filter @fupin/domain codes` when this fails)", () => {
    const committed = readFileSync(new URL("../packages/domain/CODES.md", import.meta.url), "utf8");
    expect(committed).toBe(renderCodesDocument());
  });
});
