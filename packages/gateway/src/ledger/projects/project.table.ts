import { LINKAGE_MODES, PROJECT_STAGES, type Project, type ProjectStage } from "@fupin/domain";
import { column, defineLedgerTable } from "../ledger-table.js";

/** Project row: the domain project plus its current stage column. */
export type ProjectRow = Project & { readonly currentStage: ProjectStage };

/** The `project` table: industry projects with their funding and stage history. */
export const projectTable = defineLedgerTable<ProjectRow>({
  name: "Project",
  table: "project",
  columns: {
    id: column.text(),
    name: column.text(),
    year: column.int(),
    regionCode: column.text(),
    industryId: column.ref("Industry"),
    entityId: column.ref("BusinessEntity", { nullable: true }),
    fundingFen: column.json(),
    beneficiaryHouseholdIds: column.json(),
    linkageMode: column.oneOf(LINKAGE_MODES, { nullable: true }),
    performanceTarget: column.text(),
    stages: column.json(),
    currentStage: column.oneOf(PROJECT_STAGES),
  },
  derived: {
    region: ["regionCode"],
    industry: ["industryId"],
    entity: ["entityId"],
    funding: ["fundingFen"],
    totalFundingFen: ["fundingFen"],
    beneficiaryHouseholds: ["beneficiaryHouseholdIds"],
    fundUses: [],
    disbursements: [],
  },
});
