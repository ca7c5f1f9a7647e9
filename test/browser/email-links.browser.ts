import { mailTo } from './support/api';
import { expect, expectAccessible, PHONE, screenshot, signIn, sql, test, TEST_PASSWORD } from './support/fixture';

/** Scenario 7 of issue 16: the links in the password-reset and invitation emails, end to end. */

const linkIn = (text: string, path: string) => {
  const link = new RegExp(`https?://[^\\s<>"]+${path}\\?token=[^\\s<>"]+`).exec(text)?.[0];
  expect(link, `a ${path} link in:\n${text}`).toBeTruthy();
  return link as string;
};

test('7a. the password-reset link from the email sets a new password and signs in', async ({ browser, fx }) => {
  const context = await browser.newContext({ ...PHONE, baseURL: fx.baseUrl });
  const page = await context.newPage();
  try {
    const email = fx.review.people.peer2.email;
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByLabel('Email').fill(email);
    await expectAccessible(page, 'forgot password (phone)');
    await page.getByRole('button', { name: 'Send the link' }).click();
    await expect(page.getByText('a link to set a new password is on its way')).toBeVisible();

    const mail = await mailTo(email, /password/i);
    const link = linkIn(mail.text, '/reset-password');
    expect(link.startsWith(fx.baseUrl)).toBe(true);
    await page.goto(link);
    await expect(page.getByRole('heading', { name: 'Set a new password' })).toBeVisible();
    await expectAccessible(page, 'reset password (phone)');
    await page.getByLabel('New password').fill('a-brand-new-password-7');
    await page.getByRole('button', { name: 'Set the password' }).click();
    await expect(page.getByText('Your new password is set and you are signed in.')).toBeVisible();
    await expect(page.getByRole('link', { name: /^Review of / })).toBeVisible();

    // Signed out, the new password works and the old one does not.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('The email or password is wrong');
    await signIn(page, email, 'a-brand-new-password-7');
  } finally {
    await context.close();
  }
});

test('7b. the invitation link from the email creates the account with its time zone and language', async ({ browser, fx }) => {
  const invitee = `invitee-${Date.now()}@example.org`;
  const signedIn = await fetch(`${fx.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { accessToken } }',
      variables: { e: fx.review.people.leader.email, p: TEST_PASSWORD },
    }),
  }).then((r) => r.json());
  const invited = await fetch(`${fx.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${signedIn.data.signIn.accessToken}` },
    body: JSON.stringify({
      query: 'mutation($r: ID!, $input: AddTeamMemberInput!) { addTeamMember(reviewId: $r, input: $input) { __typename } }',
      variables: { r: fx.review.reviewId, input: { email: invitee, role: 'PEER' } },
    }),
  }).then((r) => r.json());
  expect(invited.errors).toBeUndefined();

  const mail = await mailTo(invitee, /invited you/);
  const link = linkIn(mail.text, '/accept-invitation');
  const context = await browser.newContext({ ...PHONE, baseURL: fx.baseUrl });
  const page = await context.newPage();
  try {
    await page.goto(link);
    await expect(page.getByRole('heading', { name: 'Accept your invitation' })).toBeVisible();
    await page.getByLabel('Your name').fill('Ines Invitee');
    await page.getByLabel('Password', { exact: true }).fill('invitee-password-1');
    await page.getByLabel('Time zone').selectOption('America/Toronto');
    await page.getByLabel('Language').selectOption('fr');
    await expectAccessible(page, 'accept invitation (phone)');
    await screenshot(page, 'phone-accept-invitation');
    await page.getByRole('button', { name: 'Accept and sign in' }).click();
    // French was chosen: the app is in French from here on.
    await expect(page.getByRole('heading', { name: 'Mes évaluations' })).toBeVisible();
    await expect(page.getByRole('link', { name: /^Review of / })).toBeVisible();
    const [person] = await sql<{ full_name: string; time_zone: string; locale: string }>(
      'SELECT full_name, time_zone, locale FROM person WHERE email = $1',
      [invitee],
    );
    expect(person).toEqual({ full_name: 'Ines Invitee', time_zone: 'America/Toronto', locale: 'fr' });
    await page.goto('/profile');
    await expect(page.getByLabel('Fuseau horaire')).toHaveValue('America/Toronto');
    await expect(page.getByLabel('Langue')).toHaveValue('fr');
    await expectAccessible(page, 'profile (phone)');
    await screenshot(page, 'phone-profile');
  } finally {
    await context.close();
  }
});
