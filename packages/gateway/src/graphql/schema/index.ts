import { type GraphQLSchema, lexicographicSortSchema, printSchema } from "graphql";
import { guardArguments } from "../argument-guard.js";
import { builder } from "../builder.js";
import "./enums.js";
import "../../ledger/regions/region.graphql.js";
import "../../ledger/households/household.graphql.js";
import "../../ledger/households/member.graphql.js";
import "./metric.js";
import "./finding.js";
import "./finding-summary.js";
import "./viewer.js";
import "../../ledger/households/income.graphql.js";
import "../../ledger/industries/industry.graphql.js";
import "../../ledger/industries/village-industry.graphql.js";
import "../../ledger/industries/household-industry.graphql.js";
import "../../ledger/entities/business-entity.graphql.js";
import "../../ledger/entities/entity-activity.graphql.js";
import "../../ledger/linkage/linkage.graphql.js";
import "../../ledger/linkage/linkage-year.graphql.js";
import "../../ledger/support/subsidy.graphql.js";
import "../../ledger/support/technical-service.graphql.js";
import "../../ledger/funds/fund.graphql.js";
import "../../ledger/funds/fund-use.graphql.js";
import "../../ledger/funds/fund-disbursement.graphql.js";
import "../../ledger/projects/project.graphql.js";
import "../../ledger/responsibility/responsibility.graphql.js";
import "../../ledger/rectification/rectification.graphql.js";
import "../../ledger/monitoring/monitoring.graphql.js";
import "../../ledger/credit/household-credit.graphql.js";
import "../../ledger/credit/credit-return.graphql.js";
import "../../reports/report-preview.graphql.js";
import "../../reports/report-submission.graphql.js";
import "../../sync/sync-schedule.graphql.js";
import "../../sync/sync-run.graphql.js";
import "../../import/ledger-import-result.graphql.js";

builder.queryType({ description: "Reads of the ledger, scoped to the caller's region." });
builder.mutationType({
  description: "Writes to the ledger: validated by the domain, scoped, audited, all or nothing.",
});

let schema: GraphQLSchema | null = null;

/** The gateway's GraphQL schema (built once). */
export function createSchema(): GraphQLSchema {
  schema ??= guardArguments(builder.toSchema({ sortSchema: false }));
  return schema;
}

/** The SDL committed as packages/gateway/schema.graphql. */
export function printGatewaySchema(): string {
  return `${printSchema(lexicographicSortSchema(createSchema()))}\n`;
}
