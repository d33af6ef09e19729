import { stagesOn } from "../../assessment/testing/fixtures.js";
import { createCreditReturn, createHouseholdCredit } from "../../credit/credit.js";
import { createBusinessEntity, createEntityActivity } from "../../entities/business-entity.js";
import { createFund, createFundUse } from "../../funds/fund.js";
import { createFundDisbursement } from "../../funds/fund-disbursement.js";
import { createHousehold } from "../../households/household.js";
import { createIncome } from "../../households/income.js";
import { createMember } from "../../households/member.js";
import { createHouseholdIndustry, createIndustry, createVillageIndustry } from "../../industries/industry.js";
import { createLinkage, createLinkageYear } from "../../linkage/linkage.js";
import { createMonitoring } from "../../monitoring/monitoring.js";
import { createProject } from "../../projects/project.js";
import { createRectification } from "../../rectification/rectification.js";
import { createRegion } from "../../regions/region.js";
import { createResponsibility } from "../../responsibility/responsibility.js";
import { unwrap } from "../../shared/result.js";
import { createSubsidy } from "../../support/subsidy.js";
import { createTechnicalService } from "../../support/technical-service.js";
import { emptyLedgerData, type LedgerData } from "../ledger.js";

/** An ID number with its GB 11643 check digit, computed independently of the code under test. */
export const withCheck = (first17: string) => {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return first17 + "10X98765432"[sum % 11];
};

/** 南安镇, a town. */
export const T1 = "360723100";
/** 内良乡, a township. */
export const T2 = "360723200";
/** 新华村, a poor village of T1. */
export const V1 = "360723100201";
/** 尧扶村, a village of T2. */
export const V2 = "360723200202";

/** A registered household of a village. */
export const household = (id: string, villageCode: string) =>
  unwrap(
    createHousehold({
      id,
      householdNumber: `SYN${villageCode}${id}`,
      villageCode,
      attribute: "ordinary",
      mainCause: "lack_of_skills",
      povertyStatus: "in_poverty",
      registeredYear: 2015,
    }),
  );
/** A member of a household; `seq` makes the ID number. */
export const member = (id: string, householdId: string, seq: string, relation: "head" | "spouse" | "child") =>
  unwrap(
    createMember(
      {
        id,
        householdId,
        name: "刘𠀀",
        idNumber: withCheck(`36072319800101${seq}`),
        relation,
        labourAbility: "ordinary",
      },
      "2026-01-01",
    ),
  );

/** A small valid ledger of two townships holding every kind of record. */
export function validData(): LedgerData {
  return {
    ...emptyLedgerData("360723"),
    regions: [
      unwrap(createRegion({ code: "36", name: "江西省" })),
      unwrap(createRegion({ code: "3607", name: "赣州市" })),
      unwrap(createRegion({ code: "360723", name: "大余县" })),
      unwrap(createRegion({ code: T1, name: "南安镇" })),
      unwrap(createRegion({ code: V1, name: "新华村", isPoorVillage: true })),
      unwrap(createRegion({ code: T2, name: "内良乡" })),
      unwrap(createRegion({ code: V2, name: "尧扶村" })),
    ],
    households: [household("h1", V1), household("h2", V2)],
    members: [
      member("m1", "h1", "101", "head"),
      member("m2", "h1", "102", "spouse"),
      member("m3", "h2", "103", "head"),
    ],
    incomes: [
      unwrap(
        createIncome({
          id: "inc1",
          householdId: "h1",
          year: 2024,
          wageFen: 1_000_000,
          productionFen: 500_000,
          propertyFen: 0,
          transferFen: 100_000,
          productionCostFen: 200_000,
        }),
      ),
    ],
    industries: [
      unwrap(
        createIndustry({
          id: "i1",
          code: "beekeeping",
          name: "养蜂",
          category: "beekeeping",
          outcomeUnit: "群",
        }),
      ),
    ],
    villageIndustries: [
      unwrap(
        createVillageIndustry({
          id: "vi1",
          villageCode: V1,
          industryId: "i1",
          year: 2024,
          trialStatus: "trialled",
          trialYear: 2022,
          scaledUp: true,
          scale: 300,
        }),
      ),
    ],
    householdIndustries: [
      unwrap(
        createHouseholdIndustry({
          id: "hi1",
          householdId: "h1",
          industryId: "i1",
          year: 2024,
          unitsStarted: 10,
          unitsSurvived: 6,
          debtFen: 0,
        }),
      ),
    ],
    entities: [
      unwrap(
        createBusinessEntity({
          id: "e1",
          name: "新华养蜂专业合作社",
          kind: "cooperative",
          regionCode: V1,
          industryId: "i1",
          establishedYear: 2018,
        }),
      ),
      unwrap(
        createBusinessEntity({
          id: "e2",
          name: "尧扶家庭农场",
          kind: "family_farm",
          regionCode: T2,
          establishedYear: 2019,
        }),
      ),
    ],
    entityActivities: [
      unwrap(
        createEntityActivity({
          id: "a1",
          entityId: "e1",
          year: 2024,
          date: "2024-05-01",
          kind: "sales",
          amountFen: 5_000_000,
        }),
      ),
    ],
    linkages: [
      unwrap(
        createLinkage({
          id: "l1",
          entityId: "e1",
          householdId: "h1",
          mode: "entrusted_raising",
          startYear: 2022,
          endYear: 2024,
        }),
      ),
      unwrap(
        createLinkage({ id: "l2", entityId: "e2", householdId: "h2", mode: "employment", startYear: 2023 }),
      ),
    ],
    linkageYears: [
      unwrap(
        createLinkageYear({
          id: "ly1",
          linkageId: "l1",
          year: 2023,
          tookPart: true,
          receivedFen: 80_000,
          benefitKind: "dividend",
        }),
      ),
      unwrap(
        createLinkageYear({
          id: "ly2",
          linkageId: "l1",
          year: 2024,
          tookPart: true,
          receivedFen: 90_000,
          benefitKind: "dividend",
        }),
      ),
      unwrap(createLinkageYear({ id: "ly3", linkageId: "l2", year: 2024, tookPart: false, receivedFen: 0 })),
    ],
    subsidies: [
      unwrap(
        createSubsidy({
          id: "s1",
          householdId: "h1",
          date: "2024-03-01",
          kind: "award",
          amountFen: 200_000,
          industryId: "i1",
          fundId: "f1",
        }),
      ),
    ],
    services: [
      unwrap(
        createTechnicalService({
          id: "ts1",
          kind: "visit",
          date: "2024-04-01",
          regionCode: V1,
          industryId: "i1",
          householdIds: ["h1"],
          content: "蜂群越冬管理",
        }),
      ),
    ],
    funds: [
      unwrap(
        createFund({
          id: "f1",
          name: "县级衔接资金",
          source: "county",
          year: 2024,
          regionCode: "360723",
          allocatedFen: 1_000_000,
        }),
      ),
      unwrap(
        createFund({
          id: "f2",
          name: "南安镇自筹",
          source: "self_raised",
          year: 2024,
          regionCode: T1,
          allocatedFen: 500_000,
        }),
      ),
    ],
    fundUses: [
      unwrap(
        createFundUse({
          id: "u1",
          fundId: "f1",
          year: 2024,
          category: "industry",
          amountFen: 600_000,
          projectId: "p1",
        }),
      ),
      unwrap(
        createFundUse({ id: "u2", fundId: "f1", year: 2024, category: "photovoltaic", amountFen: 400_000 }),
      ),
      unwrap(
        createFundUse({
          id: "u3",
          fundId: "f2",
          year: 2024,
          category: "industry",
          amountFen: 500_000,
          projectId: "p1",
        }),
      ),
    ],
    projects: [
      unwrap(
        createProject({
          id: "p1",
          name: "新华村养蜂基地",
          year: 2024,
          regionCode: V1,
          industryId: "i1",
          entityId: "e1",
          fundingFen: { county: 600_000, self_raised: 500_000 },
          beneficiaryHouseholdIds: ["h1"],
          stages: stagesOn({
            application: "2024-01-05",
            review: "2024-01-20",
            appraisal: "2024-02-01",
            approval: "2024-02-10",
            public_notice: "2024-02-11",
            implementation: "2024-02-21",
          }),
        }),
      ),
    ],
    responsibilities: [
      unwrap(
        createResponsibility({
          id: "r1",
          kind: "township_fixed_person",
          personName: "张伟",
          townshipCode: T1,
          validFrom: "2023-01-01",
        }),
      ),
      unwrap(
        createResponsibility({
          id: "r2",
          kind: "household_helper",
          personName: "李娜",
          townshipCode: T2,
          householdId: "h2",
          validFrom: "2023-01-01",
        }),
      ),
    ],
    rectifications: [
      unwrap(
        createRectification({
          id: "rc1",
          townshipCode: T1,
          problem: "养蜂成活率低于50%",
          source: "check",
          foundDate: "2024-06-01",
          responsiblePerson: "张伟",
          deadline: "2024-09-30",
          status: "closed",
          plan: {
            milestones: [{ id: "ms1", title: "技术培训", due: "2024-07-01", doneDate: "2024-06-28" }],
            roadmap: "培训、回访、补栏",
          },
          closedDate: "2024-07-15",
        }),
      ),
    ],
    monitorings: [
      unwrap(
        createMonitoring({
          id: "mo1",
          householdId: "h2",
          category: "marginal",
          riskType: "illness",
          identifiedDate: "2024-02-01",
        }),
      ),
    ],
    credits: [
      unwrap(
        createHouseholdCredit({
          id: "cr1",
          householdId: "h1",
          kind: "household_fund",
          amountFen: 500_000,
          entityId: "e1",
          placedDate: "2023-03-01",
        }),
      ),
    ],
    creditReturns: [
      unwrap(
        createCreditReturn({
          id: "rt1",
          creditId: "cr1",
          date: "2024-03-01",
          kind: "dividend",
          amountFen: 40_000,
        }),
      ),
    ],
    disbursements: [
      unwrap(
        createFundDisbursement({
          id: "d1",
          fundId: "f1",
          projectId: "p1",
          date: "2024-02-10",
          amountFen: 600_000,
        }),
      ),
      unwrap(createFundDisbursement({ id: "d2", fundId: "f1", date: "2024-06-01", amountFen: 400_000 })),
    ],
  };
}
