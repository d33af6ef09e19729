import { createHash } from "node:crypto";
import type { AuditEntry } from "../context.js";
import { canonicalJson } from "./canonical-json.js";

/** The prev_hash of the first entry. */
export const GENESIS_HASH = "0".repeat(64);

/** An entry but its county code (a statement may read the county of the row it is filed under). */
export type EntryWithoutCounty = Omit<AuditEntry, "countyCode">;

/** The canonical JSON of an entry's images (`before`, `after`): "null" when there is none. */
export interface AuditImages {
  readonly before: string;
  readonly after: string;
}

function imageJson(image: unknown): string {
  return image === undefined || image === null ? "null" : canonicalJson(image);
}

/**
 * The canonical JSON of an entry's images as the chain hashes them. Canonical JSON of an image is the
 * same text whether the image is the record written or what jsonb gives back for it, so the gateway
 * hashes what `verifyAuditChain` reads.
 */
export function auditImages(entry: EntryWithoutCounty): AuditImages {
  return { before: imageJson(entry.before), after: imageJson(entry.after) };
}

/**
 * The canonical JSON of an entry (`auditEntryBody`) as the text before its county code's JSON and the
 * text after it: the keys sort as action, after, at, before, countyCode, entityId, entityType,
 * principalId, requestId, so the code splits the body in two. A statement that reads the county code
 * of the row it writes under puts the body together itself.
 */
export function auditEntryBodyAround(
  entry: EntryWithoutCounty,
  images: AuditImages = auditImages(entry),
): readonly [string, string] {
  const at = entry.at.toISOString();
  const head = `{"action":${JSON.stringify(entry.action)},"after":${images.after},"at":"${at}","before":${images.before},"countyCode":`;
  const tail = JSON.stringify({
    entityId: entry.entityId,
    entityType: entry.entityType,
    principalId: entry.principalId,
    requestId: entry.requestId,
  });
  return [head, `,${tail.slice(1)}`];
}

/** The canonical JSON of an entry that its hash covers (after the previous hash). */
export function auditEntryBody(entry: AuditEntry): string {
  const [head, tail] = auditEntryBodyAround(entry);
  return `${head}${JSON.stringify(entry.countyCode)}${tail}`;
}

/** hash = sha256(prev_hash || canonical JSON of the entry). */
export function auditEntryHash(prevHash: string, entry: AuditEntry): string {
  const body = auditEntryBody(entry);
  return createHash("sha256").update(prevHash).update(body).digest("hex");
}
