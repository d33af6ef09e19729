import { FUND_SOURCES } from "../funds/fund.js";
import { PROJECT_STAGES } from "../projects/project.js";
import { isInRegion } from "./as-of.js";
import { CAMPAIGN_FIGURES, type CampaignFigure, type CampaignRow } from "./campaign-report.js";
import type { MeasureDefinition, MeasureValue, RowRef, RuleContext, RuleScope } from "./consistency.js";
import type { HouseholdReportRow, LinkageLine } from "./household-report.js";
import { monthEnd } from "./period.js";
import type { ProjectReportRow } from "./project-report.js";

type Values = Map<string, { value: number; refs: RowRef[] }>;

function add(values: Values, key: string, value: number, ref?: RowRef): void {
  const cur = values.get(key) ?? { value: 0, refs: [] };
  cur.value += value;
  if (ref) cur.refs.push(ref);
  values.set(key, cur);
}

function measure(scope: RuleScope, fill: (ctx: RuleContext, values: Values) => void): MeasureDefinition {
  return {
    scope,
    evaluate: (ctx) => {
      const values: Values = new Map();
      fill(ctx, values);
      return values as ReadonlyMap<string, MeasureValue>;
    },
  };
}

const mm = (month: number) => String(month).padStart(2, "0");

/** The scope key of a township in a month. */
export function monthKey(regionCode: string, month: number): string {
  return `${regionCode}|${mm(month)}`;
}

function hhRef(row: HouseholdReportRow, recordIds: readonly string[] = [row.householdId]): RowRef {
  return { source: "province-households", row: row.householdNumber, recordIds };
}

function campaignRef(row: CampaignRow, previous = false): RowRef {
  return {
    source: previous ? "previous:city-campaign" : "city-campaign",
    row: monthKey(row.regionCode, row.month),
    recordIds: [],
  };
}

function lastRows(rows: readonly CampaignRow[]): CampaignRow[] {
  const last = Math.max(0, ...rows.map((r) => r.month));
  return rows.filter((r) => r.month === last);
}

function r3AtAsOf(figure: CampaignFigure): MeasureDefinition {
  return measure("township", (ctx, v) => {
    for (const row of lastRows(ctx.campaign.rows))
      add(v, row.regionCode, row.figures[figure], campaignRef(row));
  });
}

function r1ByTownship(
  value: (row: HouseholdReportRow) => number,
  records: (row: HouseholdReportRow) => string[],
) {
  return measure("township", (ctx, v) => {
    for (const t of new Set(ctx.campaign.rows.map((r) => r.regionCode))) add(v, t, 0);
    for (const row of ctx.households.households) {
      const n = value(row);
      add(v, row.townshipCode, n, n > 0 ? hhRef(row, records(row)) : undefined);
    }
  });
}

function r1ToMonthEnd(value: (row: HouseholdReportRow, end: string) => number) {
  return measure("township-month", (ctx, v) => {
    for (const c of ctx.campaign.rows) {
      const end = monthEnd(ctx.campaign.period.year, c.month);
      const key = monthKey(c.regionCode, c.month);
      add(v, key, 0);
      for (const row of ctx.households.households) {
        if (row.townshipCode !== c.regionCode) continue;
        const n = value(row, end);
        const ids = row.subsidies.filter((s) => s.date <= end).map((s) => s.subsidyId);
        if (n > 0) add(v, key, n, hhRef(row, ids));
      }
    }
  });
}

const BENEFIT_OF_MODE: Record<LinkageLine["mode"], string> = {
  order_purchase: "purchase_payment",
  land_lease: "rent",
  employment: "wage",
  equity_dividend: "dividend",
  entrusted_raising: "cash",
  asset_income: "dividend",
};

function linkagePay(kind: string) {
  return measure("household", (ctx, v) => {
    for (const row of ctx.households.households) {
      if (row.income === null) continue;
      for (const l of row.linkages) {
        if ((l.benefitKind ?? BENEFIT_OF_MODE[l.mode]) !== kind || l.receivedFen === 0) continue;
        add(
          v,
          row.householdNumber,
          l.receivedFen,
          hhRef(row, [l.linkageId, ...(l.linkageYearId ? [l.linkageYearId] : [])]),
        );
      }
    }
  });
}

function income(field: "wageFen" | "propertyFen") {
  return measure("household", (ctx, v) => {
    for (const row of ctx.households.households) {
      if (row.income) add(v, row.householdNumber, row.income[field], hhRef(row, [row.income.incomeId]));
    }
  });
}

function householdMeasures(): Record<string, MeasureDefinition> {
  return {
    "r1.households": r1ByTownship(
      () => 1,
      (r) => [r.householdId],
    ),
    "r1.persons": r1ByTownship(
      (r) => r.size,
      (r) => [r.householdId],
    ),
    "r1.linkedHouseholds": r1ByTownship(
      (r) => (r.linkages.length > 0 ? 1 : 0),
      (r) => r.linkages.map((l) => l.linkageId),
    ),
    "r1.linkageBenefitFen": r1ByTownship(
      (r) => r.linkages.reduce((s, l) => s + l.receivedFen, 0),
      (r) => r.linkages.flatMap((l) => (l.linkageYearId ? [l.linkageYearId] : [])),
    ),
    "r1.subsidyHouseholdsToMonthEnd": r1ToMonthEnd((r, end) =>
      r.subsidies.some((s) => s.date <= end) ? 1 : 0,
    ),
    "r1.subsidyFenToMonthEnd": r1ToMonthEnd((r, end) =>
      r.subsidies.filter((s) => s.date <= end).reduce((s, x) => s + x.amountFen, 0),
    ),
    "r1.wageIncome": income("wageFen"),
    "r1.propertyIncome": income("propertyFen"),
    "r1.employmentPay": linkagePay("wage"),
    "r1.dividends": linkagePay("dividend"),
    "r1.rent": linkagePay("rent"),
    "r3.registeredHouseholds@asOf": r3AtAsOf("registeredHouseholds"),
    "r3.registeredPersons@asOf": r3AtAsOf("registeredPersons"),
    "r3.linkedHouseholds@asOf": r3AtAsOf("linkedHouseholds"),
    "r3.linkageBenefitFen@asOf": r3AtAsOf("linkageBenefitFen"),
  };
}

const villagesOf = new WeakMap<RuleContext["ledger"], Map<string, string>>();

/**
 * The household numbers of a project's beneficiaries that belong in the report set's report 1: all
 * of them, except households the ledger places in a village outside the report's region (a leading
 * enterprise of one township employs households of the next; their rows are in their own township's
 * report 1, and the county's report set checks them).
 */
function beneficiariesInRegion(ctx: RuleContext, p: ProjectReportRow): string[] {
  const region = ctx.households.regionCode;
  let villages = villagesOf.get(ctx.ledger);
  if (!villages) {
    villages = new Map(ctx.ledger.households.map((h) => [h.id, h.villageCode]));
    villagesOf.set(ctx.ledger, villages);
  }
  return p.beneficiaryHouseholdNumbers.filter((_, k) => {
    const village = villages.get(p.beneficiaryHouseholdIds[k]!);
    return village === undefined || isInRegion(village, region);
  });
}

function projectHouseholdMeasures(): Record<string, MeasureDefinition> {
  const projectRef = (projectId: string): RowRef => ({
    source: "city-projects",
    row: projectId,
    recordIds: [projectId],
  });
  return {
    "r2.beneficiary": measure("project-household", (ctx, v) => {
      for (const p of ctx.projects.projects)
        for (const n of beneficiariesInRegion(ctx, p))
          add(v, `${p.projectId}|${n}`, 1, projectRef(p.projectId));
    }),
    "r2.expectsLinkage": measure("project-household", (ctx, v) => {
      for (const p of ctx.projects.projects)
        if (p.entityId !== null && p.linkageMode !== null)
          for (const n of beneficiariesInRegion(ctx, p))
            add(v, `${p.projectId}|${n}`, 1, projectRef(p.projectId));
    }),
    "r1.showsProject": measure("project-household", (ctx, v) => {
      for (const row of ctx.households.households)
        for (const id of row.projectIds) add(v, `${id}|${row.householdNumber}`, 1, hhRef(row));
    }),
    "r1.hasProjectLinkage": measure("project-household", (ctx, v) => {
      const byHousehold = new Map(ctx.households.households.map((h) => [h.householdNumber, h]));
      for (const p of ctx.projects.projects) {
        for (const n of p.beneficiaryHouseholdNumbers) {
          const row = byHousehold.get(n);
          if (!row) continue;
          const l = row.linkages.find((x) => x.entityId === p.entityId && x.mode === p.linkageMode);
          add(v, `${p.projectId}|${n}`, l ? 1 : 0, hhRef(row, l ? [l.linkageId] : [row.householdId]));
        }
      }
    }),
  };
}

function fundMeasures(): Record<string, MeasureDefinition> {
  const funds = (ctx: RuleContext) =>
    ctx.ledger.funds.filter(
      (f) =>
        f.regionCode.startsWith(ctx.projects.regionCode) || ctx.projects.regionCode.startsWith(f.regionCode),
    );
  const ledgerRef = (ids: string[]): RowRef => ({ source: "ledger", row: ids[0]!, recordIds: ids });
  return {
    "ledger.fundAllocated": measure("fund", (ctx, v) => {
      for (const f of funds(ctx)) add(v, f.id, f.allocatedFen, ledgerRef([f.id]));
    }),
    "ledger.fundProjectUses": measure("fund", (ctx, v) => {
      const ids = new Set(funds(ctx).map((f) => f.id));
      for (const f of ids) add(v, f, 0);
      for (const u of ctx.ledger.fundUses)
        if (ids.has(u.fundId) && u.projectId !== null) add(v, u.fundId, u.amountFen, ledgerRef([u.id]));
    }),
    "ledger.fundSubsidies": measure("fund", (ctx, v) => {
      const ids = new Set(funds(ctx).map((f) => f.id));
      for (const f of ids) add(v, f, 0);
      for (const s of ctx.ledger.subsidies)
        if (s.fundId !== null && ids.has(s.fundId)) add(v, s.fundId, s.amountFen, ledgerRef([s.id]));
    }),
  };
}

function projectMeasures(): Record<string, MeasureDefinition> {
  const ref = (id: string, recordIds: string[] = [id], previous = false): RowRef => ({
    source: previous ? "previous:city-projects" : "city-projects",
    row: id,
    recordIds,
  });
  return {
    "r2.planned": measure("project-source", (ctx, v) => {
      for (const p of ctx.projects.projects)
        for (const s of FUND_SOURCES) add(v, `${p.projectId}|${s}`, p.plannedFen[s], ref(p.projectId));
    }),
    "r2.disbursed": measure("project-source", (ctx, v) => {
      for (const p of ctx.projects.projects)
        for (const s of FUND_SOURCES) {
          const lines = p.disbursements.filter((d) => d.source === s);
          add(
            v,
            `${p.projectId}|${s}`,
            p.disbursedFen[s],
            ref(
              p.projectId,
              lines.map((d) => d.disbursementId),
            ),
          );
        }
    }),
    "ledger.fundUsesBySource": measure("project-source", (ctx, v) => {
      const source = new Map(ctx.ledger.funds.map((f) => [f.id, f.source]));
      const listed = new Set(ctx.projects.projects.map((p) => p.projectId));
      for (const p of listed) for (const s of FUND_SOURCES) add(v, `${p}|${s}`, 0);
      for (const u of ctx.ledger.fundUses) {
        if (u.projectId === null || !listed.has(u.projectId) || !source.has(u.fundId)) continue;
        add(v, `${u.projectId}|${source.get(u.fundId)}`, u.amountFen, {
          source: "ledger",
          row: u.id,
          recordIds: [u.id, u.fundId],
        });
      }
    }),
    "r2.plannedTotal": measure("project", (ctx, v) => {
      for (const p of ctx.projects.projects) add(v, p.projectId, p.plannedTotalFen, ref(p.projectId));
    }),
    "r2.plannedSourcesSum": measure("project", (ctx, v) => {
      for (const p of ctx.projects.projects)
        add(
          v,
          p.projectId,
          FUND_SOURCES.reduce((s, k) => s + p.plannedFen[k], 0),
          ref(p.projectId),
        );
    }),
    "r2.disbursedToMonthEnd": measure("township-month", (ctx, v) => {
      for (const c of ctx.campaign.rows) {
        const end = monthEnd(ctx.campaign.period.year, c.month);
        const key = monthKey(c.regionCode, c.month);
        add(v, key, 0);
        for (const p of ctx.projects.projects) {
          if (p.townshipCode !== c.regionCode) continue;
          const lines = p.disbursements.filter(
            (d) => d.date <= end && d.date.startsWith(String(ctx.campaign.period.year)),
          );
          if (lines.length > 0)
            add(
              v,
              key,
              lines.reduce((s, d) => s + d.amountFen, 0),
              ref(
                p.projectId,
                lines.map((d) => d.disbursementId),
              ),
            );
        }
      }
    }),
  };
}

function continuityMeasures(): Record<string, MeasureDefinition> {
  const reason = (ctx: RuleContext, key: string) => ctx.reasons?.[key] !== undefined;
  return {
    "r2.stageIndex": measure("project", (ctx, v) => {
      for (const p of ctx.projects.projects)
        add(v, p.projectId, PROJECT_STAGES.indexOf(p.stage), {
          source: "city-projects",
          row: p.projectId,
          recordIds: [p.projectId],
        });
    }),
    "prev.r2.stageIndex": measure("project", (ctx, v) => {
      for (const p of ctx.previous?.projects?.projects ?? [])
        add(v, p.projectId, PROJECT_STAGES.indexOf(p.stage), {
          source: "previous:city-projects",
          row: p.projectId,
          recordIds: [p.projectId],
        });
    }),
    "prev.r1.present": measure("household", (ctx, v) => {
      for (const h of ctx.previous?.households?.households ?? [])
        add(v, h.householdNumber, 1, {
          source: "previous:province-households",
          row: h.householdNumber,
          recordIds: [h.householdId],
        });
    }),
    "r1.presentOrExplained": measure("household", (ctx, v) => {
      for (const h of ctx.households.households) add(v, h.householdNumber, 1, hhRef(h));
      for (const h of ctx.previous?.households?.households ?? [])
        if (!v.has(h.householdNumber) && reason(ctx, h.householdNumber)) add(v, h.householdNumber, 1);
    }),
    "prev.r2.present": measure("project", (ctx, v) => {
      for (const p of ctx.previous?.projects?.projects ?? [])
        add(v, p.projectId, 1, {
          source: "previous:city-projects",
          row: p.projectId,
          recordIds: [p.projectId],
        });
    }),
    "r2.presentOrExplained": measure("project", (ctx, v) => {
      for (const p of ctx.projects.projects)
        add(v, p.projectId, 1, { source: "city-projects", row: p.projectId, recordIds: [p.projectId] });
      for (const p of ctx.previous?.projects?.projects ?? [])
        if (!v.has(p.projectId) && reason(ctx, p.projectId)) add(v, p.projectId, 1);
    }),
  };
}

function campaignFigureMeasures(figure: CampaignFigure): Record<string, MeasureDefinition> {
  const byKey = (rows: readonly CampaignRow[]) =>
    new Map(rows.map((r) => [monthKey(r.regionCode, r.month), r]));
  const sameYear = (ctx: RuleContext) => ctx.previous?.campaign?.period.year === ctx.campaign.period.year;
  return {
    [`r3.${figure}`]: measure("township-month", (ctx, v) => {
      for (const r of ctx.campaign.rows)
        add(v, monthKey(r.regionCode, r.month), r.figures[figure], campaignRef(r));
    }),
    [`r3.total.${figure}`]: measure("region-month", (ctx, v) => {
      for (const r of ctx.campaign.totals)
        add(v, monthKey(r.regionCode, r.month), r.figures[figure], campaignRef(r));
    }),
    [`r3.sum.${figure}`]: measure("region-month", (ctx, v) => {
      for (const t of ctx.campaign.totals) add(v, monthKey(t.regionCode, t.month), 0);
      for (const r of ctx.campaign.rows)
        add(v, monthKey(ctx.campaign.regionCode, r.month), r.figures[figure], campaignRef(r));
    }),
    [`r3.priorMonth.${figure}`]: measure("township-month", (ctx, v) => {
      const rows = byKey(ctx.campaign.rows);
      for (const r of ctx.campaign.rows) {
        const prior = rows.get(monthKey(r.regionCode, r.month - 1));
        add(
          v,
          monthKey(r.regionCode, r.month),
          prior?.figures[figure] ?? 0,
          prior ? campaignRef(prior) : undefined,
        );
      }
    }),
    [`prev.r3.${figure}`]: measure("township-month", (ctx, v) => {
      if (!sameYear(ctx)) return;
      for (const r of ctx.previous!.campaign!.rows)
        add(v, monthKey(r.regionCode, r.month), r.figures[figure], campaignRef(r, true));
    }),
    [`prev.r3.next.${figure}`]: measure("township-month", (ctx, v) => {
      if (!sameYear(ctx)) return;
      const last = Math.max(...ctx.previous!.campaign!.rows.map((r) => r.month));
      for (const r of ctx.previous!.campaign!.rows)
        if (r.month === last)
          add(v, monthKey(r.regionCode, r.month + 1), r.figures[figure], campaignRef(r, true));
    }),
  };
}

function submissionMeasures(): Record<string, MeasureDefinition> {
  const field = (name: "period" | "asOf" | "preparer" | "reviewer") =>
    measure("submission", (ctx, v) => {
      if (!ctx.submission) return;
      const text = ctx.submission[name]?.trim() ?? "";
      add(v, "submission", text === "" ? 0 : 1, { source: "submission", row: name, recordIds: [] });
    });
  return {
    "submission.hasPeriod": field("period"),
    "submission.hasAsOf": field("asOf"),
    "submission.hasPreparer": field("preparer"),
    "submission.hasReviewer": field("reviewer"),
  };
}

/** Every measure the consistency rules can refer to, by code. */
export const MEASURES: Readonly<Record<string, MeasureDefinition>> = {
  ...householdMeasures(),
  ...projectHouseholdMeasures(),
  ...fundMeasures(),
  ...projectMeasures(),
  ...continuityMeasures(),
  ...submissionMeasures(),
  ...Object.assign({}, ...(Object.keys(CAMPAIGN_FIGURES) as CampaignFigure[]).map(campaignFigureMeasures)),
};
