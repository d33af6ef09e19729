import { FINDING_CODES } from "../assessment/finding-codes.js";
import { createLedger, type Ledger, type LedgerData } from "../ledger/ledger.js";
import {
  buildCoverage,
  coverLeavers,
  plantUncovered,
  plantUncoveredVillages,
  reportUncovered,
  reportUncoveredVillages,
} from "./coverage.js";
import { buildCredits } from "./credits.js";
import { buildDisbursements } from "./disbursements.js";
import { buildFundsAndProjects } from "./funds.js";
import {
  buildMonitorings,
  buildRectifications,
  buildResponsibilities,
  plantSlippedMilestones,
} from "./governance.js";
import { buildHouseholds, buildRegions } from "./households.js";
import { fitIncomesToLinkages } from "./incomes.js";
import {
  buildCatalogue,
  buildHouseholdIndustries,
  buildOwnTracks,
  buildVillageIndustries,
  plantOutcomes,
  plantSubsidiseAndForget,
  plantVillageIndustries,
  planVillageIndustries,
} from "./industries.js";
import {
  buildActivities,
  buildEntities,
  buildLinkages,
  buildLinkageYears,
  linkageRecord,
  linkageYearsOf,
  plantExitsAndEndings,
  plantForcedLinkages,
  plantLinkageYears,
  reportForced,
} from "./linkages.js";
import {
  plantFailingResults,
  plantIndustryLookAlikes,
  plantRectificationItems,
  recordIndex,
  settleSubsidiseAndForget,
} from "./plant-outcomes.js";
import { plantProjectOversight } from "./project-oversight.js";
import { createRng } from "./rng.js";
import { buildServices, buildSubsidies, plantFailingWithoutService } from "./support.js";
import { buildVillagePersons } from "./village-persons.js";
import { type PlantedProblem, resolveConfig, type SyntheticOptions, type World } from "./world.js";

/** A generated county: its validated ledger, the problems planted in it, its as-of date, and a synthetic mark. */
export interface SyntheticCounty {
  readonly ledger: Ledger;
  readonly planted: readonly PlantedProblem[];
  /** The synthetic "today": no record is dated after it; assess with `now` on or after it (China time). */
  readonly asOf: string;
  readonly synthetic: true;
}

/**
 * Generates a synthetic county modelled on Dayu 大余县 (360723): same options, deeply equal result.
 * Records cover `windowStart(referenceYear)` (2014) … referenceYear, each household's from its
 * registration year; every problem of the assessment's finding codes is
 * planted at the given rates and reported in `planted` as `{code, year, subjectId, recordIds}`, so
 * that for the years of the window, assessed with `now` on or after the as-of date, the findings are
 * exactly the planted problems. Implied problems (see `PLANT_IMPLICATIONS`): ENTITY.SHIELD →
 * LINKAGE.FAKE for each of the entity's linkages that year; both are reported. Throws RangeError on
 * invalid options, and Error if the ledger it built fails `createLedger` (a generator bug).
 */
export function generateSyntheticCounty(options: SyntheticOptions): SyntheticCounty {
  const cfg = resolveConfig(options);
  const w = createWorld(cfg);
  buildRegions(w);
  buildCatalogue(w);
  planVillageIndustries(w);
  buildVillageIndustries(w);
  plantVillageIndustries(w);
  buildHouseholds(w);
  buildOwnTracks(w);
  buildEntities(w);
  buildLinkages(w);
  buildCoverage(w);
  plantForcedLinkages(w);
  const exits = plantExitsAndEndings(w);
  coverLeavers(w, exits);
  buildLinkageYears(w);
  plantLinkageYears(w, exits);
  reportForced(w);
  buildActivities(w);
  plantUncoveredVillages(w);
  plantSubsidiseAndForget(w);
  plantUncovered(w);
  const householdIndustries = buildHouseholdIndustries(w);
  plantOutcomes(w);
  const industryIndex = recordIndex(householdIndustries);
  plantFailingResults(w, householdIndustries, industryIndex);
  plantIndustryLookAlikes(w, householdIndustries, industryIndex);
  buildSubsidies(w);
  buildServices(w);
  plantFailingWithoutService(w, householdIndustries);
  settleSubsidiseAndForget(w);
  buildFundsAndProjects(w);
  plantProjectOversight(w);
  reportUncovered(w);
  reportUncoveredVillages(w);
  buildResponsibilities(w);
  buildVillagePersons(w);
  buildRectifications(w);
  plantSlippedMilestones(w);
  buildMonitorings(w);
  const { credits, returns } = buildCredits(w);
  const disbursements = buildDisbursements(w);
  plantRectificationItems(w);

  const ledger = createLedger({
    ...ledgerDataOf(w, householdIndustries),
    credits,
    creditReturns: returns,
    disbursements,
  });
  if (!ledger.ok)
    throw new Error(`synthetic county is not a valid ledger (a generator bug): ${ledger.error.message}`);
  return { ledger: ledger.value, planted: sortPlanted(w.planted), asOf: cfg.asOf, synthetic: true };
}

function createWorld(cfg: World["cfg"]): World {
  return {
    cfg,
    rng: (stream) => createRng(cfg.seed, stream),
    regions: [],
    townships: [],
    villages: [],
    households: [],
    members: [],
    incomes: [],
    industries: [],
    villageIndustries: [],
    entities: [],
    entityActivities: [],
    linkages: [],
    subsidies: [],
    services: [],
    funds: [],
    fundUses: [],
    projects: [],
    responsibilities: [],
    rectifications: [],
    monitorings: [],
    uncoveredFrom: new Map(),
    uncoveredVillages: new Map(),
    unserved: new Map(),
    planted: [],
  };
}

/** The ledger's collections from the world: most are kept as built, a few unwrapped from their working form. */
function ledgerDataOf(
  w: World,
  householdIndustries: LedgerData["householdIndustries"],
): Omit<LedgerData, "credits" | "creditReturns" | "disbursements"> {
  const linkages = w.linkages.map((l) => linkageRecord(w, l));
  const linkageYears = linkageYearsOf(w);
  return {
    countyCode: "360723",
    regions: w.regions,
    households: w.households.map((h) => h.record),
    members: w.members,
    incomes: fitIncomesToLinkages(w.incomes, linkages, linkageYears),
    industries: w.industries,
    villageIndustries: w.villageIndustries,
    householdIndustries,
    entities: w.entities.map((e) => e.record),
    entityActivities: w.entityActivities,
    linkages,
    linkageYears,
    subsidies: w.subsidies,
    services: w.services,
    funds: w.funds,
    fundUses: w.fundUses,
    projects: w.projects,
    responsibilities: w.responsibilities,
    rectifications: w.rectifications,
    monitorings: w.monitorings,
  };
}

function sortPlanted(planted: readonly PlantedProblem[]): PlantedProblem[] {
  const order = new Map<string, number>(FINDING_CODES.map((c, i) => [c, i]));
  return planted
    .slice()
    .sort(
      (a, b) =>
        a.year - b.year ||
        order.get(a.code)! - order.get(b.code)! ||
        (a.subjectId < b.subjectId ? -1 : a.subjectId > b.subjectId ? 1 : 0),
    );
}
