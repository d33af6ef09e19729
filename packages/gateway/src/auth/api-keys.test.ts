import { describe, expect, it } from "vitest";
import { hashApiKeySecret, parseApiKey, validateKeyScope } from "./api-keys.js";

describe("parseApiKey", () => {
  it.each([
    ["fpk_0123456789ab_abcdefghijklmnopqrstuvwx", { id: "0123456789ab", secret: "abcdefghijklmnopqrstuvwx" }],
    ["fpk_0123456789ab_ab_cd-efghijklmnopqrstuv", { id: "0123456789ab", secret: "ab_cd-efghijklmnopqrstuv" }],
    ["fpk_0123456789ab_short", null],
    ["fpk_0123456789AB_abcdefghijklmnopqrstuvwx", null],
    ["xpk_0123456789ab_abcdefghijklmnopqrstuvwx", null],
    ["fpk_0123456789ab_abcdefghijklmnopqrstuvw!", null],
    ["", null],
  ])("%s", (text, parsed) => {
    expect(parseApiKey(text)).toEqual(parsed);
  });
});

describe("validateKeyScope", () => {
  it("normalises the region code and removes repeated permissions", () => {
    expect(validateKeyScope("360723100000", ["ledger:read", "ledger:read", "admin"])).toEqual({
      regionCode: "360723100",
      permissions: ["ledger:read", "admin"],
    });
  });

  it.each([
    ["36x", ["ledger:read"], "API_KEY.INVALID_REGION"],
    ["3607231", ["ledger:read"], "API_KEY.INVALID_REGION"],
    ["360723", ["read"], "API_KEY.INVALID_PERMISSION"],
    ["360723", [], "API_KEY.INVALID_PERMISSION"],
  ])("refuses %s %o with %s", (region, permissions, code) => {
    expect(() => validateKeyScope(region, permissions)).toThrow(expect.objectContaining({ code }));
  });
});

describe("hashApiKeySecret", () => {
  it("is the sha256 hex of the secret", () => {
    expect(hashApiKeySecret("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});
