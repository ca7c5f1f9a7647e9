import { ApolloServerPlugin } from '@apollo/server';
import {
  DocumentNode,
  getNamedType,
  getOperationAST,
  GraphQLSchema,
  Kind,
  OperationDefinitionNode,
  TypeInfo,
  ValueNode,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { AppError, ErrorCode, Problem } from '../errors/app-error';
import { graphqlErrorOf } from '../errors/format-graphql-error';
import { NUL_MESSAGE, nulCharacterProblems } from '../errors/nul-characters';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Every id this API gives out is a UUID (every primary key is a uuid column). */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

const ID_MESSAGE = 'must be an id this API gave out (a UUID)';
/** Problems listed at most: enough to act on, without echoing a huge hostile request back. */
const MAX_PROBLEMS = 20;

/**
 * What is wrong with the input of an operation before anything runs:
 * - any string (argument, variable, input field, JSON value or key) with a NUL character;
 * - any argument of type ID (or a list of IDs) that is not a UUID.
 * IDs inside input objects are left to the services, which list them with the input's other
 * problems (a form's every problem at once; a batch of evidence answers per item).
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
  const defaults = new Map((operation.variableDefinitions ?? []).map((d) => [d.variable.name.value, d.defaultValue]));
  const variableValue = (name: string): unknown => {
    if (variables && name in variables) return variables[name];
    const literal = defaults.get(name);
    return literal ? literalValue(literal, variableValue) : undefined;
  };
  const typeInfo = new TypeInfo(schema);
  // The operation and the fragments (those of other operations in the document do not run).
  const nodes: (OperationDefinitionNode | DocumentNode['definitions'][number])[] = [
    operation,
    ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION),
  ];
  for (const node of nodes) {
    visit(
      node,
      visitWithTypeInfo(typeInfo, {
        StringValue(value) {
          if (value.value.includes('\0')) problems.push({ path: typeInfo.getArgument()?.name ?? 'query', message: NUL_MESSAGE });
        },
        Argument(argument) {
          const definition = typeInfo.getArgument();
          if (!definition || getNamedType(definition.type).name !== 'ID') return;
          const value = literalValue(argument.value, variableValue);
          const values = Array.isArray(value) ? value : [value];
          if (values.some((v) => v !== null && v !== undefined && !isUuid(typeof v === 'number' ? String(v) : v))) {
            problems.push({ path: argument.name.value, message: ID_MESSAGE });
          }
        },
      }),
    );
  }
  const seen = new Set<string>();
  return problems.filter((p) => !seen.has(`${p.path}|${p.message}`) && seen.add(`${p.path}|${p.message}`)).slice(0, MAX_PROBLEMS);
}

/** A literal's value, variables resolved (enough for ids: strings, numbers, lists). */
function literalValue(node: ValueNode, variable: (name: string) => unknown): unknown {
  switch (node.kind) {
    case Kind.VARIABLE:
      return variable(node.name.value);
    case Kind.LIST:
      return node.values.map((v) => literalValue(v, variable));
    case Kind.STRING:
    case Kind.ENUM:
      return node.value;
    case Kind.INT:
    case Kind.FLOAT:
      return node.value;
    case Kind.NULL:
      return null;
    default:
      return undefined;
  }
}

/**
 * Refuses hostile input with BAD_USER_INPUT before anything runs, so that no NUL character and no
 * id that cannot be a UUID ever reaches PostgreSQL (which answers both with an error: a 500 before).
 */
export function inputChecksPlugin(getSchema: () => GraphQLSchema): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const problems = inputProblems(getSchema(), document, request.operationName, request.variables);
          if (!problems.length) return;
          const list = problems.map((p) => `${p.path}: ${p.message}`).join('; ');
          throw graphqlErrorOf(new AppError(ErrorCode.BAD_USER_INPUT, `The request was not run: ${list}.`, { problems }));
        },
      };
    },
  };
}
