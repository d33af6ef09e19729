import { type DestinationStream, type Logger, pino } from "pino";

/** Creates the gateway's JSON logger (pino). Request loggers are children carrying `requestId`. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: "fupin-gateway" },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Never log credentials even if a header object slips into a log call.
      redact: { paths: ["authorization", "*.authorization", "headers.authorization"], remove: true },
    },
    destination,
  );
}
