import { RECTIFICATION_SOURCES, RECTIFICATION_STATUSES, type Rectification } from "@fupin/domain";
import { column, defineLedgerTable } from "../ledger-table.js";

/** The `rectification` table: problems found and their rectification (整改), filed under the township. */
export const rectificationTable = defineLedgerTable<Rectification>({
  name: "Rectification",
  table: "rectification",
  columns: {
    id: column.text(),
    townshipCode: column.regionCode(),
    problem: column.text(),
    source: column.oneOf(RECTIFICATION_SOURCES),
    findingCode: column.text({ nullable: true }),
    subjectId: column.text({ nullable: true }),
    foundDate: column.date(),
    responsiblePerson: column.text(),
    deadline: column.date(),
    status: column.oneOf(RECTIFICATION_STATUSES),
    plan: column.json({ nullable: true }),
    closedDate: column.date({ nullable: true }),
  },
  derived: { township: ["townshipCode"] },
});
