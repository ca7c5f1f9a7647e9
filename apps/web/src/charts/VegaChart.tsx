import { ReactNode, useEffect, useRef, useState } from 'react';
import type { TopLevelSpec } from 'vega-lite';
import './charts.css';

/**
 * A Vega-Lite spec drawn as SVG in the page. vega and vega-lite are imported here on demand, so they
 * are their own chunks and never weigh on the notebook's first load. The picture is an image with a
 * name; the caller gives the same figures as a table (the text alternative).
 */
export function VegaChart({ spec, label, testId, children }: { spec: TopLevelSpec; label: string; testId?: string; children?: ReactNode }) {
  const target = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
        const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
        const svg = await view.toSVG();
        view.finalize();
        if (!cancelled && target.current) target.current.innerHTML = svg;
      } catch {
        if (!cancelled) setFailed(true);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [spec]);
  return (
    <figure className="chart" data-testid={testId}>
      {!failed && <div ref={target} className="chart-svg" role="img" aria-label={label} />}
      <figcaption>{children}</figcaption>
    </figure>
  );
}
