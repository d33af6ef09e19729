import { describe, expect, it } from "vitest";
import { requestSlot } from "./request-slot.js";

describe("requestSlot", () => {
  it("keeps a value per owner, hidden from its keys, and gives it up once", () => {
    const slot = requestSlot<object, number | null>("test");
    const a = { id: "a" };
    const b = { id: "b" };
    slot.set(a, null);
    slot.set(b, 2);
    expect(slot.get(a)).toBeNull();
    expect(Object.keys(a)).toEqual(["id"]);
    expect(JSON.stringify(b)).toBe('{"id":"b"}');
    expect(slot.take(b)).toBe(2);
    expect(slot.take(b)).toBeUndefined();
    expect(slot.get(a)).toBeNull();
  });

  it("keeps separate slots apart on one owner", () => {
    const first = requestSlot<object, string>("one");
    const second = requestSlot<object, string>("one");
    const owner = {};
    first.set(owner, "x");
    expect(second.get(owner)).toBeUndefined();
  });
});
