import type { TypedDocumentString } from "../gql/graphql";
import { ConsoleError, describeGatewayError, type GatewayErrorBody, networkError } from "./errors";
import { clearCredential, readCredential } from "./session";

/** Where the console sends GraphQL: the gateway that served it. */
export const GRAPHQL_URL = "/graphql";

interface GraphqlResponse<T> {
  data?: T | null;
  errors?: GatewayErrorBody[];
}

let onSignedOut: () => void = () => {};

/** What to do when the server refuses the credential (the app goes back to sign-in). */
export function whenSignedOut(handler: () => void): void {
  onSignedOut = handler;
}

/** Runs a typed operation with the session's credential; throws a ConsoleError in Chinese. */
export async function request<R, V>(
  document: TypedDocumentString<R, V>,
  variables?: V,
  credential?: string,
): Promise<R> {
  const token = credential ?? readCredential();
  let response: Response;
  try {
    response = await fetch(GRAPHQL_URL, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/graphql-response+json, application/json",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
    });
  } catch {
    throw networkError();
  }
  let body: GraphqlResponse<R>;
  try {
    body = (await response.json()) as GraphqlResponse<R>;
  } catch {
    throw new ConsoleError(
      `服务器返回了无法识别的内容（HTTP ${response.status}）：请稍后重试或联系管理员。`,
      "HTTP",
    );
  }
  const first = body.errors?.[0];
  if (first) {
    const error = describeGatewayError(first);
    if (error.code === "UNAUTHENTICATED" && credential === undefined) {
      clearCredential();
      onSignedOut();
    }
    throw error;
  }
  if (!body.data) throw new ConsoleError("服务器没有返回数据：请刷新页面后重试。", "EMPTY");
  return body.data;
}
