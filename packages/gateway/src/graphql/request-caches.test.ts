import { contextCacheSymbol, createContextCache, initContextCache } from "@pothos/core";
import { describe, expect, it } from "vitest";
import type { GatewayContext } from "../context.js";
import { releaseRequestCaches } from "./request-caches.js";
import { requestState } from "./request-state.js";

describe("request caches", () => {
  it("keys Pothos' caches by the context's key while the request runs, and lets go of them once answered", () => {
    const cache = createContextCache(() => ({ rows: [1, 2, 3] }));
    const context = initContextCache() as unknown as GatewayContext;
    const during = cache(context);
    expect(cache(context)).toBe(during);
    requestState(context).loaders.set("households", "loader");

    releaseRequestCaches(context);

    expect((context as unknown as Record<symbol, unknown>)[contextCacheSymbol]).toBeUndefined();
    expect(cache(context)).not.toBe(during);
    expect(requestState(context).loaders.size).toBe(0);
  });

  it("leaves a context without a key as it is", () => {
    const context = {} as GatewayContext;
    requestState(context).auditArmed = true;
    releaseRequestCaches(context);
    expect(requestState(context).auditArmed).toBe(true);
  });
});
