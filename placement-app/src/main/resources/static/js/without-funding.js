// Admitted placements with no top-up in force on a day (GET /api/funding/without-funding), the longest first, each a
// link to its placement, where the top-up is assigned. Placement ids only: the list holds no personal data.
import { get } from './api.js';
import { el, frame, ready, showError } from './layout.js';
import { dateValue, setDate, upgradeDates } from './dates.js';
import { showProblem } from './forms.js';
import { dayLabel, figureCell, table } from './money.js';

await frame();
upgradeDates();
const SIZE = 50;
const params = new URLSearchParams(location.search);
const asOf = params.get('asOf') || '';
const provisionId = params.get('provisionId') || '';
const page = Math.max(0, Number.parseInt(params.get('page') || '0', 10) || 0);
const form = document.getElementById('filters');
setDate('asOf', asOf);

function url(p, overrides = {}) {
  const q = new URLSearchParams();
  const all = { asOf, provisionId, ...overrides };
  for (const [k, v] of Object.entries(all)) if (v) q.set(k, v);
  if (p > 0) q.set('page', String(p));
  const text = q.toString();
  return `/without-funding.html${text ? `?${text}` : ''}`;
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  location.assign(url(0, { asOf: dateValue('asOf'), provisionId: document.getElementById('provisionId').value }));
});

function pagination(total) {
  const last = Math.max(0, Math.ceil(total / SIZE) - 1);
  const nav = document.getElementById('pages');
  const parts = [];
  if (page > 0) {
    parts.push(el('div', { class: 'govuk-pagination__prev' }, el('a', { class: 'govuk-link govuk-pagination__link', href: url(page - 1), rel: 'prev', id: 'previous-page' },
      el('span', { class: 'govuk-pagination__link-title' }, 'Previous'))));
  }
  if (page < last) {
    parts.push(el('div', { class: 'govuk-pagination__next' }, el('a', { class: 'govuk-link govuk-pagination__link', href: url(page + 1), rel: 'next', id: 'next-page' },
      el('span', { class: 'govuk-pagination__link-title' }, 'Next'))));
  }
  nav.replaceChildren(...parts);
}

try {
  const names = new Map();
  try {
    const provisions = (await get('/api/provisions?size=500')).items;
    for (const p of provisions) names.set(p.id, p.name);
    document.getElementById('provisionId').append(...provisions.map((p) =>
      el('option', { value: p.id, selected: p.id === provisionId ? 'selected' : null }, `${p.name} (${p.id})`)));
  } catch (e) {
    // the names only label the list: without them the ids show
  }
  const q = new URLSearchParams({ page: String(page), size: String(SIZE) });
  if (asOf) q.set('asOf', asOf);
  if (provisionId) q.set('provisionId', provisionId);
  const list = await get(`/api/funding/without-funding?${q}`);
  document.getElementById('count').textContent = list.total === 0
    ? `Every admitted placement has a top-up in force on ${dayLabel(list.asOf)}.`
    : `${list.total} admitted ${list.total === 1 ? 'placement has' : 'placements have'} no top-up in force on ${dayLabel(list.asOf)}.`;
  const rows = list.items.map((item) => el('tr', { class: 'govuk-table__row', 'data-placement': item.placementId },
    el('td', { class: 'govuk-table__cell' },
      el('a', { class: 'govuk-link', href: `/placement.html?id=${encodeURIComponent(item.placementId)}&from=${item.admittedOn}` }, item.placementId)),
    el('td', { class: 'govuk-table__cell app-wrap' }, names.has(item.provisionId)
      ? `${names.get(item.provisionId)} (${item.provisionId})` : item.provisionId),
    el('td', { class: 'govuk-table__cell', 'data-figure': 'admittedOn' }, dayLabel(item.admittedOn)),
    figureCell('daysWithoutFunding', String(item.daysWithoutFunding))));
  document.getElementById('list').replaceChildren(...(rows.length
    ? [table('without-funding', ['Placement', 'Provision', 'Admitted on', 'Days without funding#'], rows,
      { caption: 'Placements without a top-up in force' })]
    : []));
  pagination(list.total);
} catch (e) {
  if (e.status === 400) {
    const body = e.body || {};
    showProblem(form, { ...e, status: 400, body: { ...body, errors: body.errors?.length ? body.errors
      : [{ field: 'asOf', message: body.detail || 'must be a date' }] } }, {}, {}, { fieldLabels: { asOf: 'As at' } });
  } else {
    showError(document.getElementById('problem'), e.message);
  }
}
ready();
