import { get } from './api.js';
import { el, frame, ready, showError } from './layout.js';

await frame();
const form = document.getElementById('as-at');
const params = new URLSearchParams(location.search);
form.asOf.value = params.get('asOf') || '';
form.addEventListener('submit', (event) => {
  event.preventDefault();
  location.assign(form.asOf.value.trim() ? `/capacity.html?asOf=${encodeURIComponent(form.asOf.value.trim())}` : '/capacity.html');
});

const FIGURES = ['provisions', 'commissioned', 'onRoll', 'offersOutstanding', 'vacancies', 'overCapacity', 'outsideDesignatedNeed'];

function row(label, figures, header = 'td') {
  return el('tr', { class: 'govuk-table__row' },
    el(header, { class: header === 'th' ? 'govuk-table__header' : 'govuk-table__cell app-wrap', scope: header === 'th' ? 'row' : null }, label),
    FIGURES.map((f) => el('td', { class: 'govuk-table__cell govuk-table__cell--numeric', 'data-figure': f }, String(figures[f]))));
}

function fill(id, groups, total) {
  const body = document.querySelector(`#${id} tbody`);
  body.append(...Object.entries(groups).map(([key, figures]) => row(key, figures)));
  if (total) body.append(row('Total', total, 'th'));
}

try {
  const asOf = params.get('asOf');
  const dashboard = await get(`/api/dashboard/capacity${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`);
  document.getElementById('shown-as-at').textContent = `Figures as at ${dashboard.asOf}.`;
  fill('by-type', dashboard.byType, dashboard.total);
  fill('by-phase', dashboard.byPhase, dashboard.total);
  fill('by-need', dashboard.byNeed);
  fill('by-provision', Object.fromEntries(dashboard.provisions.map((p) => [`${p.name} (${p.provisionId})`, p.figures])), dashboard.total);
} catch (e) {
  showError(document.getElementById('problem'), e.status === 400 ? 'Enter the date as year-month-day, for example 2026-09-01' : e.message);
}
ready();
