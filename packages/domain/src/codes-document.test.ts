import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderCodesDocument } from "./codes-document.js";
import { LEDGER_RULES } from "./ledger/ledger-rules.js";

describe("CODES.md", () => {
  it("is the document the registries generate (run `pnpm --filter @fupin/domain codes` when this fails)", () => {
    const committed = readFileSync(new URL("../CODES.md", import.meta.url), "utf8");
    expect(committed).toBe(renderCodesDocument());
  });

  it("lists every ledger rule code once", () => {
    const doc = renderCodesDocument();
    for (const code of Object.keys(LEDGER_RULES)) expect(doc.split(`\`${code}\``).length - 1).toBe(1);
  });
});
