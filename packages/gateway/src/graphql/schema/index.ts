import { type GraphQLSchema, lexicographicSortSchema, printSchema } from "graphql";
import { builder } from "../builder.js";
import "./enums.js";
import "./region.js";
import "./household.js";
import "./member.js";
import "./metric.js";
import "./finding.js";
import "./income.js";
import "./industry.js";
import "./village-industry.js";
import "./household-industry.js";
import "./business-entity.js";
import "./entity-activity.js";
import "./linkage.js";
import "./linkage-year.js";
import "./subsidy.js";
import "./technical-service.js";
import "./fund.js";
import "./fund-use.js";
import "./project.js";
import "./responsibility.js";
import "./rectification.js";
import "./monitoring.js";

builder.queryType({ description: "Reads of the ledger, scoped to the caller's region." });
builder.mutationType({
  description: "Writes to the ledger: validated by the domain, scoped, audited, all or nothing.",
});

let schema: GraphQLSchema | null = null;

/** The gateway's GraphQL schema (built once). */
export function createSchema(): GraphQLSchema {
  schema ??= builder.toSchema({ sortSchema: false });
  return schema;
}

/** The SDL committed as packages/gateway/schema.graphql. */
export function printGatewaySchema(): string {
  return `${printSchema(lexicographicSortSchema(createSchema()))}\n`;
}
