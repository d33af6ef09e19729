import type { Logger } from "pino";
import type { Principal } from "../auth/principal.js";
import type { SqlExecutor } from "../context.js";

/** What the gateway knows of one HTTP request, from its first hook to its response. */
export interface RequestInfo {
  readonly requestId: string;
  readonly logger: Logger;
  /** `performance.now()` when the request arrived. */
  readonly started: number;
  /** The GraphQL operation's name, or `unauthenticated`: metrics and the request log label by it. */
  operation: string;
  /** The request's path, once a hook has parsed its URL. */
  path: string | null;
  principal: Principal | null;
  /** The request's SQL executor, once its GraphQL context exists (it counts statements). */
  sql: SqlExecutor | null;
}

const REQUEST_INFO = Symbol("fupin.request");

type Carrier = { [REQUEST_INFO]?: RequestInfo };

/** Keeps a request's info on yoga's server context (the same object becomes the GraphQL context). */
export function attachRequestInfo(serverContext: object, info: RequestInfo): void {
  (serverContext as Carrier)[REQUEST_INFO] = info;
}

/** The info attached to a server or GraphQL context, if any (a response ended by an earlier plugin, such as GraphiQL's page, has none). */
export function findRequestInfo(context: object): RequestInfo | undefined {
  return (context as Carrier)[REQUEST_INFO];
}

/** The info of the request a server or GraphQL context belongs to; throws when `useRequestLog` did not run first. */
export function requestInfo(context: object): RequestInfo {
  const info = findRequestInfo(context);
  if (!info) throw new Error("no request info on the context: useRequestLog must be the first plugin");
  return info;
}
