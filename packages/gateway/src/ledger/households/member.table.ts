import {
  EDUCATION_LEVELS,
  HEALTH_STATES,
  LABOUR_ABILITIES,
  type Member,
  RELATIONS,
  SCHOOL_STATUSES,
} from "@fupin/domain";
import { column, defineLedgerTable } from "../ledger-table.js";

/** The `member` table: household members; a person (ID number) is in one household at most. */
export const memberTable = defineLedgerTable<Member>({
  name: "Member",
  table: "member",
  columns: {
    id: column.text(),
    householdId: column.ref("Household"),
    name: column.text(),
    idNumber: column.text(),
    relation: column.oneOf(RELATIONS),
    ethnicity: column.text(),
    education: column.oneOf(EDUCATION_LEVELS),
    schoolStatus: column.oneOf(SCHOOL_STATUSES),
    health: column.oneOf(HEALTH_STATES),
    labourAbility: column.oneOf(LABOUR_ABILITIES),
    migrantWorkMonths: column.int(),
  },
  uniques: [
    {
      fields: ["idNumber"],
      failure: {
        code: "LEDGER.DUPLICATE_ID_NUMBER",
        message: "this person (ID number) is already a member of a household",
        field: "input.idNumber",
      },
    },
  ],
  derived: { household: ["householdId"] },
});
