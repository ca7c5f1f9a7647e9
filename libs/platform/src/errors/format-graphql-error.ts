import { HttpException } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLFormattedError } from 'graphql';
import { AppError, ErrorCode } from './app-error';

const CODE_OF_HTTP_STATUS: Record<number, ErrorCode> = {
  400: ErrorCode.BAD_USER_INPUT,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
};

/** Apollo's formatError: every error leaves with one of the stable codes and no internals. */
export function formatGraphqlError(exposeInternals: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof AppError) {
      return { ...formatted, message: original.message, extensions: { ...original.details, code: original.code } };
    }
    if (original instanceof HttpException) {
      const code = CODE_OF_HTTP_STATUS[original.getStatus()] ?? ErrorCode.INTERNAL_SERVER_ERROR;
      return { ...formatted, extensions: { code } };
    }
    const code = formatted.extensions?.code;
    // Parse and validation errors (GRAPHQL_VALIDATION_FAILED, BAD_USER_INPUT on variables) are the caller's.
    if (code === 'GRAPHQL_PARSE_FAILED' || code === 'GRAPHQL_VALIDATION_FAILED' || code === 'BAD_USER_INPUT') {
      return { message: formatted.message, locations: formatted.locations, extensions: { code: ErrorCode.BAD_USER_INPUT, reason: code } };
    }
    if (code === ErrorCode.UNAUTHENTICATED || code === ErrorCode.FORBIDDEN) return formatted;
    return {
      message: exposeInternals ? formatted.message : 'Something went wrong on our side; it has been logged.',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
