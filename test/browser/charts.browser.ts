import type { Locator, Page } from '@playwright/test';
import { gql, tokenOf } from './support/api';
import { DESKTOP, expect, expectAccessible, scenario, signIn, sql, test } from './support/fixture';

/** What support/scenarios/charts.ts made (not imported, so this file does not compile the libs it uses). */
interface ChartsScenario {
  reviewId: string;
  city: { id: string; name: string };
  people: Record<'leader' | 'coordinator', { id: string; email: string }>;
  recommendationId: string;
  lonely: { reviewId: string; city: string; coordinator: { email: string } };
}

const s = scenario<ChartsScenario>('charts');
const SHOTS = process.env.PW_OUTPUT_DIR ?? 'test-results';

/**
 * Issue 20, the charts in the web app, the same as the follow-up report's: the host city sees its
 * ratings against the team's and where it stands in the network (six cities rated key factor 11;
 * key factor 12, rated by one city, is withheld); a city no other city can be compared with is told
 * why there is no distribution; the expert leader sees the ratings, the network and the evidence by
 * type of source on the feedback and report page, and the evidence chart on the coverage board.
 * Each chart is an SVG drawn in the page, named by its text alternative, with its figures as a table.
 */
test.describe('charts in the web app', () => {
  /** A chart drawn: its SVG in a role="img" element with a name, and the labels given. */
  const expectChart = async (chart: Locator, name: RegExp, labels: string[]) => {
    const image = chart.getByRole('img', { name });
    await expect(image).toBeVisible();
    const svg = image.locator('svg');
    await expect(svg).toHaveCount(1);
    await expect(svg.locator('path, rect').first()).toBeAttached();
    for (const label of labels) await expect(svg.locator('text', { hasText: label }).first()).toBeAttached();
  };
  const page = async (browser: import('@playwright/test').Browser, email: string): Promise<Page> => {
    const context = await browser.newContext({ ...DESKTOP });
    const p = await context.newPage();
    await signIn(p, email);
    return p;
  };

  test("the host city: its ratings against the team's, the evidence by source, and the network's distribution with the city marked", async ({
    browser,
  }) => {
    const host = await page(browser, s.people.coordinator.email);
    await host.goto(`/reviews/${s.reviewId}/host/findings`);
    await expectChart(host.getByTestId('ratings-chart'), /self-assessment rating and the team's rating/, [
      'Self-assessment',
      'Team',
      '11',
      '12',
    ]);
    // The same evidence chart as the report's (counts only; the text stays the team's).
    const evidence = host.getByTestId('evidence-chart');
    await expectChart(evidence, /how many evidence items of each type of source/, ['Document', 'Evidence items']);
    await evidence.getByText('The figures as a table').click();
    await expect(host.getByTestId('evidence-chart-table').getByRole('row', { name: /^11 / }).getByRole('cell')).toHaveText([
      '0',
      '0',
      '1',
      '2',
      '0',
      '3',
    ]);

    const network = host.getByTestId('network-distribution');
    await expect(network.getByRole('heading', { name: `Where ${s.city.name} stands in the network` })).toBeVisible();
    await expectChart(network.getByTestId('network-distribution-chart'), /how many of the network's cities got each rating/, [
      s.city.name,
      'Cities with this rating',
      'Not in place',
    ]);
    // Six cities on key factor 11: Alta 1, Harstad 2, Bodø 2, Narvik 3, Mo i Rana 3, Kirkenes 4.
    await network.getByText('The figures as a table').click();
    const row = network.getByTestId('network-distribution-table').getByRole('row', { name: /^11 / });
    await expect(row.getByRole('cell')).toHaveText(['6', '1', '2', '2', '1', '2']);
    await expect(network.getByTestId('network-distribution-withheld')).toHaveText(/fewer than 5 cities rated them: key factors 12\./);
    // No other city is named anywhere in the panel.
    for (const other of ['Alta', 'Harstad', 'Narvik', 'Kirkenes']) await expect(network).not.toContainText(other);
    await expectAccessible(host, 'host findings with charts');
    await network.scrollIntoViewIfNeeded();
    await host.screenshot({ path: `${SHOTS}/charts-host-network.png` });
    await host.context().close();
  });

  test('a city no other city rated alike is told why there is no distribution', async ({ browser }) => {
    const host = await page(browser, s.lonely.coordinator.email);
    await host.goto(`/reviews/${s.lonely.reviewId}/host/findings`);
    const network = host.getByTestId('network-distribution');
    await expect(network.getByTestId('network-distribution-none')).toHaveText(
      /Fewer than 5 cities have agreed ratings on these key factors to compare with/,
    );
    await expect(network.getByRole('img')).toHaveCount(0);
    await host.context().close();
  });

  test('the expert leader: the same charts on the feedback and report page, and the evidence chart on the board', async ({ browser }) => {
    const leader = await page(browser, s.people.leader.email);
    await leader.goto(`/reviews/${s.reviewId}/feedback-report`);
    await expectChart(leader.getByTestId('ratings-chart'), /self-assessment rating and the team's rating/, ['Self-assessment', 'Team']);
    await expectChart(leader.getByTestId('network-distribution-chart'), /how many of the network's cities/, [s.city.name]);
    await expectChart(leader.getByTestId('evidence-chart'), /how many evidence items of each type of source/, [
      'Document',
      'Observation',
      'Self-assessment',
      'Type of source',
    ]);
    await expectAccessible(leader, 'feedback and report with charts');

    await leader.goto(`/reviews/${s.reviewId}/board`);
    const evidence = leader.getByTestId('evidence-chart');
    await expectChart(evidence, /how many evidence items of each type of source/, ['Document', 'Evidence items']);
    await evidence.getByText('The figures as a table').click();
    await expect(leader.getByTestId('evidence-chart-table').getByRole('row', { name: /^11 / }).getByRole('cell')).toHaveText([
      '0',
      '0',
      '1',
      '2',
      '0',
      '3',
    ]);
    await expectAccessible(leader, 'coverage board with the evidence chart');
    await evidence.scrollIntoViewIfNeeded();
    await leader.screenshot({ path: `${SHOTS}/charts-board-evidence.png` });
    await leader.context().close();
  });

  test("the development plan's progress over time, on the plan page", async ({ browser }) => {
    // The coordinator adds an action and moves it on (through the API); the first change is dated
    // 20 days back, so that the plan changed on two days.
    const token = await tokenOf(s.people.coordinator.email);
    const today = new Date().toISOString().slice(0, 10);
    const added = (
      await gql(
        'mutation($r: ID!, $input: PlanActionInput!) { addPlanAction(recommendationId: $r, input: $input) { id version } }',
        {
          r: s.recommendationId,
          input: {
            description: 'Train ten mediators.',
            owner: 'Department of social affairs',
            responsibleId: s.people.coordinator.id,
            startsOn: today,
            dueOn: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`,
            term: 'QUICK_WIN',
          },
        },
        token,
      )
    ).addPlanAction;
    await sql(`UPDATE plan_action_change SET changed_at = now() - interval '20 days' WHERE action_id = $1`, [added.id]);
    await gql(
      'mutation($a: ID!, $input: PlanActionInput!) { updatePlanAction(actionId: $a, input: $input) { id } }',
      { a: added.id, input: { status: 'UNDER_WAY', progress: 40, expectedVersion: added.version } },
      token,
    );

    const host = await page(browser, s.people.coordinator.email);
    await host.goto(`/reviews/${s.reviewId}/host/plan`);
    await expectChart(host.getByTestId('plan-progress-chart'), /the development plan's progress, from 0 to 100 %/, [
      'Progress (%)',
      'Day',
      '100',
    ]);
    await host.getByTestId('plan-progress-chart').getByText('The figures as a table').click();
    await expect(host.getByTestId('plan-progress-chart').getByRole('row')).toHaveCount(3);
    await expect(host.getByTestId('plan-progress-chart').getByRole('row').last().getByRole('cell')).toHaveText(['40 %']);
    await expectAccessible(host, 'plan page with its progress chart');
    await host.context().close();
  });
});
