import type { RecommendationHorizon, RecommendationPriority } from '../../graphql/generated/graphql';
import { MessageId, useT } from '../../i18n/i18n';

/** A recommendation's priority, horizon and key factors as tags (the findings page and the follow-up). */
export function RecommendationTags({
  recommendation: r,
}: {
  recommendation: {
    priority: RecommendationPriority;
    horizon: RecommendationHorizon;
    keyFactors: { id: string; code: string; heading: string }[];
  };
}) {
  const t = useT();
  return (
    <>
      <span className={`tag tag-priority-${r.priority}`}>{t(`findings.priority.${r.priority}` as MessageId)}</span>
      <span className="tag">{t(`findings.horizon.${r.horizon}` as MessageId)}</span>
      {r.keyFactors.map((k) => (
        <span key={k.id} className="tag" title={k.heading}>
          {k.code}
        </span>
      ))}
    </>
  );
}
