import { maskIdNumber } from "@fupin/domain";
import { hasPermission } from "../auth/principal.js";
import type { GatewayContext } from "../context.js";
import { requestState } from "./request-state.js";

/** Masks a phone number: the first 3 and last 4 digits shown. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  if (digits.length < 8) return "*".repeat(phone.length);
  return `${digits.slice(0, 3)}${"*".repeat(digits.length - 7)}${digits.slice(-4)}`;
}

/** Masks a bank account: only the last 4 digits shown. */
export function maskBankAccount(account: string): string {
  if (account.length <= 4) return "*".repeat(account.length);
  return `${"*".repeat(account.length - 4)}${account.slice(-4)}`;
}

/** The kinds of personal data and how each is masked. */
export const MASKS = {
  idNumber: maskIdNumber,
  phone: maskPhone,
  bankAccount: maskBankAccount,
} as const;

/**
 * Returns a personal value unmasked when the caller may read personal data and the request's reads
 * are audited (the personal-read audit plugin is installed); otherwise masked.
 */
export function revealPersonal(
  ctx: GatewayContext,
  kind: keyof typeof MASKS,
  entityType: string,
  recordId: string,
  value: string | null,
): string | null {
  if (value === null) return null;
  const state = requestState(ctx);
  if (ctx.principal === null || !hasPermission(ctx.principal, "personal:read") || !state.auditArmed) {
    return kind === "idNumber" ? maskIdNumber(value, ctx.services.idNumberMask) : MASKS[kind](value);
  }
  let ids = state.personalReads.get(entityType);
  if (!ids) {
    ids = new Set();
    state.personalReads.set(entityType, ids);
  }
  ids.add(recordId);
  const key = `${entityType}:${recordId}`;
  state.personalValues.set(key, (state.personalValues.get(key) ?? new Set()).add(value));
  return value;
}
