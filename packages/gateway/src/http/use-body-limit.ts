import type { IncomingMessage } from "node:http";
import type { Plugin } from "graphql-yoga";
import { createHttpError } from "./http-error.js";

/** Options of `useBodyLimit`. */
export interface BodyLimitOptions {
  /** Most bytes of a request body. */
  readonly maxBytes: number;
  /** Most bytes of a multipart request (a file upload); default `maxBytes`. */
  readonly maxUploadBytes?: number;
}

function tooLarge(maxBytes: number, upload = false) {
  const message = upload
    ? `upload too large: the limit is ${maxBytes} bytes (MAX_UPLOAD_BYTES)`
    : `request body too large: the limit is ${maxBytes} bytes`;
  return createHttpError(413, "PAYLOAD_TOO_LARGE", message, { connection: "close" });
}

async function readAtMost(
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
  upload: boolean,
): Promise<Uint8Array<ArrayBuffer>> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes, upload);
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/** A refusal of the body (invalid JSON …) with its code and status but not its cause, which quotes the body. */
function withoutCause(error: unknown): unknown {
  const e = error as { message?: unknown; extensions?: Record<string, unknown> } | null;
  if (typeof e?.message !== "string" || typeof e.extensions?.code !== "string") return error;
  return createHttpError(400, e.extensions.code, e.message);
}

/**
 * Whether Node's HTTP parser framed the body by its Content-Length: it then reads exactly that many
 * bytes, so a body whose declared length is within the limit needs no counting.
 */
function framedByLength(serverContext: object): boolean {
  const req = (serverContext as { req?: IncomingMessage }).req;
  return req?.headers["content-length"] !== undefined && req.headers["transfer-encoding"] === undefined;
}

/**
 * Refuses a request body over `maxBytes` (a multipart upload: over `maxUploadBytes`) with 413
 * PAYLOAD_TOO_LARGE: at once when Content-Length says so, otherwise (chunked) as soon as the bytes
 * read pass the limit.
 */
export function useBodyLimit(options: BodyLimitOptions): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI, serverContext }) {
      const upload = (request.headers.get("content-type") ?? "").startsWith("multipart/form-data");
      const maxBytes = upload ? (options.maxUploadBytes ?? options.maxBytes) : options.maxBytes;
      if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge(maxBytes, upload);
      if (!requestParser || !request.body) return;
      const parse = requestParser;
      const counted = !framedByLength(serverContext);
      setRequestParser(async (req) => {
        const body = counted && req.body ? await readAtMost(req.body, maxBytes, upload) : null;
        try {
          return await parse(
            counted ? new fetchAPI.Request(req.url, { method: req.method, headers: req.headers, body }) : req,
          );
        } catch (e) {
          throw withoutCause(e);
        }
      });
    },
  };
}
