import { createServer } from "node:http";
import { postgraphile } from "postgraphile";
import { linkAfterWrites } from "./bench-audit-linking.js";

/**
 * PostGraphile 4 on the same database as the gateway: the automatic GraphQL server a county could
 * pick instead of fupin, run as the benchmark's reference. Reads DATABASE_URL and PORT; prints
 * `ready <url>` once it listens.
 */
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error("DATABASE_URL is required");
const port = Number(process.env.PORT ?? 0);

const middleware = postgraphile(databaseUrl, "public", {
  graphqlRoute: "/graphql",
  disableQueryLog: true,
  disableDefaultMutations: true,
  ignoreRBAC: true,
  retryOnInitFail: false,
  dynamicJson: true,
  setofFunctionsContainNulls: false,
});

const server = createServer(middleware);
linkAfterWrites(server, databaseUrl);
server.listen(port, "127.0.0.1", () => {
  const address = server.address();
  const actual = typeof address === "object" && address ? address.port : port;
  console.log(`ready http://127.0.0.1:${actual}/graphql`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
