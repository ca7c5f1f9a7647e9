import { CombinedError, TypedDocumentNode, useMutation } from 'urql';
import { apiError, problemFor } from '../../graphql/errors';

/** What the API refused (for FormProblem above the form) and `error(path)`, the message beside one field. */
export function formProblems(error: CombinedError | undefined) {
  const problem = apiError(error);
  return { problem, error: (path: string) => (problem ? problemFor(problem.problems, path) : undefined) };
}

/**
 * Saves a directory entry's form: updates the entry with `id`, or creates one when there is none, with
 * the same input. `save` gives what was saved (`saved` picks it from the answer), or nothing when refused.
 */
export function useCreateOrUpdate<Input, Created, Updated, Saved>({
  create,
  update,
  id,
  saved,
}: {
  create: TypedDocumentNode<Created, { input: Input }>;
  update: TypedDocumentNode<Updated, { id: string; input: Input }>;
  id: string | undefined;
  saved(data: Created | Updated): Saved;
}) {
  const [created, runCreate] = useMutation(create);
  const [updated, runUpdate] = useMutation(update);
  const result = id ? updated : created;
  return {
    fetching: result.fetching,
    ...formProblems(result.error),
    async save(input: Input): Promise<Saved | undefined> {
      const sent = id ? await runUpdate({ id, input }) : await runCreate({ input });
      return sent.data ? saved(sent.data) : undefined;
    },
  };
}
