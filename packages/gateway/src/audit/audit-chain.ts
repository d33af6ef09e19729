import { createHash } from "node:crypto";
import type { AuditEntry } from "../context.js";
import { canonicalJson } from "./canonical-json.js";

/** The prev_hash of the first entry. */
export const GENESIS_HASH = "0".repeat(64);

/** An entry as the chain hashes it: `before` and `after` normalised to what jsonb gives back. */
export function normaliseAuditImage(image: unknown): unknown {
  return image === undefined || image === null ? null : JSON.parse(canonicalJson(image));
}

/** An entry without its county code, its images normalised (`normaliseAuditImage`). */
export type NormalisedEntry = Omit<AuditEntry, "countyCode">;

/**
 * The canonical JSON of an entry (`auditEntryBody`) as the text before its county code's JSON and the
 * text after it: the keys sort as action, after, at, before, countyCode, entityId, entityType,
 * principalId, requestId, so the code splits the body in two canonical halves. A statement that
 * reads the county code of a row it writes under puts the body together itself.
 */
export function auditEntryBodyAround(entry: NormalisedEntry): readonly [string, string] {
  const head = canonicalJson({
    action: entry.action,
    after: entry.after ?? null,
    at: entry.at.toISOString(),
    before: entry.before ?? null,
  });
  const tail = canonicalJson({
    entityId: entry.entityId,
    entityType: entry.entityType,
    principalId: entry.principalId,
    requestId: entry.requestId,
  });
  return [`${head.slice(0, -1)},"countyCode":`, `,${tail.slice(1)}`];
}

/** The body (`auditEntryBody`) of an entry normalised by `normalisedEntry`, filed in `countyCode`. */
export function normalisedEntryBody(entry: NormalisedEntry, countyCode: string): string {
  const [head, tail] = auditEntryBodyAround(entry);
  return `${head}${JSON.stringify(countyCode)}${tail}`;
}

/** An entry with its images normalised (`normaliseAuditImage`), each once. */
export function normalisedEntry(entry: AuditEntry): AuditEntry {
  return { ...entry, before: normaliseAuditImage(entry.before), after: normaliseAuditImage(entry.after) };
}

/** The canonical JSON of an entry that its hash covers (after the previous hash). */
export function auditEntryBody(entry: AuditEntry): string {
  return normalisedEntryBody(normalisedEntry(entry), entry.countyCode);
}

/** hash = sha256(prev_hash || canonical JSON of the entry). */
export function auditEntryHash(prevHash: string, entry: AuditEntry): string {
  const body = auditEntryBody(entry);
  return createHash("sha256").update(prevHash).update(body).digest("hex");
}
