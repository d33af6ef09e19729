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
