// Embed the domain: build a small ledger in code, validate it, and print what is wrong with bad input.
// Run with `pnpm example:embed`. Every record goes through its create* function, which returns a
// Result: { ok: true, value } or { ok: false, error } with a fixed code and the fields at fault.
import {
  createBusinessEntity,
  createHousehold,
  createLedger,
  createLinkage,
  createLinkageYear,
  createMember,
  createRegion,
  type DomainError,
  emptyLedgerData,
  formatFenAsYuan,
  type LedgerData,
  parseIdNumber,
  type Result,
  unwrap,
} from "@fupin/domain";

// unwrap throws on a failed result: fine here, where the input is our own and known to be good.
const county = unwrap(createRegion({ code: "360723", name: "大余县" }));
const town = unwrap(createRegion({ code: "360723100", name: "南安镇" }));
const village = unwrap(createRegion({ code: "360723100201", name: "新华村", isPoorVillage: true }));
const household = unwrap(
  createHousehold({
    id: "h1",
    householdNumber: "3607231002010001",
    villageCode: village.code,
    attribute: "ordinary",
    mainCause: "lack_of_skills",
    otherCauses: ["lack_of_funds"],
    povertyStatus: "exited",
    registeredYear: 2014,
    exitYear: 2018,
  }),
);
const head = unwrap(
  createMember(
    {
      id: "m1",
      householdId: "h1",
      name: "刘𠀀明",
      idNumber: "11010519491231002x", // lower-case x is accepted and stored upper-case
      relation: "head",
      labourAbility: "ordinary",
    },
    "2026-01-01",
  ),
);
const spouse = unwrap(
  createMember(
    {
      id: "m2",
      householdId: "h1",
      name: "王秀英",
      idNumber: "360723195203150023",
      relation: "spouse",
      labourAbility: "ordinary",
    },
    "2026-01-01",
  ),
);
const entity = unwrap(
  createBusinessEntity({
    id: "e1",
    name: "大余县新华脐橙专业合作社",
    kind: "cooperative",
    regionCode: village.code,
    establishedYear: 2016,
  }),
);
const linkage = unwrap(
  createLinkage({ id: "l1", entityId: "e1", householdId: "h1", mode: "land_lease", startYear: 2019 }),
);
const linkage2024 = unwrap(
  createLinkageYear({
    id: "ly1",
    linkageId: "l1",
    year: 2024,
    tookPart: true,
    receivedFen: 120000,
    benefitKind: "rent",
  }),
);

const data: LedgerData = {
  ...emptyLedgerData("360723"),
  regions: [county, town, village],
  households: [household],
  members: [head, spouse],
  entities: [entity],
  linkages: [linkage],
  linkageYears: [linkage2024],
};
const ledger = createLedger(data);
if (!ledger.ok) throw new Error(ledger.error.message);
console.log(
  `Ledger ${ledger.value.countyCode}: ${ledger.value.households.length} household, ${ledger.value.members.length} members, ` +
    `${ledger.value.linkages.length} linkage; ${household.householdNumber} received ${formatFenAsYuan(linkage2024.receivedFen)} yuan in 2024.`,
);

// Bad input: print each error's code and the fields it names.
function report(label: string, result: Result<unknown, DomainError>): void {
  if (result.ok) return void console.log(`${label}: accepted`);
  console.log(`${label}: ${result.error.code}`);
  for (const issue of result.error.issues ?? [])
    console.log(`  ${issue.path} [${issue.code ?? "-"}]: ${issue.message}`);
}
const member = { id: "m3", householdId: "h1", name: "刘小明", relation: "child", labourAbility: "none" };
report("ID number from Excel", createMember({ ...member, idNumber: "3.60723E+17" }, "2026-01-01"));
report("Wrong check digit", createMember({ ...member, idNumber: "360723195203150026" }, "2026-01-01"));
// parseIdNumber alone gives the ID number's own code, birth date and sex.
for (const text of ["3.60723E+17", "360723195203150026", "３６０７２３１９５２０３１５００２３"]) {
  const id = parseIdNumber(text);
  console.log(
    `parseIdNumber(${text}): ${id.ok ? `${id.value.idNumber}, born ${id.value.birthDate}, ${id.value.sex}` : id.error.code}`,
  );
}

// A bad ledger: the spouse's ID number is also registered in a second household.
const other = unwrap(createHousehold({ ...household, id: "h2", householdNumber: "3607231002010002" }));
const twice = unwrap(
  createMember({ ...spouse, id: "m9", householdId: "h2", relation: "head" }, "2026-01-01"),
);
const bad = createLedger({ ...data, households: [household, other], members: [head, spouse, twice] });
if (bad.ok) throw new Error("the same person in two households must not pass");
for (const v of bad.error.violations)
  console.log(`Ledger violation ${v.code} [${v.recordIds.join(", ")}]: ${v.message}`);
