import type { GatewayContext } from "../context.js";
import { requestSlot } from "../http/request-slot.js";

/** What one request has done that must be acted on when it ends. */
export interface RequestState {
  /** Set by the personal-read audit plugin: unmasked data may only be returned when it will be audited. */
  auditArmed: boolean;
  /** Ids of records whose personal data was returned unmasked, by entity type. */
  readonly personalReads: Map<string, Set<string>>;
  /** The unmasked values returned, by `<entity type>:<id>`: a record is audited only if one reaches the response. */
  readonly personalValues: Map<string, Set<string>>;
  /** Per-request dataloaders of one-to-many relations, by table, field and selected columns. */
  readonly loaders: Map<string, unknown>;
}

const states = requestSlot<GatewayContext, RequestState>("fupin.requestState");

/** The state of the request that `ctx` belongs to. */
export function requestState(ctx: GatewayContext): RequestState {
  let state = states.get(ctx);
  if (!state) {
    state = { auditArmed: false, personalReads: new Map(), personalValues: new Map(), loaders: new Map() };
    states.set(ctx, state);
  }
  return state;
}

/** Drops the state of a request that has been answered (its dataloaders and the rows they hold). */
export function dropRequestState(ctx: object): void {
  states.take(ctx as GatewayContext);
}
