import { createServer } from "node:http";
import { createRequire } from "node:module";
import { join } from "node:path";
import { linkAfterWrites } from "./bench-audit-linking.js";

/**
 * PostGraphile 5 (Amber preset) on the same database as the gateway: the current version of the
 * automatic GraphQL server, the benchmark's second reference. Runs on Node 22 with the packages the
 * benchmark installs in BENCH_NODE22_DIR. Reads DATABASE_URL and PORT; prints `ready <url>`.
 */
const databaseUrl = process.env.DATABASE_URL;
const dir = process.env.BENCH_NODE22_DIR;
if (!databaseUrl || !dir) throw new Error("DATABASE_URL and BENCH_NODE22_DIR are required");
const port = Number(process.env.PORT ?? 0);
const load = createRequire(join(dir, "package.json"));

type Loaded = Record<string, (...args: unknown[]) => unknown>;
const { postgraphile } = load("postgraphile") as Loaded;
const { grafserv } = load("postgraphile/grafserv/node") as Loaded;
const { PostGraphileAmberPreset } = load("postgraphile/presets/amber") as Record<string, unknown>;
const { makePgService } = load("postgraphile/adaptors/pg") as Loaded;

const preset = {
  extends: [PostGraphileAmberPreset],
  disablePlugins: ["PgMutationCreatePlugin", "PgMutationUpdateDeletePlugin"],
  pgServices: [
    makePgService!({ connectionString: databaseUrl, schemas: ["public"], poolConfig: { max: 10 } }),
  ],
  grafserv: { graphqlPath: "/graphql", graphiql: false, watch: false },
  grafast: { explain: false },
};
const pgl = postgraphile!(preset) as { createServ(g: unknown): { addTo(s: unknown): Promise<void> } };
const serv = pgl.createServ(grafserv);
const server = createServer();
linkAfterWrites(server, databaseUrl);
server.on("error", (e) => {
  console.error(e);
  process.exit(1);
});
await serv.addTo(server);
server.listen(port, "127.0.0.1", () => {
  const address = server.address();
  const actual = typeof address === "object" && address ? address.port : port;
  console.log(`ready http://127.0.0.1:${actual}/graphql`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
