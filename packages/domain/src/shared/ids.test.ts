import { describe, expect, it } from "vitest";
import { idSchema } from "./ids.js";

describe("idSchema", () => {
  it("trims", () => {
    expect(idSchema.parse("  h-1 ")).toBe("h-1");
  });
  it.each(["", "   ", "x".repeat(65), 12])("refuses %j", (id) => {
    expect(idSchema.safeParse(id).success).toBe(false);
  });
});
