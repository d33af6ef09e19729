import {
  createHousehold,
  createMember,
  createMonitoring,
  type Household,
  type Member,
  type Monitoring,
  type Region,
} from "@fupin/domain";
import { cellError, domainErrors, type ImportRowError, type ParsedRow } from "./import-errors.js";

/** Records read from a person roster, with the row each record came from. */
export interface RosterRecords {
  readonly households: Household[];
  readonly members: Member[];
  readonly monitorings: Monitoring[];
  readonly rowOf: Map<string, ParsedRow>;
}

function villageOf(
  first: ParsedRow,
  byName: ReadonlyMap<string, string>,
  countyCode: string,
): string | ImportRowError {
  const code = first.values.villageCode;
  if (typeof code === "string") {
    const short = code.replace(/^(\d{12})\d*$/, "$1");
    if (!short.startsWith(countyCode))
      return cellError(first, "villageCode", {
        code: "LEDGER.WRONG_COUNTY",
        message: `区划代码 ${code} 不属于本县（${countyCode}）`,
        messageEn: `region ${code} is not under county ${countyCode}`,
      });
    return short;
  }
  const key = `${first.values.township ?? ""}/${first.values.village ?? ""}`;
  const found = byName.get(key);
  return (
    found ??
    cellError(first, "village", {
      code: "IMPORT.UNKNOWN_VILLAGE",
      message: `本县没有“${key}”这个行政村`,
      messageEn: `no village ${key} in the county`,
    })
  );
}

function householdInput(head: ParsedRow, village: string) {
  const v = head.values;
  return {
    id: `hh-${v.householdNumber}`,
    householdNumber: v.householdNumber,
    villageCode: village,
    attribute: v.attribute,
    mainCause: v.mainCause,
    povertyStatus: v.povertyStatus,
    registeredYear: v.registeredYear,
    exitYear: v.exitYear ?? null,
    phone: v.phone ?? null,
  };
}

const MEMBER_FIELDS = [
  "name",
  "idNumber",
  "relation",
  "ethnicity",
  "education",
  "schoolStatus",
  "health",
  "labourAbility",
  "migrantWorkMonths",
] as const;

function memberInput(row: ParsedRow, householdId: string) {
  const input: Record<string, unknown> = {
    id: `m-${row.values.householdNumber}-${row.values.idNumber}`,
    householdId,
  };
  for (const k of MEMBER_FIELDS) if (row.values[k] !== undefined) input[k] = row.values[k];
  return input;
}

/** Groups roster rows (one per person, household fields repeated) by 户编号 and builds households, members and monitoring records through the domain's input schemas. */
export function rosterRecords(
  rows: readonly ParsedRow[],
  regions: readonly Region[],
  countyCode: string,
  asOf: string,
  errors: ImportRowError[],
): RosterRecords {
  const byName = new Map<string, string>();
  const names = new Map(regions.map((r) => [r.code, r.name]));
  for (const r of regions)
    if (r.level === "village") byName.set(`${names.get(r.parentCode ?? "") ?? ""}/${r.name}`, r.code);
  const groups = new Map<string, ParsedRow[]>();
  for (const row of rows) {
    const n = row.values.householdNumber;
    if (typeof n !== "string") continue;
    groups.set(n, [...(groups.get(n) ?? []), row]);
  }
  const out: RosterRecords = { households: [], members: [], monitorings: [], rowOf: new Map() };
  for (const [number, group] of groups) {
    const heads = group.filter((r) => r.values.relation === "head");
    if (heads.length !== 1) {
      const at = heads[1] ?? group[0]!;
      errors.push(
        cellError(at, "relation", {
          code: "LEDGER.HOUSEHOLD_HEAD",
          message: `户编号 ${number} 有 ${heads.length} 位户主，应有且只有一位`,
          messageEn: `household ${number} has ${heads.length} heads, needs exactly one`,
        }),
      );
      continue;
    }
    const head = heads[0]!;
    const village = villageOf(head, byName, countyCode);
    if (typeof village !== "string") {
      errors.push(village);
      continue;
    }
    const household = createHousehold(householdInput(head, village));
    if (!household.ok) {
      errors.push(...domainErrors(head, household.error));
      continue;
    }
    out.households.push(household.value);
    out.rowOf.set(household.value.id, head);
    for (const row of group) {
      const member = createMember(memberInput(row, household.value.id), asOf);
      if (!member.ok) errors.push(...domainErrors(row, member.error));
      else {
        out.members.push(member.value);
        out.rowOf.set(member.value.id, row);
      }
    }
    if (head.values.monitoringCategory !== undefined) {
      const m = createMonitoring({
        id: `mon-${number}`,
        householdId: household.value.id,
        category: head.values.monitoringCategory,
        riskType: "other",
        identifiedDate: head.values.riskIdentifiedDate,
        removedDate: head.values.riskRemovedDate ?? null,
      });
      if (m.ok) out.monitorings.push(m.value);
      else
        errors.push(
          ...domainErrors(head, m.error, (p) =>
            p === "identifiedDate" ? "riskIdentifiedDate" : p === "removedDate" ? "riskRemovedDate" : p,
          ),
        );
    }
  }
  return out;
}
