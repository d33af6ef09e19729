import { describe, expect, it } from "vitest";
import { maskBankAccount, maskPhone } from "./masking.js";

describe("masking", () => {
  it.each([
    ["13812345678", "138****5678"],
    ["0797-8712345", "079****2345"],
    ["12", "**"],
  ])("masks phone %s as %s", (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it.each([
    ["6217001234567890123", "***************0123"],
    ["1234", "****"],
  ])("masks bank account %s as %s", (account, masked) => {
    expect(maskBankAccount(account)).toBe(masked);
  });
});
