import { HttpException } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { currentRequestId } from '../request-context/request-context';
import { AppError, ErrorCode, HTTP_STATUS_OF } from './app-error';
import { localisedErrorMessage } from './error-messages';

const CODE_OF_HTTP_STATUS: Record<number, ErrorCode> = {
  400: ErrorCode.BAD_USER_INPUT,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  413: ErrorCode.PAYLOAD_TOO_LARGE,
  429: ErrorCode.TOO_MANY_REQUESTS,
};

/**
 * An AppError thrown where Apollo expects a GraphQLError (a plugin hook, before execution): the
 * answer carries the error's code and details, and the HTTP status of its code (Apollo answers 500
 * otherwise).
 */
export function graphqlErrorOf(error: AppError): GraphQLError {
  return new GraphQLError(error.message, {
    originalError: error,
    extensions: { code: error.code, http: { status: HTTP_STATUS_OF[error.code] } },
  });
}

/** graphql-js' "Did you mean …?" hints name fields, types and enum values a caller did not ask for. */
const withoutSuggestions = (message: string) => message.replace(/ ?Did you mean .+?\?$/, '');

/** Apollo's formatError: every error leaves with one of the stable codes and no internals. */
export function formatGraphqlError(exposeInternals: boolean) {
  const format = (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const unwrapped = unwrapResolverError(error);
    const original = unwrapped instanceof GraphQLError && unwrapped.originalError instanceof AppError ? unwrapped.originalError : unwrapped;
    if (original instanceof AppError) {
      // Variable errors reach here through the cost check (complexity.plugin.ts) with graphql-js' wording.
      const message = exposeInternals ? original.message : withoutSuggestions(original.message);
      return {
        ...formatted,
        message: localisedErrorMessage(original.code, message),
        extensions: { ...original.details, code: original.code },
      };
    }
    if (original instanceof HttpException) {
      const code = CODE_OF_HTTP_STATUS[original.getStatus()] ?? ErrorCode.INTERNAL_SERVER_ERROR;
      return { ...formatted, extensions: { code } };
    }
    const code = formatted.extensions?.code;
    // Parse and validation errors (GRAPHQL_VALIDATION_FAILED, BAD_USER_INPUT on variables) are the caller's.
    // In production they do not suggest names: that would map the schema for someone without introspection.
    if (code === 'GRAPHQL_PARSE_FAILED' || code === 'GRAPHQL_VALIDATION_FAILED' || code === 'BAD_USER_INPUT') {
      const message = exposeInternals ? formatted.message : withoutSuggestions(formatted.message);
      return { message, locations: formatted.locations, extensions: { code: ErrorCode.BAD_USER_INPUT, reason: code } };
    }
    if (code === ErrorCode.UNAUTHENTICATED || code === ErrorCode.FORBIDDEN) return formatted;
    return {
      message: exposeInternals
        ? formatted.message
        : localisedErrorMessage(ErrorCode.INTERNAL_SERVER_ERROR, 'Something went wrong on our side; it has been logged.'),
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
  // The request id lets a person quote an error and an operator find its log lines.
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const result = format(formatted, error);
    const requestId = currentRequestId();
    return requestId ? { ...result, extensions: { ...result.extensions, requestId } } : result;
  };
}
