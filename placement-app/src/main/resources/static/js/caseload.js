import { get } from './api.js';
import { el, frame, ready, showError } from './layout.js';
import { NEEDS, STATUSES, TYPES, needLabel, options, statusLabel } from './labels.js';

await frame();
const SIZE = 20;
const form = document.getElementById('filters');
const params = new URLSearchParams(location.search);
const FILTERS = ['status', 'need', 'yearGroup', 'type', 'provisionId', 'q'];
const names = new Map();
try {
  const provisions = (await get('/api/provisions?size=500')).items;
  provisions.forEach((p) => names.set(p.id, p.name));
  form.provisionId.append(...provisions.map((p) => el('option', { value: p.id }, `${p.name} (${p.id})`)));
} catch (e) {
  showError(document.getElementById('problem'), e.message);
}
form.need.append(...options(NEEDS));
form.status.append(...options(STATUSES));
form.type.append(...options(TYPES));
for (const name of FILTERS) form.elements[name].value = params.get(name) || '';
const page = Number(params.get('page') || 0);

function query(p) {
  const q = new URLSearchParams();
  for (const name of FILTERS) {
    const value = form.elements[name].value.trim();
    if (value) q.set(name, value);
  }
  if (p > 0) q.set('page', p);
  return q;
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  location.assign(`/caseload.html?${query(0)}`);
});

try {
  const api = query(page);
  api.set('page', page);
  api.set('size', SIZE);
  const answer = await get(`/api/placements?${api}`);
  const rows = document.getElementById('rows');
  for (const item of answer.items) {
    const name = item.pupil.erased ? '[erased]' : `${item.pupil.givenName} ${item.pupil.familyName}`;
    rows.append(el('tr', { class: 'govuk-table__row' },
      el('td', { class: 'govuk-table__cell app-wrap' }, el('a', { class: 'govuk-link', href: `/placement.html?id=${encodeURIComponent(item.id)}` }, name)),
      el('td', { class: 'govuk-table__cell' }, item.pupil.upn),
      el('td', { class: 'govuk-table__cell' }, String(item.yearGroup)),
      el('td', { class: 'govuk-table__cell', 'data-figure': 'primaryNeed' }, needLabel(item.primaryNeed)),
      el('td', { class: 'govuk-table__cell', 'data-figure': 'status' }, statusLabel(item.status)),
      el('td', { class: 'govuk-table__cell app-wrap', 'data-figure': 'provision' },
        item.provisionId ? (names.has(item.provisionId) ? `${names.get(item.provisionId)} (${item.provisionId})` : item.provisionId) : ''),
      el('td', { class: 'govuk-table__cell govuk-table__cell--numeric' }, item.daysWaiting == null ? '' : String(item.daysWaiting))));
  }
  const last = Math.max(0, Math.ceil(answer.total / SIZE) - 1);
  document.getElementById('count').textContent = answer.total === 0
    ? 'No placements match.'
    : `${answer.total} ${answer.total === 1 ? 'placement' : 'placements'}, page ${page + 1} of ${last + 1}.`;
  const pages = document.getElementById('pages');
  if (page > 0) {
    pages.append(el('div', { class: 'govuk-pagination__prev' },
      el('a', { class: 'govuk-link govuk-pagination__link', href: `/caseload.html?${query(page - 1)}`, rel: 'prev', id: 'previous-page' }, 'Previous page')));
  }
  if (page < last) {
    pages.append(el('div', { class: 'govuk-pagination__next' },
      el('a', { class: 'govuk-link govuk-pagination__link', href: `/caseload.html?${query(page + 1)}`, rel: 'next', id: 'next-page' }, 'Next page')));
  }
} catch (e) {
  showError(document.getElementById('problem'), e.message);
}
ready();
