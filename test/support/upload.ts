import type { GraphqlBody, TestGateway } from "./gateway.js";

/** The fields of `importLedger`'s result the tests read. */
export const IMPORT_RESULT_FIELDS = `ok dryRun written shape rowsRead errorCount sha256 skippedSheets
  errors { sheet row column address value code message messageEn }
  counts { kind created updated unchanged }`;

/** Posts a GraphQL multipart request (the GraphQL multipart request spec): `operations`, `map` and the file part. */
export async function postMultipart(
  gateway: TestGateway,
  key: string | null,
  query: string,
  variables: Record<string, unknown>,
  file: { readonly bytes: Uint8Array; readonly name: string; readonly variable?: string },
): Promise<{ status: number; body: GraphqlBody }> {
  const form = new FormData();
  form.set(
    "operations",
    JSON.stringify({ query, variables: { ...variables, [file.variable ?? "file"]: null } }),
  );
  form.set("map", JSON.stringify({ 0: [`variables.${file.variable ?? "file"}`] }));
  form.set("0", new Blob([new Uint8Array(file.bytes)]), file.name);
  // Encoded up front: streamed from FormData, undici (Node 24) rejects unhandled when the server
  // answers 413 and closes while the body is still being sent.
  const encoded = new Request("http://upload.invalid/", { method: "POST", body: form });
  const res = await gateway.fetch("/graphql", {
    method: "POST",
    body: new Uint8Array(await encoded.arrayBuffer()),
    headers: {
      "content-type": encoded.headers.get("content-type")!,
      ...(key === null ? {} : { authorization: `Bearer ${key}` }),
    },
  });
  const text = await res.text();
  let body: GraphqlBody;
  try {
    body = JSON.parse(text) as GraphqlBody;
  } catch {
    body = { errors: [{ message: text }] };
  }
  return { status: res.status, body };
}
