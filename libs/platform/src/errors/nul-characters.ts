import { Problem } from './app-error';

export const NUL_MESSAGE = 'must not contain the NUL character (\\u0000)';
/** Problems listed at most: enough to act on, without echoing a huge hostile request back. */
const MAX_PROBLEMS = 20;

/**
 * Every place in a value (strings, list items, object keys and values, at any depth) that holds a
 * NUL character: PostgreSQL stores neither text nor jsonb with one, and answers it with an error.
 */
export function nulCharacterProblems(value: unknown, path: string, problems: Problem[] = []): Problem[] {
  if (problems.length >= MAX_PROBLEMS) return problems;
  if (typeof value === 'string') {
    if (value.includes('\0')) problems.push({ path, message: NUL_MESSAGE });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => nulCharacterProblems(item, `${path}[${i}]`, problems));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\0')) problems.push({ path, message: `${NUL_MESSAGE} in a key` });
      nulCharacterProblems(item, `${path}.${key.replace(/\0/g, '\\u0000')}`, problems);
    }
  }
  return problems;
}
