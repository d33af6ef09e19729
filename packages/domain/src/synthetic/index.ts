export type { CatalogueIndustry, SyntheticTownship } from "./dayu.js";
export { CATALOGUE, TOWNSHIPS } from "./dayu.js";
export type { SyntheticCounty } from "./generate.js";
export { generateSyntheticCounty } from "./generate.js";
export type { SyntheticPeriod } from "./period.js";
export { syntheticPeriod } from "./period.js";
export type { PlantRates } from "./plant-rates.js";
export { DEFAULT_PLANT_RATES, PLANT_IMPLICATIONS } from "./plant-rates.js";
export type { Era, PlantedProblem, SyntheticOptions } from "./world.js";
export {
  CAMPAIGN_START,
  CONSOLIDATION_START,
  ERA_RATE_FACTORS,
  eraOf,
  REGISTRATION_START,
  REGULAR_START,
  windowStart,
} from "./world.js";
