import type { ObjectRef } from "@pothos/core";
import type { Types } from "./builder.js";
import { recordField } from "./refs.js";

/** How a reference is described, when not by the record's name. */
export interface ReferenceOptions {
  /** What the record is, in the descriptions (default: the field's name, `household` for `householdId`). */
  readonly what?: string;
  /** The key's description (default: "Ledger id of the <what>." or "Code of the <what>."). */
  readonly key?: string;
  /** The record's description (default: "The <what>.", or "The <what>, inside the caller's scope."). */
  readonly record?: string;
  /** The record is read inside the caller's scope (said in the default record description). */
  readonly inScope?: boolean;
  /** The key may be null (the record field always may). */
  readonly nullable?: boolean;
}

/**
 * A reference to another record, as every ledger type exposes one: the key field `<name>Id` (a
 * ledger id) or `<name>Code` (a region code), and `<name>`, the record (null outside the caller's
 * scope, answered in the one-statement read).
 */
export function reference<T>(
  t: PothosSchemaTypes.ObjectFieldBuilder<Types, T>,
  key: keyof T & `${string}${"Id" | "Code"}`,
  type: ObjectRef<Types, string | object>,
  options: ReferenceOptions = {},
) {
  const code = key.endsWith("Code");
  const name = key.slice(0, code ? -4 : -2);
  const what = options.what ?? name;
  const scoped = options.inScope ? ", inside the caller's scope" : "";
  return {
    [key]: t.string({
      nullable: options.nullable ?? false,
      description: options.key ?? `${code ? "Code" : "Ledger id"} of the ${what}.`,
      resolve: (row) => row[key] as never,
    }),
    [name]: recordField(t, type, options.record ?? `The ${what}${scoped}.`, key),
  };
}

/**
 * A moment of a record as GraphQL shows it: the record's `Date` as an ISO 8601 string (null where
 * the record has none, when `nullable`).
 */
export function timestamp<T>(
  t: PothosSchemaTypes.ObjectFieldBuilder<Types, T>,
  key: keyof T & `${string}At`,
  description: string,
  nullable = false,
) {
  return {
    [key]: t.string({
      nullable,
      description,
      resolve: (row) => ((row[key] as Date | null)?.toISOString() ?? null) as never,
    }),
  };
}

/** A record field that may be absent, under its own name: null where the record has none. */
export function optional<T>(
  t: PothosSchemaTypes.ObjectFieldBuilder<Types, T>,
  key: keyof T & string,
  type: "String" | "Int" | "Float",
  description: string,
) {
  return {
    [key]: t.field({ type, nullable: true, description, resolve: (row) => row[key] as never }),
  };
}

/** A message in Chinese and English (`{ zh, en }`), as `message` and `messageEn`. */
export function bilingualMessage<
  T extends { readonly message: { readonly zh: string; readonly en: string } },
>(t: PothosSchemaTypes.ObjectFieldBuilder<Types, T>, what: string) {
  return {
    message: t.string({ description: `${what}, in Chinese.`, resolve: (row) => row.message.zh }),
    messageEn: t.string({ description: `${what}, in English.`, resolve: (row) => row.message.en }),
  };
}

/**
 * The key of a report, as its submissions, runs and summaries show it: the profile, the region it
 * covers and the period.
 */
export function reportKey<
  T extends { readonly profile: string; readonly regionCode: string; readonly period: string },
>(t: PothosSchemaTypes.ObjectFieldBuilder<Types, T>, profile: string) {
  return {
    profile: t.string({ description: profile, resolve: (row) => row.profile }),
    regionCode: t.string({ description: "Region the report covers.", resolve: (row) => row.regionCode }),
    period: t.string({
      description: "Period: 2025 for a year, 2025-12 for a month.",
      resolve: (row) => row.period,
    }),
  };
}

/** Who prepared (专人) and who reviewed a report, as a submission and a sync run name them. */
export function preparedBy<T extends { readonly preparer: string; readonly reviewer: string }>(
  t: PothosSchemaTypes.ObjectFieldBuilder<Types, T>,
) {
  return {
    preparer: t.string({ description: "Who prepared the report (专人).", resolve: (row) => row.preparer }),
    reviewer: t.string({ description: "Who reviewed it.", resolve: (row) => row.reviewer }),
  };
}
