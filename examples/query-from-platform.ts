// Another county platform (e.g. the poverty office's system) pages through a township's registered
// households over the fupin GraphQL gateway with its API key, using nothing but fetch.
// Run with `FUPIN_KEY=fpk_… pnpm example:query` (optional: FUPIN_URL, FUPIN_REGION, FUPIN_PAGE_SIZE).
// Start a gateway first with `pnpm start`; it prints a development key.

const url = process.env.FUPIN_URL ?? "http://127.0.0.1:4000/graphql";
const key = process.env.FUPIN_KEY;
const regionCode = process.env.FUPIN_REGION ?? "360723100";
const pageSize = Number(process.env.FUPIN_PAGE_SIZE ?? "100");

interface HouseholdNode {
  id: string;
  householdNumber: string;
  village: { code: string; name: string } | null;
  members: { name: string; idNumber: string; relation: string }[];
}

interface HouseholdsPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: HouseholdNode }[];
}

interface GraphqlResponse<D> {
  data?: D | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

const QUERY = `query Households($regionCode: String!, $first: Int, $after: String) {
  households(regionCode: $regionCode, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id householdNumber village { code name } members { name idNumber relation } } }
  }
}`;

async function fetchPage(after: string | null): Promise<HouseholdsPage> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: JSON.stringify({ query: QUERY, variables: { regionCode, first: pageSize, after } }),
  });
  const body = (await res.json()) as GraphqlResponse<{ households: HouseholdsPage }>;
  if (body.errors?.length) {
    const e = body.errors[0];
    throw new Error(`gateway refused (HTTP ${res.status}, ${e?.extensions?.code ?? "error"}): ${e?.message}`);
  }
  if (!body.data) throw new Error(`no data (HTTP ${res.status})`);
  return body.data.households;
}

async function main(): Promise<void> {
  if (!key) {
    console.error("Set FUPIN_KEY to an API key (pnpm start prints a development key).");
    process.exitCode = 2;
    return;
  }
  let after: string | null = null;
  let seen = 0;
  let members = 0;
  let total = 0;
  for (let page = 1; ; page++) {
    const households = await fetchPage(after);
    total = households.totalCount;
    seen += households.edges.length;
    members += households.edges.reduce((n, e) => n + e.node.members.length, 0);
    console.log(`page ${page}: ${households.edges.length} households (${seen}/${total})`);
    if (!households.pageInfo.hasNextPage || households.pageInfo.endCursor === null) break;
    after = households.pageInfo.endCursor;
  }
  console.log(`region ${regionCode}: ${seen} households, ${members} members (totalCount ${total})`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
