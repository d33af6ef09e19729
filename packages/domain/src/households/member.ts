import { z } from "zod";
import { type IsoDate, isIsoDate } from "../shared/dates.js";
import { idSchema } from "../shared/ids.js";
import { parseInput } from "../shared/input.js";
import { toHalfWidth } from "../shared/money.js";
import { type DomainError, err, type FieldIssue, type Result } from "../shared/result.js";
import { ageOn, parseIdNumber } from "./id-number.js";

/** 与户主关系: relation of a member to the head of household. */
export const RELATIONS = [
  "head",
  "spouse",
  "child",
  "parent",
  "grandchild",
  "sibling",
  "child_in_law",
  "grandparent",
  "other",
] as const;
/** A relation code. */
export type Relation = (typeof RELATIONS)[number];
/** Chinese labels of relations. */
export const RELATION_LABELS: Readonly<Record<Relation, string>> = {
  head: "户主",
  spouse: "配偶",
  child: "子女",
  parent: "父母",
  grandchild: "孙子女",
  sibling: "兄弟姐妹",
  child_in_law: "儿媳/女婿",
  grandparent: "祖父母",
  other: "其他",
};

/** 健康状况. */
export const HEALTH_STATES = ["healthy", "chronic_illness", "serious_illness", "disabled"] as const;
/** Chinese labels of health states. */
export const HEALTH_LABELS: Readonly<Record<(typeof HEALTH_STATES)[number], string>> = {
  healthy: "健康",
  chronic_illness: "长期慢性病",
  serious_illness: "患有大病",
  disabled: "残疾",
};
/** 劳动技能. */
export const LABOUR_ABILITIES = ["ordinary", "skilled", "lost", "none"] as const;
/** Chinese labels of labour abilities. */
export const LABOUR_ABILITY_LABELS: Readonly<Record<(typeof LABOUR_ABILITIES)[number], string>> = {
  ordinary: "普通劳动力",
  skilled: "技能劳动力",
  lost: "丧失劳动力",
  none: "无劳动力",
};
/** 文化程度. */
export const EDUCATION_LEVELS = ["none", "primary", "junior", "senior", "vocational", "college"] as const;
/** 在校生状况. */
export const SCHOOL_STATUSES = [
  "not_in_school",
  "preschool",
  "primary",
  "junior",
  "senior",
  "vocational",
  "college",
] as const;

/** Schema of an ID number: normalised (full-width digits, lower-case x) and checked. */
export const idNumberSchema = z.string({ error: "must be an ID number (text)" }).transform((text, ctx) => {
  const parsed = parseIdNumber(text);
  if (!parsed.ok) {
    ctx.addIssue({ code: "custom", message: parsed.error.message, params: { code: parsed.error.code } });
    return z.NEVER;
  }
  return parsed.value.idNumber;
});

/** Input of a household member (家庭成员). */
export const memberInputSchema = z.object({
  id: idSchema,
  householdId: idSchema,
  name: z
    .string({ error: "must be the member's name" })
    .trim()
    .min(1, { error: "must not be empty" })
    .max(50, { error: "must be at most 50 characters" })
    .refine((n) => !/[\d<>{}]/.test(toHalfWidth(n)), { error: "must not contain digits or markup" }),
  idNumber: idNumberSchema,
  relation: z.enum(RELATIONS),
  ethnicity: z.string().trim().min(1).max(20).default("汉族"),
  education: z.enum(EDUCATION_LEVELS).default("none"),
  schoolStatus: z.enum(SCHOOL_STATUSES).default("not_in_school"),
  health: z.enum(HEALTH_STATES).default("healthy"),
  labourAbility: z.enum(LABOUR_ABILITIES),
  migrantWorkMonths: z.number().int({ error: "must be whole months" }).min(0).max(12).default(0),
});

/** A member of a registered household; one person (ID number) belongs to at most one household. */
export type Member = Readonly<z.output<typeof memberInputSchema>>;

/** Oldest age at which a member can be in preschool (学前, normally 3 to 6). */
export const MAX_PRESCHOOL_AGE = 7;

/** What the ID number's birth date rules out on `asOf`: a birth after that day, a preschool adult. */
function checkAgeOn(member: Member, asOf: IsoDate): FieldIssue[] {
  const parsed = parseIdNumber(member.idNumber, asOf);
  if (!parsed.ok) return [{ path: "idNumber", message: parsed.error.message, code: parsed.error.code }];
  const age = ageOn(parsed.value.birthDate, asOf);
  if (member.schoolStatus === "preschool" && age > MAX_PRESCHOOL_AGE) {
    return [{ path: "schoolStatus", message: `a member aged ${age} cannot be in preschool` }];
  }
  return [];
}

/** Validates member input as of a date (the birth date in the ID number must not be after it). */
export function createMember(input: unknown, asOf: IsoDate): Result<Member, DomainError> {
  if (!isIsoDate(asOf)) throw new Error(`createMember: asOf ${asOf} is not a date`);
  const parsed = parseInput(memberInputSchema, input, "MEMBER");
  if (!parsed.ok) return parsed;
  const issues = checkAgeOn(parsed.value, asOf);
  if (issues.length === 0) return parsed;
  const summary = issues.map((i) => `${i.path}: ${i.message}`).join("; ");
  return err({ code: "MEMBER.INVALID_INPUT", message: summary, issues });
}
