import { FormattedExecutionResult, GraphQLError, GraphQLFormattedError } from 'graphql';
import { AppError, ErrorCode } from '../errors/app-error';

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/**
 * Apollo's stringifyResult with a ceiling: an answer over `maxBytes` is not sent; the client gets
 * one BAD_USER_INPUT error (reason RESPONSE_TOO_LARGE) that says how big it was and what to do.
 * The cost limit keeps answers from being built that large in the first place; this bounds what
 * the cost estimate gets wrong (a document or a text far longer than usual).
 */
export function boundedStringify(maxBytes: number, formatError: FormatError) {
  return (result: FormattedExecutionResult): string => {
    const text = JSON.stringify(result);
    const bytes = Buffer.byteLength(text);
    if (bytes <= maxBytes) return text;
    const refusal = new AppError(
      ErrorCode.BAD_USER_INPUT,
      `The answer is ${bytes} bytes, above the limit of ${maxBytes}, and was not sent. Ask for fewer fields, fewer aliases or smaller pages.`,
      { reason: 'RESPONSE_TOO_LARGE', bytes, maxBytes },
    );
    const error = new GraphQLError(refusal.message, { originalError: refusal });
    return JSON.stringify({ errors: [formatError(error.toJSON(), error)], data: null });
  };
}
