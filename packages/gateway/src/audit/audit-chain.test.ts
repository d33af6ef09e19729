import { describe, expect, it } from "vitest";
import type { AuditEntry } from "../context.js";
import { auditEntryBody, auditEntryBodyAround, auditEntryHash, GENESIS_HASH } from "./audit-chain.js";
import { canonicalJson } from "./canonical-json.js";

const ENTRY: AuditEntry = {
  principalId: "key:0123456789ab",
  action: "update",
  entityType: "household",
  entityId: "hh-1",
  countyCode: "360723",
  before: { b: 1, a: { d: [1, 2], c: null } },
  after: { a: { c: "x", d: [1, 2] }, b: 2 },
  requestId: "r1",
  at: new Date("2026-06-01T00:00:00.123Z"),
};

describe("canonicalJson", () => {
  it.each([
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
    [{ z: { y: 1, x: [{ b: 1, a: 2 }] } }, '{"z":{"x":[{"a":2,"b":1}],"y":1}}'],
    [{ a: undefined, b: null }, '{"b":null}'],
    [[undefined, 1], "[null,1]"],
    [new Date("2026-01-02T03:04:05.006Z"), '"2026-01-02T03:04:05.006Z"'],
    ["大余县", '"大余县"'],
  ])("%o → %s", (value, text) => {
    expect(canonicalJson(value)).toBe(text);
  });
});

describe("auditEntryHash", () => {
  it("is a sha256 hex that depends on the previous hash and every field, not on key order", () => {
    const h = auditEntryHash(GENESIS_HASH, ENTRY);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(auditEntryHash(GENESIS_HASH, { ...ENTRY, before: { a: { c: null, d: [1, 2] }, b: 1 } })).toBe(h);
    expect(auditEntryHash("1".repeat(64), ENTRY)).not.toBe(h);
    for (const change of [
      { principalId: "key:other" },
      { action: "delete" as const },
      { entityId: "hh-2" },
      { countyCode: "360724" },
      { requestId: "r2" },
      { at: new Date("2026-06-01T00:00:00.124Z") },
      { after: { a: { c: "y", d: [1, 2] }, b: 2 } },
    ]) {
      expect(auditEntryHash(GENESIS_HASH, { ...ENTRY, ...change }), JSON.stringify(change)).not.toBe(h);
    }
  });
});

describe("auditEntryBodyAround", () => {
  it("splits the canonical JSON of the entry around its county code's JSON", () => {
    const odd = {
      ...ENTRY,
      before: null,
      after: { "10": "x", "9": ['"countyCode":"1"', "大余县"], z: { b: 1, a: "\\" }, n: 12345 },
    };
    for (const entry of [ENTRY, odd]) {
      const { countyCode, ...rest } = entry;
      const full = canonicalJson({ ...entry, at: entry.at.toISOString() });
      const [head, tail] = auditEntryBodyAround(rest);
      expect(`${head}${JSON.stringify(countyCode)}${tail}`).toBe(full);
      expect(auditEntryBody(entry)).toBe(full);
    }
  });

  it("gives the same body for an image as written and as jsonb gives it back", () => {
    const written = {
      z: [1, undefined, new Date("2026-01-02T03:04:05.006Z")],
      "10": 1,
      "9": { b: undefined, a: -0 },
    };
    const readBack = JSON.parse(`{"9": {"a": 0}, "z": [1, null, "2026-01-02T03:04:05.006Z"], "10": 1}`);
    expect(auditEntryBody({ ...ENTRY, after: written })).toBe(auditEntryBody({ ...ENTRY, after: readBack }));
    expect(auditEntryBody({ ...ENTRY, before: undefined })).toBe(auditEntryBody({ ...ENTRY, before: null }));
  });
});
