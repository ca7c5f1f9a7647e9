import type { BrowserContext, Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { onePagePdf } from './support/api';
import {
  DESKTOP,
  expect,
  expectAccessible,
  fixture,
  PHONE,
  ReviewScenario,
  scenario,
  screenshot,
  signIn,
  sql,
  test,
} from './support/fixture';

/**
 * Issue 18, the host city's self-assessment, through the UI alone: the coordinator's home says what
 * to do next; the coordinator assigns key factor 01 to a contributor, who fills it in on a phone in
 * another browser (autosaved, checked in the database) and sees nothing that is not assigned to
 * them; the contributor and the coordinator write the same entry at once (the later save shows both
 * versions side by side, and the merge loses nothing); the coordinator uploads a PDF by drag and drop (its checksum shown is the
 * SHA-256 of the bytes), replaces it with a new version, adds a phone photo and retracts it; then
 * sees what is still missing, is refused once, completes it and submits. On the visit page, the
 * coordinator confirms that the stakeholder the city invited will come, which the contributor then sees.
 */
test.describe.configure({ mode: 'serial' });

const fx = fixture();
type Scenario = ReviewScenario & {
  dora: { id: string; email: string };
  questions: Record<string, { id: string; position: number; text: string }[]>;
  sentBackReason: string;
  focusGroupId: string;
};
const s = scenario<Scenario>('host-self-assessment');
const [kf1, kf2, kf3] = s.keyFactors;

const CARL_NARRATIVE = 'Ålesund publishes its diversity commitment in every council plan.';
const COORDINATOR_NARRATIVE = 'Ålesund publishes its diversity commitment in every council plan, in five languages since 2023.';
const CARL_SECOND_ANSWER = 'Yes: the mayor and the migrant council signed it together in 2022.';
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
/** A 1×1 PNG, as a phone camera would send an image (the API checks the PNG signature). */
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

interface EntryRow {
  answers: { guideQuestionId: string; answer: string }[];
  rating: number | null;
  narrative: string;
  version: number;
  assignee_id: string | null;
  status: string;
}
const entryRow = async (keyFactorId: string) =>
  (
    await sql<EntryRow>(
      'SELECT answers, rating, narrative, version, assignee_id, status FROM self_assessment_entry WHERE review_id = $1 AND key_factor_id = $2',
      [s.reviewId, keyFactorId],
    )
  )[0];
const answerIn = (row: EntryRow | undefined, guideQuestionId: string) =>
  row?.answers.find((a) => a.guideQuestionId === guideQuestionId)?.answer;

const tab = (page: Page, name: string) => page.getByRole('navigation', { name: 'Review' }).getByRole('link', { name, exact: true });
const keyFactorNav = (page: Page) => page.getByRole('navigation', { name: 'Key factors' });
const question = (page: Page, n: number) => page.getByRole('textbox', { name: new RegExp(`^Question ${n} `) });
const narrative = (page: Page) => page.getByLabel('Narrative', { exact: true });

test.describe("the host city's self-assessment and documents", () => {
  let coordinatorContext: BrowserContext;
  let carlContext: BrowserContext;
  /** The coordinator, on a laptop. */
  let coco: Page;
  /** The contributor, on a phone. */
  let carl: Page;

  test.beforeAll(async ({ browser }) => {
    coordinatorContext = await browser.newContext({ ...DESKTOP, baseURL: fx.baseUrl });
    carlContext = await browser.newContext({ ...PHONE, baseURL: fx.baseUrl });
    coco = await coordinatorContext.newPage();
    carl = await carlContext.newPage();
  });
  test.afterAll(async () => {
    await coordinatorContext?.close();
    await carlContext?.close();
  });

  test("the coordinator's home gives the next step; on the self-assessment the coordinator assigns key factor 01 to a contributor", async () => {
    await signIn(coco, s.people.coordinator.email);
    await coco.goto(`/reviews/${s.reviewId}`);
    await expect(coco).toHaveURL(new RegExp(`/reviews/${s.reviewId}/host$`));
    await expect(coco.getByRole('heading', { name: 'Review of Ålesund' })).toBeVisible();
    // First the entry the expert leader sent back, then what else is waiting, with the due date and the visit.
    const next = coco.getByTestId('next-step');
    await expect(next).toContainText(`The expert leader sent key factor ${kf2.code} back to the city: “${s.sentBackReason}”`);
    await expect(next.getByRole('link', { name: `Change key factor ${kf2.code}` })).toBeVisible();
    await expect(coco.getByTestId('step-unassigned')).toContainText(
      `2 key factors have nobody to fill them in yet (${kf1.code}, ${kf3.code})`,
    );
    await expect(coco.getByTestId('step-submit')).toContainText(
      /Submit the self-assessment: due \w+day,? \d+ \w+ \d{4}\. 0 of 3 key factors are complete\./,
    );
    await expect(coco.getByTestId('step-visit')).toContainText('The visit is on');
    await expect(coco.getByRole('list', { name: 'The steps of the review' }).locator('[aria-current="step"]')).toHaveText(
      'Self-assessment',
    );
    await expectAccessible(coco, 'host home (coordinator)');
    await screenshot(coco, 'host-home');

    await tab(coco, 'Self-assessment').click();
    await expect(coco.getByRole('heading', { name: 'Self-assessment of Ålesund' })).toBeVisible();
    // Before anything: what is missing, per key factor and guide question.
    const panel = coco.getByTestId('submit-panel');
    await expect(panel).toContainText('0 of 3 key factors are complete.');
    await expect(panel.getByTestId(`missing-${kf1.code}`)).toContainText('Nothing written yet');
    const lastOf2 = s.questions[kf2.id].at(-1)!;
    await expect(panel.getByTestId(`missing-${kf2.code}`)).toContainText(`Question ${lastOf2.position} is unanswered: ${lastOf2.text}`);
    await expect(panel.getByTestId(`missing-${kf2.code}`)).toContainText('No rating yet');
    await expect(panel.getByTestId(`missing-${kf3.code}`)).toContainText('Nothing written yet');

    await keyFactorNav(coco)
      .getByRole('link', { name: new RegExp(`^${kf1.code} `) })
      .click();
    await expect(coco.getByTestId('sa-entry').getByRole('heading', { level: 2 })).toContainText(kf1.code);
    await coco.getByLabel('Who fills this in').selectOption({ label: 'Carl Contributor' });
    await expect.poll(async () => (await entryRow(kf1.id))?.assignee_id).toBe(s.people.contributor.id);
    await expect(keyFactorNav(coco).getByRole('link', { name: new RegExp(`^${kf1.code} `) })).toContainText('Carl Contributor');
    // The rating scale with its descriptions.
    await expect(coco.getByRole('radio', { name: '2 – Partly in place' })).toBeVisible();
    await expect(coco.getByText('First steps have been taken, but the evidence shows significant gaps')).toBeVisible();
    await expectAccessible(coco, 'host self-assessment (coordinator)');
    await screenshot(coco, 'host-self-assessment');
  });

  test('the contributor, on a phone, sees only the entry assigned to them and fills it in; it is saved as they type', async () => {
    await signIn(carl, s.people.contributor.email);
    await carl.goto(`/reviews/${s.reviewId}`);
    await expect(carl).toHaveURL(new RegExp(`/reviews/${s.reviewId}/host$`));
    await expect(carl.getByTestId('next-step')).toContainText(
      `1 entry assigned to you is still a draft (key factor ${kf1.code}). The self-assessment is due`,
    );
    await expectAccessible(carl, 'host home (contributor, phone)');
    await carl.getByRole('link', { name: 'Fill in your entries' }).click();

    // Key factor 01 only: not Dora's 02 (nor its send-back), not the unassigned 03.
    const nav = keyFactorNav(carl);
    await expect(nav.getByRole('link')).toHaveCount(1);
    await expect(nav.getByRole('link', { name: new RegExp(`^${kf1.code} `) })).toBeVisible();
    await expect(carl.getByTestId('only-assigned')).toContainText('You see the key factor assigned to you (0 complete).');
    await expect(carl.getByText(/Dora's answer/)).toHaveCount(0);
    await expect(carl.getByText(s.sentBackReason)).toHaveCount(0);
    await expect(carl.getByTestId('submit-panel')).toHaveCount(0);

    for (const q of s.questions[kf1.id]) await question(carl, q.position).fill(`Carl's answer to question ${q.position}.`);
    await carl.getByRole('radio', { name: '3 – Largely in place' }).check();
    await narrative(carl).fill(CARL_NARRATIVE);
    await expect(carl.getByTestId('save-state')).toContainText('Saved at');
    // Saved without a button: in the database, every answer, the rating and the narrative.
    await expect
      .poll(async () => {
        const row = await entryRow(kf1.id);
        return { rating: row.rating, narrative: row.narrative, answers: s.questions[kf1.id].map((q) => answerIn(row, q.id)) };
      })
      .toEqual({
        rating: 3,
        narrative: CARL_NARRATIVE,
        answers: s.questions[kf1.id].map((q) => `Carl's answer to question ${q.position}.`),
      });
    await expect(carl.getByTestId('only-assigned')).toContainText('(1 complete)');
    await expectAccessible(carl, 'host self-assessment (contributor, phone)');
    await screenshot(carl, 'host-entry-phone', carl.getByRole('radio', { name: '3 – Largely in place' }));
  });

  test('both write the same entry: the later save shows both versions side by side, and the merge keeps both changes', async () => {
    // The coordinator opens 01 (Carl's entry) on the laptop.
    await coco.goto(`/reviews/${s.reviewId}/host/self-assessment?kf=${kf1.id}`);
    await expect(narrative(coco)).toHaveValue(CARL_NARRATIVE);
    const loaded = (await entryRow(kf1.id)).version;

    // Meanwhile Carl, on his phone, changes his answer to question 2; it saves.
    const second = s.questions[kf1.id][1];
    await question(carl, second.position).fill(CARL_SECOND_ANSWER);
    await expect.poll(async () => answerIn(await entryRow(kf1.id), second.id)).toBe(CARL_SECOND_ANSWER);
    const carls = (await entryRow(kf1.id)).version;
    expect(carls).toBe(loaded + 1);

    // The coordinator, still on the version loaded before, rewrites the narrative: the save is refused and both versions show.
    await narrative(coco).fill(COORDINATOR_NARRATIVE);
    const merge = coco.getByTestId('merge');
    await expect(merge).toBeVisible();
    await expect(merge.getByRole('heading', { name: 'Someone else saved this entry while you were writing' })).toBeVisible();
    await expect(merge).toContainText(`Carl Contributor saved version ${carls}.`);
    const narrativeRow = merge.getByTestId('merge-narrative');
    await expect(narrativeRow.locator('.merge-side').nth(0)).toContainText(COORDINATOR_NARRATIVE);
    await expect(narrativeRow.locator('.merge-side').nth(1)).toContainText(CARL_NARRATIVE);
    await expect(narrativeRow).toContainText('Saved by Carl Contributor');
    const answerRow = merge.getByTestId(`merge-answer-${second.id}`);
    await expect(answerRow.locator('.merge-side').nth(0)).toContainText(`Carl's answer to question ${second.position}.`);
    await expect(answerRow.locator('.merge-side').nth(1)).toContainText(CARL_SECOND_ANSWER);
    // Nothing of the coordinator's was written over Carl's.
    expect((await entryRow(kf1.id)).narrative).toBe(CARL_NARRATIVE);
    await expect(coco.getByTestId('save-state')).toContainText('someone else saved this entry meanwhile');
    await expectAccessible(coco, 'host entry merge');
    await screenshot(coco, 'host-merge', merge);

    // The coordinator takes Carl's answer, keeps the new narrative, and saves the merged version.
    await merge.getByRole('button', { name: 'Take theirs: Question 2' }).click();
    await expect(answerRow).toHaveCount(0);
    await expect(question(coco, second.position)).toHaveValue(CARL_SECOND_ANSWER);
    await expect(narrative(coco)).toHaveValue(COORDINATOR_NARRATIVE);
    await coco.getByRole('button', { name: 'Save the merged version' }).click();
    await expect(merge).toHaveCount(0);
    await expect(coco.getByTestId('save-state')).toContainText('Saved at');
    await expect
      .poll(async () => {
        const row = await entryRow(kf1.id);
        return { version: row.version, narrative: row.narrative, second: answerIn(row, second.id), rating: row.rating };
      })
      .toEqual({ version: carls + 1, narrative: COORDINATOR_NARRATIVE, second: CARL_SECOND_ANSWER, rating: 3 });
  });

  test('the coordinator uploads a PDF by drag and drop, sees its checksum, opens it, replaces it with a new version, adds a photo and retracts it', async () => {
    await tab(coco, 'Documents').click();
    await expect(coco.getByRole('heading', { name: 'Documents', level: 1 })).toBeVisible();
    // The phone camera alternative: an image input that asks for the camera.
    const camera = coco.getByLabel('Take a photo of a printed page');
    await expect(camera).toHaveAttribute('capture', 'environment');
    await expect(camera).toHaveAttribute('accept', 'image/*');
    await expect(coco.getByLabel('Choose a file')).toHaveAttribute('accept', 'application/pdf,image/*');

    const first = onePagePdf('Alesund intercultural strategy 2025');
    await coco.getByTestId('drop-zone').evaluate(
      (zone, bytes) => {
        const data = new DataTransfer();
        data.items.add(new File([new Uint8Array(bytes)], 'alesund-strategy-2025.pdf', { type: 'application/pdf' }));
        zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      },
      [...first],
    );
    await expect(coco.getByTestId('chosen-file')).toContainText('alesund-strategy-2025.pdf');
    await expect(coco.getByLabel('Title')).toHaveValue('alesund-strategy-2025');
    await coco.getByLabel('Title').fill('Intercultural strategy 2025');
    await coco.getByLabel('Type').selectOption({ label: 'Strategy or plan' });
    await coco.getByRole('checkbox', { name: new RegExp(`^${kf1.code} `) }).check();
    await coco.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect(coco.getByText('“Intercultural strategy 2025” was added.')).toBeVisible();

    const card = coco
      .getByTestId('document')
      .filter({ has: coco.getByRole('heading', { name: 'Intercultural strategy 2025', exact: true }) });
    await expect(card.getByTestId('checksum')).toHaveText(sha256(first));
    await expect(card).toContainText('by Coco Coordinator');
    await expect(card).toContainText(`${kf1.code}`);
    const [stored] = await sql<{ id: string; sha256: string; added_by_id: string; key_factor_ids: string[] }>(
      "SELECT id, sha256, added_by_id, key_factor_ids FROM document WHERE review_id = $1 AND title = 'Intercultural strategy 2025'",
      [s.reviewId],
    );
    expect(stored).toMatchObject({ sha256: sha256(first), added_by_id: s.people.coordinator.id, key_factor_ids: [kf1.id] });

    // It opens in the browser as the very file.
    const [opened] = await Promise.all([
      coordinatorContext.waitForEvent('page'),
      card.getByRole('button', { name: 'Open Intercultural strategy 2025' }).click(),
    ]);
    await expect.poll(() => opened.url()).toMatch(/^blob:/);
    const bytes = await coco.evaluate(async (url) => Array.from(new Uint8Array(await (await fetch(url)).arrayBuffer())), opened.url());
    expect(sha256(Buffer.from(bytes))).toBe(sha256(first));
    await opened.close();

    // A new version: the earlier one is retracted and kept in its history.
    await card.getByRole('button', { name: 'Replace Intercultural strategy 2025 with a new version' }).click();
    await expect(coco.getByRole('heading', { name: 'A new version of “Intercultural strategy 2025”' })).toBeVisible();
    const revised = onePagePdf('Alesund intercultural strategy 2025, revised');
    await coco.getByLabel('Choose a file').setInputFiles({ name: 'strategy-revised.pdf', mimeType: 'application/pdf', buffer: revised });
    await coco.getByLabel('Title').fill('Intercultural strategy 2025 (revised)');
    await coco.getByRole('button', { name: 'Upload the new version' }).click();
    await expect(coco.getByText('“Intercultural strategy 2025 (revised)” was added.')).toBeVisible();
    const current = coco
      .getByTestId('document')
      .filter({ has: coco.getByRole('heading', { name: 'Intercultural strategy 2025 (revised)', exact: true }) });
    await expect(current.getByTestId('checksum').first()).toHaveText(sha256(revised));
    await expect(coco.getByRole('heading', { name: 'Intercultural strategy 2025', exact: true })).toHaveCount(0);
    const history = current.getByTestId('history');
    await history.getByText('1 earlier version').click();
    await expect(history).toContainText(sha256(first));
    await expect(history).toContainText('Replaced by a new version: "Intercultural strategy 2025 (revised)".');
    const versions = await sql<{ id: string; retracted_at: Date | null; replaces_document_id: string | null }>(
      "SELECT id, retracted_at, replaces_document_id FROM document WHERE review_id = $1 AND title LIKE 'Intercultural strategy 2025%' ORDER BY added_at",
      [s.reviewId],
    );
    expect(versions).toHaveLength(2);
    expect(versions[0].retracted_at).not.toBeNull();
    expect(versions[1]).toMatchObject({ retracted_at: null, replaces_document_id: versions[0].id });

    // A photo of a printed page (the camera input), then retracted with a reason.
    await camera.setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: PHOTO });
    await coco.getByLabel('Title').fill('Photo of the council minutes');
    await coco.getByLabel('Type').selectOption({ label: 'Minutes' });
    await coco.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect(coco.getByText('“Photo of the council minutes” was added.')).toBeVisible();
    const photo = coco.getByTestId('document').filter({ has: coco.getByRole('heading', { name: 'Photo of the council minutes' }) });
    await expect(photo.getByTestId('checksum')).toHaveText(sha256(PHOTO));
    await photo.getByRole('button', { name: 'Retract Photo of the council minutes' }).click();
    await photo.getByLabel('Why retract it?').fill('The minutes of the wrong meeting.');
    await photo.getByRole('button', { name: 'Retract the document' }).click();
    const retracted = coco.getByRole('region', { name: 'Retracted documents' });
    await expect(retracted).toContainText('Photo of the council minutes');
    await expect(retracted).toContainText('The minutes of the wrong meeting.');
    await expect
      .poll(
        async () =>
          (
            await sql<{ reason: string }>("SELECT retraction_reason AS reason FROM document WHERE title = 'Photo of the council minutes'")
          )[0]?.reason,
      )
      .toBe('The minutes of the wrong meeting.');
    await expectAccessible(coco, 'host documents');
    await screenshot(coco, 'host-documents', current);
  });

  test('the coordinator sees what is still missing, is refused once, completes it (the sent-back entry says why) and submits', async () => {
    await tab(coco, 'Self-assessment').click();
    const panel = coco.getByTestId('submit-panel');
    await expect(panel).toContainText('1 of 3 key factors are complete.');
    await expect(panel.getByTestId(`missing-${kf1.code}`)).toHaveCount(0);
    const lastOf2 = s.questions[kf2.id].at(-1)!;
    await expect(panel.getByTestId(`missing-${kf2.code}`)).toContainText(`Question ${lastOf2.position} is unanswered`);

    // Submitting anyway: the API's refusal, inline, and nothing submitted.
    await panel.getByRole('button', { name: 'Submit the self-assessment' }).click();
    const refusal = panel.getByTestId('submit-refusal');
    await expect(refusal).toContainText('The self-assessment was not submitted');
    await expect(refusal).toContainText(`${kf2.code}: guide question ${lastOf2.position} unanswered, no rating; ${kf3.code}: no entry`);
    expect(
      (await sql('SELECT self_assessment_submitted_at FROM review WHERE id = $1', [s.reviewId]))[0].self_assessment_submitted_at,
    ).toBeNull();
    await screenshot(coco, 'host-submit-missing', refusal);

    // 02: the expert leader's reason first, then the missing answer and the rating.
    await panel.getByRole('button', { name: new RegExp(`^${kf2.code} `) }).click();
    const notice = coco.getByTestId('sent-back-notice');
    await expect(notice).toContainText('Sent back by the expert leader');
    await expect(notice).toContainText(s.sentBackReason);
    await expect(question(coco, 1)).toHaveValue("Dora's answer to question 1.");
    await question(coco, lastOf2.position).fill('About 4,000 residents took part in 2024.');
    await coco.getByRole('radio', { name: '2 – Partly in place' }).check();
    await expect(coco.getByTestId('save-state')).toContainText('Saved at');
    await expect.poll(async () => (await entryRow(kf2.id)).rating).toBe(2);
    await expect(panel.getByTestId(`missing-${kf2.code}`)).toHaveCount(0);

    // 03: written by the coordinator from nothing.
    await panel.getByRole('button', { name: new RegExp(`^${kf3.code} `) }).click();
    for (const q of s.questions[kf3.id]) await question(coco, q.position).fill(`The coordinator's answer to question ${q.position}.`);
    await coco.getByRole('radio', { name: '1 – Not in place' }).check();
    await expect(coco.getByTestId('save-state')).toContainText('Saved at');
    await expect(panel.getByTestId('nothing-missing')).toBeVisible();
    await expect(panel).toContainText('3 of 3 key factors are complete.');

    // A context note, saved as it is typed.
    await coco.getByLabel('Labour market and other economic conditions').fill('Fisheries and shipbuilding hire many newcomers.');
    await expect
      .poll(async () => (await sql<{ note: string }>('SELECT note FROM context_note WHERE review_id = $1', [s.reviewId]))[0]?.note)
      .toBe('Fisheries and shipbuilding hire many newcomers.');

    await panel.getByRole('button', { name: 'Submit the self-assessment' }).click();
    await expect(coco.getByRole('heading', { name: 'The self-assessment is submitted' })).toBeVisible();
    const [submitted] = await sql<{ self_assessment_submitted_at: Date | null; status: string }>(
      'SELECT self_assessment_submitted_at, status FROM review WHERE id = $1',
      [s.reviewId],
    );
    expect(submitted.self_assessment_submitted_at).not.toBeNull();
    expect(submitted.status).toBe('SELF_ASSESSMENT');
    const statuses = await sql<{ status: string }>('SELECT status FROM self_assessment_entry WHERE review_id = $1', [s.reviewId]);
    expect(statuses.map((r) => r.status)).toEqual(['SUBMITTED', 'SUBMITTED', 'SUBMITTED']);
    await expectAccessible(coco, 'host self-assessment (submitted)');
    await screenshot(coco, 'host-submitted');
  });
  test('the coordinator confirms that an invited stakeholder will come to the focus group; the contributor sees it confirmed', async () => {
    await tab(coco, 'The visit').click();
    const invite = coco.getByTestId('stakeholders-to-invite');
    const box = invite.getByRole('checkbox', { name: /Confirmed for “Focus group with the youth council” \(Jonas Vik/ });
    await expect(box).not.toBeChecked();
    await box.check();
    await expect(box).toBeChecked();
    await expect
      .poll(
        async () =>
          (
            await sql<{ n: number }>(
              'SELECT count(*)::int AS n FROM session_stakeholder WHERE session_id = $1 AND confirmed_at IS NOT NULL',
              [s.focusGroupId],
            )
          )[0].n,
      )
      .toBe(1);
    await expectAccessible(coco, 'host visit (confirming)');
    await screenshot(coco, 'host-visit-confirm', invite);

    await tab(carl, 'The visit').click();
    await expect(carl.getByTestId('stakeholders-to-invite')).toContainText('confirmed');
    await expect(carl.getByTestId('stakeholders-to-invite').getByRole('checkbox')).toHaveCount(0);
  });
});
