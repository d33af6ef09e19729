import { toHalfWidth } from "../shared/money.js";
import { err, ok, type Result } from "../shared/result.js";

/** Administrative level of a statistical region code (统计用区划代码). */
export type RegionLevel = "province" | "city" | "county" | "township" | "village";

/** Kind of a township-level unit by its digits 7-9: street office 街道, town 镇, township 乡, or other (parks, farms). */
export type TownshipKind = "street" | "town" | "township" | "other";

/** What a region code tells: its 12-digit form, level, the codes of its ancestors, and the kind of unit. */
export interface RegionCodeInfo {
  /** The code as written (2, 4, 6, 9 or 12 digits), normalised to half-width digits. */
  readonly code: string;
  /** The code padded with zeros to 12 digits. */
  readonly fullCode: string;
  readonly level: RegionLevel;
  /** Codes of the enclosing regions, outermost first, each in its short form (2, 4, 6, 9 digits). */
  readonly ancestors: readonly string[];
  readonly townshipKind?: TownshipKind;
  /** For villages: residents' committee 居委会 (001-199) or villagers' committee 村委会 (200-399). */
  readonly villageKind?: "residents" | "villagers" | "other";
}

/** Why a text is not a region code. */
export interface RegionCodeError {
  readonly code: "REGION_CODE.INVALID";
  readonly message: string;
}

const LEVEL_BY_LENGTH: Record<number, RegionLevel> = {
  2: "province",
  4: "city",
  6: "county",
  9: "township",
  12: "village",
};

/** Removes trailing zero groups of a 12-digit code: 360723000000 → 360723. */
export function shortRegionCode(full: string): string {
  if (full.length !== 12) return full;
  if (full.slice(9) !== "000") return full;
  if (full.slice(6, 9) !== "000") return full.slice(0, 9);
  if (full.slice(4, 6) !== "00") return full.slice(0, 6);
  if (full.slice(2, 4) !== "00") return full.slice(0, 4);
  return full.slice(0, 2);
}

function townshipKindOf(digits: string): TownshipKind {
  const n = Number(digits);
  if (n >= 1 && n <= 99) return "street";
  if (n >= 100 && n <= 199) return "town";
  if (n >= 200 && n <= 399) return "township";
  return "other";
}

/**
 * Parses a region code in its short form (2, 4, 6, 9 or 12 digits) or as 12 digits padded with
 * zeros, and gives its level and ancestors.
 */
export function parseRegionCode(text: string): Result<RegionCodeInfo, RegionCodeError> {
  const raw = toHalfWidth(String(text)).trim();
  if (!/^\d+$/.test(raw)) {
    return err({ code: "REGION_CODE.INVALID", message: `region code "${text}" must contain only digits` });
  }
  const code = raw.length === 12 ? shortRegionCode(raw) : raw;
  const level = LEVEL_BY_LENGTH[code.length];
  if (!level) {
    return err({
      code: "REGION_CODE.INVALID",
      message: `region code "${text}" must have 2, 4, 6, 9 or 12 digits, it has ${raw.length}`,
    });
  }
  const groups = [code.slice(0, 2), code.slice(2, 4), code.slice(4, 6), code.slice(6, 9), code.slice(9, 12)];
  const depth = [2, 4, 6, 9, 12].indexOf(code.length);
  for (let i = 0; i <= depth; i++) {
    if (/^0+$/.test(groups[i]!) && i > 0) {
      return err({
        code: "REGION_CODE.INVALID",
        message: `region code "${text}" has an empty ${["province", "city", "county", "township", "village"][i]} part`,
      });
    }
  }
  if (groups[0] === "00") {
    return err({ code: "REGION_CODE.INVALID", message: `region code "${text}" has no province` });
  }
  const ancestors = [2, 4, 6, 9].filter((len) => len < code.length).map((len) => code.slice(0, len));
  const info: RegionCodeInfo = {
    code,
    fullCode: code.padEnd(12, "0"),
    level,
    ancestors,
    ...(code.length >= 9 ? { townshipKind: townshipKindOf(code.slice(6, 9)) } : {}),
    ...(code.length === 12 ? { villageKind: villageKindOf(code.slice(9, 12)) } : {}),
  };
  return ok(info);
}

function villageKindOf(digits: string): "residents" | "villagers" | "other" {
  const n = Number(digits);
  if (n >= 1 && n <= 199) return "residents";
  if (n >= 200 && n <= 399) return "villagers";
  return "other";
}

/** Whether `code` is `ancestor` itself or lies inside it (both in short form). */
export function isWithinRegion(code: string, ancestor: string): boolean {
  return code.startsWith(ancestor);
}

/** The township code (9 digits) of a village or township code; undefined above township level. */
export function townshipOf(code: string): string | undefined {
  return code.length >= 9 ? code.slice(0, 9) : undefined;
}

/** The county code (6 digits) of a code at county level or below; undefined above. */
export function countyOf(code: string): string | undefined {
  return code.length >= 6 ? code.slice(0, 6) : undefined;
}
