// Runs one assessment job in the gateway's worker pool and inline, and prints whether they agree:
// `node --import tsx test/support/assessment-worker-probe.ts` checks that worker threads load the
// TypeScript worker under the gateway's own loader (on any Node version: run it with node 22 or 24).
import { generateSyntheticCounty } from "@fupin/domain/synthetic";
import type { AssessmentJob } from "../../packages/gateway/src/assessment/assessment-job.js";
import { runAssessmentJob } from "../../packages/gateway/src/assessment/assessment-job.js";
import { createAssessmentPool } from "../../packages/gateway/src/assessment/assessment-pool.js";

const { ledger } = generateSyntheticCounty({ seed: 3, referenceYear: 2025, households: 60 });
const { countyCode, __validated, ...data } = ledger;
const job: AssessmentJob = {
  kind: "findings",
  regionCode: countyCode,
  year: 2025,
  now: "2025-11-30T04:00:00Z",
  snapshot: { regionCode: countyCode, json: JSON.stringify(data) },
};
const pool = createAssessmentPool();
const { result: inWorker } = await pool.run(job);
await pool.close();
const inline = runAssessmentJob(job);
console.log(
  JSON.stringify({
    node: process.version,
    findings: inline.length,
    same: JSON.stringify(inWorker) === JSON.stringify(inline),
  }),
);
