// The measured query shapes, as each server spells them, and how an answer is reduced to the facts
// the servers must agree on (ids, numbers, names, years, amounts; masked fields left out, children
// sorted) before anything is timed.
import type { Prepared } from "./prepare.js";
import { COUNTY } from "./prepare.js";

/** Which GraphQL API a server speaks. */
export type Dialect = "fupin" | "pg4" | "pg5";

/** A request body and the caller's key (fupin) for one shape on one dialect. */
export interface ShapeRequest {
  readonly body: string;
  /** API key sent as `Authorization: Bearer` (fupin only). */
  readonly key?: string;
}

/** One measured shape. */
export interface Shape {
  readonly id: string;
  readonly title: string;
  /** Whether each request changes the database (a write). */
  readonly write: boolean;
  /** How many different requests the shape sends in turn (default 1): request `variant` 0 … n-1. */
  variants?(prepared: Prepared): number;
  request(dialect: Dialect, prepared: Prepared, variant?: number): ShapeRequest;
  /** The answer reduced to comparable facts. */
  normalise(dialect: Dialect, json: unknown): unknown;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => v as Json;
const list = (v: unknown): Json[] => (v as Json[] | null) ?? [];
/** Children of a PostGraphile relation (a connection) or of a fupin list field. */
const children = (dialect: Dialect, parent: Json, fupin: string, graphile: string): Json[] =>
  dialect === "fupin" ? list(parent[fupin]) : list(obj(parent[graphile]).nodes);
const sortBy = <T>(rows: T[], key: (r: T) => string): T[] =>
  [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
const pk = (d: Dialect) => (d === "fupin" ? "recordId" : d === "pg5" ? "rowId" : "id");
const body = (query: string) => JSON.stringify({ query });

function members(dialect: Dialect, household: Json) {
  const rows = children(dialect, household, "members", "membersByHouseholdId");
  return sortBy(
    rows.map((m) => `${m.name}|${m.relation}`),
    (s) => s,
  );
}

function householdNodes(dialect: Dialect, json: unknown, graphileField: string): Json[] {
  const data = obj(obj(json).data);
  return list(obj(data[dialect === "fupin" ? "households" : graphileField]).nodes);
}

function householdsWithMembers(first: number): Shape {
  return {
    id: `q-${first}`,
    title: `${first} households with members`,
    write: false,
    request(dialect, p) {
      if (dialect === "fupin") {
        return {
          key: p.keys.countyRead,
          body: body(
            `query Bench { households(regionCode: "${COUNTY}", first: ${first}) { nodes { recordId householdNumber members { name idNumber relation } } } }`,
          ),
        };
      }
      return {
        body: body(
          `query Bench { allHouseholds(first: ${first}, orderBy: PRIMARY_KEY_ASC) { nodes { ${pk(dialect)} householdNumber membersByHouseholdId(orderBy: PRIMARY_KEY_ASC) { nodes { name idNumber relation } } } } }`,
        ),
      };
    },
    normalise: (dialect, json) =>
      householdNodes(dialect, json, "allHouseholds").map((h) => ({
        id: h[pk(dialect)],
        number: h.householdNumber,
        members: members(dialect, h),
      })),
  };
}

const linkageFields = (d: Dialect) =>
  d === "fupin"
    ? "linkages { recordId mode entity { recordId name kind } years { year tookPart receivedFen } }"
    : `linkagesByHouseholdId(orderBy: PRIMARY_KEY_ASC) { nodes { ${pk(d)} mode businessEntityByEntityId { ${pk(d)} name kind } linkageYearsByLinkageId(orderBy: PRIMARY_KEY_ASC) { nodes { year tookPart receivedFen } } } }`;

/** Q2: households with members, linkages, their entity and yearly records. */
const nested: Shape = {
  id: "q2",
  title: "Q2: 50 households, members, linkages with entity and years",
  write: false,
  request(dialect, p) {
    if (dialect === "fupin") {
      return {
        key: p.keys.countyRead,
        body: body(
          `query Bench { households(regionCode: "${COUNTY}", first: 50) { nodes { recordId householdNumber members { name idNumber relation } ${linkageFields(dialect)} } } }`,
        ),
      };
    }
    return {
      body: body(
        `query Bench { allHouseholds(first: 50, orderBy: PRIMARY_KEY_ASC) { nodes { ${pk(dialect)} householdNumber membersByHouseholdId(orderBy: PRIMARY_KEY_ASC) { nodes { name idNumber relation } } ${linkageFields(dialect)} } } }`,
      ),
    };
  },
  normalise: (dialect, json) =>
    householdNodes(dialect, json, "allHouseholds").map((h) => ({
      id: h[pk(dialect)],
      members: members(dialect, h),
      linkages: sortBy(
        children(dialect, h, "linkages", "linkagesByHouseholdId").map((l) => {
          const entity = obj(dialect === "fupin" ? l.entity : l.businessEntityByEntityId);
          const years = children(dialect, l, "years", "linkageYearsByLinkageId");
          return {
            id: l[pk(dialect)],
            mode: l.mode,
            entity: [entity[pk(dialect)], entity.name, entity.kind],
            years: sortBy(
              years.map((y) => `${y.year}|${y.tookPart}|${Number(y.receivedFen)}`),
              (s) => s,
            ),
          };
        }),
        (l) => String(l.id),
      ),
    })),
};

/** Households of one township by status and industry (PostGraphile: a set-returning function). */
const filtered: Shape = {
  id: "filter",
  title: "Filtered: households of one township by status and industry",
  write: false,
  request(dialect, p) {
    const f = p.filter;
    if (dialect === "fupin") {
      return {
        key: p.keys.countyRead,
        body: body(
          `query Bench { households(regionCode: "${COUNTY}", first: 100, filter: { villageCode: "${f.township}", povertyStatus: ${f.povertyStatus}, industryId: "${f.industryId}" }) { nodes { recordId householdNumber villageCode povertyStatus } } }`,
        ),
      };
    }
    return {
      body: body(
        `query Bench { householdsInTownship(township: "${f.township}", status: "${f.povertyStatus}", industry: "${f.industryId}", first: 100) { nodes { ${pk(dialect)} householdNumber villageCode povertyStatus } } }`,
      ),
    };
  },
  normalise: (dialect, json) =>
    householdNodes(dialect, json, "householdsInTownship").map(
      (h) => `${h[pk(dialect)]}|${h.householdNumber}|${h.villageCode}|${h.povertyStatus}`,
    ),
};

/** Reduced answer of the write: the subsidy as recorded, and its new id (to find its audit entry). */
export function writtenSubsidy(dialect: Dialect, json: unknown): { id: string; facts: string } {
  const data = obj(obj(json).data);
  const s =
    dialect === "fupin"
      ? obj(data.recordSubsidy)
      : obj(obj(data.benchRecordSubsidy)[dialect === "pg5" ? "result" : "subsidy"]);
  return { id: String(s[pk(dialect)]), facts: `${s.householdId}|${s.kind}|${Number(s.amountFen)}` };
}

/** The write's request for one household. */
function recordSubsidy(dialect: Dialect, p: Prepared, householdId: string): ShapeRequest {
  if (dialect === "fupin") {
    return {
      key: p.keys.countyWrite,
      body: body(
        `mutation Bench { recordSubsidy(input: { householdId: "${householdId}", kind: subsidy, amountFen: 12345, date: "2025-06-01", purpose: "bench" }) { recordId householdId kind amountFen } }`,
      ),
    };
  }
  const payload = dialect === "pg5" ? "result" : "subsidy";
  return {
    body: body(
      `mutation Bench { benchRecordSubsidy(input: { pHouseholdId: "${householdId}", pKind: "subsidy", pAmountFen: "12345", pDate: "2025-06-01", pPurpose: "bench" }) { ${payload} { ${pk(dialect)} householdId kind amountFen } } }`,
    ),
  };
}

/**
 * A subsidy recorded for one household, its audit entry included: every write holds a shared lock on
 * that household's row (FOR SHARE) and meets the others on the audit chain.
 */
const write: Shape = {
  id: "write",
  title: "Write: a subsidy recorded (with its audit entry)",
  write: true,
  request: (dialect, p) => recordSubsidy(dialect, p, p.householdId),
  normalise: (dialect, json) => writtenSubsidy(dialect, json).facts,
};

/**
 * Subsidies recorded for 500 households of the county in turn, as a county's platforms record them:
 * writes meet only on what every write of the county shares (the audit chain, and fupin's ledger
 * version), not on one household's row.
 */
const writeMany: Shape = {
  id: "write-many",
  title: "Write, many households: a subsidy recorded for each in turn (with its audit entry)",
  write: true,
  variants: (p) => p.householdIds.length,
  request: (dialect, p, variant = 0) => recordSubsidy(dialect, p, p.householdIds[variant]!),
  normalise: (dialect, json) => writtenSubsidy(dialect, json).facts,
};

/** Every shape, in the order they are measured. */
export const SHAPES: readonly Shape[] = [
  { ...householdsWithMembers(100), id: "q1", title: "Q1: 100 households with members" },
  nested,
  { ...householdsWithMembers(10), id: "q3", title: "Q3: 10 households with members" },
  filtered,
  write,
  writeMany,
];
