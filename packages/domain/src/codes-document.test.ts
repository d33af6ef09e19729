import { describe, expect, it } from "vitest";
import { renderCodesDocument } from "./codes-document.js";
import { LEDGER_RULES } from "./ledger/ledger-rules.js";

describe("the codes document", () => {
  it("lists every ledger rule code once", () => {
    const doc = renderCodesDocument();
    for (const code of Object.keys(LEDGER_RULES)) expect(doc.split(`\`${code}\``).length - 1).toBe(1);
  });
});
