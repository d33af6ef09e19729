import type { Member } from "@fupin/domain";
import { EntitySchema } from "@mikro-orm/core";
import { LedgerRow, type LedgerRowLocation, ledgerRowProperties } from "../ledger-row.js";

/** ORM entity of a household member row (table `member`). */
export class MemberEntity extends LedgerRow {
  id!: string;
  householdId!: string;
  name!: string;
  idNumber!: string;
  relation!: Member["relation"];
  ethnicity!: string;
  education!: Member["education"];
  schoolStatus!: Member["schoolStatus"];
  health!: Member["health"];
  labourAbility!: Member["labourAbility"];
  migrantWorkMonths!: number;
}

/** Mapping of `MemberEntity` to the `member` table. */
export const MemberSchema = new EntitySchema<MemberEntity>({
  class: MemberEntity,
  tableName: "member",
  properties: {
    ...ledgerRowProperties,
    id: { type: "text", primary: true },
    householdId: { type: "text" },
    name: { type: "text" },
    idNumber: { type: "text" },
    relation: { type: "text" },
    ethnicity: { type: "text" },
    education: { type: "text" },
    schoolStatus: { type: "text" },
    health: { type: "text" },
    labourAbility: { type: "text" },
    migrantWorkMonths: { type: "integer" },
  },
});

/** Maps `member` rows to the domain `Member` and back. */
export const memberMapper = {
  toDomain(e: MemberEntity): Member {
    return {
      id: e.id,
      householdId: e.householdId,
      name: e.name,
      idNumber: e.idNumber,
      relation: e.relation,
      ethnicity: e.ethnicity,
      education: e.education,
      schoolStatus: e.schoolStatus,
      health: e.health,
      labourAbility: e.labourAbility,
      migrantWorkMonths: e.migrantWorkMonths,
    };
  },
  /** The row of a record at a location (its county and most specific region). */
  toEntity(r: Member, at: LedgerRowLocation): MemberEntity {
    const e = new MemberEntity();
    e.countyCode = at.countyCode;
    e.regionCode = at.regionCode;
    e.id = r.id;
    e.householdId = r.householdId;
    e.name = r.name;
    e.idNumber = r.idNumber;
    e.relation = r.relation;
    e.ethnicity = r.ethnicity;
    e.education = r.education;
    e.schoolStatus = r.schoolStatus;
    e.health = r.health;
    e.labourAbility = r.labourAbility;
    e.migrantWorkMonths = r.migrantWorkMonths;
    return e;
  },
};
