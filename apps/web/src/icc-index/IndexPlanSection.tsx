import { useQuery } from 'urql';
import { useLanguage, useT } from '../i18n/i18n';
import { Loading } from '../leader/Loading';
import { IndexRecommendations } from '../plan/PlanPage';
import { CityDevelopmentPlanQuery } from '../plan/operations';
import '../plan/plan.css';

/**
 * The city's own development plan on a published Index: its recommendations and the actions on them,
 * for a city with no review yet (the Index comes before the expert visit). The plan page's parts, so
 * the rules and the look are the same; what may be edited comes from the API (canEdit).
 */
export function IndexPlanSection({ cityId }: { cityId: string }) {
  const t = useT();
  const { language } = useLanguage();
  const [{ data, error }, refresh] = useQuery({
    query: CityDevelopmentPlanQuery,
    variables: { cityId, language },
    requestPolicy: 'cache-and-network',
  });
  if (!data) return <Loading error={error} />;
  const plan = data.cityDevelopmentPlan;
  const reload = () => refresh({ requestPolicy: 'network-only' });
  return (
    <section className="card" aria-labelledby="index-plan-heading" data-testid="index-plan">
      <h2 id="index-plan-heading">{t('iccIndex.plan.title')}</h2>
      <p className="muted">{t('iccIndex.plan.intro')}</p>
      <p data-testid="plan-progress">
        <strong>{t('plan.progress')}</strong>: {plan.progress == null ? t('plan.noProgress') : `${plan.progress} %`}
      </p>
      {plan.externalRecommendations.length === 0 ? (
        <p className="muted">{t('iccIndex.plan.none')}</p>
      ) : (
        <IndexRecommendations plan={plan} hosts={plan.people} onSaved={reload} />
      )}
    </section>
  );
}
