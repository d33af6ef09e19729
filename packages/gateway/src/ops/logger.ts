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
 * Creates the gateway's logger (pino). Request loggers are children carrying `requestId`. Without a
 * destination: lines for people on a terminal, like the start-up lines; JSON lines otherwise (for a
 * collector), written to stdout asynchronously — lines written while a write is in flight go out
 * together in the next one instead of one blocking write per request line (pino flushes on exit).
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: "fupin-gateway" },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Never log credentials even if a header object slips into a log call.
      redact: { paths: ["authorization", "*.authorization", "headers.authorization"], remove: true },
    },
    destination ?? (process.stdout.isTTY ? prettyDestination() : pino.destination({ dest: 1, sync: false })),
  );
}
