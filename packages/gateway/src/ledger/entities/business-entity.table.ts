import { type BusinessEntity, ENTITY_KINDS } from "@fupin/domain";
import { column, defineLedgerTable } from "../ledger-table.js";

/** The `business_entity` table: enterprises, cooperatives and farms (经营主体), filed under their region. */
export const businessEntityTable = defineLedgerTable<BusinessEntity>({
  name: "BusinessEntity",
  table: "business_entity",
  columns: {
    id: column.text(),
    name: column.text(),
    kind: column.oneOf(ENTITY_KINDS),
    regionCode: column.text(),
    creditCode: column.text({ nullable: true }),
    industryId: column.ref("Industry", { nullable: true }),
    establishedYear: column.int(),
  },
  derived: { region: ["regionCode"], industry: ["industryId"], activities: [], linkages: [] },
});
