import { type FieldNode, Kind, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { householdTable } from "../../ledger/households/household.table.js";
import { memberTable } from "../../ledger/households/member.table.js";
import { linkageTable } from "../../ledger/linkage/linkage.table.js";
import { rowFieldsOf } from "./selection.js";

function fields(selection: string): FieldNode[] {
  const doc = parse(`{ x { ${selection} } }`);
  const op = doc.definitions[0];
  if (op?.kind !== Kind.OPERATION_DEFINITION) throw new Error("no operation");
  const x = op.selectionSet.selections[0];
  if (x?.kind !== Kind.FIELD || !x.selectionSet) throw new Error("no field");
  return x.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD);
}

describe("rowFieldsOf", () => {
  it("reads the key, the selected columns and the columns behind relations", () => {
    expect(
      rowFieldsOf(householdTable, fields("id householdNumber village { name } members { name }")),
    ).toEqual(["id", "householdNumber", "villageCode"]);
  });

  it("adds the grouping field", () => {
    expect(rowFieldsOf(memberTable, fields("name idNumber"), ["householdId"])).toEqual([
      "id",
      "householdId",
      "name",
      "idNumber",
    ]);
  });

  it("reads every column when a selected field is not known to map to columns", () => {
    expect(rowFieldsOf(linkageTable, fields("entity { name }"))).toEqual(["id", "entityId"]);
    expect(rowFieldsOf(linkageTable, fields("entity { name } addedLater"))).toBeNull();
  });

  it("selects columns in table order with aliases", () => {
    expect(memberTable.selectOf(["name", "id", "householdId"])).toBe(
      'id, household_id AS "householdId", name',
    );
    expect(memberTable.selectOf(null)).toBe(memberTable.select);
  });
});
