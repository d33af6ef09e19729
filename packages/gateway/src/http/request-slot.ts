/** A value kept on an object that lives for one request (its principal, its GraphQL context). */
export interface RequestSlot<K extends object, V> {
  get(owner: K): V | undefined;
  set(owner: K, value: V): void;
  /** The value kept, removed from the owner. */
  take(owner: K): V | undefined;
}

/**
 * A slot under a private symbol on a per-request object: what a WeakMap keyed by that object would
 * keep, without the WeakMap. V8's scavenger treats a value in a WeakMap whose table has reached the
 * old generation as alive, so a request's objects hung on one survive two scavenges and are
 * promoted, to be freed only by a full collection (a micro-test under load: 226 KB promoted per
 * scavenge with a WeakMap, none with a property).
 */
export function requestSlot<K extends object, V>(name: string): RequestSlot<K, V> {
  const symbol = Symbol(name);
  type Owner = { [symbol]?: V };
  return {
    get: (owner) => (owner as Owner)[symbol],
    set(owner, value) {
      (owner as Owner)[symbol] = value;
    },
    take(owner) {
      const value = (owner as Owner)[symbol];
      if (value !== undefined) (owner as Owner)[symbol] = undefined;
      return value;
    },
  };
}
