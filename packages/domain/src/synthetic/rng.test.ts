import { describe, expect, it } from "vitest";
import { createRng, sample } from "./rng.js";

const draw = (seed: number, stream: string, n = 20) => {
  const rng = createRng(seed, stream);
  return Array.from({ length: n }, () => rng.next());
};

describe("createRng", () => {
  it("repeats the same sequence for the same seed and stream", () => {
    expect(draw(7, "a")).toEqual(draw(7, "a"));
  });

  it.each([
    [7, "a", 8, "a"],
    [7, "a", 7, "b"],
    [0, "households", 1, "households"],
  ])("differs between seed %i stream %s and seed %i stream %s", (s1, a, s2, b) => {
    expect(draw(s1, a)).not.toEqual(draw(s2, b));
  });

  it("draws floats in [0, 1) and integers within their bounds, reaching both ends", () => {
    const rng = createRng(3, "bounds");
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const x = rng.next();
      expect(x >= 0 && x < 1).toBe(true);
      const n = rng.int(-2, 2);
      expect(n >= -2 && n <= 2 && Number.isInteger(n)).toBe(true);
      seen.add(n);
    }
    expect([...seen].sort()).toEqual([-1, -2, 0, 1, 2]);
  });

  it("picks by weight", () => {
    const rng = createRng(4, "weights");
    const counts = [0, 0, 0];
    for (let i = 0; i < 3000; i++) counts[rng.weighted([1, 0, 3])]! += 1;
    expect(counts[1]).toBe(0);
    expect(counts[2]! / counts[0]!).toBeGreaterThan(2.4);
    expect(counts[2]! / counts[0]!).toBeLessThan(3.6);
  });

  it("samples distinct items without changing the list", () => {
    const items = [1, 2, 3, 4, 5, 6];
    const picked = sample(createRng(5, "sample"), items, 4);
    expect(new Set(picked).size).toBe(4);
    expect(picked.every((p) => items.includes(p))).toBe(true);
    expect(items).toEqual([1, 2, 3, 4, 5, 6]);
    expect(sample(createRng(5, "sample"), items, 10)).toHaveLength(6);
  });
});
