import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type Fault, type FaultInput, FaultState, faultSchema } from "./faults.js";
import {
  type BatchError,
  checkBatchEnvelope,
  type RejectedRow,
  rejectedRows,
  rowKey,
} from "./validate-batch.js";

/** The platforms the simulator plays, by path prefix, with the profiles each takes. */
export const SIMULATED_PLATFORMS = {
  province: ["province-households"],
  city: ["city-projects", "city-campaign"],
} as const;
/** A simulated platform. */
export type SimulatedPlatform = keyof typeof SIMULATED_PLATFORMS;

/** The receipt a platform returns for a batch it accepted (again, unchanged, for a repeated idempotency key). */
export interface PlatformReceipt {
  readonly receiptId: string;
  readonly platform: SimulatedPlatform;
  readonly idempotencyKey: string;
  readonly profile: string;
  readonly regionCode: string;
  readonly period: string;
  readonly sheet: string;
  readonly batch: number;
  readonly accepted: number;
  readonly rejected: readonly RejectedRow[];
  readonly receivedAt: string;
}

/** What the simulator has seen: deliveries (first sight of a key), repeats of a known key, duplicates of content under a new key. */
export interface SimulatorStats {
  /** Every batch request received, whatever its answer. */
  readonly requests: number;
  /** Batches accepted for the first time (a new idempotency key). */
  readonly deliveries: number;
  /** Requests with a known idempotency key: answered with the first receipt, not delivered again. */
  readonly repeats: number;
  /** Accepted batches whose content (profile, region, period, sheet, batch) had already been accepted under another key. */
  readonly duplicates: number;
  /** Requests answered with a fault (5xx, timeout) before being accepted. */
  readonly failures: number;
  /** Batches refused whole (401, 400, 422). */
  readonly refused: number;
  readonly receipts: readonly PlatformReceipt[];
}

/** Options of `createPlatformSimulator`. */
export interface PlatformSimulatorOptions {
  readonly port?: number;
  readonly host?: string;
  /** Bearer tokens the platforms require; a platform without one takes any request. */
  readonly tokens?: Partial<Record<SimulatedPlatform, string>>;
  /** The clock (tests replace it): receipts' `receivedAt` and fault durations. */
  readonly now?: () => Date;
}

/** A running simulator: its base URL, its counts, and its fault switch (also over HTTP at /control). */
export interface PlatformSimulator {
  readonly url: string;
  stats(): SimulatorStats;
  setFault(fault: FaultInput): void;
  clearFault(): void;
  /** Forgets every key, receipt and count. */
  reset(): void;
  close(): Promise<void>;
}

interface SimulatorState {
  readonly receipts: Map<string, PlatformReceipt>;
  readonly contents: Set<string>;
  readonly inFlight: Set<string>;
  readonly fault: FaultState;
  counts: {
    requests: number;
    deliveries: number;
    repeats: number;
    duplicates: number;
    failures: number;
    refused: number;
  };
}

const zeroCounts = () => ({ requests: 0, deliveries: 0, repeats: 0, duplicates: 0, failures: 0, refused: 0 });

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text === "" ? undefined : JSON.parse(text);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

/** Holds a request unanswered, then drops the connection: what a client sees as a timeout. */
async function hang(res: ServerResponse, ms: number): Promise<void> {
  await sleep(ms);
  res.socket?.destroy();
}

function faultRejects(fault: Fault | null, rows: readonly Readonly<Record<string, unknown>>[]): Set<number> {
  const out = new Set<number>();
  if (fault?.mode !== "reject-rows") return out;
  rows.forEach((row, i) => {
    if (fault.first !== undefined && i < fault.first) out.add(i);
    if (fault.field !== undefined && row[fault.field] === fault.value) out.add(i);
  });
  return out;
}

function authorised(req: IncomingMessage, token: string | undefined): boolean {
  return token === undefined || req.headers.authorization === `Bearer ${token}`;
}

function refuse(state: SimulatorState, res: ServerResponse, status: number, error: BatchError): void {
  state.counts.refused++;
  send(res, status, { error });
}

function accept(
  state: SimulatorState,
  platform: SimulatedPlatform,
  key: string,
  checked: Extract<ReturnType<typeof checkBatchEnvelope>, { ok: true }>,
  fault: Fault | null,
  now: Date,
): PlatformReceipt {
  const { batch, profile } = checked;
  const invalid = rejectedRows(profile, batch);
  const refusedByFault = faultRejects(fault, batch.rows);
  const rejected = [
    ...invalid,
    ...[...refusedByFault]
      .filter((i) => !invalid.some((r) => r.row === i))
      .map((i) => ({
        sheet: batch.sheet,
        batch: batch.batch,
        row: i,
        key: rowKey(batch.rows[i]!),
        field: fault?.field ?? null,
        reason: "refused by the platform's own checks",
      })),
  ].sort((a, b) => a.row - b.row);
  const content = `${batch.profile}|${batch.meta.regionCode}|${batch.meta.period}|${batch.sheet}|${batch.batch}`;
  if (state.contents.has(content)) state.counts.duplicates++;
  state.contents.add(content);
  state.counts.deliveries++;
  const receipt: PlatformReceipt = {
    receiptId: `SIM-${platform.toUpperCase()}-${String(state.receipts.size + 1).padStart(6, "0")}`,
    platform,
    idempotencyKey: key,
    profile: batch.profile,
    regionCode: batch.meta.regionCode!,
    period: batch.meta.period!,
    sheet: batch.sheet,
    batch: batch.batch,
    accepted: batch.rows.length - rejected.length,
    rejected,
    receivedAt: now.toISOString(),
  };
  state.receipts.set(key, receipt);
  return receipt;
}

async function handleBatch(
  state: SimulatorState,
  platform: SimulatedPlatform,
  req: IncomingMessage,
  res: ServerResponse,
  options: PlatformSimulatorOptions,
): Promise<void> {
  const now = options.now ?? (() => new Date());
  state.counts.requests++;
  if (!authorised(req, options.tokens?.[platform]))
    return refuse(state, res, 401, { field: "authorization", message: "a valid bearer token is required" });
  const key = req.headers["idempotency-key"];
  if (typeof key !== "string" || key.length === 0 || key.length > 200)
    return refuse(state, res, 400, {
      field: "Idempotency-Key",
      message: "header is required (1-200 characters)",
    });
  const known = state.receipts.get(key);
  if (known) {
    state.counts.repeats++;
    return send(res, 200, known, { "idempotent-replay": "true" });
  }
  if (state.inFlight.has(key))
    return refuse(state, res, 409, { field: "Idempotency-Key", message: "in progress" });
  let body: unknown;
  try {
    body = await readJson(req);
  } catch {
    return refuse(state, res, 400, { field: "body", message: "is not JSON" });
  }
  const checked = checkBatchEnvelope(body, SIMULATED_PLATFORMS[platform]);
  if (!checked.ok) return refuse(state, res, 422, checked.error);
  const fault = state.fault.take(now().getTime());
  if (fault?.mode === "down") {
    state.counts.failures++;
    return send(res, fault.status, { error: { field: null, message: "platform unavailable (simulated)" } });
  }
  if (fault?.mode === "timeout") {
    state.counts.failures++;
    return hang(res, fault.delayMs);
  }
  state.inFlight.add(key);
  try {
    if (fault?.mode === "slow") await sleep(fault.delayMs);
    const receipt = accept(state, platform, key, checked, fault, now());
    if (fault?.mode === "accept-then-timeout") return hang(res, fault.delayMs);
    send(res, 200, receipt);
  } finally {
    state.inFlight.delete(key);
  }
}

async function handleControl(
  state: SimulatorState,
  req: IncomingMessage,
  res: ServerResponse,
  now: () => Date,
) {
  const path = new URL(req.url ?? "/", "http://x").pathname;
  if (req.method === "GET" && path === "/control/stats") return send(res, 200, statsOf(state));
  if (req.method === "POST" && path === "/control/reset") {
    resetState(state);
    return send(res, 200, { ok: true });
  }
  if (req.method === "DELETE" && path === "/control/fault") {
    state.fault.clear();
    return send(res, 200, { ok: true });
  }
  if (req.method === "POST" && path === "/control/fault") {
    const parsed = faultSchema.safeParse(await readJson(req).catch(() => undefined));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return send(res, 400, { error: { field: issue.path.join(".") || "body", message: issue.message } });
    }
    state.fault.set(parsed.data, now().getTime());
    return send(res, 200, { ok: true, fault: parsed.data });
  }
  send(res, 404, { error: { field: "path", message: `no control route ${req.method} ${path}` } });
}

function statsOf(state: SimulatorState): SimulatorStats {
  return { ...state.counts, receipts: [...state.receipts.values()] };
}

function resetState(state: SimulatorState): void {
  state.receipts.clear();
  state.contents.clear();
  state.fault.clear();
  state.counts = zeroCounts();
}

/**
 * Starts the platform simulator: a real HTTP server playing the provincial (`/province/batches`) and
 * municipal (`/city/batches`) platforms. Each takes JSON batches checked against the report profiles,
 * answers receipts, remembers idempotency keys, and fails on demand (`/control/fault`).
 */
export async function createPlatformSimulator(
  options: PlatformSimulatorOptions = {},
): Promise<PlatformSimulator> {
  const now = options.now ?? (() => new Date());
  const state: SimulatorState = {
    receipts: new Map(),
    contents: new Set(),
    inFlight: new Set(),
    fault: new FaultState(),
    counts: zeroCounts(),
  };
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const platform = /^\/(province|city)\/batches$/.exec(path)?.[1] as SimulatedPlatform | undefined;
    const work =
      platform && req.method === "POST"
        ? handleBatch(state, platform, req, res, options)
        : path.startsWith("/control/")
          ? handleControl(state, req, res, now)
          : Promise.resolve(
              send(res, 404, { error: { field: "path", message: `no route ${req.method} ${path}` } }),
            );
    work.catch(() => {
      if (!res.headersSent) send(res, 500, { error: { field: null, message: "simulator error" } });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? "127.0.0.1"}:${address.port}`,
    stats: () => statsOf(state),
    setFault: (fault) => state.fault.set(faultSchema.parse(fault), now().getTime()),
    clearFault: () => state.fault.clear(),
    reset: () => resetState(state),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
