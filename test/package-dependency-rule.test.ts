import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { importedSpecifiers } from "./support/imports.js";

const packages = join(import.meta.dirname, "..", "packages");
const adaptersSrc = join(packages, "adapters", "src");
const gatewaySrc = join(packages, "gateway", "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith(".ts") && !path.endsWith(".test.ts") ? [path] : [];
  });
}

/** A package or module a file may not import, by the file's own path and the specifier it imports. */
type Forbidden = (file: string, specifier: string) => boolean;

const bare = (names: readonly string[]) => (specifier: string) =>
  names.some((n) => specifier === n || specifier.startsWith(`${n}/`));

/** The gateway module a relative specifier of `file` names, relative to the gateway's src (else null). */
function gatewayModule(file: string, specifier: string): string | null {
  if (!specifier.startsWith(".")) return null;
  return relative(gatewaySrc, resolve(dirname(file), specifier));
}

const DATABASE = bare(["pg", "@mikro-orm/core", "@mikro-orm/postgresql", "@mikro-orm/migrations", "knex"]);
const GRAPHQL = bare([
  "graphql",
  "graphql-yoga",
  "@pothos/core",
  "@envelop/core",
  "@escape.tech/graphql-armor",
]);

/** Adapters: the domain and their codecs only, never the gateway, GraphQL or a database. */
const adapterForbidden: Forbidden = (file, s) =>
  bare(["@fupin/gateway"])(s) ||
  DATABASE(s) ||
  GRAPHQL(s) ||
  (s.startsWith(".") && relative(adaptersSrc, resolve(dirname(file), s)).startsWith(".."));

/** GraphQL types: no database driver, ORM or pool (their reads and writes go through the read path and the writer). */
const graphqlTypeForbidden: Forbidden = (file, s) =>
  DATABASE(s) || (gatewayModule(file, s)?.startsWith("db/") ?? false);

/** Storage: no GraphQL library and no GraphQL module of the gateway. */
const storageForbidden: Forbidden = (file, s) => {
  const module = gatewayModule(file, s);
  return GRAPHQL(s) || (module !== null && (module.startsWith("graphql/") || module.endsWith(".graphql.js")));
};

const isGraphqlType = (file: string) =>
  file.endsWith(".graphql.ts") || relative(gatewaySrc, file).startsWith("graphql/schema/");
const isStorage = (file: string) => {
  const path = relative(gatewaySrc, file);
  return (
    path.startsWith("db/") ||
    path.startsWith("seed/") ||
    path.startsWith("audit/") ||
    (path.startsWith("ledger/") && !file.endsWith(".graphql.ts"))
  );
};

/** SQL that writes: GraphQL types must leave it to the writer. */
const WRITING_SQL = /\b(INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM)\b/i;

function violations(files: readonly string[], forbidden: Forbidden, root: string): string[] {
  return files.flatMap((file) =>
    importedSpecifiers(readFileSync(file, "utf8"))
      .filter((s) => forbidden(file, s))
      .map((s) => `${relative(root, file)} imports ${s}`),
  );
}

describe("package and layer dependency rules", () => {
  it("catch the imports they forbid (the matchers themselves)", () => {
    const adapter = join(adaptersSrc, "export", "x.ts");
    expect(adapterForbidden(adapter, "@fupin/gateway")).toBe(true);
    expect(adapterForbidden(adapter, "pg")).toBe(true);
    expect(adapterForbidden(adapter, "../../../gateway/src/index.js")).toBe(true);
    expect(adapterForbidden(adapter, "@fupin/domain")).toBe(false);
    expect(adapterForbidden(adapter, "../codecs/csv.js")).toBe(false);

    const type = join(gatewaySrc, "ledger", "households", "member.graphql.ts");
    expect(isGraphqlType(type)).toBe(true);
    expect(graphqlTypeForbidden(type, "@mikro-orm/core")).toBe(true);
    expect(graphqlTypeForbidden(type, "../../db/pool.js")).toBe(true);
    expect(graphqlTypeForbidden(type, "./member.table.js")).toBe(false);
    expect(WRITING_SQL.test("await q(`UPDATE member SET name = $1`)")).toBe(true);
    expect(WRITING_SQL.test('t.exposeString("name", { description: "update the name" })')).toBe(false);

    const table = join(gatewaySrc, "ledger", "households", "member.table.ts");
    expect(isStorage(table)).toBe(true);
    expect(storageForbidden(table, "graphql")).toBe(true);
    expect(storageForbidden(table, "./member.graphql.js")).toBe(true);
    expect(storageForbidden(table, "../../graphql/builder.js")).toBe(true);
    expect(storageForbidden(table, "../ledger-table.js")).toBe(false);
  });

  it("keep @fupin/adapters on the domain: no gateway, GraphQL or database", () => {
    const files = sourceFiles(adaptersSrc);
    expect(files.length).toBeGreaterThan(3);
    expect(violations(files, adapterForbidden, adaptersSrc)).toEqual([]);
  });

  it("keep the gateway's GraphQL types off the database: no driver, ORM or pool, no writing SQL", () => {
    const files = sourceFiles(gatewaySrc).filter(isGraphqlType);
    expect(files.length).toBeGreaterThan(19);
    expect(violations(files, graphqlTypeForbidden, gatewaySrc)).toEqual([]);
    const writing = files.filter((f) => WRITING_SQL.test(readFileSync(f, "utf8")));
    expect(writing.map((f) => relative(gatewaySrc, f))).toEqual([]);
  });

  it("keep the gateway's storage free of GraphQL", () => {
    const files = sourceFiles(gatewaySrc).filter(isStorage);
    expect(files.length).toBeGreaterThan(19);
    expect(violations(files, storageForbidden, gatewaySrc)).toEqual([]);
  });
});
