import { householdIndustryTable } from "../industries/household-industry.table.js";
import type { LedgerTable } from "../ledger-table.js";
import type { LedgerWriter } from "../ledger-writer.js";
import { linkageTable } from "../linkage/linkage.table.js";
import { linkageYearTable } from "../linkage/linkage-year.table.js";
import { monitoringTable } from "../monitoring/monitoring.table.js";
import { responsibilityTable } from "../responsibility/responsibility.table.js";
import { subsidyTable } from "../support/subsidy.table.js";
import { incomeTable } from "./income.table.js";
import { memberTable } from "./member.table.js";

/** Tables whose rows are filed under their household's village. */
const HOUSEHOLD_CHILD_TABLES = [
  memberTable,
  incomeTable,
  householdIndustryTable,
  linkageTable,
  subsidyTable,
  monitoringTable,
  responsibilityTable,
] as const;

/** Files the rows of a household (and its linkages' years) under the village it moved to. */
export async function relocateHousehold(
  w: LedgerWriter,
  householdId: string,
  villageCode: string,
): Promise<void> {
  for (const table of HOUSEHOLD_CHILD_TABLES) {
    await w.relocate(
      table as LedgerTable<{ householdId: string }>,
      "householdId",
      [householdId],
      villageCode,
    );
  }
  const linkages = await w.find(linkageTable, { householdId }, "all");
  await w.relocate(
    linkageYearTable,
    "linkageId",
    linkages.map((l) => l.id),
    villageCode,
  );
}
