import type { RegionsQuery as RegionsData } from "../gql/graphql";
import { request } from "./client";
import { RegionsQuery } from "./operations";

/** A region as the pages list it. */
export type RegionItem = RegionsData["regions"]["nodes"][number];

/** Every region of a level inside `regionCode` (townships, villages), by code; pages through. */
export async function loadRegions(regionCode: string, level: string): Promise<RegionItem[]> {
  const out: RegionItem[] = [];
  let after: string | null = null;
  do {
    const data: RegionsData = await request(RegionsQuery, { regionCode, level, after });
    out.push(...data.regions.nodes);
    after = data.regions.pageInfo.hasNextPage ? (data.regions.pageInfo.endCursor ?? null) : null;
  } while (after);
  return out;
}
