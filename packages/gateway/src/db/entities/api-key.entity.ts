import { ArrayType, EntitySchema } from "@mikro-orm/core";

/** A row of the API key table. */
export interface ApiKeyRow {
  id: string;
  keyHash: string;
  label: string;
  regionCode: string;
  permissions: string[];
  createdAt: Date;
  revokedAt: Date | null;
  expiresAt: Date | null;
}

/** The `api_key` table: API keys, stored as hashes, each with a region scope and permissions. */
export const ApiKeySchema = new EntitySchema<ApiKeyRow>({
  name: "ApiKey",
  tableName: "api_key",
  properties: {
    id: { type: "text", primary: true },
    keyHash: { type: "text", unique: true },
    label: { type: "text", default: "" },
    regionCode: { type: "text" },
    permissions: { type: ArrayType, columnType: "text[]" },
    createdAt: { type: "Date", columnType: "timestamptz", defaultRaw: "now()" },
    revokedAt: { type: "Date", columnType: "timestamptz", nullable: true },
    expiresAt: { type: "Date", columnType: "timestamptz", nullable: true },
  },
  checks: [
    {
      name: "api_key_region_code_check",
      expression: "region_code ~ '^([0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{9}|[0-9]{12})$'",
    },
  ],
});
