import { describe, expect, it } from "vitest";
import { badUserInput, domainFailure } from "./errors.js";

describe("client errors", () => {
  it("names the first bad field and lists every issue under the argument", () => {
    const e = badUserInput(
      [
        { path: "idNumber", message: "bad check digit" },
        { path: "name", message: "must not be empty" },
      ],
      "input",
    );
    expect(e.extensions).toEqual({
      code: "BAD_USER_INPUT",
      field: "input.idNumber",
      issues: [
        { path: "input.idNumber", message: "bad check digit" },
        { path: "input.name", message: "must not be empty" },
      ],
    });
    expect(e.message).toBe("invalid input: input.idNumber: bad check digit; input.name: must not be empty");
  });

  it("turns a domain INVALID_INPUT into BAD_USER_INPUT and keeps other codes", () => {
    const invalid = domainFailure({
      code: "MEMBER.INVALID_INPUT",
      message: "x",
      issues: [{ path: "name", message: "m" }],
    });
    expect(invalid.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.name",
      domainCode: "MEMBER.INVALID_INPUT",
    });
    const typed = domainFailure({ code: "RECTIFICATION.NO_PLAN", message: "no plan", recordIds: ["r1"] });
    expect(typed.extensions).toEqual({ code: "RECTIFICATION.NO_PLAN", recordIds: ["r1"] });
  });
});
