// Assess a county: generate the default synthetic county (modelled on Dayu 大余县, all data synthetic),
// print its assessment metrics for the latest complete year, its findings tallied per township by
// severity and code, and its ten most severe findings, in Chinese.
// Run with `pnpm example:assess`.
import {
  chinaDateOf,
  computeMetrics,
  detectFindings,
  type Finding,
  formatFenAsYuan,
  ledgerYears,
  METRIC_DEFINITIONS,
  type Metric,
  type MetricCode,
  type Severity,
  summariseFindings,
} from "@fupin/domain";
import { generateSyntheticCounty, syntheticPeriod } from "@fupin/domain/synthetic";

// The county the gateway seeds today (same generator seed and period), assessed for the latest complete year.
const now = new Date();
const today = chinaDateOf(now);
const { latestCompleteYear: referenceYear } = ledgerYears(today);
const county = generateSyntheticCounty({ seed: 1, ...syntheticPeriod(today) });
const { ledger } = county;
const countyName = ledger.regions.find((r) => r.code === ledger.countyCode)?.name ?? ledger.countyCode;
const industryNames = new Map(ledger.industries.map((i) => [i.code, i.name]));

const SEVERITY_ZH: Record<Severity, string> = { critical: "严重", high: "高", medium: "中", low: "低" };

function nameOf(m: Metric): string {
  const [base, industry] = m.code.split(".") as [MetricCode, string | undefined];
  const zh = METRIC_DEFINITIONS[base]?.zh ?? m.code;
  return industry ? `${zh}·${industryNames.get(industry) ?? industry}` : zh;
}

function show(m: Metric): [string, string, string] {
  const yuan = (fen: number) => `${formatFenAsYuan(Math.round(fen))}元`;
  if (m.code === "AVERAGE_LINKAGE_BENEFIT") {
    // numerator: fen received; denominator: households
    return [m.value === null ? "—" : `${yuan(m.value)}/户`, yuan(m.numerator), `${m.denominator}户`];
  }
  const fen = m.code === "FUND_INDUSTRY_SHARE";
  const value = m.value === null ? "—" : `${(m.value * 100).toFixed(1)}%`;
  const target = m.target === undefined ? "" : `（目标≥${Math.round(m.target * 100)}%）`;
  return [
    `${value}${target}`,
    fen ? yuan(m.numerator) : String(m.numerator),
    fen ? yuan(m.denominator) : String(m.denominator),
  ];
}

/** Display width: a CJK character takes two columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\uffef]/.test(ch) ? 2 : 1;
  return w;
}
const pad = (text: string, w: number) => text + " ".repeat(Math.max(0, w - width(text)));
const padStart = (text: string, w: number) => " ".repeat(Math.max(0, w - width(text))) + text;

const metrics = computeMetrics(ledger, { regionCode: ledger.countyCode, year: referenceYear, now });
console.log(`${countyName}（${ledger.countyCode}）${referenceYear}年产业扶贫考核指标（合成数据）`);
console.log(`${pad("指标", 40)}${padStart("值", 22)}${padStart("分子", 18)}${padStart("分母", 18)}`);
for (const m of metrics) {
  const [value, n, d] = show(m);
  console.log(`${pad(nameOf(m), 40)}${padStart(value, 22)}${padStart(n, 18)}${padStart(d, 18)}`);
}

/**
 * The `n` most severe findings; among equally severe ones, one of each code in turn, so that eight
 * fake linkages do not hide the other problems of the same severity.
 */
function mostSevere(all: readonly Finding[], n: number): Finding[] {
  const picked: Finding[] = [];
  for (const severity of ["critical", "high", "medium", "low"] as const) {
    const byCode = new Map<string, Finding[]>();
    for (const f of all) if (f.severity === severity) byCode.set(f.code, [...(byCode.get(f.code) ?? []), f]);
    const queues = [...byCode.values()];
    for (let round = 0; picked.length < n && queues.some((q) => q.length > round); round++) {
      for (const q of queues) if (picked.length < n && q[round]) picked.push(q[round]!);
    }
  }
  return picked;
}

const findings: Finding[] = detectFindings(ledger, { year: referenceYear, now });
const counts = new Map<string, number>();
for (const f of findings) counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
console.log(
  `\n发现问题${findings.length}条（${(["critical", "high", "medium", "low"] as const).map((s) => `${SEVERITY_ZH[s]}${counts.get(s) ?? 0}`).join("，")}），最严重的10条（同等严重时各类问题轮流列出）：`,
);
for (const [i, f] of mostSevere(findings, 10).entries()) {
  console.log(`${String(i + 1).padStart(2)}. [${SEVERITY_ZH[f.severity]}] ${f.message.zh}`);
  console.log(
    `    ${f.code} · 依据：${f.evidence.slice(0, 5).join("、")}${f.evidence.length > 5 ? " …" : ""}`,
  );
}

const townships = ledger.regions.filter((r) => r.level === "township");
const regionName = new Map(ledger.regions.map((r) => [r.code, r.name]));
console.log(`\n各乡镇发现问题汇总（${referenceYear}年，按严重程度和问题类别）：`);
console.log(
  `${pad("乡镇", 16)}${padStart("合计", 6)}${(["critical", "high", "medium", "low"] as const).map((s) => padStart(SEVERITY_ZH[s], 6)).join("")}  问题类别（条数）`,
);
for (const s of summariseFindings(
  findings,
  referenceYear,
  townships.map((t) => t.code),
)) {
  const name =
    s.regionCode === ledger.countyCode
      ? `${countyName}（县级）`
      : (regionName.get(s.regionCode) ?? s.regionCode);
  const severities = (["critical", "high", "medium", "low"] as const).map((v) =>
    padStart(String(s.bySeverity[v]), 6),
  );
  const codes = s.byCode.map((t) => `${t.code}×${t.count}`).join(" ");
  console.log(`${pad(name, 16)}${padStart(String(s.total), 6)}${severities.join("")}  ${codes || "—"}`);
}
