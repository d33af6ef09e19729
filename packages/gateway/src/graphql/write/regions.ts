import { GraphQLError } from "graphql";
import type { GatewayContext } from "../../context.js";
import { regionTable } from "../../ledger/regions/region.table.js";
import { requireRegion } from "../scope.js";
import type { LedgerWriter } from "./transaction.js";

/** Checks that a village code lies in the caller's scope and is a known village; returns it normalised. */
export async function requireVillage(
  ctx: GatewayContext,
  w: LedgerWriter,
  villageCode: string,
  field: string,
): Promise<string> {
  const code = requireRegion(ctx, villageCode, field);
  const rows = await w.find(regionTable, { code }, "all");
  if (rows[0]?.level !== "village") {
    throw new GraphQLError(`${code} is not a village of the ledger`, {
      extensions: { code: "HOUSEHOLD.UNKNOWN_VILLAGE", field },
    });
  }
  return code;
}

/** Checks that a region code lies in the caller's scope and is in the ledger; returns it normalised. */
export async function requireKnownRegion(
  ctx: GatewayContext,
  w: LedgerWriter,
  regionCode: string,
  field: string,
): Promise<string> {
  const code = requireRegion(ctx, regionCode, field);
  const rows = await w.find(regionTable, { code }, "all");
  if (rows.length === 0) {
    throw new GraphQLError(`region ${code} is not in the ledger`, {
      extensions: { code: "REGION.UNKNOWN", field },
    });
  }
  return code;
}
