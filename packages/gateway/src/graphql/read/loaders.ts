import DataLoader from "dataloader";
import type { FieldNode, GraphQLResolveInfo } from "graphql";
import type { GatewayContext } from "../../context.js";
import type { LedgerTable } from "../../ledger/ledger-table.js";
import { requestState } from "../request-state.js";
import { listRowFields } from "./selection.js";
import { loadGrouped } from "./sql.js";

const fieldsByNode = new WeakMap<FieldNode, string[] | null>();

/**
 * The records of `spec` whose `field` equals the parent's key, batched per request and selection
 * (one statement for all parents of a level) and reading only the columns the selection needs.
 */
export function loadChildren<T>(
  ctx: GatewayContext,
  info: GraphQLResolveInfo,
  spec: LedgerTable<T>,
  field: keyof T & string,
  key: string,
): Promise<T[]> {
  const node = info.fieldNodes[0];
  let fields = node ? fieldsByNode.get(node) : null;
  if (fields === undefined && node) {
    fields = listRowFields(spec, info, [field]);
    fieldsByNode.set(node, fields);
  }
  const id = `${spec.table}.${field}:${fields?.join(",") ?? "*"}`;
  const loaders = requestState(ctx).loaders;
  let loader = loaders.get(id) as DataLoader<string, T[]> | undefined;
  if (!loader) {
    loader = new DataLoader<string, T[]>((keys) => loadGrouped(ctx, spec, field, keys, fields ?? null));
    loaders.set(id, loader);
  }
  return loader.load(key);
}
