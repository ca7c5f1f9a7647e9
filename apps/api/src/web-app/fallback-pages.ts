/**
 * Minimal server-rendered pages for when the web app is not built: the links in password-reset and
 * invitation emails must work whatever is deployed. Plain HTML forms, no script.
 */
const escape = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** Languages offered for messages, each named in itself: the shipped ones (the API refuses others), as the web app offers. */
export const LANGUAGES: [string, string][] = [
  ['en', 'English'],
  ['fr', 'Français'],
  ['de', 'Deutsch'],
];

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · PeerVisit</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;margin:0;padding:1rem;color:#1a1a1a;background:#f6f7f9}
main{max-width:28rem;margin:2rem auto;background:#fff;padding:1.5rem;border-radius:8px;box-shadow:0 1px 3px #0002}
label{display:block;margin-top:1rem;font-weight:600}
input,select{display:block;width:100%;box-sizing:border-box;padding:.6rem;font:inherit;margin-top:.25rem;border:1px solid #767676;border-radius:4px}
button{margin-top:1.5rem;padding:.7rem 1.2rem;font:inherit;background:#1d4ed8;color:#fff;border:0;border-radius:4px}
.error{color:#a4131b;border-left:4px solid #a4131b;padding-left:.6rem}
.ok{color:#14532d;border-left:4px solid #14532d;padding-left:.6rem}
</style>
</head>
<body><main>
<h1>${escape(title)}</h1>
${body}
</main></body>
</html>`;
}

const errors = (messages: string[]) =>
  messages.length
    ? `<div class="error" role="alert"><p>Please fix this:</p><ul>${messages.map((m) => `<li>${escape(m)}</li>`).join('')}</ul></div>`
    : '';

export const notBuiltPage = () =>
  page(
    'PeerVisit',
    `<p>The API is running, but the web app is not built on this server.</p>
<p>Build it with <code>npm run web:build</code> (<code>npm start</code> does it for you), or use the API at <a href="/graphql">/graphql</a>.</p>
<p>Links from emails still work: <a href="/reset-password">set a new password</a> with the link you were sent.</p>`,
  );

export const resetPasswordPage = (token: string, problems: string[] = []) =>
  page(
    'Set a new password',
    `${errors(problems)}
<form method="post" action="/reset-password">
${token ? `<input type="hidden" name="token" value="${escape(token)}">` : '<label for="token-input">Code from the email</label><input id="token-input" name="token" required>'}
<label for="password">New password (at least 10 characters)</label>
<input id="password" name="password" type="password" autocomplete="new-password" minlength="10" required>
<button type="submit">Set password</button>
</form>`,
  );

export const acceptInvitationPage = (
  token: string,
  values: { fullName?: string; timeZone?: string; locale?: string },
  problems: string[] = [],
) => {
  const zones = Intl.supportedValuesOf('timeZone');
  const zone = values.timeZone ?? 'Europe/Brussels';
  return page(
    'Accept your invitation',
    `${errors(problems)}
<form method="post" action="/accept-invitation">
<input type="hidden" name="token" value="${escape(token)}">
<label for="fullName">Your name</label>
<input id="fullName" name="fullName" autocomplete="name" value="${escape(values.fullName ?? '')}">
<label for="password">Password (at least 10 characters; if you already have an account, its password)</label>
<input id="password" name="password" type="password" autocomplete="new-password" minlength="10" required>
<label for="timeZone">Time zone</label>
<select id="timeZone" name="timeZone">${zones.map((z) => `<option${z === zone ? ' selected' : ''}>${escape(z)}</option>`).join('')}</select>
<label for="locale">Language</label>
<select id="locale" name="locale">${LANGUAGES.map(([tag, name]) => `<option value="${tag}"${tag === (values.locale ?? 'en') ? ' selected' : ''}>${escape(name)}</option>`).join('')}</select>
<button type="submit">Accept the invitation</button>
</form>`,
  );
};

export const donePage = (title: string, message: string) =>
  page(title, `<p class="ok" role="status">${escape(message)}</p><p><a href="/">Go to PeerVisit</a></p>`);

/** The sentences to show for a refused form: each problem the service listed, else its message. */
export function problemsOf(error: unknown): string[] {
  const e = error as { message?: string; details?: { problems?: { path: string; message: string }[] } };
  const problems = e.details?.problems ?? [];
  return problems.length ? problems.map((p) => `${p.path}: ${p.message}`) : [e.message ?? String(error)];
}
