import type { ReactNode } from 'react';

/**
 * The key factors as a list of links (`?kf=<id>`), the chosen one marked as current: the side list of
 * the self-assessment, for the team and for the host city. Each link ends with the tags the page gives.
 */
export function KeyFactorLinks<K extends { id: string; code: string; heading: string }>({
  label,
  keyFactors,
  chosenId,
  onChoose,
  tags,
}: {
  label: string;
  keyFactors: K[];
  chosenId: string | undefined;
  onChoose(id: string): void;
  tags(keyFactor: K): ReactNode;
}) {
  return (
    <nav aria-label={label} className="kf-nav kf-links">
      <ul>
        {keyFactors.map((k) => (
          <li key={k.id}>
            <a
              href={`?kf=${k.id}`}
              aria-current={k.id === chosenId ? 'true' : undefined}
              onClick={(e) => {
                e.preventDefault();
                onChoose(k.id);
              }}
            >
              <span className="kf-code">{k.code}</span> {k.heading}
              {tags(k)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
