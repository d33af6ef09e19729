/** A command-line mistake: printed with a hint, exit code 2. */
export class UsageError extends Error {}

/** Where a command prints. */
export type Out = { log: (line: string) => void; error: (line: string) => void };
