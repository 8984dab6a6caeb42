import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  parse,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

/**
 * A pessimistic upper bound for Shopify's requested query cost. Shopify documents objects as 1 point and
 * connections as 2 + first × node cost, but not how plain lists with a `first` argument
 * (`Order.fulfillments(first:)`, `Fulfillment.trackingInfo(first:)`) are priced. This bound assumes the
 * worst: such a list costs first × (1 + its children), so our queries stay under the 1000-point cap either way.
 * Used by tests and the cost table in docs/benchmarks.md; the demo shop (and, as far as we have measured, Shopify)
 * prices plain lists as one object.
 */
export function worstCaseQueryCost(schema: GraphQLSchema, document: string, variables: Record<string, unknown> = {}): number {
  const doc = parse(document);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const op = doc.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  const root = schema.getQueryType();
  if (!op || op.kind !== Kind.OPERATION_DEFINITION || !root) return 0;

  const intArg = (value: { kind: string; value?: string; name?: { value: string } } | undefined): number | null => {
    if (!value) return null;
    if (value.kind === Kind.INT && value.value) return Number(value.value);
    if (value.kind === Kind.VARIABLE && value.name) {
      const raw = variables[value.name.value];
      return typeof raw === 'number' ? raw : null;
    }
    return null;
  };

  function cost(selection: SelectionSetNode | undefined, parent: GraphQLCompositeType): number {
    let sum = 0;
    for (const s of selection?.selections ?? []) {
      if (s.kind === Kind.FRAGMENT_SPREAD) {
        const frag = fragments.get(s.name.value);
        const type = frag ? schema.getType(frag.typeCondition.name.value) : null;
        if (frag && type && isCompositeType(type)) sum += cost(frag.selectionSet, type);
        continue;
      }
      if (s.kind === Kind.INLINE_FRAGMENT) {
        const type = s.typeCondition ? schema.getType(s.typeCondition.name.value) : parent;
        if (type && isCompositeType(type)) sum += cost(s.selectionSet, type);
        continue;
      }
      const fields = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields() : {};
      const def = fields[s.name.value];
      if (!def) continue;
      const named = getNamedType(def.type);
      if (!isCompositeType(named)) continue;
      const first = intArg(s.arguments?.find((a) => a.name.value === 'first')?.value as never) ?? 1;
      if (named.name.endsWith('Connection')) {
        // connection: 2 + first × (1 + node), whichever of nodes/edges is selected
        const nodesField = s.selectionSet?.selections.find((n) => n.kind === Kind.FIELD && n.name.value === 'nodes');
        const nodeType = isObjectType(named) || isInterfaceType(named) ? named.getFields()['nodes'] : undefined;
        const node = nodesField && nodesField.kind === Kind.FIELD && nodeType ? getNamedType(nodeType.type) : null;
        const nodeCost = node && isCompositeType(node) && nodesField?.kind === Kind.FIELD ? 1 + cost(nodesField.selectionSet, node) : 1;
        sum += 2 + first * nodeCost;
      } else if (isListType(getNullableType(def.type))) {
        sum += first * (1 + cost(s.selectionSet, named));
      } else {
        sum += 1 + cost(s.selectionSet, named);
      }
    }
    return sum;
  }
  return cost(op.selectionSet, root);
}
