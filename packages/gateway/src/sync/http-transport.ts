import { readFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import type { ProfileTransport } from "@fupin/adapters";

/** A delivery that may succeed later (5xx, timeout, connection refused): retried with backoff. */
export class RetryableDeliveryError extends Error {
  override readonly name = "RetryableDeliveryError";
}

/** A delivery the platform refused for good (4xx other than 408 and 429), or a transport set up wrong: not retried. */
export class PermanentDeliveryError extends Error {
  override readonly name = "PermanentDeliveryError";
}

/** What an HTTP delivery needs beside the body: where, with which credential, how long to wait, which TLS rules. */
export interface HttpDelivery {
  readonly url: string;
  readonly credential: string | null;
  readonly idempotencyKey: string;
  readonly transport: ProfileTransport;
}

/** The URL as it may appear in errors and logs: no user info, no query string. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return "(invalid URL)";
  }
}

function retryable(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

/** The error text of a refused delivery: its status and the platform's own error, never a header of ours. */
function refusal(status: number, body: string, url: string): string {
  let detail = "";
  try {
    const parsed = JSON.parse(body) as { error?: { field?: string | null; message?: string } };
    if (parsed.error?.message)
      detail = `: ${parsed.error.field ? `${parsed.error.field} ` : ""}${parsed.error.message}`;
  } catch {
    detail = "";
  }
  return `HTTP ${status} from ${safeUrl(url)}${detail}`.slice(0, 500);
}

/**
 * POSTs one JSON body with its idempotency key and the bearer credential, under the profile's timeout
 * and TLS settings; resolves with the platform's receipt (parsed JSON). Throws RetryableDeliveryError
 * or PermanentDeliveryError; neither ever carries the credential.
 */
export function postJson(delivery: HttpDelivery, body: unknown): Promise<unknown> {
  const { url, transport } = delivery;
  const target = new URL(url);
  const client = target.protocol === "https:" ? https : http;
  const payload = Buffer.from(JSON.stringify(body));
  const tls =
    target.protocol === "https:"
      ? {
          rejectUnauthorized: transport.tls.rejectUnauthorized,
          ...(transport.tls.caFile ? { ca: readFileSync(transport.tls.caFile) } : {}),
        }
      : {};
  return new Promise((resolve, reject) => {
    const req = client.request(
      target,
      {
        method: "POST",
        timeout: transport.timeoutMs,
        headers: {
          "content-type": "application/json",
          "content-length": payload.length,
          "idempotency-key": delivery.idempotencyKey,
          ...(delivery.credential ? { authorization: `Bearer ${delivery.credential}` } : {}),
        },
        ...tls,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", () => reject(new RetryableDeliveryError(`connection lost reading ${safeUrl(url)}`)));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) {
            try {
              resolve(JSON.parse(text));
            } catch {
              reject(new RetryableDeliveryError(`unreadable receipt from ${safeUrl(url)}`));
            }
          } else if (retryable(status)) reject(new RetryableDeliveryError(refusal(status, text, url)));
          else reject(new PermanentDeliveryError(refusal(status, text, url)));
        });
      },
    );
    req.on("timeout", () =>
      req.destroy(
        new RetryableDeliveryError(`no answer from ${safeUrl(url)} within ${transport.timeoutMs} ms`),
      ),
    );
    req.on("error", (e) =>
      reject(
        e instanceof RetryableDeliveryError
          ? e
          : new RetryableDeliveryError(
              `cannot reach ${safeUrl(url)}: ${(e as NodeJS.ErrnoException).code ?? e.name}`,
            ),
      ),
    );
    req.end(payload);
  });
}
