export type { CatalogueIndustry, SyntheticTownship } from "./dayu.js";
export { CATALOGUE, TOWNSHIPS } from "./dayu.js";
export type { SyntheticCounty } from "./generate.js";
export { generateSyntheticCounty } from "./generate.js";
export type { SyntheticPeriod } from "./period.js";
export { syntheticPeriod } from "./period.js";
export type { PlantRates } from "./plant-rates.js";
export { DEFAULT_PLANT_RATES, PLANT_IMPLICATIONS } from "./plant-rates.js";
export type { PlantedProblem, SyntheticOptions } from "./world.js";
