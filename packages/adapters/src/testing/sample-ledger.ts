import {
  createLedger,
  createRegion,
  emptyLedgerData,
  idNumberCheckDigit,
  type Ledger,
  type LedgerData,
  unwrap,
} from "@fupin/domain";

const id = (body: string) => `${body}${idNumberCheckDigit(body)}`;

/** A valid ID number whose check digit is X (for the text-cell and lower-case tests). */
export const ID_WITH_X = (() => {
  for (let seq = 100; seq < 999; seq++) {
    const body = `36072319750315${seq}`;
    if (idNumberCheckDigit(body) === "X") return `${body}X`;
  }
  throw new Error("no sequence gives X");
})();

/** A small county ledger for the adapters' tests: two townships, three households, every report touched. */
export function sampleLedgerData(): LedgerData {
  const household = (hid: string, village: string, n: string) => ({
    id: hid,
    householdNumber: `${village}${n}`,
    villageCode: village,
    identificationStandard: "national" as const,
    attribute: "ordinary" as const,
    mainCause: "lack_of_funds" as const,
    otherCauses: [],
    povertyStatus: "exited" as const,
    registeredYear: 2016,
    exitYear: 2019,
    phone: "13800138000",
    bankAccount: null,
  });
  const member = (
    mid: string,
    hid: string,
    name: string,
    idNumber: string,
    relation: "head" | "spouse" | "child",
  ) => ({
    id: mid,
    householdId: hid,
    name,
    idNumber,
    relation,
    ethnicity: "汉族",
    education: "junior" as const,
    schoolStatus: "not_in_school" as const,
    health: "healthy" as const,
    labourAbility: "ordinary" as const,
    migrantWorkMonths: 6,
  });
  return {
    ...emptyLedgerData("360723"),
    // level and parent follow from each code
    regions: [
      { code: "360723", name: "大余县" },
      { code: "360723100", name: "南安镇" },
      { code: "360723100201", name: "新华村", isPoorVillage: true },
      { code: "360723200", name: "内良乡" },
      { code: "360723200202", name: "尧扶村" },
    ].map((r) => unwrap(createRegion(r))),
    households: [
      household("h1", "360723100201", "0001"),
      household("h2", "360723100201", "0002"),
      household("h3", "360723200202", "0003"),
    ],
    members: [
      member("m1", "h1", "刘𠀀", ID_WITH_X, "head"),
      member("m2", "h1", "王秀英", id("36072319780420102"), "spouse"),
      member("m3", "h2", "张建国", id("36072319650101113"), "head"),
      member("m4", "h3", "李春花", id("36072319700808124"), "head"),
      member("m5", "h3", "李小明", id("36072320050606135"), "child"),
    ],
    incomes: [
      {
        id: "i1",
        householdId: "h1",
        year: 2025,
        wageFen: 2_400_000,
        productionFen: 800_050,
        propertyFen: 120_000,
        transferFen: 300_000,
        productionCostFen: 200_000,
      },
    ],
    industries: [{ id: "ind1", code: "navel_orange", name: "脐橙", category: "fruit", outcomeUnit: "亩" }],
    entities: [
      {
        id: "e1",
        name: "新华脐橙专业合作社",
        kind: "cooperative",
        regionCode: "360723100",
        creditCode: "93360723MA35XXXX1X",
        industryId: "ind1",
        establishedYear: 2017,
      },
    ],
    linkages: [
      {
        id: "l1",
        entityId: "e1",
        householdId: "h1",
        mode: "employment",
        industryId: "ind1",
        startYear: 2024,
        endYear: null,
        signedDate: null,
        endDate: null,
      },
    ],
    linkageYears: [
      {
        id: "ly1",
        linkageId: "l1",
        year: 2025,
        tookPart: true,
        receivedFen: 1_200_000,
        benefitKind: "wage",
        investedFen: null,
        monthsWorked: null,
        areaMu: null,
        paymentDates: [],
      },
    ],
    subsidies: [
      {
        id: "s1",
        householdId: "h1",
        date: "2025-02-10",
        kind: "subsidy",
        amountFen: 123_456,
        industryId: "ind1",
        fundId: "f1",
        purpose: "脐橙种植补贴",
      },
      {
        id: "s2",
        householdId: "h3",
        date: "2025-03-05",
        kind: "award",
        amountFen: 80_000,
        industryId: null,
        fundId: null,
        purpose: "",
      },
    ],
    services: [
      {
        id: "sv1",
        kind: "training",
        date: "2025-02-20",
        regionCode: "360723100",
        industryId: "ind1",
        householdIds: ["h1", "h2"],
        content: "脐橙修剪培训",
      },
    ],
    funds: [
      {
        id: "f1",
        name: "2025年衔接资金",
        source: "central",
        year: 2025,
        regionCode: "360723",
        allocatedFen: 50_000_000,
      },
    ],
    fundUses: [
      {
        id: "u1",
        fundId: "f1",
        year: 2025,
        category: "industry",
        amountFen: 2_000_000,
        projectId: "p1",
        description: "",
      },
    ],
    // the project's money, paid on the day it started (reports 2 and 3 date disbursements from here)
    disbursements: [
      { id: "d1", fundId: "f1", projectId: "p1", date: "2025-02-15", amountFen: 2_000_000, payee: "" },
    ],
    projects: [
      {
        id: "p1",
        name: "新华村脐橙提质增效项目",
        year: 2025,
        regionCode: "360723100201",
        industryId: "ind1",
        entityId: "e1",
        fundingFen: { central: 2_000_000, self_raised: 150_000 },
        beneficiaryHouseholdIds: ["h1"],
        linkageMode: "employment",
        performanceTarget: "带动脱贫户增收",
        stages: [
          { stage: "application", date: "2025-01-05" },
          { stage: "review", date: "2025-01-10" },
          { stage: "approval", date: "2025-01-20" },
          { stage: "public_notice", date: "2025-01-21" },
          { stage: "implementation", date: "2025-02-15" },
        ],
      },
    ],
    responsibilities: [
      {
        id: "r1",
        kind: "household_helper",
        personName: "赵帮扶",
        personPhone: "13900139000",
        townshipCode: "360723100",
        householdId: "h1",
        villageCode: null,
        validFrom: "2024-01-01",
        validTo: null,
      },
    ],
    rectifications: [
      {
        id: "x1",
        townshipCode: "360723200",
        problem: "台账不全",
        source: "inspection",
        findingCode: null,
        subjectId: null,
        foundDate: "2025-01-15",
        responsiblePerson: "赵六",
        deadline: "2025-06-30",
        status: "open",
        plan: null,
        closedDate: null,
      },
    ],
    monitorings: [
      {
        id: "mo1",
        householdId: "h3",
        category: "unstable_exited",
        riskType: "illness",
        identifiedDate: "2024-05-01",
        removedDate: "2025-01-20",
      },
    ],
  };
}

/** The sample ledger, checked. */
export function sampleLedger(): Ledger {
  const ledger = createLedger(sampleLedgerData());
  if (!ledger.ok) throw new Error(ledger.error.message);
  return ledger.value;
}
