// The worker thread's entry: plain JavaScript, so it starts whatever loader the parent has (node
// --import tsx, vitest, or none). It registers tsx itself, then loads the TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./assessment-worker.ts");
