import type { Plugin } from "graphql-yoga";
import { createHttpError } from "./http-error.js";

/** Options of `useBodyLimit`. */
export interface BodyLimitOptions {
  /** Most bytes of a request body. */
  readonly maxBytes: number;
}

function tooLarge(maxBytes: number) {
  return createHttpError(413, "PAYLOAD_TOO_LARGE", `request body too large: the limit is ${maxBytes} bytes`, {
    connection: "close",
  });
}

async function readAtMost(
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
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
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * Refuses a request body over `maxBytes` with 413 PAYLOAD_TOO_LARGE: at once when Content-Length
 * says so, otherwise (chunked) as soon as the bytes read pass the limit.
 */
export function useBodyLimit(options: BodyLimitOptions): Plugin {
  const { maxBytes } = options;
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge(maxBytes);
      if (!requestParser || !request.body) return;
      const parse = requestParser;
      setRequestParser(async (req) => {
        const body = req.body ? await readAtMost(req.body, maxBytes) : null;
        return parse(new fetchAPI.Request(req.url, { method: req.method, headers: req.headers, body }));
      });
    },
  };
}
