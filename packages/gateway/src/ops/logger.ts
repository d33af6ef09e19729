import { type DestinationStream, type Logger, pino } from "pino";

const LEVELS: Record<number, string> = {
  10: "TRACE",
  20: "DEBUG",
  30: "INFO",
  40: "WARN",
  50: "ERROR",
  60: "FATAL",
};
const OMITTED = new Set(["level", "time", "msg", "service", "pid", "hostname"]);

/** One JSON log line as a line for people: `12:00:01 INFO request method=POST path=/graphql status=200 …`. */
export function formatLogLine(json: string): string {
  const entry = JSON.parse(json) as Record<string, unknown>;
  const time = typeof entry.time === "string" ? entry.time.slice(11, 19) : "";
  const fields = Object.entries(entry)
    .filter(([k]) => !OMITTED.has(k))
    .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`);
  return [time, LEVELS[entry.level as number] ?? String(entry.level), entry.msg, ...fields]
    .filter(Boolean)
    .join(" ");
}

/** A destination printing each log line for people (on a terminal). */
export function prettyDestination(out: { write(text: string): unknown } = process.stdout): DestinationStream {
  return {
    write(line: string) {
      out.write(`${formatLogLine(line)}\n`);
    },
  };
}

/**
 * pino's `isoTime` (`,"time":"2026-12-03T09:20:15.123Z"`) with the date and time up to the second
 * formatted once per second: a request line is written on every request.
 */
export function isoTimeBySecond(): () => string {
  let second = Number.NaN;
  let prefix = "";
  return () => {
    const now = Date.now();
    const s = Math.floor(now / 1000);
    if (s !== second) {
      second = s;
      prefix = new Date(s * 1000).toISOString().slice(0, 20);
    }
    return `,"time":"${prefix}${String(now - s * 1000).padStart(3, "0")}Z"`;
  };
}

/** Bytes of JSON lines gathered before a write to stdout: a busy second's request lines go out in a few writes. */
const LOG_BATCH_BYTES = 8192;
/** Longest a gathered line waits for its write (ms). */
const LOG_FLUSH_MS = 200;

/**
 * Creates the gateway's logger (pino). Request loggers are children carrying `requestId`. Without a
 * destination: lines for people on a terminal, like the start-up lines; JSON lines otherwise (for a
 * collector), written to stdout asynchronously in batches of `LOG_BATCH_BYTES`, or after at most
 * `LOG_FLUSH_MS`, instead of one write per request line (pino flushes what is left on exit).
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: "fupin-gateway" },
      timestamp: isoTimeBySecond(),
      // Never log credentials even if a header object slips into a log call.
      redact: { paths: ["authorization", "*.authorization", "headers.authorization"], remove: true },
    },
    destination ??
      (process.stdout.isTTY
        ? prettyDestination()
        : pino.destination({
            dest: 1,
            sync: false,
            minLength: LOG_BATCH_BYTES,
            periodicFlush: LOG_FLUSH_MS,
          })),
  );
}
