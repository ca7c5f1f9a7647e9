import type { ReportModel, ReportRecommendation } from '../model/report-model';
import { RenderedChart, renderReportCharts } from './charts';
import { DOCUMENT_TYPE_LABEL, HORIZON_LABEL, localTime, PRIORITY_LABEL, ratingText, SOURCE_LABEL, STANCE_LABEL } from './report-text';

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
class Html {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}
type Part = Html | string | number | null | undefined | false | Part[];

const flat = (p: Part): string =>
  p === null || p === undefined || p === false ? '' : p instanceof Html ? p.value : Array.isArray(p) ? p.map(flat).join('') : escapeHtml(p);

/** Tagged template: every interpolated value is escaped unless it is already Html. */
function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  return new Html(strings.reduce((out, s, i) => out + s + (i < parts.length ? flat(parts[i]) : ''), ''));
}

/** Paragraphs from free text (blank lines separate paragraphs, single newlines become <br>). */
function paragraphs(text: string | null | undefined, empty = 'Not provided.'): Html {
  const blocks = (text ?? '')
    .trim()
    .split(/\n\s*\n/)
    .filter((b) => b.trim());
  if (!blocks.length) return html`<p class="empty">${empty}</p>`;
  return new Html(blocks.map((b) => `<p>${b.split('\n').map(escapeHtml).join('<br>')}</p>`).join('\n'));
}

const CSS = `
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

function recommendationList(recs: ReportRecommendation[], empty: string): Html {
  if (!recs.length) return html`<p class="empty">${empty}</p>`;
  return html`<ul>${recs.map(
    (r) =>
      html`<li><strong>${r.ref}</strong> (${PRIORITY_LABEL[r.priority]} priority, ${HORIZON_LABEL[r.horizon]}; key factor ${r.keyFactorCodes.join(', ')}): ${r.text}${
        r.suggestedOwner ? html` <em>Suggested owner: ${r.suggestedOwner}.</em>` : ''
      }${r.relatedExamples.length ? html` <em>See: ${r.relatedExamples.map((e) => e.city).join(', ')}.</em>` : ''}</li>`,
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

/** The whole report as one self-contained, printable HTML document (inline CSS, inline SVG charts, no external assets). */
export async function renderReportHtml(model: ReportModel): Promise<string> {
  const charts = await renderReportCharts(model);
  const chart = (id: RenderedChart['id']) => charts.find((c) => c.id === id);
  const { cover, executiveSummary: summary, method, context, keyFactors, recommendationTable, annex, credit } = model;
  const title = `${cover.title}: follow-up report`;
  const doc = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${new Html(CSS)}</style>
</head>
<body>
<header class="cover" id="cover">
<p>${cover.reviewKindLabel} report</p>
<h1>${cover.hostCity.name}: follow-up report</h1>
<p>${cover.title}</p>
<dl class="meta">
<dt>Host city</dt><dd>${cover.hostCity.name} (${cover.hostCity.country})</dd>
<dt>Benchmark</dt><dd>${cover.benchmark.title} (${cover.benchmark.code}, version ${cover.benchmark.version})</dd>
<dt>Kind of review</dt><dd>${cover.reviewKindLabel}</dd>
<dt>Visit</dt><dd>${cover.visit ? html`<time datetime="${cover.visit.startDate}">${cover.visit.startDate}</time> to <time datetime="${cover.visit.endDate}">${cover.visit.endDate}</time>` : 'No visit'}</dd>
</dl>
<h2 id="team">The review team</h2>
${
  cover.team.length
    ? html`<table><caption>Members of the review team</caption><thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">City</th></tr></thead><tbody>${cover.team.map(
        (m) => html`<tr><td>${m.name}</td><td>${m.role}</td><td>${m.city ?? '—'}</td></tr>`,
      )}</tbody></table>`
    : html`<p class="empty">No team recorded.</p>`
}
</header>
<nav aria-label="Contents">
<h2>Contents</h2>
<ol>
<li><a href="#summary">Executive summary</a></li>
<li><a href="#method">Method</a></li>
<li><a href="#context">The city's context</a></li>
<li><a href="#findings">Findings by key factor</a></li>
<li><a href="#recommendations">Recommendations</a></li>
<li><a href="#annex">Annex: the visit programme</a></li>
<li><a href="#credits">Credits</a></li>
</ol>
</nav>
<main>
<section class="chapter" id="summary" aria-labelledby="summary-h">
<h2 id="summary-h">Executive summary</h2>
<table class="ratings"><caption>Key factors and their ratings</caption>
<thead><tr><th scope="col">Key factor</th><th scope="col">Heading</th><th scope="col">Rating</th></tr></thead>
<tbody>${summary.keyFactors.map((k) => html`<tr><th scope="row">${k.code}</th><td>${k.heading}</td><td>${ratingText(k.rating)}</td></tr>`)}</tbody>
</table>
${
  summary.ratingScale.length
    ? html`<table><caption>Rating scale</caption><thead><tr><th scope="col">Rating</th><th scope="col">Label</th><th scope="col">Meaning</th></tr></thead><tbody>${summary.ratingScale.map(
        (l) => html`<tr><th scope="row">${l.value}</th><td>${l.label}</td><td>${l.description}</td></tr>`,
      )}</tbody></table>`
    : ''
}
${figure(chart('ratings'))}
${figure(chart('history'))}
<h3>High-priority recommendations</h3>
${recommendationList(summary.highPriorityRecommendations, 'No high-priority recommendations.')}
</section>
<section class="chapter" id="method" aria-labelledby="method-h">
<h2 id="method-h">Method</h2>
${paragraphs(method.description)}
<h3>The benchmark's standard</h3>
${paragraphs(method.standard)}
<h3>Sources</h3>
<ul>
<li>${method.sources.documents.length} documents</li>
<li>${method.sources.interviews} interviews</li>
<li>${method.sources.focusGroups} focus groups</li>
<li>${method.sources.siteVisits} site visits</li>
<li>${method.sources.sessionsHeld} sessions in the programme</li>
<li>${method.sources.stakeholdersMet} stakeholders met</li>
</ul>
${figure(chart('evidence'))}
${
  method.sources.stakeholderCategories.length
    ? html`<table><caption>Stakeholders met, by category</caption><thead><tr><th scope="col">Category</th><th scope="col">People met</th></tr></thead><tbody>${method.sources.stakeholderCategories.map(
        (c) => html`<tr><td>${c.label}</td><td>${c.count}</td></tr>`,
      )}</tbody></table>`
    : ''
}
${
  method.sources.documents.length
    ? html`<table><caption>Documents consulted</caption><thead><tr><th scope="col">Title</th><th scope="col">Type</th></tr></thead><tbody>${method.sources.documents.map(
        (d) => html`<tr><td>${d.title}</td><td>${DOCUMENT_TYPE_LABEL[d.type] ?? d.type}</td></tr>`,
      )}</tbody></table>`
    : ''
}
${
  method.sources.namedStakeholders.length
    ? html`<h4>People who agreed to be named</h4><ul>${method.sources.namedStakeholders.map(
        (s) => html`<li>${s.name}${s.position ? html`, ${s.position}` : ''}${s.organisation ? html`, ${s.organisation}` : ''}</li>`,
      )}</ul>`
    : ''
}
</section>
<section class="chapter" id="context" aria-labelledby="context-h">
<h2 id="context-h">The city's context</h2>
${context.length ? context.map((c) => html`<h3>${c.code} ${c.name}</h3>${paragraphs(c.note, 'The city wrote no note on this factor.')}`) : html`<p class="empty">No context factors.</p>`}
</section>
<section id="findings" aria-labelledby="findings-h">
<h2 id="findings-h">Findings by key factor</h2>
${keyFactors.map(
  (k) => html`<section class="key-factor" id="kf-${k.code}" aria-labelledby="kf-${k.code}-h">
<h3 id="kf-${k.code}-h">Key factor ${k.code}: ${k.heading}</h3>
<p class="statement">${k.statement}</p>
<h4>What the self-assessment said</h4>
${k.selfAssessment ? html`<p>The city's own rating: ${ratingText(k.selfAssessment.rating)}${k.selfAssessment.submitted ? '' : ' (draft)'}.</p>${paragraphs(k.selfAssessment.narrative)}` : html`<p class="empty">No self-assessment entry.</p>`}
<h4>The evidence in summary</h4>
<table><caption>Evidence on key factor ${k.code} (${k.evidence.total} items)</caption>
<thead><tr><th scope="col">Source</th><th scope="col">Items</th></tr></thead>
<tbody>${k.evidence.bySource.map((s) => html`<tr><th scope="row">${SOURCE_LABEL[s.source] ?? s.source}</th><td>${s.count}</td></tr>`)}</tbody>
</table>
<table><caption>Evidence on key factor ${k.code} by stance</caption>
<thead><tr><th scope="col">Stance</th><th scope="col">Items</th></tr></thead>
<tbody>${k.evidence.byStance.map((s) => html`<tr><th scope="row">${STANCE_LABEL[s.stance] ?? s.stance}</th><td>${s.count}</td></tr>`)}</tbody>
</table>
${k.evidence.quotes.map((q) => html`<blockquote><p>“${q.text}”</p><footer>— ${q.attribution}</footer></blockquote>`)}
<h4>Conclusion</h4>
${
  k.conclusion
    ? html`<p>Rating: <strong>${ratingText(k.conclusion.rating)}</strong></p>${paragraphs(k.conclusion.summary)}<h4>Strengths</h4>${paragraphs(k.conclusion.strengths)}<h4>Areas to develop</h4>${paragraphs(k.conclusion.areasToDevelop)}`
    : html`<p class="empty">No agreed conclusion.</p>`
}
<h4>Recommendations</h4>
${recommendationList(k.recommendations, 'No recommendations on this key factor.')}
<h4>Related good practices</h4>
${
  k.goodPractices.length
    ? html`<ul>${k.goodPractices.map(
        (g) =>
          html`<li><strong>${g.city}</strong>: ${g.text}${g.referencedByRecommendations.length ? html` <em>(see ${g.referencedByRecommendations.join(', ')})</em>` : ''}</li>`,
      )}</ul>`
    : html`<p class="empty">The benchmark gives no city examples for this key factor.</p>`
}
</section>`,
)}
</section>
<section class="chapter" id="recommendations" aria-labelledby="recommendations-h">
<h2 id="recommendations-h">Recommendations by priority and horizon</h2>
<table><caption>Every recommendation, by priority and horizon</caption>
<thead><tr><th scope="col">Priority</th><th scope="col">Horizon</th><th scope="col">Recommendation</th><th scope="col">Key factors</th></tr></thead>
<tbody>${recommendationTable.flatMap((cell) =>
    cell.recommendations.map(
      (r) =>
        html`<tr><td>${PRIORITY_LABEL[cell.priority]}</td><td>${HORIZON_LABEL[cell.horizon]}</td><td><strong>${r.ref}</strong> ${r.text}</td><td>${r.keyFactorCodes.join(', ')}</td></tr>`,
    ),
  )}</tbody>
</table>
</section>
<section class="chapter" id="annex" aria-labelledby="annex-h">
<h2 id="annex-h">Annex: the visit programme</h2>
${
  annex.programme.length
    ? html`<table><caption>Sessions held (times in the host city's time zone)</caption><thead><tr><th scope="col">When</th><th scope="col">Session</th><th scope="col">Key factors</th><th scope="col">Stakeholders met</th></tr></thead><tbody>${annex.programme.map(
        (s) =>
          html`<tr><td><time datetime="${s.startsAt}">${localTime(s.startsAt)}</time>–<time datetime="${s.endsAt}">${s.endsAt.slice(11, 16)}</time></td><td>${s.kindLabel}: ${s.title}</td><td>${s.keyFactorCodes.join(', ') || '—'}</td><td>${
            s.stakeholderCategories.map((c) => `${c.label} (${c.count})`).join('; ') || '—'
          }</td></tr>`,
      )}</tbody></table>`
    : html`<p class="empty">No sessions were held.</p>`
}
</section>
</main>
<footer id="credits">
<h2>Credits</h2>
<p>${credit.attribution}</p>
<p>Source: ${credit.sourceTitle}, ${credit.sourceOrganisation}${credit.sourceYear ? html`, ${credit.sourceYear}` : ''}.${credit.ratingScaleEditorial ? ' The rating scale was supplied by the editors, not by the source.' : ''}</p>
</footer>
</body>
</html>
`;
  return doc.value;
}
