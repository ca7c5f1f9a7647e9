import type { CombinedError } from 'urql';

export interface Problem {
  path: string;
  message: string;
}

/** The API's sentence and its per-field problems, or null when the network failed. */
export function apiError(error: CombinedError | undefined): { message: string; problems: Problem[]; code?: string } | null {
  const first = error?.graphQLErrors[0];
  if (!first) return null;
  return {
    message: first.message,
    problems: (first.extensions?.problems as Problem[] | undefined) ?? [],
    code: first.extensions?.code as string | undefined,
  };
}

export const problemFor = (problems: Problem[], path: string) => problems.find((p) => p.path === path)?.message;
