import { type IsoDate, isIsoDate } from "../shared/dates.js";
import { toHalfWidth } from "../shared/money.js";
import { err, ok, type Result } from "../shared/result.js";

/** Sex as encoded by the 17th digit of an ID number: odd male, even female. */
export type Sex = "male" | "female";

/** What a valid resident ID number (居民身份证号码, GB 11643-1999) tells: its canonical form, address code, birth date and sex. */
export interface IdNumberInfo {
  readonly idNumber: string;
  readonly addressCode: string;
  readonly birthDate: IsoDate;
  readonly sex: Sex;
}

/** Codes of the ways an ID number can be wrong. */
export type IdNumberErrorCode =
  | "ID_NUMBER.EMPTY"
  | "ID_NUMBER.SCIENTIFIC_NOTATION"
  | "ID_NUMBER.LENGTH"
  | "ID_NUMBER.CHARACTERS"
  | "ID_NUMBER.BIRTH_DATE"
  | "ID_NUMBER.CHECK_DIGIT";

/** Why a text is not a valid ID number. */
export interface IdNumberError {
  readonly code: IdNumberErrorCode;
  readonly message: string;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = "10X98765432";

/** The ISO 7064 MOD 11-2 check character for the first 17 digits of an ID number. */
export function idNumberCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

function fail(code: IdNumberErrorCode, message: string): Result<IdNumberInfo, IdNumberError> {
  return err({ code, message });
}

/**
 * Parses an 18-digit resident ID number. Full-width digits and a lower-case x are normalised;
 * a number that Excel rendered as 3.60723E+17 is refused, because its last digits are lost.
 * `asOf` (optional) refuses birth dates after that date.
 */
export function parseIdNumber(text: string, asOf?: IsoDate): Result<IdNumberInfo, IdNumberError> {
  const normalized = toHalfWidth(String(text)).trim().replace(/\s+/g, "");
  if (normalized === "") return fail("ID_NUMBER.EMPTY", "ID number is empty");
  if (/^\d(\.\d+)?e\+?\d+$/i.test(normalized)) {
    return fail(
      "ID_NUMBER.SCIENTIFIC_NOTATION",
      `ID number "${normalized}" was turned into a number in scientific notation (by Excel) and its last digits are lost; format the column as text and type the number again`,
    );
  }
  const upper = normalized.toUpperCase();
  if (!/^[0-9X]+$/.test(upper)) {
    return fail("ID_NUMBER.CHARACTERS", `ID number "${normalized}" may contain only digits and a final X`);
  }
  if (upper.length !== 18) {
    return fail("ID_NUMBER.LENGTH", `ID number must have 18 characters, "${normalized}" has ${upper.length}`);
  }
  if (!/^\d{17}[0-9X]$/.test(upper)) {
    return fail("ID_NUMBER.CHARACTERS", `ID number "${normalized}": only the last character may be X`);
  }
  const birth = `${upper.slice(6, 10)}-${upper.slice(10, 12)}-${upper.slice(12, 14)}`;
  if (!isIsoDate(birth) || birth < "1900-01-01" || (asOf !== undefined && birth > asOf)) {
    return fail("ID_NUMBER.BIRTH_DATE", `ID number "${upper}" has an impossible birth date ${birth}`);
  }
  const expected = idNumberCheckDigit(upper.slice(0, 17));
  if (upper[17] !== expected) {
    // Excel keeps 15 significant digits: a number typed into a numeric cell comes back ending in 000.
    const cause = upper.endsWith("000")
      ? "it ends in 000, so Excel probably kept only its first 15 digits; format the column as text and type the number again"
      : "a digit was probably mistyped";
    return fail(
      "ID_NUMBER.CHECK_DIGIT",
      `ID number "${upper}" has check digit ${upper[17]}, expected ${expected}: ${cause}`,
    );
  }
  return ok({
    idNumber: upper,
    addressCode: upper.slice(0, 6),
    birthDate: birth,
    sex: Number(upper[16]) % 2 === 1 ? "male" : "female",
  });
}

/** How many characters of an ID number a mask shows at its start and at its end. */
export interface IdNumberMask {
  readonly head: number;
  readonly tail: number;
}

/**
 * The default mask: the region code (6) and the check character (1). The birth date and the
 * sequence stay hidden, about 3 million candidates for one masked number.
 */
export const DEFAULT_ID_NUMBER_MASK: IdNumberMask = { head: 6, tail: 1 };

/**
 * The widest mask allowed: at most the region code and the last character. Showing one more
 * character (the sequence's last digit) leaves about 330,000 candidates, too few to hide a person.
 */
export const WIDEST_ID_NUMBER_MASK: IdNumberMask = DEFAULT_ID_NUMBER_MASK;

/** Masks an ID number for display: `mask.head` first and `mask.tail` last characters shown. */
export function maskIdNumber(idNumber: string, mask: IdNumberMask = DEFAULT_ID_NUMBER_MASK): string {
  const head = Math.min(mask.head, WIDEST_ID_NUMBER_MASK.head);
  const tail = Math.min(mask.tail, WIDEST_ID_NUMBER_MASK.tail);
  if (idNumber.length < 18) return "*".repeat(idNumber.length);
  return `${idNumber.slice(0, head)}${"*".repeat(idNumber.length - head - tail)}${idNumber.slice(idNumber.length - tail)}`;
}

/** Age in whole years on `on` for someone born on `birthDate`. */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
