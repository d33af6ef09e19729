import type { IndustryCategory } from "../industries/industry.js";

/** One township-level unit of the synthetic county: code, name, villages and residents' committees. */
export interface SyntheticTownship {
  readonly code: string;
  readonly name: string;
  /** Villagers' committees (村委会, codes 200–399). */
  readonly villages: number;
  /** Residents' committees (居委会, codes 001–199). */
  readonly residents: number;
}

/** 江西省 */
export const PROVINCE = { code: "36", name: "江西省" } as const;
/** 赣州市 */
export const CITY = { code: "3607", name: "赣州市" } as const;
/** 大余县 */
export const COUNTY = { code: "360723", name: "大余县" } as const;

/** Dayu's 8 towns (镇, 360723100–107) and 3 townships (乡, 360723200–202), with 115 villages in all. */
export const TOWNSHIPS: readonly SyntheticTownship[] = [
  { code: "360723100", name: "南安镇", villages: 11, residents: 5 },
  { code: "360723101", name: "新城镇", villages: 13, residents: 1 },
  { code: "360723102", name: "樟斗镇", villages: 10, residents: 0 },
  { code: "360723103", name: "池江镇", villages: 12, residents: 1 },
  { code: "360723104", name: "青龙镇", villages: 10, residents: 0 },
  { code: "360723105", name: "左拔镇", villages: 9, residents: 0 },
  { code: "360723106", name: "黄龙镇", villages: 10, residents: 0 },
  { code: "360723107", name: "吉村镇", villages: 9, residents: 0 },
  { code: "360723200", name: "浮江乡", villages: 8, residents: 0 },
  { code: "360723201", name: "河洞乡", villages: 8, residents: 0 },
  { code: "360723202", name: "内良乡", villages: 8, residents: 0 },
];

/** An industry of the synthetic catalogue, with the range of units a household typically keeps. */
export interface CatalogueIndustry {
  readonly code: string;
  readonly name: string;
  readonly category: IndustryCategory;
  readonly unit: string;
  readonly minUnits: number;
  readonly maxUnits: number;
  /** A typical service topic for this industry. */
  readonly topic: string;
}

/** The county's industry catalogue: navel orange 脐橙, vegetables 蔬菜, beekeeping 养蜂 (群), tea 茶叶, poultry 家禽 … */
export const CATALOGUE: readonly CatalogueIndustry[] = [
  {
    code: "navel_orange",
    name: "脐橙",
    category: "fruit",
    unit: "亩",
    minUnits: 2,
    maxUnits: 15,
    topic: "脐橙黄龙病防控与修剪",
  },
  {
    code: "vegetable",
    name: "蔬菜",
    category: "vegetable",
    unit: "亩",
    minUnits: 2,
    maxUnits: 8,
    topic: "大棚蔬菜种植技术",
  },
  {
    code: "beekeeping",
    name: "养蜂",
    category: "beekeeping",
    unit: "群",
    minUnits: 5,
    maxUnits: 40,
    topic: "中华蜜蜂越冬管理",
  },
  {
    code: "tea",
    name: "茶叶",
    category: "tea",
    unit: "亩",
    minUnits: 2,
    maxUnits: 10,
    topic: "茶园管护与采摘",
  },
  {
    code: "poultry",
    name: "家禽",
    category: "poultry",
    unit: "只",
    minUnits: 50,
    maxUnits: 500,
    topic: "南安板鸭养殖防疫",
  },
  {
    code: "sweet_potato",
    name: "红薯",
    category: "other",
    unit: "亩",
    minUnits: 2,
    maxUnits: 6,
    topic: "红薯种植与加工",
  },
  {
    code: "pig",
    name: "生猪",
    category: "livestock",
    unit: "头",
    minUnits: 2,
    maxUnits: 20,
    topic: "生猪养殖与非洲猪瘟防控",
  },
  {
    code: "rice_fish",
    name: "稻田养鱼",
    category: "aquaculture",
    unit: "亩",
    minUnits: 2,
    maxUnits: 6,
    topic: "稻渔综合种养",
  },
  {
    code: "camellia",
    name: "油茶",
    category: "forestry",
    unit: "亩",
    minUnits: 3,
    maxUnits: 20,
    topic: "油茶低改与抚育",
  },
  {
    code: "mushroom",
    name: "食用菌",
    category: "other",
    unit: "棚",
    minUnits: 2,
    maxUnits: 6,
    topic: "食用菌栽培技术",
  },
];

/** Index of navel orange in the catalogue: the industry of planted homogenisation. */
export const NAVEL_ORANGE = 0;
/** Index of beekeeping in the catalogue: the industry low survival is planted in first. */
export const BEEKEEPING = 2;

/** The id of a catalogue industry in the ledger. */
export function industryId(index: number): string {
  return `ind-${CATALOGUE[index]!.code}`;
}
