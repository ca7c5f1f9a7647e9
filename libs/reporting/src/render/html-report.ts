import type { ReportModel, ReportRecommendation } from '../model/report-model';
import { RenderedChart, renderReportCharts } from './charts';
import { reportText, ReportText } from './report-text';
import { planSectionHtml, planTitle } from './plan-section';

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Already-escaped HTML; only `html` and the helpers below make it. */
export class Html {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}
type Part = Html | string | number | null | undefined | false | Part[];

const flat = (p: Part): string =>
  p === null || p === undefined || p === false ? '' : p instanceof Html ? p.value : Array.isArray(p) ? p.map(flat).join('') : escapeHtml(p);

/** Tagged template: every interpolated value is escaped unless it is already Html. */
export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  return new Html(strings.reduce((out, s, i) => out + s + (i < parts.length ? flat(parts[i]) : ''), ''));
}

/** Paragraphs from free text (blank lines separate paragraphs, single newlines become <br>). */
export function paragraphs(text: string | null | undefined, empty: string): Html {
  const blocks = (text ?? '')
    .trim()
    .split(/\n\s*\n/)
    .filter((b) => b.trim());
  if (!blocks.length) return html`<p class="empty">${empty}</p>`;
  return new Html(blocks.map((b) => `<p>${b.split('\n').map(escapeHtml).join('<br>')}</p>`).join('\n'));
}

export const CSS = `
  :root { color-scheme: light; }
  body { font-family: Georgia, 'Times New Roman', serif; color: #1a1a1a; background: #fff; line-height: 1.5; margin: 0 auto; max-width: 48rem; padding: 2rem 1.5rem; }
  h1, h2, h3, h4 { font-family: 'Helvetica Neue', Arial, sans-serif; line-height: 1.2; color: #0b3558; }
  h1 { font-size: 2rem; margin: 0 0 .5rem; }
  h2 { font-size: 1.5rem; border-bottom: 2px solid #0b3558; padding-bottom: .25rem; margin-top: 2.5rem; }
  h3 { font-size: 1.2rem; margin-top: 2rem; }
  h4 { font-size: 1rem; margin-top: 1.25rem; }
  table { border-collapse: collapse; width: 100%; margin: 1rem 0; font-size: .95rem; }
  caption { text-align: left; font-weight: bold; padding-bottom: .25rem; }
  th, td { border: 1px solid #8a8a8a; padding: .35rem .5rem; text-align: left; vertical-align: top; }
  th { background: #e8eef4; }
  blockquote { margin: .75rem 0 .75rem 1rem; padding-left: .75rem; border-left: 4px solid #8aa4bd; }
  blockquote footer { font-size: .9rem; color: #444; }
  .cover { min-height: 60vh; }
  .meta dt { font-weight: bold; }
  .meta dd { margin: 0 0 .5rem 0; }
  .empty { color: #555; font-style: italic; }
  figure.chart { margin: 1.5rem 0; }
  figure.chart svg { max-width: 100%; height: auto; }
  figure.chart figcaption { font-size: .95rem; }
  .statement { font-size: 1.05rem; font-style: italic; }
  a { color: #0b3558; }
  @media print {
    body { max-width: none; padding: 0; font-size: 11pt; }
    .cover, section.key-factor, section.chapter { break-after: page; }
    h2, h3, h4 { break-after: avoid; }
    table, blockquote { break-inside: avoid; }
    th { background: #e8eef4 !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  }
`;

function recommendationList(recs: ReportRecommendation[], empty: string, T: ReportText): Html {
  if (!recs.length) return html`<p class="empty">${empty}</p>`;
  return html`<ul>${recs.map(
    (r) =>
      html`<li><strong>${r.ref}</strong> (${T.t('rec.meta', { priority: T.label('priority', r.priority), horizon: T.label('horizon', r.horizon), codes: r.keyFactorCodes.join(', ') })}): ${r.text}${
        r.suggestedOwner ? html` <em>${T.t('rec.owner', { owner: r.suggestedOwner })}</em>` : ''
      }${r.relatedExamples.length ? html` <em>${T.t('rec.see', { cities: r.relatedExamples.map((e) => e.city).join(', ') })}</em>` : ''}</li>`,
  )}</ul>`;
}

/**
 * A chart inline: the SVG is one image named by its text alternative (role="img", aria-label), the
 * caption says what it shows, and the same figures follow as a table.
 */
function figure(chart: RenderedChart | undefined): Html | '' {
  if (!chart) return '';
  const svg = chart.svg.replace(/^<svg\b([^>]*)>/, (_, attrs: string) => {
    const kept = attrs.replace(/\s(role|aria-[a-z]+)="[^"]*"/g, '');
    return `<svg${kept} role="img" aria-label="${escapeHtml(chart.summary)}" focusable="false">`;
  });
  return html`<figure class="chart" id="chart-${chart.id}" data-chart="${chart.id}">
${new Html(svg)}
<table><caption>${chart.table.caption}</caption><thead><tr>${chart.table.columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
<tbody>${chart.table.rows.map((r) => html`<tr>${r.map((cell, i) => (i === 0 ? html`<th scope="row">${cell}</th>` : html`<td>${cell}</td>`))}</tr>`)}</tbody></table>
<figcaption><strong>${chart.title}.</strong> ${chart.summary}</figcaption>
</figure>`;
}

/** The inline chart under its name for other reports (the Word renderer has its own `figure`). */
export { figure as htmlFigure };

/** The whole report as one self-contained, printable HTML document (inline CSS, inline SVG charts, no external assets). */
export async function renderReportHtml(model: ReportModel): Promise<string> {
  const charts = await renderReportCharts(model);
  const chart = (id: RenderedChart['id']) => charts.find((c) => c.id === id);
  const { cover, executiveSummary: summary, method, context, keyFactors, recommendationTable, annex, credit } = model;
  const T = reportText(model.language);
  const t = T.t;
  const title = t('title', { name: cover.title });
  const doc = html`<!DOCTYPE html>
<html lang="${T.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${new Html(CSS)}</style>
</head>
<body>
<header class="cover" id="cover">
<p>${t('cover.kindReport', { kind: cover.reviewKindLabel })}</p>
<h1>${t('title', { name: cover.hostCity.name })}</h1>
<p>${cover.title}</p>
<dl class="meta">
<dt>${t('cover.hostCity')}</dt><dd>${cover.hostCity.name} (${cover.hostCity.country})</dd>
<dt>${t('cover.benchmark')}</dt><dd>${t('cover.benchmarkValue', { title: cover.benchmark.title, code: cover.benchmark.code, version: cover.benchmark.version })}</dd>
<dt>${t('cover.kind')}</dt><dd>${cover.reviewKindLabel}</dd>
<dt>${t('cover.visit')}</dt><dd>${cover.visit ? T.visitText(cover.visit) : t('cover.noVisit')}</dd>
</dl>
<h2 id="team">${t('team.heading')}</h2>
${
  cover.team.length
    ? html`<table><caption>${t('team.caption')}</caption><thead><tr><th scope="col">${t('col.name')}</th><th scope="col">${t('col.role')}</th><th scope="col">${t('col.city')}</th></tr></thead><tbody>${cover.team.map(
        (m) => html`<tr><td>${m.name}</td><td>${m.role}</td><td>${m.city ?? '—'}</td></tr>`,
      )}</tbody></table>`
    : html`<p class="empty">${t('team.none')}</p>`
}
</header>
<nav aria-label="${t('contents')}">
<h2>${t('contents')}</h2>
<ol>
<li><a href="#summary">${t('section.summary')}</a></li>
<li><a href="#method">${t('section.method')}</a></li>
<li><a href="#context">${t('section.context')}</a></li>
<li><a href="#findings">${t('section.findings')}</a></li>
<li><a href="#recommendations">${t('section.recommendations')}</a></li>
${
  model.plan
    ? html`<li><a href="#plan">${planTitle(model.language)}</a></li>
`
    : ''
}<li><a href="#annex">${t('section.annex')}</a></li>
<li><a href="#credits">${t('section.credits')}</a></li>
</ol>
</nav>
<main>
<section class="chapter" id="summary" aria-labelledby="summary-h">
<h2 id="summary-h">${t('section.summary')}</h2>
<table class="ratings"><caption>${t('summary.ratingsCaption')}</caption>
<thead><tr><th scope="col">${t('col.keyFactor')}</th><th scope="col">${t('col.heading')}</th><th scope="col">${t('col.rating')}</th></tr></thead>
<tbody>${summary.keyFactors.map((k) => html`<tr><th scope="row">${k.code}</th><td>${k.heading}</td><td>${T.ratingText(k.rating)}</td></tr>`)}</tbody>
</table>
${
  summary.ratingScale.length
    ? html`<table><caption>${t('summary.scaleCaption')}</caption><thead><tr><th scope="col">${t('col.rating')}</th><th scope="col">${t('col.label')}</th><th scope="col">${t('col.meaning')}</th></tr></thead><tbody>${summary.ratingScale.map(
        (l) => html`<tr><th scope="row">${l.value}</th><td>${l.label}</td><td>${l.description}</td></tr>`,
      )}</tbody></table>`
    : ''
}
${figure(chart('ratings'))}
${figure(chart('history'))}
${figure(chart('network'))}
<h3>${t('summary.highPriority')}</h3>
${recommendationList(summary.highPriorityRecommendations, t('summary.noHighPriority'), T)}
</section>
<section class="chapter" id="method" aria-labelledby="method-h">
<h2 id="method-h">${t('section.method')}</h2>
${paragraphs(method.description, t('notProvided'))}
<h3>${t('method.standard')}</h3>
${paragraphs(method.standard, t('notProvided'))}
<h3>${t('method.sources')}</h3>
<ul>
${T.sourcesLines(method.sources).map(
  (line) => html`<li>${line}</li>
`,
)}</ul>
${figure(chart('evidence'))}
${
  method.sources.stakeholderCategories.length
    ? html`<table><caption>${t('method.categoriesCaption')}</caption><thead><tr><th scope="col">${t('col.category')}</th><th scope="col">${t('col.peopleMet')}</th></tr></thead><tbody>${method.sources.stakeholderCategories.map(
        (c) => html`<tr><td>${c.label}</td><td>${c.count}</td></tr>`,
      )}</tbody></table>`
    : ''
}
${
  method.sources.documents.length
    ? html`<table><caption>${t('method.documentsCaption')}</caption><thead><tr><th scope="col">${t('col.title')}</th><th scope="col">${t('col.type')}</th></tr></thead><tbody>${method.sources.documents.map(
        (d) => html`<tr><td>${d.title}</td><td>${T.label('docType', d.type)}</td></tr>`,
      )}</tbody></table>`
    : ''
}
${
  method.sources.namedStakeholders.length
    ? html`<h4>${t('method.named')}</h4><ul>${method.sources.namedStakeholders.map(
        (s) => html`<li>${s.name}${s.position ? html`, ${s.position}` : ''}${s.organisation ? html`, ${s.organisation}` : ''}</li>`,
      )}</ul>`
    : ''
}
</section>
<section class="chapter" id="context" aria-labelledby="context-h">
<h2 id="context-h">${t('section.context')}</h2>
${context.length ? context.map((c) => html`<h3>${c.code} ${c.name}</h3>${paragraphs(c.note, t('context.noNote'))}`) : html`<p class="empty">${t('context.none')}</p>`}
</section>
<section id="findings" aria-labelledby="findings-h">
<h2 id="findings-h">${t('section.findings')}</h2>
${keyFactors.map(
  (k) => html`<section class="key-factor" id="kf-${k.code}" aria-labelledby="kf-${k.code}-h">
<h3 id="kf-${k.code}-h">${t('kf.heading', { code: k.code, heading: k.heading })}</h3>
<p class="statement">${k.statement}</p>
<h4>${t('kf.selfAssessment')}</h4>
${k.selfAssessment ? html`<p>${t(k.selfAssessment.submitted ? 'kf.ownRating' : 'kf.ownRatingDraft', { rating: T.ratingText(k.selfAssessment.rating) })}</p>${paragraphs(k.selfAssessment.narrative, t('notProvided'))}` : html`<p class="empty">${t('kf.noSelfAssessment')}</p>`}
<h4>${t('kf.evidence')}</h4>
<table><caption>${t('kf.evidenceCaption', { code: k.code, count: k.evidence.total })}</caption>
<thead><tr><th scope="col">${t('col.source')}</th><th scope="col">${t('col.items')}</th></tr></thead>
<tbody>${k.evidence.bySource.map((s) => html`<tr><th scope="row">${T.label('source', s.source)}</th><td>${s.count}</td></tr>`)}</tbody>
</table>
<table><caption>${t('kf.stanceCaption', { code: k.code })}</caption>
<thead><tr><th scope="col">${t('col.stance')}</th><th scope="col">${t('col.items')}</th></tr></thead>
<tbody>${k.evidence.byStance.map((s) => html`<tr><th scope="row">${T.label('stance', s.stance)}</th><td>${s.count}</td></tr>`)}</tbody>
</table>
${k.evidence.quotes.map((q) => html`<blockquote><p>“${q.text}”</p><footer>— ${q.attribution}</footer></blockquote>`)}
<h4>${t('kf.conclusion')}</h4>
${
  k.conclusion
    ? html`<p>${t('kf.ratingLabel')} <strong>${T.ratingText(k.conclusion.rating)}</strong></p>${paragraphs(k.conclusion.summary, t('notProvided'))}<h4>${t('kf.strengths')}</h4>${paragraphs(k.conclusion.strengths, t('notProvided'))}<h4>${t('kf.areas')}</h4>${paragraphs(k.conclusion.areasToDevelop, t('notProvided'))}`
    : html`<p class="empty">${t('kf.noConclusion')}</p>`
}
<h4>${t('kf.recommendations')}</h4>
${recommendationList(k.recommendations, t('kf.noRecommendations'), T)}
<h4>${t('kf.goodPractices')}</h4>
${
  k.goodPractices.length
    ? html`<ul>${k.goodPractices.map(
        (g) =>
          html`<li><strong>${g.city}</strong>: ${g.text}${g.referencedByRecommendations.length ? html` <em>${t('kf.seeRecommendations', { refs: g.referencedByRecommendations.join(', ') })}</em>` : ''}</li>`,
      )}</ul>`
    : html`<p class="empty">${t('kf.noExamples')}</p>`
}
</section>`,
)}
</section>
<section class="chapter" id="recommendations" aria-labelledby="recommendations-h">
<h2 id="recommendations-h">${t('section.recommendationsLong')}</h2>
<table><caption>${t('recs.caption')}</caption>
<thead><tr>${T.recommendationTableHeader.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
<tbody>${recommendationTable.flatMap((cell) =>
    cell.recommendations.map(
      (r) =>
        html`<tr><td>${T.label('priority', cell.priority)}</td><td>${T.label('horizon', cell.horizon)}</td><td><strong>${r.ref}</strong> ${r.text}</td><td>${r.keyFactorCodes.join(', ')}</td></tr>`,
    ),
  )}</tbody>
</table>
</section>
${new Html(planSectionHtml(model))}
${figure(chart('plan'))}
<section class="chapter" id="annex" aria-labelledby="annex-h">
<h2 id="annex-h">${t('section.annex')}</h2>
${
  annex.programme.length
    ? html`<table><caption>${t('annex.caption')}</caption><thead><tr><th scope="col">${t('col.when')}</th><th scope="col">${t('col.session')}</th><th scope="col">${t('col.keyFactors')}</th><th scope="col">${t('col.stakeholdersMet')}</th></tr></thead><tbody>${annex.programme.map(
        (s) =>
          html`<tr><td><time datetime="${s.startsAt}">${T.localTime(s.startsAt)}</time>–<time datetime="${s.endsAt}">${s.endsAt.slice(11, 16)}</time></td><td>${s.kindLabel}: ${s.title}</td><td>${s.keyFactorCodes.join(', ') || '—'}</td><td>${
            s.stakeholderCategories.map((c) => `${c.label} (${c.count})`).join('; ') || '—'
          }</td></tr>`,
      )}</tbody></table>`
    : html`<p class="empty">${t('annex.none')}</p>`
}
</section>
</main>
<footer id="credits">
<h2>${t('section.credits')}</h2>
<p>${credit.attribution}</p>
<p>${T.creditSource(credit)}</p>
</footer>
</body>
</html>
`;
  return doc.value;
}
