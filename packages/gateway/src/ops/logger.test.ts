import { describe, expect, it } from "vitest";
import { createLogger, formatLogLine } from "./logger.js";

describe("log lines", () => {
  it("are JSON for a collector", () => {
    const lines: string[] = [];
    createLogger("info", { write: (l: string) => lines.push(l) }).info({ status: 200 }, "request");
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 30, msg: "request", status: 200 });
  });

  it("read as one plain line on a terminal, like the start-up lines", () => {
    const json = JSON.stringify({
      level: 30,
      time: "2026-12-02T08:01:02.345Z",
      service: "fupin-gateway",
      requestId: "r-1",
      msg: "request",
      method: "POST",
      status: 200,
      principalId: null,
    });
    expect(formatLogLine(json)).toBe(
      "08:01:02 INFO request requestId=r-1 method=POST status=200 principalId=null",
    );
  });
});
