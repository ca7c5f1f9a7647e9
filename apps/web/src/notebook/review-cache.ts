import { useEffect, useState } from 'react';
import { useQuery } from 'urql';
import type { NotebookQuery as NotebookData } from '../graphql/generated/graphql';
import { NotebookQuery } from '../graphql/operations';

const key = (reviewId: string) => `peervisit.notebook.${reviewId}`;

/**
 * The review's scope and programme, from the network when it answers, else as last seen: the
 * notebook must open on a reload with no network, mid-visit.
 */
export function useNotebookData(reviewId: string): { data: NotebookData | null; fetching: boolean; error: boolean } {
  const [result] = useQuery({ query: NotebookQuery, variables: { reviewId } });
  const [stored] = useState<NotebookData | null>(() => {
    try {
      return JSON.parse(localStorage.getItem(key(reviewId)) ?? 'null');
    } catch {
      return null;
    }
  });
  useEffect(() => {
    if (result.data) localStorage.setItem(key(reviewId), JSON.stringify(result.data));
  }, [result.data, reviewId]);
  const data = result.data ?? stored;
  return { data, fetching: result.fetching && !data, error: !!result.error && !data };
}
