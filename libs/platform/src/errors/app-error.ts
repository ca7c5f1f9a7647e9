/** The stable error codes of the API (extensions.code). */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  TOO_MANY_ATTEMPTS = 'TOO_MANY_ATTEMPTS',
  /** Too many requests at once (or in a window) from one account or address; retry later. */
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  /** The request body is over the size limit (HTTP 413). */
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** One thing wrong with the input, with where it is. */
export interface Problem {
  path: string;
  message: string;
}

/**
 * A refusal a person can act on. Services throw these; the GraphQL layer turns them into
 * errors with extensions.code, and the HTTP layer into a status code.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { problems?: Problem[]; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badInput = (message: string, problems?: Problem[]) =>
  new AppError(ErrorCode.BAD_USER_INPUT, message, problems ? { problems } : {});
export const notFound = (what: string) => new AppError(ErrorCode.NOT_FOUND, `${what} was not found.`);
export const forbidden = (message = 'You are not allowed to do this.') => new AppError(ErrorCode.FORBIDDEN, message);
export const unauthenticated = (message = 'Sign in first: this needs an access token.') => new AppError(ErrorCode.UNAUTHENTICATED, message);
export const conflict = (message: string) => new AppError(ErrorCode.CONFLICT, message);
export const invalidTransition = (message: string, missing: string[] = []) =>
  new AppError(ErrorCode.INVALID_TRANSITION, message, { missing });
/** Refused for a while after too many failures; says when to try again (also in extensions). */
export const tooManyAttempts = (message: string, retryAfterSeconds: number) =>
  new AppError(ErrorCode.TOO_MANY_ATTEMPTS, message, {
    retryAfterSeconds,
    retryAt: new Date(Date.now() + retryAfterSeconds * 1000).toISOString(),
  });

/** Turns a list of problems into one BAD_USER_INPUT error, or nothing when the list is empty. */
export function assertNoProblems(problems: Problem[], summary: string): void {
  if (problems.length) {
    throw badInput(`${summary}: ${problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ')}`, problems);
  }
}

export const HTTP_STATUS_OF: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  TOO_MANY_ATTEMPTS: 429,
  TOO_MANY_REQUESTS: 429,
  PAYLOAD_TOO_LARGE: 413,
  INTERNAL_SERVER_ERROR: 500,
};
