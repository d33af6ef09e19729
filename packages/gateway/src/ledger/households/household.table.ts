import {
  HOUSEHOLD_ATTRIBUTES,
  type Household,
  IDENTIFICATION_STANDARDS,
  POVERTY_CAUSES,
  POVERTY_STATUSES,
} from "@fupin/domain";
import { column, defineLedgerTable } from "../ledger-table.js";

/** The `household` table: registered households (建档立卡户), filed under their village. */
export const householdTable = defineLedgerTable<Household>({
  name: "Household",
  table: "household",
  columns: {
    id: column.text(),
    householdNumber: column.text(),
    villageCode: column.ref("Region"),
    identificationStandard: column.oneOf(IDENTIFICATION_STANDARDS),
    attribute: column.oneOf(HOUSEHOLD_ATTRIBUTES),
    mainCause: column.oneOf(POVERTY_CAUSES),
    otherCauses: column.json(),
    povertyStatus: column.oneOf(POVERTY_STATUSES),
    registeredYear: column.int(),
    exitYear: column.int({ nullable: true }),
    phone: column.text({ nullable: true }),
    bankAccount: column.text({ nullable: true }),
  },
  uniques: [
    {
      fields: ["countyCode", "householdNumber"],
      failure: {
        code: "HOUSEHOLD.DUPLICATE_NUMBER",
        message: "a household with this number is already registered in the county",
      },
    },
  ],
  derived: {
    village: ["villageCode"],
    members: [],
    incomes: [],
    industries: [],
    linkages: [],
    subsidies: [],
    monitorings: [],
    helpers: [],
  },
});
