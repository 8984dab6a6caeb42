/**
 * Requested query cost, approximating Shopify's calculated cost (shopify-api.md §4.2): scalars and enums 0,
 * objects 1, connections 2 + first × (cost of one node), mutations +10. Plain lists (e.g. `Order.fulfillments`)
 * are counted as one object, whatever `first` says. Interfaces/unions sum their fragments (slight over-estimate).
 */
import {
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

export const MAX_SINGLE_QUERY_COST = 1000;

interface CostContext {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  depth: number;
}

function argInt(field: FieldNode, name: string, ctx: CostContext): number | null {
  const arg = field.arguments?.find((a) => a.name.value === name);
  if (!arg) return null;
  const v: ValueNode = arg.value;
  if (v.kind === Kind.INT) return Number(v.value);
  if (v.kind === Kind.VARIABLE) {
    const raw = ctx.variables[v.name.value];
    return typeof raw === 'number' ? raw : null;
  }
  return null;
}

function fieldsOf(type: GraphQLCompositeType): Record<string, { type: unknown }> {
  return isObjectType(type) || isInterfaceType(type) ? type.getFields() : {};
}

function connectionNodeCost(sel: SelectionSetNode | undefined, connType: GraphQLCompositeType, ctx: CostContext): number {
  let best = 1;
  for (const s of sel?.selections ?? []) {
    if (s.kind !== Kind.FIELD) continue;
    const def = fieldsOf(connType)[s.name.value];
    if (!def) continue;
    const named = getNamedType(def.type as never);
    if (s.name.value === 'nodes' && isCompositeType(named)) best = Math.max(best, 1 + selectionCost(s.selectionSet, named, ctx));
    if (s.name.value === 'edges' && isCompositeType(named)) {
      for (const e of s.selectionSet?.selections ?? []) {
        if (e.kind !== Kind.FIELD || e.name.value !== 'node') continue;
        const nodeDef = fieldsOf(named)['node'];
        const nodeType = nodeDef ? getNamedType(nodeDef.type as never) : null;
        if (nodeType && isCompositeType(nodeType)) best = Math.max(best, 1 + selectionCost(e.selectionSet, nodeType, ctx));
      }
    }
  }
  return best;
}

function selectionCost(sel: SelectionSetNode | undefined, parent: GraphQLCompositeType, ctx: CostContext): number {
  if (!sel || ctx.depth > 30) return 0;
  ctx.depth++;
  let sum = 0;
  for (const s of sel.selections) {
    if (s.kind === Kind.FIELD) {
      if (s.name.value.startsWith('__')) continue;
      const def = fieldsOf(parent)[s.name.value];
      if (!def) continue;
      const named = getNamedType(def.type as never);
      if (!isCompositeType(named)) continue;
      if (named.name.endsWith('Connection')) {
        const size = argInt(s, 'first', ctx) ?? argInt(s, 'last', ctx) ?? 1;
        sum += 2 + size * connectionNodeCost(s.selectionSet, named, ctx);
      } else {
        sum += 1 + selectionCost(s.selectionSet, named, ctx);
      }
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      const t = s.typeCondition ? ctx.schema.getType(s.typeCondition.name.value) : parent;
      if (t && isCompositeType(t)) sum += selectionCost(s.selectionSet, t, ctx);
    } else {
      const frag = ctx.fragments.get(s.name.value);
      const t = frag ? ctx.schema.getType(frag.typeCondition.name.value) : null;
      if (frag && t && isCompositeType(t)) sum += selectionCost(frag.selectionSet, t, ctx);
    }
  }
  ctx.depth--;
  return sum;
}

export function selectOperation(doc: DocumentNode, operationName?: string | null): OperationDefinitionNode | null {
  const ops = doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operationName) return ops.find((o) => o.name?.value === operationName) ?? null;
  return ops.length === 1 ? ops[0]! : null;
}

export function computeRequestedCost(schema: GraphQLSchema, doc: DocumentNode, op: OperationDefinitionNode, variables: Record<string, unknown>): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const root = op.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  if (!root) return 0;
  const ctx: CostContext = { schema, fragments, variables, depth: 0 };
  return selectionCost(op.selectionSet, root, ctx) + (op.operation === 'mutation' ? 10 : 0);
}
