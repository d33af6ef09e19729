import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import {
  chinaDateOf,
  FINDING_CODES,
  formatReportPeriod,
  ledgerYears,
  METRIC_CODES,
  METRIC_DEFINITIONS,
  previousPeriod,
} from "@fupin/domain";
import { beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));

/** Runs an example the way the README does, from the repository root; never rejects. */
async function runExample(file: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)("node", ["--import", "tsx", file], {
      cwd: root,
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : 1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

describe("examples/embed-domain.ts", () => {
  let run: Awaited<ReturnType<typeof runExample>>;
  beforeAll(async () => {
    run = await runExample("examples/embed-domain.ts");
  });

  it("exits 0 without writing errors", () => {
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });

  it("summarises the valid ledger", () => {
    expect(run.stdout).toMatch(/Ledger 360723: 1 household, 2 members, 1 linkage/);
  });

  it.each([
    [
      "the field, code and cause of the Excel-mangled ID number",
      /idNumber \[ID_NUMBER\.SCIENTIFIC_NOTATION\]: .*3\.60723E\+17.*scientific notation/,
    ],
    [
      "the field, code and cause of the wrong check digit",
      /idNumber \[ID_NUMBER\.CHECK_DIGIT\]: .*check digit 6, expected 3/,
    ],
    [
      "what parseIdNumber says of the mangled number",
      /parseIdNumber\(3\.60723E\+17\): ID_NUMBER\.SCIENTIFIC_NOTATION/,
    ],
    ["the normalised full-width ID number", /360723195203150023, born 1952-03-15, female/],
    ["the input error code of the member", /MEMBER\.INVALID_INPUT/],
    ["the ledger violation and its members", /LEDGER\.DUPLICATE_ID_NUMBER \[m2, m9\]/],
  ])("prints %s", (_, pattern) => {
    expect(run.stdout).toMatch(pattern);
  });
});

describe("examples/assess-county.ts", () => {
  let run: Awaited<ReturnType<typeof runExample>>;
  beforeAll(async () => {
    run = await runExample("examples/assess-county.ts");
  });

  it("exits 0 without writing errors", () => {
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });

  it("assesses the latest complete year of today's ledger, the same notion as the gateway's, and fixes no year", () => {
    const { latestCompleteYear } = ledgerYears(chinaDateOf(new Date()));
    expect(run.stdout).toContain(`${latestCompleteYear}年产业扶贫考核指标`);
    const source = readFileSync(new URL("../examples/assess-county.ts", import.meta.url), "utf8");
    expect(source).not.toMatch(/\b20[0-9]{2}\b/);
  });

  it.each(METRIC_CODES.map((code) => [code, METRIC_DEFINITIONS[code].zh]))(
    "prints metric %s (%s)",
    (_, zh) => {
      expect(run.stdout).toContain(zh);
    },
  );

  it("prints ten findings, each with a known finding code", () => {
    const codes = [...run.stdout.matchAll(/^ {4}([A-Z_]+\.[A-Z_]+) · /gm)].map((m) => m[1]);
    expect(codes).toHaveLength(10);
    for (const code of codes) expect(FINDING_CODES).toContain(code);
    expect(new Set(codes).size).toBeGreaterThan(1);
  });

  it("prints per township the findings by severity and code, adding up to the total found", () => {
    const total = Number(/发现问题(\d+)条/.exec(run.stdout)?.[1]);
    const rows =
      run.stdout
        .split("各乡镇发现问题汇总")[1]
        ?.split("\n")
        .slice(2)
        .filter((l) => l.trim()) ?? [];
    expect(rows.length).toBeGreaterThan(10);
    const tallies = rows.map((l) => l.trim().split(/\s+/).slice(1, 6).map(Number));
    for (const [sum, ...bySeverity] of tallies) expect(bySeverity.reduce((a, b) => a + b, 0)).toBe(sum);
    expect(tallies.reduce((n, [sum]) => n + sum!, 0)).toBe(total);
    for (const [, code] of run.stdout.split("各乡镇发现问题汇总")[1]!.matchAll(/([A-Z_]+\.[A-Z_]+)×\d+/g))
      expect(FINDING_CODES).toContain(code);
  });
});

describe("examples/schedule-sync.ts", () => {
  let run: Awaited<ReturnType<typeof runExample>>;
  beforeAll(async () => {
    run = await runExample("examples/schedule-sync.ts");
  }, 180_000);

  it("exits 0 without writing errors", () => {
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });

  it("sets up a monthly schedule of one township in China time", () => {
    expect(run.stdout).toMatch(/^schedule: city-projects 360723[0-9]{3} "0 9 1 \* \*" Asia\/Shanghai$/m);
  });

  it("prints the run history: the tick's run of last month, delivered with its receipt", () => {
    const history = run.stdout.split("run history:\n")[1] ?? "";
    const lines = history.split("\n").filter((l) => l.startsWith("  run "));
    expect(lines).toHaveLength(1);
    const [, period] =
      /^ {2}run 1: city-projects 360723[0-9]{3} ([0-9]{4}-[0-9]{2}) delivered attempts 1 due /.exec(
        lines[0]!,
      ) ?? [undefined, undefined];
    const today = chinaDateOf(new Date());
    const thisMonth = {
      kind: "month",
      year: Number(today.slice(0, 4)),
      month: Number(today.slice(5, 7)),
    } as const;
    const expected = formatReportPeriod(previousPeriod(thisMonth));
    expect(period).toBe(expected);
    expect(run.stdout).toMatch(/^receipts: SIM-CITY-[0-9]+; tick to last receipt [0-9]+ ms$/m);
  });
});
