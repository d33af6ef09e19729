import type { Project } from "@fupin/domain";
import { EntitySchema } from "@mikro-orm/core";
import { LedgerRow, ledgerRowProperties } from "../ledger-row.js";

/** ORM entity of a project row (table `project`). */
export class ProjectEntity extends LedgerRow {
  id!: string;
  name!: string;
  year!: number;
  industryId!: string;
  entityId!: string | null;
  fundingFen!: Project["fundingFen"];
  beneficiaryHouseholdIds!: Project["beneficiaryHouseholdIds"];
  linkageMode!: Project["linkageMode"] | null;
  performanceTarget!: string;
  stages!: Project["stages"];
  currentStage!: Project["stages"][number]["stage"];
}

/** Mapping of `ProjectEntity` to the `project` table. */
export const ProjectSchema = new EntitySchema<ProjectEntity>({
  class: ProjectEntity,
  tableName: "project",
  properties: {
    ...ledgerRowProperties,
    id: { type: "text", primary: true },
    name: { type: "text" },
    year: { type: "integer" },
    industryId: { type: "text" },
    entityId: { type: "text", nullable: true },
    fundingFen: { type: "json" },
    beneficiaryHouseholdIds: { type: "json" },
    linkageMode: { type: "text", nullable: true },
    performanceTarget: { type: "text" },
    stages: { type: "json" },
    currentStage: { type: "text" },
  },
});

/** Maps `project` rows to the domain `Project` and back. */
export const projectMapper = {
  toDomain(e: ProjectEntity): Project {
    return {
      id: e.id,
      name: e.name,
      year: e.year,
      industryId: e.industryId,
      entityId: e.entityId,
      fundingFen: e.fundingFen,
      beneficiaryHouseholdIds: e.beneficiaryHouseholdIds,
      linkageMode: e.linkageMode,
      performanceTarget: e.performanceTarget,
      stages: e.stages,
      regionCode: e.regionCode,
    };
  },
  /** The row of a record; its region is its own `regionCode`. */
  toEntity(r: Project, countyCode: string): ProjectEntity {
    const e = new ProjectEntity();
    e.countyCode = countyCode;
    e.regionCode = r.regionCode;
    e.id = r.id;
    e.name = r.name;
    e.year = r.year;
    e.industryId = r.industryId;
    e.entityId = r.entityId;
    e.fundingFen = r.fundingFen;
    e.beneficiaryHouseholdIds = r.beneficiaryHouseholdIds;
    e.linkageMode = r.linkageMode;
    e.performanceTarget = r.performanceTarget;
    e.stages = r.stages;
    e.currentStage = r.stages.at(-1)?.stage ?? "application";
    return e;
  },
};
