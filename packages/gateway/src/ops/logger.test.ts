import { pino } from "pino";
import { describe, expect, it, vi } from "vitest";
import { createLogger, formatLogLine, isoTimeBySecond } from "./logger.js";

describe("log lines", () => {
  it("are JSON for a collector", () => {
    const lines: string[] = [];
    createLogger("info", { write: (l: string) => lines.push(l) }).info({ status: 200 }, "request");
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 30, msg: "request", status: 200 });
  });

  it("carry the time as pino's isoTime writes it, to the millisecond, across seconds", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const time = isoTimeBySecond();
      for (const at of [
        "2026-12-03T09:20:15.005Z",
        "2026-12-03T09:20:15.999Z",
        "2026-12-03T09:20:16.000Z",
        "2026-12-03T09:20:16.040Z",
        "2026-12-31T23:59:59.999Z",
        "2027-01-01T00:00:00.001Z",
      ]) {
        vi.setSystemTime(new Date(at));
        expect(time()).toBe(pino.stdTimeFunctions.isoTime());
        expect(time()).toBe(`,"time":"${at}"`);
      }
    } finally {
      vi.useRealTimers();
    }
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
