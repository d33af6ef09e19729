import { type Ledger, ledgerForRegion } from "@fupin/domain";
import { ledgerOfSnapshot, type SnapshotText } from "../graphql/read/snapshot.js";

/** A region's snapshot and the ledger version it was read at, in one consistent read. */
export interface VersionedSnapshot {
  readonly version: string;
  readonly snapshot: SnapshotText;
}

/** A region's ledger from a `LedgerCache`, and whether a snapshot was read from the database for it. */
export interface CachedLedger {
  readonly ledger: Ledger;
  readonly read: boolean;
}

/** The ledgers of the regions a worker assesses, one snapshot per county and version. */
export interface LedgerCache {
  /** The ledger of a region at least as recent as `version` (a `readLedgerVersion` the caller read). */
  ledgerFor(regionCode: string, version: string): Promise<CachedLedger>;
  /** How many snapshots were read. */
  readonly reads: number;
}

/**
 * The region whose snapshot serves `regionCode`: its county for a township or a village (their
 * ledger is `ledgerForRegion` of the county's, as `ledgerOfSnapshot` of their own snapshot is), the
 * region itself for a county or above.
 */
export function snapshotRegionOf(regionCode: string): string {
  return regionCode.length > 6 ? regionCode.slice(0, 6) : regionCode;
}

interface Entry {
  /** The newest version a caller had read when this snapshot was asked for, or the snapshot's own if later. */
  covers: bigint;
  readonly ledger: Promise<Ledger>;
  /** The ledgers of regions below the snapshot's, sliced once. */
  readonly slices: Map<string, Ledger>;
}

/**
 * Creates a ledger cache over `read` (which reads a region's snapshot with its version). A county's
 * snapshot is read once and serves every region under it until a caller reads a newer version, so
 * ten townships' findings and metrics of one version cost one read. Concurrent callers of one
 * county share one read; `capacity` snapshots are kept (least recently used dropped first).
 */
export function createLedgerCache(
  read: (regionCode: string) => Promise<VersionedSnapshot>,
  capacity = 2,
): LedgerCache {
  const entries = new Map<string, Entry>();
  let reads = 0;

  function load(base: string, wanted: bigint): Entry {
    reads++;
    const entry: Entry = {
      covers: wanted,
      slices: new Map(),
      ledger: read(base).then(({ version, snapshot }) => {
        // Read after the caller read `wanted`: the snapshot is that version or newer.
        if (BigInt(version) > entry.covers) entry.covers = BigInt(version);
        return ledgerOfSnapshot(snapshot);
      }),
    };
    entry.ledger.catch(() => {
      if (entries.get(base) === entry) entries.delete(base);
    });
    return entry;
  }

  return {
    async ledgerFor(regionCode, version) {
      const base = snapshotRegionOf(regionCode);
      const wanted = BigInt(version);
      let entry = entries.get(base);
      const stale = !entry || entry.covers < wanted;
      if (stale) entry = load(base, wanted);
      entries.delete(base);
      entries.set(base, entry!);
      while (entries.size > capacity) entries.delete(entries.keys().next().value!);
      const ledger = await entry!.ledger;
      if (regionCode === base) return { ledger, read: stale };
      let slice = entry!.slices.get(regionCode);
      if (!slice) {
        slice = ledgerForRegion(ledger, regionCode);
        entry!.slices.set(regionCode, slice);
      }
      return { ledger: slice, read: stale };
    },
    get reads() {
      return reads;
    },
  };
}
