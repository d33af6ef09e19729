import { ArrayType, EntitySchema } from "@mikro-orm/core";

/** ORM entity of an API key row: only the sha256 of the secret is stored. */
export class ApiKeyEntity {
  id!: string;
  keyHash!: string;
  label!: string;
  regionCode!: string;
  permissions!: string[];
  createdAt!: Date;
  revokedAt!: Date | null;
}

/** Mapping of `ApiKeyEntity` to the `api_key` table. */
export const ApiKeySchema = new EntitySchema<ApiKeyEntity>({
  class: ApiKeyEntity,
  tableName: "api_key",
  properties: {
    id: { type: "text", primary: true },
    keyHash: { type: "text", unique: true },
    label: { type: "text" },
    regionCode: { type: "text" },
    permissions: { type: ArrayType, columnType: "text[]" },
    createdAt: { type: "Date", columnType: "timestamptz" },
    revokedAt: { type: "Date", columnType: "timestamptz", nullable: true },
  },
});
