/**
 * POST /admin/api/{version}/graphql.json: parse, validate against the real schema (Shopify-shaped errors),
 * price the query, charge the per-token point bucket, execute with the demo resolvers.
 */
import {
  execute,
  FieldsOnCorrectTypeRule,
  GraphQLError,
  parse,
  specifiedRules,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type OperationDefinitionNode,
} from 'graphql';
import { loadAdminSchema } from './graphql-schema';
import { createRootValue, fieldResolver, type GraphqlContext } from './graphql-resolvers';
import { computeRequestedCost, MAX_SINGLE_QUERY_COST, selectOperation } from './query-cost';
import type { PointBucket } from './throttle';

export interface GraphqlResult {
  status: number;
  body: Record<string, unknown>;
  cost?: number;
  throttled: boolean;
  operationName?: string;
  query?: string;
}

type ShopifyError = { message: string; locations?: { line: number; column: number }[]; path?: (string | number)[]; extensions?: Record<string, unknown> };

/** graphql-ruby style "Field 'x' doesn't exist on type 'Y'" errors with a path from the operation root. */
function undefinedFieldErrors(doc: DocumentNode): ShopifyError[] {
  const { schema } = loadAdminSchema();
  const typeInfo = new TypeInfo(schema);
  const errors: ShopifyError[] = [];
  const stack: string[] = [];
  visit(
    doc,
    visitWithTypeInfo(typeInfo, {
      OperationDefinition: {
        enter(node) {
          stack.push(`${node.operation}${node.name ? ` ${node.name.value}` : ''}`);
        },
        leave() {
          stack.pop();
        },
      },
      FragmentDefinition: {
        enter(node) {
          stack.push(`fragment ${node.name.value}`);
        },
        leave() {
          stack.pop();
        },
      },
      Field: {
        enter(node) {
          stack.push(node.name.value);
          const parent = typeInfo.getParentType();
          if (parent && !typeInfo.getFieldDef() && node.name.value !== '__typename') {
            errors.push({
              message: `Field '${node.name.value}' doesn't exist on type '${parent.name}'`,
              locations: [{ line: node.loc?.startToken.line ?? 1, column: node.loc?.startToken.column ?? 1 }],
              path: [...stack],
              extensions: { code: 'undefinedField', typeName: parent.name, fieldName: node.name.value },
            });
          }
        },
        leave() {
          stack.pop();
        },
      },
    }),
  );
  return errors;
}

function toShopifyError(e: GraphQLError): ShopifyError {
  const missing = /^Field "(.+?)" argument "(.+?)" of type ".+?" is required, but it was not provided\.$/.exec(e.message);
  const unknownArg = /^Unknown argument "(.+?)" on field "(?:.+?)\.(.+?)"\.$/.exec(e.message);
  const message = missing
    ? `Field '${missing[1]}' is missing required arguments: ${missing[2]}`
    : unknownArg
      ? `Field '${unknownArg[2]}' doesn't accept argument '${unknownArg[1]}'`
      : e.message;
  const code = missing ? 'missingRequiredArguments' : unknownArg ? 'argumentNotAccepted' : 'validationError';
  return { message, ...(e.locations ? { locations: [...e.locations] } : {}), extensions: { code } };
}

/** The only mutations the demo shop models; any other answers NOT_IMPLEMENTED instead of a silent null. */
const MODELLED_MUTATIONS = new Set(['webhookSubscriptionCreate', 'webhookSubscriptionUpdate', 'webhookSubscriptionDelete']);

export function throttledBody(bucket: PointBucket, requested: number): Record<string, unknown> {
  return {
    errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }],
    extensions: { cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: bucket.status() } },
  };
}

export interface GraphqlRequest {
  rawBody: string;
  bucket: PointBucket;
  forceThrottle: boolean;
  context: Omit<GraphqlContext, 'search' | 'actualCost'>;
}

export async function handleGraphql(req: GraphqlRequest): Promise<GraphqlResult> {
  const { bucket } = req;
  const { schema } = loadAdminSchema();
  let payload: { query?: unknown; variables?: unknown; operationName?: unknown };
  try {
    payload = JSON.parse(req.rawBody) as typeof payload;
  } catch {
    return { status: 400, body: { errors: { query: 'Required parameter missing or invalid' } }, throttled: false };
  }
  if (typeof payload?.query !== 'string' || payload.query.trim() === '') {
    return { status: 400, body: { errors: { query: 'Required parameter missing or invalid' } }, throttled: false };
  }
  const query = payload.query;
  const variables = (payload.variables && typeof payload.variables === 'object' ? payload.variables : {}) as Record<string, unknown>;
  const operationName = typeof payload.operationName === 'string' ? payload.operationName : undefined;
  const base: { throttled: boolean; query: string; operationName?: string } = { throttled: false, query, ...(operationName ? { operationName } : {}) };
  const costExt = (requested: number, actual: number | null): Record<string, unknown> => ({
    cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: bucket.status() },
  });

  let doc: DocumentNode;
  try {
    doc = parse(query);
  } catch (e) {
    const err = e as GraphQLError;
    const msg = err.message.replace(/^Syntax Error: /, '');
    return { ...base, status: 200, body: { errors: [{ message: `syntax error, ${msg}`, locations: err.locations ?? [] }], extensions: costExt(0, 0) } };
  }
  const op: OperationDefinitionNode | null = selectOperation(doc, operationName);
  if (op?.name && !base.operationName) base.operationName = op.name.value;
  const errors = [
    ...undefinedFieldErrors(doc),
    ...validate(
      schema,
      doc,
      specifiedRules.filter((r) => r !== FieldsOnCorrectTypeRule),
    ).map(toShopifyError),
  ];
  if (!op && errors.length === 0)
    errors.push({
      message: operationName ? `No operation named "${operationName}"` : 'An operation name is required',
      extensions: { code: 'validationError' },
    });
  const requested = op ? computeRequestedCost(schema, doc, op, variables) : 0;
  if (errors.length > 0 || !op) return { ...base, status: 200, body: { errors, extensions: costExt(requested, 0) }, cost: 0 };
  const unmodelled = op.operation === 'mutation' && op.selectionSet.selections.some((sel) => sel.kind !== 'Field' || !MODELLED_MUTATIONS.has(sel.name.value));
  if ((op.operation !== 'query' && op.operation !== 'mutation') || unmodelled) {
    return {
      ...base,
      status: 200,
      body: {
        errors: [{ message: `The demo shop does not implement this ${op.operation}.`, extensions: { code: 'NOT_IMPLEMENTED' } }],
        extensions: costExt(requested, 0),
      },
    };
  }
  if (requested > MAX_SINGLE_QUERY_COST) {
    return {
      ...base,
      status: 200,
      cost: requested,
      body: {
        errors: [
          {
            message: `Query cost is ${requested}, which exceeds the single query max cost limit (${MAX_SINGLE_QUERY_COST}).\n\nSee https://shopify.dev/concepts/about-apis/rate-limits for more information on how the\ncost of a query is calculated.\n\nTo query larger amounts of data with fewer limits, bulk operations should be used instead.\nSee https://shopify.dev/tutorials/perform-bulk-operations-with-admin-api for usage details.\n`,
            extensions: { code: 'MAX_COST_EXCEEDED', cost: requested, maxCost: MAX_SINGLE_QUERY_COST },
          },
        ],
        extensions: costExt(requested, null),
      },
    };
  }
  if (req.forceThrottle || !bucket.tryTake(requested)) {
    return { ...base, status: 200, throttled: true, cost: requested, body: throttledBody(bucket, requested) };
  }
  const context: GraphqlContext = { ...req.context, search: [], actualCost: 0 };
  const result = await execute({
    schema,
    document: doc,
    rootValue: createRootValue(context),
    contextValue: context,
    variableValues: variables,
    ...(operationName ? { operationName } : {}),
    fieldResolver,
  });
  // Shopify charges a mutation 10 points on top of what it returns, as computeRequestedCost prices it.
  const actual = Math.min(requested, Math.max(1, context.actualCost + (op.operation === 'mutation' ? 10 : 0)));
  bucket.refund(requested - actual);
  const extensions: Record<string, unknown> = costExt(requested, actual);
  if (context.search.length > 0) extensions.search = context.search;
  const body: Record<string, unknown> = {};
  if (result.errors) body.errors = result.errors.map((e) => e.toJSON());
  body.data = result.data ?? null;
  body.extensions = extensions;
  return { ...base, status: 200, body, cost: actual };
}
