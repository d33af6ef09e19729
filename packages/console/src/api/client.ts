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
  return readBody<R>(response.status, await response.text(), credential);
}

/** The data of a GraphQL response's text, or its first error as a ConsoleError in Chinese. */
function readBody<R>(status: number, text: string, credential: string | undefined): R {
  let body: GraphqlResponse<R>;
  try {
    body = JSON.parse(text) as GraphqlResponse<R>;
  } catch {
    throw new ConsoleError(`服务器返回了无法识别的内容（HTTP ${status}）：请稍后重试或联系管理员。`, "HTTP");
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

/**
 * Runs a typed operation with one file (the GraphQL multipart request spec) and reports the upload's
 * progress (0 to 1); the file goes in the variable `file`.
 */
export function upload<R, V>(
  document: TypedDocumentString<R, V>,
  variables: Omit<V, "file">,
  file: File,
  onProgress: (share: number) => void,
): Promise<R> {
  const form = new FormData();
  form.set(
    "operations",
    JSON.stringify({ query: document.toString(), variables: { ...variables, file: null } }),
  );
  form.set("map", JSON.stringify({ 0: ["variables.file"] }));
  form.set("0", file, file.name);
  const token = readCredential();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", GRAPHQL_URL);
    if (token) xhr.setRequestHeader("authorization", `Bearer ${token}`);
    xhr.setRequestHeader("accept", "application/graphql-response+json, application/json");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(networkError());
    xhr.onload = () => {
      try {
        resolve(readBody<R>(xhr.status, xhr.responseText, undefined));
      } catch (e) {
        reject(e);
      }
    };
    xhr.send(form);
  });
}
