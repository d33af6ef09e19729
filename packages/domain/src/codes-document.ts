import { FINDING_DETECTORS } from "./assessment/detect-findings.js";
import { FINDING_CODES } from "./assessment/finding-codes.js";
import type { FindingDetector } from "./assessment/findings/detector.js";
import { METRIC_CODES, METRIC_DEFINITIONS } from "./assessment/metric-codes.js";
import { SEVERITIES, severityRank } from "./assessment/types.js";
import { LEDGER_RULES_BY_CONCEPT } from "./ledger/ledger-rules.js";
import { SYNC_FINDING_CODES } from "./reports/due-date.js";

const HEADER = [
  "# Codes of @fupin/domain",
  "",
  "Generated from the registries (`LEDGER_RULES_BY_CONCEPT`, `FINDING_DETECTORS`, `METRIC_DEFINITIONS`)",
  "by `pnpm --filter @fupin/domain codes`; a test fails when this file is stale. Do not edit by hand.",
];

const table = (head: readonly string[], rows: readonly (readonly string[])[]) => [
  `| ${head.join(" | ")} |`,
  `| ${head.map(() => "---").join(" | ")} |`,
  ...rows.map((r) => `| ${r.join(" | ")} |`),
];

/** A detector's severity as the list shows it: one, or those of the findings it may name (`severityOfNamed`). */
function severityText(d: FindingDetector): string {
  if (!d.severityOfNamed) return d.severity;
  const taken = SEVERITIES.filter((s) => severityRank(s) >= severityRank(d.severity));
  return `that of the finding named (${taken.join(" or ")})`;
}

/** The Markdown list of every code the domain reports: ledger rules by concept, findings, metrics. */
export function renderCodesDocument(): string {
  const lines = [...HEADER, "", "## Ledger rules", ""];
  lines.push(
    "A ledger rule's violation carries its code, the records behind it and the field at fault; the same",
    "rule runs in `validateLedger` and on a write (see `src/ledger/README.md`).",
  );
  for (const [concept, rules] of Object.entries(LEDGER_RULES_BY_CONCEPT)) {
    lines.push("", `### ${concept}`, "");
    lines.push(
      ...table(
        ["Code", "Rule"],
        Object.values(rules).map((r) => [`\`${r.code}\``, r.description]),
      ),
    );
  }
  lines.push("", "## Findings", "");
  lines.push(
    ...table(
      ["Code", "Severity", "Subject"],
      FINDING_CODES.map((code) => [
        `\`${code}\``,
        severityText(FINDING_DETECTORS[code]),
        FINDING_DETECTORS[code].subjectType,
      ]),
    ),
  );
  lines.push("", "## Delivery findings", "");
  lines.push(
    "Judged from the sync run history against the profile's deadline (`lateSyncFinding`), not from the ledger.",
    "",
    ...table(
      ["Code", "Severity", "Subject"],
      SYNC_FINDING_CODES.map((code) => [`\`${code}\``, "high", "sync_run"]),
    ),
  );
  lines.push("", "## Metrics", "");
  lines.push(
    ...table(
      ["Code", "Metric", "Unit"],
      METRIC_CODES.map((code) => [
        `\`${code}\``,
        `${METRIC_DEFINITIONS[code].zh} (${METRIC_DEFINITIONS[code].en})`,
        METRIC_DEFINITIONS[code].unit,
      ]),
    ),
  );
  return `${lines.join("\n")}\n`;
}
