import { type DestinationStream, type Logger, pino } from "pino";

/**
 * Creates the gateway's JSON logger (pino). Request loggers are children carrying `requestId`.
 * Without a destination it writes to stdout asynchronously: lines written while a write is in flight
 * go out together in the next one instead of one blocking write per request line (pino flushes on exit).
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
    destination ?? pino.destination({ dest: 1, sync: false }),
  );
}
