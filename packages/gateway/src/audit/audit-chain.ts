import { createHash } from "node:crypto";
import type { AuditEntry } from "../context.js";
import { canonicalJson } from "./canonical-json.js";

/** The prev_hash of the first entry. */
export const GENESIS_HASH = "0".repeat(64);

/** An entry as the chain hashes it: `before` and `after` normalised to what jsonb gives back. */
export function normaliseAuditImage(image: unknown): unknown {
  return image === undefined || image === null ? null : JSON.parse(canonicalJson(image));
}

/** The canonical JSON of an entry that its hash covers (after the previous hash). */
export function auditEntryBody(entry: AuditEntry): string {
  return canonicalJson({
    at: entry.at.toISOString(),
    principalId: entry.principalId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    countyCode: entry.countyCode,
    requestId: entry.requestId,
    before: normaliseAuditImage(entry.before),
    after: normaliseAuditImage(entry.after),
  });
}

/** hash = sha256(prev_hash || canonical JSON of the entry). */
export function auditEntryHash(prevHash: string, entry: AuditEntry): string {
  const body = auditEntryBody(entry);
  return createHash("sha256").update(prevHash).update(body).digest("hex");
}
