import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./connection.js";

describe("cursors", () => {
  it.each(["h-1", "hh-360723100001", "含中文的id"])("round-trips %s", (key) => {
    expect(decodeCursor(encodeCursor(key))).toBe(key);
  });

  it("refuses a cursor it did not issue, naming `after`", () => {
    expect(() => decodeCursor("bm9wZQ")).toThrow(
      expect.objectContaining({
        extensions: expect.objectContaining({ code: "BAD_USER_INPUT", field: "after" }),
      }),
    );
  });
});
