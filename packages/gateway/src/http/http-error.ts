import { GraphQLError } from "graphql";

/** A refusal before GraphQL runs (401, 413, 429 …): yoga answers with this status, headers and `extensions.code`. */
export function createHttpError(
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status, headers } } });
}
