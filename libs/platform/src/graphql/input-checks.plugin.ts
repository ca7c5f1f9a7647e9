import { ApolloServerPlugin } from '@apollo/server';
import {
  DocumentNode,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  GraphQLInputType,
  GraphQLSchema,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  TypeInfo,
  valueFromAST,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { AppError, ErrorCode, Problem } from '../errors/app-error';
import { graphqlErrorOf } from '../errors/format-graphql-error';
import { NUL_MESSAGE, nulCharacterProblems } from '../errors/nul-characters';
import { isUuid } from '../validation/uuid';

const ID_MESSAGE = 'must be an id this API gave out (a UUID)';
/** Problems listed at most: enough to act on, without echoing a huge hostile request back. */
const MAX_PROBLEMS = 20;

/**
 * An input field (ID or list of IDs) marked `@Extensions({ [IDS_CHECKED_BY_SERVICE]: true })` is left
 * to its service, which answers a malformed id with the input's other problems: a batch of evidence
 * answers per item, a form lists every problem at once.
 */
export const IDS_CHECKED_BY_SERVICE = 'idsCheckedByService';

/** Every ID in a value of `type` (arguments and input fields, at any depth) that is not a UUID. */
function idProblems(value: unknown, type: GraphQLInputType, path: string, problems: Problem[]): void {
  if (value === null || value === undefined || problems.length >= MAX_PROBLEMS) return;
  if (isNonNullType(type)) return idProblems(value, type.ofType, path, problems);
  if (isListType(type)) {
    if (Array.isArray(value)) value.forEach((item, i) => idProblems(item, type.ofType, `${path}[${i}]`, problems));
    return;
  }
  if (isInputObjectType(type)) {
    if (typeof value !== 'object') return;
    for (const field of Object.values(type.getFields())) {
      if (field.extensions?.[IDS_CHECKED_BY_SERVICE] === true) continue;
      idProblems((value as Record<string, unknown>)[field.name], field.type, `${path}.${field.name}`, problems);
    }
    return;
  }
  if (type.name === 'ID' && !isUuid(typeof value === 'number' ? String(value) : value)) problems.push({ path, message: ID_MESSAGE });
}

/**
 * What is wrong with the input of an operation before anything runs:
 * - any string (argument, variable, input field, JSON value or key) with a NUL character;
 * - any ID (an argument, or a field of an input object at any depth) that is not a UUID, except
 *   input fields marked IDS_CHECKED_BY_SERVICE.
 * Variables that do not fit their types are left to GraphQL's own coercion (its error is clearer).
 */
export function inputProblems(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | undefined,
): Problem[] {
  const problems: Problem[] = [];
  for (const [name, value] of Object.entries(variables ?? {})) nulCharacterProblems(value, `$${name}`, problems);
  const operation = getOperationAST(document, operationName);
  if (!operation) return problems;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, { maxErrors: 1 });
  if (coerced.errors) return problems;
  const typeInfo = new TypeInfo(schema);
  // The operation and the fragments (those of other operations in the document do not run).
  const nodes = [operation, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)];
  for (const node of nodes) {
    visit(
      node,
      visitWithTypeInfo(typeInfo, {
        StringValue(value) {
          if (value.value.includes('\0')) problems.push({ path: typeInfo.getArgument()?.name ?? 'query', message: NUL_MESSAGE });
        },
        Argument(argument) {
          const definition = typeInfo.getArgument();
          if (!definition) return;
          idProblems(valueFromAST(argument.value, definition.type, coerced.coerced), definition.type, argument.name.value, problems);
        },
      }),
    );
  }
  const seen = new Set<string>();
  return problems.filter((p) => !seen.has(`${p.path}|${p.message}`) && seen.add(`${p.path}|${p.message}`)).slice(0, MAX_PROBLEMS);
}

/** The BAD_USER_INPUT refusal for an operation's hostile input, or null when there is none. */
export function inputError(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | undefined,
): GraphQLError | null {
  const problems = inputProblems(schema, document, operationName, variables);
  if (!problems.length) return null;
  const list = problems.map((p) => `${p.path}: ${p.message}`).join('; ');
  return graphqlErrorOf(new AppError(ErrorCode.BAD_USER_INPUT, `The request was not run: ${list}.`, { problems }));
}

/**
 * Refuses hostile input with BAD_USER_INPUT before anything runs, so that no NUL character and no
 * id that cannot be a UUID ever reaches PostgreSQL (which answers both with an error: a 500 before).
 * Subscriptions run the same check (subscriptions.ts).
 */
export function inputChecksPlugin(getSchema: () => GraphQLSchema): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const error = inputError(getSchema(), document, request.operationName, request.variables);
          if (error) throw error;
        },
      };
    },
  };
}
