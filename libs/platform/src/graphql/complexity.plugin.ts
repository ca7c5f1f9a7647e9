import { ApolloServerPlugin } from '@apollo/server';
import { DocumentNode, getOperationAST, GraphQLSchema, Kind } from 'graphql';
import { ComplexityEstimator, fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { AppError, ErrorCode } from '../errors/app-error';
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
 * Each mutation field costs MUTATION_COST on top of its selection: a write does far more than a read,
 * and without this one request could carry thousands of aliased writes (500 aliased createCity
 * calls fit under the default limit before). With the defaults, at most 50 writes per request.
 */
export const MUTATION_COST = 100;
const mutationEstimator: ComplexityEstimator = ({ type, childComplexity }) => {
  if (type.name !== 'Mutation') return undefined;
  return MUTATION_COST + childComplexity;
};

const ESTIMATORS = [mutationEstimator, fieldExtensionsEstimator(), pageSizeEstimator, simpleEstimator({ defaultComplexity: 1 })];

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
    const cost = getComplexity({ schema, operationName: operationName ?? undefined, query: document, variables, estimators: ESTIMATORS });
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
              new AppError(ErrorCode.BAD_USER_INPUT, `The query costs ${complexity}, above the limit of ${maxComplexity}. Ask for fewer fields or smaller pages.`, {
                complexity,
                maxComplexity,
              }),
            );
          }
        },
      };
    },
  };
}
