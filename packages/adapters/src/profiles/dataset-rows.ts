import {
  type CampaignReport,
  type HouseholdReport,
  type LedgerData,
  LINKAGE_MODE_LABELS,
  type ProjectReport,
  type ReportDataset,
} from "@fupin/domain";

/** A row to write: values by column key, in domain form (codes, fen, ISO dates); the profile's column types format them. */
export type SheetRow = Readonly<Record<string, unknown>>;

/** Names of regions by code, for the 县/乡镇/村 columns. */
export type RegionNames = ReadonlyMap<string, string>;

function personRows(report: HouseholdReport, names: RegionNames): Iterable<SheetRow> {
  const households = new Map(report.households.map((h) => [h.householdId, h]));
  return report.persons.map((p, i) => {
    const h = households.get(p.householdId)!;
    return {
      county: names.get(p.villageCode.slice(0, 6)) ?? p.villageCode.slice(0, 6),
      township: names.get(p.townshipCode) ?? p.townshipCode,
      village: names.get(p.villageCode) ?? p.villageCode,
      householdNumber: p.householdNumber,
      personNumber: String(i + 1),
      ...p.member,
      size: h.size,
      mainCause: h.mainCause,
      perCapitaNetFen: h.income?.perCapitaNetFen ?? null,
      phone: h.phone,
      registeredYear: h.registeredYear,
      attribute: h.attribute,
      povertyStatus: h.povertyStatus,
      exitYear: h.exitYear,
      monitoringCategory: h.monitoringCategory,
      riskRemoved: h.monitoringCategory === null ? null : h.riskRemovedDate !== null,
      riskIdentifiedDate: h.riskIdentifiedDate,
      riskRemovedDate: h.riskRemovedDate,
    };
  });
}

function householdRows(report: HouseholdReport, names: RegionNames): Iterable<SheetRow> {
  return report.households.map((h) => ({
    township: names.get(h.townshipCode) ?? h.townshipCode,
    village: names.get(h.villageCode) ?? h.villageCode,
    householdNumber: h.householdNumber,
    headName: h.headName,
    helperName: h.helper?.name ?? null,
    helperPhone: h.helper?.phone ?? null,
    subsidyCount: h.subsidies.length,
    subsidyFen: h.subsidies.reduce((s, x) => s + x.amountFen, 0),
    lastSubsidyDate:
      h.subsidies
        .map((s) => s.date)
        .sort()
        .at(-1) ?? null,
    entityNames: h.linkages.map((l) => l.entityName).join("、") || null,
    creditCodes: h.linkages.flatMap((l) => (l.creditCode ? [l.creditCode] : [])).join("、") || null,
    modes: h.linkages.map((l) => LINKAGE_MODE_LABELS[l.mode]).join("、") || null,
    tookPart: h.linkages.length === 0 ? null : h.linkages.some((l) => l.tookPart),
    linkageFen: h.linkages.reduce((s, l) => s + l.receivedFen, 0),
    wageFen: h.income?.wageFen ?? null,
    productionFen: h.income?.productionFen ?? null,
    propertyFen: h.income?.propertyFen ?? null,
    transferFen: h.income?.transferFen ?? null,
    netFen: h.income?.netFen ?? null,
  }));
}

function projectRows(report: ProjectReport, names: RegionNames): Iterable<SheetRow> {
  return report.projects.map((p) => ({
    ...p,
    industry: p.industryName,
    nature: p.year === report.period.year ? "新建" : "续建",
    township: names.get(p.townshipCode) ?? p.townshipCode,
    village: p.villageCode === null ? null : (names.get(p.villageCode) ?? p.villageCode),
    ...Object.fromEntries(Object.entries(p.plannedFen).map(([s, v]) => [`planned.${s}`, v])),
    ...Object.fromEntries(Object.entries(p.disbursedFen).map(([s, v]) => [`disbursed.${s}`, v])),
    ...Object.fromEntries(Object.entries(p.stageDates).map(([s, d]) => [`stage.${s}`, d])),
    beneficiaryHouseholds: p.beneficiaryHouseholdIds.length,
  }));
}

function campaignRows(report: CampaignReport, names: RegionNames): Iterable<SheetRow> {
  return [...report.rows, ...report.totals].map((r) => ({
    township: r.regionCode === report.regionCode ? "合计" : (names.get(r.regionCode) ?? r.regionCode),
    regionCode: r.regionCode,
    month: r.month,
    asOf: r.asOf,
    ...r.figures,
  }));
}

/** The rows of a profile sheet (`persons`, `households`, `projects`, `campaign`) from its dataset. */
export function datasetRows(rows: string, dataset: ReportDataset, names: RegionNames): Iterable<SheetRow> {
  if (dataset.profile === "province-households" && rows === "persons") return personRows(dataset, names);
  if (dataset.profile === "province-households" && rows === "households")
    return householdRows(dataset, names);
  if (dataset.profile === "city-projects" && rows === "projects") return projectRows(dataset, names);
  if (dataset.profile === "city-campaign" && rows === "campaign") return campaignRows(dataset, names);
  throw new Error(`profile sheet rows ${rows} do not come from a ${dataset.profile} dataset`);
}

/** The rows of a ledger workbook sheet: the records of one collection. */
export function ledgerRows(rows: string, ledger: LedgerData): Iterable<SheetRow> {
  const records = (ledger as unknown as Record<string, unknown>)[rows];
  if (!Array.isArray(records)) throw new Error(`the ledger has no collection ${rows}`);
  return records as SheetRow[];
}

/** Region names of a ledger by code. */
export function regionNamesOf(ledger: LedgerData): RegionNames {
  return new Map(ledger.regions.map((r) => [r.code, r.name]));
}
