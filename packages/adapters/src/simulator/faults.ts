import { z } from "zod";

/** What the simulated platform can be told to do wrong, for a number of requests or a time. */
export const FAULT_MODES = ["down", "timeout", "slow", "accept-then-timeout", "reject-rows"] as const;
/** A fault mode. */
export type FaultMode = (typeof FAULT_MODES)[number];

/** A fault as the control endpoint takes it (POST /control/fault). */
export const faultSchema = z
  .object({
    mode: z.enum(FAULT_MODES),
    /** For this many batch requests (default: until cleared or `forMs` passes). */
    requests: z.number().int().min(1).optional(),
    /** For this many milliseconds from now. */
    forMs: z.number().int().min(1).optional(),
    /** `slow`: answer after this long; `timeout`, `accept-then-timeout`: hold the request this long, then drop it. */
    delayMs: z.number().int().min(0).max(600_000).default(60_000),
    /** `down`: the status answered (default 503). */
    status: z.number().int().min(500).max(599).default(503),
    /** `reject-rows`: refuse rows whose `field` equals `value`, or the first `first` rows of each batch. */
    field: z.string().min(1).optional(),
    value: z.union([z.string(), z.number(), z.boolean()]).optional(),
    first: z.number().int().min(1).optional(),
  })
  .strict();
/** A fault as configured. */
export type FaultInput = z.input<typeof faultSchema>;
/** A fault in force. */
export type Fault = z.output<typeof faultSchema>;

/** The fault in force and how long it lasts; `take` consumes one request of it. */
export class FaultState {
  private fault: Fault | null = null;
  private remaining: number | null = null;
  private until: number | null = null;

  /** Sets the fault (replacing any other). */
  set(fault: Fault, now: number): void {
    this.fault = fault;
    this.remaining = fault.requests ?? null;
    this.until = fault.forMs === undefined ? null : now + fault.forMs;
  }

  /** Clears the fault. */
  clear(): void {
    this.fault = null;
  }

  /** The fault that applies to the next request, counting it; null when none (or it has run out). */
  take(now: number): Fault | null {
    if (!this.fault) return null;
    if ((this.until !== null && now >= this.until) || this.remaining === 0) {
      this.fault = null;
      return null;
    }
    if (this.remaining !== null) this.remaining--;
    return this.fault;
  }

  /** The fault configured now, without counting a request. */
  peek(): Fault | null {
    return this.fault;
  }
}
