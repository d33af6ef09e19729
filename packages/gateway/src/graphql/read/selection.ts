import type { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from "graphql";
import type { LedgerTable } from "../../ledger/ledger-table.js";

type Fragments = Record<string, FragmentDefinitionNode>;

function collect(set: SelectionSetNode | undefined, fragments: Fragments, out: FieldNode[]): void {
  if (!set) return;
  for (const s of set.selections) {
    if (s.kind === "Field") out.push(s);
    else if (s.kind === "InlineFragment") collect(s.selectionSet, fragments, out);
    else {
      const fragment = fragments[s.name.value];
      if (fragment) collect(fragment.selectionSet, fragments, out);
    }
  }
}

function fieldsBelow(nodes: readonly FieldNode[], fragments: Fragments): FieldNode[] {
  const out: FieldNode[] = [];
  for (const n of nodes) collect(n.selectionSet, fragments, out);
  return out;
}

/**
 * The row fields a selection of a record type needs, or null when some selected field is not known
 * to map to columns (then every column is read). Always includes the key and `extra`.
 */
export function rowFieldsOf<T>(
  spec: LedgerTable<T>,
  selected: readonly FieldNode[],
  extra: readonly string[] = [],
): string[] | null {
  const fields = new Set<string>([spec.key, ...extra]);
  for (const f of selected) {
    const name = f.name.value;
    if (name === "__typename") continue;
    if (name === "recordId" || name === "id") continue;
    if (name in spec.columns) fields.add(name);
    else {
      const derived = spec.derived[name];
      if (!derived) return null;
      for (const d of derived) fields.add(d);
    }
  }
  return [...fields];
}

/** Row fields needed by the records of a list field, plus `extra` (e.g. the grouping field). */
export function listRowFields<T>(
  spec: LedgerTable<T>,
  info: GraphQLResolveInfo,
  extra: readonly string[],
): string[] | null {
  return rowFieldsOf(spec, fieldsBelow(info.fieldNodes, info.fragments), extra);
}
