import type { Region, RegionLevel } from "@fupin/domain";
import { column, defineLedgerTable } from "../ledger-table.js";

const LEVELS: readonly RegionLevel[] = ["province", "city", "county", "township", "village"];

/** A region row (行政区划); a province or city row carries its own code as county code. */
export type RegionRow = Region;

/** The `region` table: the administrative divisions of the ledger, keyed by code. */
export const regionTable = defineLedgerTable<RegionRow>({
  name: "Region",
  table: "region",
  key: "code",
  countyPattern: "^[0-9]{2}([0-9]{2}([0-9]{2})?)?$",
  columns: {
    code: column.text(),
    name: column.text(),
    level: column.oneOf(LEVELS),
    parentCode: column.regionCode({ nullable: true }),
    isPoorVillage: column.bool(),
  },
  derived: { parent: ["parentCode"] },
});
