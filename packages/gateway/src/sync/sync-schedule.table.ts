import { BigIntType, EntitySchema } from "@mikro-orm/core";

/** A row of `sync_schedule`: when a profile's report of a region is sent, as a cron in a time zone. */
export interface SyncScheduleRow {
  id: number;
  countyCode: string;
  regionCode: string;
  profile: string;
  cron: string;
  timezone: string;
  enabled: boolean;
  preparer: string;
  reviewer: string;
  updatedBy: string;
  updatedAt: Date;
}

/** The `sync_schedule` table: one schedule per (profile, region); pg-boss holds the live cron under the name derived from it. */
export const SyncScheduleSchema = new EntitySchema<SyncScheduleRow>({
  name: "SyncSchedule",
  tableName: "sync_schedule",
  properties: {
    id: { type: new BigIntType("number"), primary: true, autoincrement: true },
    countyCode: { type: "text" },
    regionCode: { type: "text" },
    profile: { type: "text" },
    cron: { type: "text" },
    timezone: { type: "text", default: "Asia/Shanghai" },
    enabled: { type: "boolean", default: true },
    preparer: { type: "text" },
    reviewer: { type: "text" },
    updatedBy: { type: "text" },
    updatedAt: { type: "Date", columnType: "timestamptz", defaultRaw: "now()" },
  },
  uniques: [{ name: "sync_schedule_profile_region_key", properties: ["profile", "regionCode"] }],
  indexes: [{ name: "sync_schedule_scope_idx", properties: ["countyCode", "regionCode"] }],
  checks: [{ name: "sync_schedule_county_code_check", expression: "county_code ~ '^[0-9]{6}$'" }],
});
