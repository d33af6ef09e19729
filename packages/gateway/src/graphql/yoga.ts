import { createYoga, type Plugin, type YogaServerInstance } from "graphql-yoga";
import pino from "pino";
import type { GatewayContext } from "../context.js";
import { createGraphqlPlugins } from "./limits.js";
import { createSchema } from "./schema/index.js";

/** Options of `createGraphqlYoga`. */
export interface GraphqlYogaOptions {
  /** Builds the context of a request. */
  readonly context: (request: Request) => GatewayContext | Promise<GatewayContext>;
  /** Plugins added after the GraphQL half's own (limits, personal-read audit). */
  readonly plugins?: readonly Plugin[];
  readonly graphqlEndpoint?: string;
  readonly graphiql?: boolean;
}

/** A yoga instance serving the gateway schema with its limits and personal-read audit. */
export function createGraphqlYoga(
  options: GraphqlYogaOptions,
): YogaServerInstance<Record<string, unknown>, GatewayContext> {
  return createYoga<Record<string, unknown>, GatewayContext>({
    schema: createSchema(),
    plugins: [...createGraphqlPlugins(), ...(options.plugins ?? [])],
    graphqlEndpoint: options.graphqlEndpoint ?? "/graphql",
    graphiql: options.graphiql ?? false,
    logging: false,
    context: ({ request }) => options.context(request),
  });
}

/** A logger that writes nothing (tests, scripts). */
export function silentLogger(): GatewayContext["logger"] {
  return pino({ level: "silent" });
}
