import type { EntitySchemaProperty } from "@mikro-orm/core";

/** Where a ledger row lives: its county and its most specific region (the scope key of every table). */
export interface LedgerRowLocation {
  readonly countyCode: string;
  readonly regionCode: string;
}

/** Columns every ledger table carries: scope key, timestamps and the optimistic-lock version. */
export class LedgerRow {
  countyCode!: string;
  regionCode!: string;
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
  version!: number;
}

/** The ORM properties of the `LedgerRow` columns, spread into each ledger entity schema. */
export const ledgerRowProperties = {
  countyCode: { type: "text" },
  regionCode: { type: "text" },
  createdAt: { type: "Date", columnType: "timestamptz", onCreate: () => new Date() },
  updatedAt: {
    type: "Date",
    columnType: "timestamptz",
    onCreate: () => new Date(),
    onUpdate: () => new Date(),
  },
  version: { type: "integer", version: true },
} satisfies Record<string, EntitySchemaProperty<unknown, LedgerRow>>;
