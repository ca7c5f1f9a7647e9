import { ApolloServerPlugin } from '@apollo/server';
import {
  DocumentNode,
  getNamedType,
  GraphQLError,
  getNullableType,
  getOperationAST,
  GraphQLSchema,
  isListType,
  isObjectType,
  Kind,
} from 'graphql';
import { ComplexityEstimator, fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { AppError, badInput, ErrorCode } from '../errors/app-error';
import { graphqlErrorOf } from '../errors/format-graphql-error';
import { DEFAULT_PAGE_SIZE } from '../pagination/connection';

/**
 * A field that takes `first` costs its children times the page size asked for; omitted (or null),
 * the page paginate() returns by default. (A schema default for `first`, as on suggestGoodPractices,
 * already arrives here in args.)
 */
const pageSizeEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (!field.args.some((arg) => arg.name === 'first')) return undefined;
  const first = typeof args.first === 'number' ? args.first : DEFAULT_PAGE_SIZE;
  return 1 + childComplexity * Math.max(first, 1);
};

/**
 * A plain list (no `first`: a parent's own few children, like a benchmark's key factors or a day's
 * sessions) costs its children this many times. Priced at one before, a nested plain list cost as
 * much as one item: `benchmark` answered 50 kB for a cost of 51. The edges and nodes of a connection
 * are not plain lists: their page size is priced on the connection field.
 */
export const PLAIN_LIST_LENGTH = 4;
const plainListEstimator: ComplexityEstimator = ({ type, field, childComplexity }) => {
  if (!isListType(getNullableType(field.type))) return undefined;
  if (isObjectType(type) && type.getFields().pageInfo) return undefined;
  return 1 + childComplexity * PLAIN_LIST_LENGTH;
};

/**
 * A JSON value is a whole document in one field, whatever is selected; one that does not declare
 * its cost (`complexity` on the field, e.g. benchmarkExport) costs this, about 4 kB of answer.
 */
export const JSON_FIELD_COST = 20;
const jsonEstimator: ComplexityEstimator = ({ field }) => (getNamedType(field.type).name === 'JSON' ? JSON_FIELD_COST : undefined);

/**
 * What one unit of cost may answer, about: a field whose answer is bigger than this per unit of its
 * cost is priced too low (test/security/query-limits.spec.ts measures every query of the schema).
 * With GRAPHQL_MAX_COMPLEXITY at 5000, about 2 MB per request at most.
 */
export const BYTES_PER_COST = 400;

/**
 * Each mutation field costs MUTATION_COST on top of its selection: a write does far more than a read,
 * and without this one request could carry thousands of aliased writes (500 aliased createCity
 * calls fit under the default limit before). With the defaults, at most 50 writes per request.
 */
export const MUTATION_COST = 100;
const mutationEstimator: ComplexityEstimator = ({ type, childComplexity }) => {
  if (type.name !== 'Mutation') return undefined;
  return MUTATION_COST + childComplexity;
};

/** First that answers wins: a field's declared `complexity` (extensions) before the general rules. */
const ESTIMATORS = [
  mutationEstimator,
  fieldExtensionsEstimator(),
  pageSizeEstimator,
  jsonEstimator,
  plainListEstimator,
  simpleEstimator({ defaultComplexity: 1 }),
];

/**
 * The cost of an operation depends on its document and on the variables that can change it: page
 * sizes (`first` is an Int) and @skip/@include (Booleans). No estimator reads any other argument, so
 * two requests with the same document and the same Int and Boolean variables cost the same, whatever
 * their other variables (e.g. the evidence a phone logs).
 */
function costKey(document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | undefined): string {
  const operation = getOperationAST(document, operationName);
  const relevant = (operation?.variableDefinitions ?? []).filter((d) => {
    const type = d.type.kind === Kind.NON_NULL_TYPE ? d.type.type : d.type;
    return type.kind === Kind.NAMED_TYPE && (type.name.value === 'Int' || type.name.value === 'Boolean');
  });
  return JSON.stringify([operationName ?? null, ...relevant.map((d) => variables?.[d.variable.name.value] ?? null)]);
}

/** Distinct variable values remembered per document; past this the document's entries start over. */
const KEYS_PER_DOCUMENT = 64;

/**
 * Computes operation costs, remembering them per parsed document: walking the document cost about
 * 8 % of the API thread on the evidence-logging bench, and Apollo hands the same DocumentNode to
 * every request with the same query text (its document store). Keyed weakly, so documents Apollo
 * evicts are forgotten here too.
 */
export class OperationCosts {
  private byDocument = new WeakMap<DocumentNode, Map<string, number>>();
  private schema?: GraphQLSchema;

  constructor(private readonly getSchema: () => GraphQLSchema) {}

  cost(document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | undefined): number {
    const schema = this.getSchema();
    if (schema !== this.schema) {
      this.schema = schema;
      this.byDocument = new WeakMap();
    }
    const key = costKey(document, operationName, variables);
    let costs = this.byDocument.get(document);
    const known = costs?.get(key);
    if (known !== undefined) return known;
    let cost: number;
    try {
      cost = getComplexity({ schema, operationName: operationName ?? undefined, query: document, variables, estimators: ESTIMATORS });
    } catch (error) {
      // It coerces the variables first: a null for a non-null one, a value not of its type. That is
      // the caller's mistake (was INTERNAL_SERVER_ERROR, HTTP 500, from this hook).
      if (error instanceof GraphQLError) throw graphqlErrorOf(badInput(error.message));
      throw error;
    }
    if (!costs || costs.size >= KEYS_PER_DOCUMENT) this.byDocument.set(document, (costs = new Map()));
    costs.set(key, cost);
    return cost;
  }
}

/**
 * Query cost limit. Aliases let one request carry many expensive fields past per-request limits,
 * so the cost of the whole operation is what is checked.
 */
export function complexityPlugin(getSchema: () => GraphQLSchema, maxComplexity: number): ApolloServerPlugin {
  const costs = new OperationCosts(getSchema);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const complexity = costs.cost(document, request.operationName, request.variables);
          if (complexity > maxComplexity) {
            // An AppError, so the answer is HTTP 400 and carries the cost (Apollo answers 500 otherwise).
            throw graphqlErrorOf(
              new AppError(
                ErrorCode.BAD_USER_INPUT,
                `The query costs ${complexity}, above the limit of ${maxComplexity}. Ask for fewer fields or smaller pages.`,
                {
                  complexity,
                  maxComplexity,
                },
              ),
            );
          }
        },
      };
    },
  };
}
