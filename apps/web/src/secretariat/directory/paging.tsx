import { useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { useT } from '../../i18n/i18n';
import { Button } from '../../ui/primitives';

export const PAGE_SIZE = 20;

/** Cursor paging kept in the page: the cursor of the page shown, and those of the pages before it. */
export function useCursorPages() {
  const [trail, setTrail] = useState<(string | undefined)[]>([]);
  const [after, setAfter] = useState<string | undefined>(undefined);
  return {
    after,
    page: trail.length + 1,
    next(cursor: string) {
      setTrail([...trail, after]);
      setAfter(cursor);
    },
    previous() {
      setAfter(trail[trail.length - 1]);
      setTrail(trail.slice(0, -1));
    },
    /** Back to the first page (a new search or filter). */
    reset() {
      setTrail([]);
      setAfter(undefined);
    },
  };
}

/** Previous / page n of m / next, under a list. */
export function Pager({
  pages,
  totalCount,
  pageInfo,
  label,
}: {
  pages: ReturnType<typeof useCursorPages>;
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  label: string;
}) {
  const t = useT();
  const count = Math.max(1, Math.ceil(totalCount / PAGE_SIZE));
  if (count <= 1 && pages.page === 1) return null;
  return (
    <nav className="pager" aria-label={label}>
      {pages.page > 1 && (
        <Button variant="secondary" onClick={() => pages.previous()}>
          <FormattedMessage id="secretariat.page.previous" />
        </Button>
      )}
      <span className="muted">{t('secretariat.page.of', { page: pages.page, pages: count })}</span>
      {pageInfo.hasNextPage && pageInfo.endCursor && (
        <Button variant="secondary" onClick={() => pages.next(pageInfo.endCursor!)}>
          <FormattedMessage id="secretariat.page.next" />
        </Button>
      )}
    </nav>
  );
}
