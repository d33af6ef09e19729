import { SERVICE_KINDS, type TechnicalService } from "@fupin/domain";
import { column, defineLedgerTable } from "../ledger-table.js";

/** The `technical_service` table: visits and trainings, filed under their region. */
export const technicalServiceTable = defineLedgerTable<TechnicalService>({
  name: "TechnicalService",
  table: "technical_service",
  columns: {
    id: column.text(),
    kind: column.oneOf(SERVICE_KINDS),
    date: column.date(),
    regionCode: column.text(),
    industryId: column.ref("Industry", { nullable: true }),
    householdIds: column.json(),
    content: column.text(),
  },
  derived: { region: ["regionCode"], industry: ["industryId"], households: ["householdIds"] },
});
