// Payment schedules (GET /api/funding/schedules): per host school, a month's top-ups due and the adjustments to
// earlier months, and the CSV files for the finance system, per school and for all, by placement id. The named file
// (pupils' names) is for finance only, and the API records each download of it in the access log.
import { get, today } from './api.js';
import { el, frame, ready, showError } from './layout.js';
import { dateValue, setDate, upgradeDates } from './dates.js';
import { showProblem } from './forms.js';
import { dayLabel, downloadLink, figureCell, monthLabel, monthsAround, pounds, table } from './money.js';

const who = await frame();
upgradeDates();
const params = new URLSearchParams(location.search);
const thisMonth = today().slice(0, 7);
const month = /^\d{4}-\d{2}$/.test(params.get('month') || '') ? params.get('month') : thisMonth;
const asAt = params.get('asAt') || '';
const form = document.getElementById('month-form');
const months = monthsAround(thisMonth, 12, 1);
if (!months.includes(month)) months.push(month);
document.getElementById('month').append(...months.reverse().map((m) =>
  el('option', { value: m, selected: m === month ? 'selected' : null }, monthLabel(m))));
setDate('asAt', /^\d{4}-\d{2}-\d{2}$/.test(asAt) ? asAt : '');

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const q = new URLSearchParams({ month: document.getElementById('month').value });
  const day = dateValue('asAt');
  if (day) q.set('asAt', day);
  location.assign(`/schedules.html?${q}`);
});

function refused(container, e) {
  showError(container, e.status === 403 ? 'Your role may not download this file' : e.message);
}

/** The CSV of the month (one school's, or all), as known at the day shown. */
function csv(urn, named) {
  const q = new URLSearchParams();
  if (urn) q.set('urn', urn);
  if (named) q.set('named', 'true');
  if (asAt) q.set('asOf', asAt);
  const query = q.toString();
  return {
    path: `/api/funding/schedules/${month}.csv${query ? `?${query}` : ''}`,
    file: `payment-schedule-${month}${urn ? `-${urn}` : ''}${named ? '-named' : ''}.csv`,
  };
}

try {
  const q = new URLSearchParams({ month });
  if (asAt) q.set('asOf', asAt);
  const schedule = await get(`/api/funding/schedules?${q}`);
  document.getElementById('shown').textContent =
    `${monthLabel(schedule.month)}, as known at the end of ${dayLabel(schedule.asOf ?? schedule.asAt)}.`;
  if (schedule.provisional) {
    document.getElementById('provisional').replaceChildren(el('p', { class: 'govuk-body', id: 'provisional-note' },
      el('strong', { class: 'govuk-tag govuk-tag--yellow' }, 'Provisional'),
      ' The month has not ended: the figures change as places are taken up, ended and funded.'));
  }
  const problem = document.getElementById('download-problem');
  const rows = schedule.schools.map((s) => {
    const file = csv(s.urn, false);
    return el('tr', { class: 'govuk-table__row', 'data-urn': s.urn },
      el('th', { scope: 'row', class: 'govuk-table__header app-wrap' }, s.school),
      el('td', { class: 'govuk-table__cell' }, s.urn),
      figureCell('placements', String(s.placements)),
      figureCell('due', pounds(s.due)),
      figureCell('adjustments', pounds(s.adjustments)),
      figureCell('total', pounds(s.total)),
      el('td', { class: 'govuk-table__cell' }, downloadLink(`csv-${s.urn}`, ['CSV', el('span', { class: 'govuk-visually-hidden' }, ` for ${s.school}`)],
        file.path, file.file, problem, refused)));
  });
  const t = schedule.totals;
  rows.push(el('tr', { class: 'govuk-table__row', 'data-urn': 'total' },
    el('th', { scope: 'row', class: 'govuk-table__header' }, 'Total'), el('td', { class: 'govuk-table__cell' }, ''),
    figureCell('placements', String(schedule.schools.reduce((n, s) => n + s.placements, 0))),
    figureCell('due', pounds(t.due)), figureCell('adjustments', pounds(t.adjustments)), figureCell('total', pounds(t.total)),
    el('td', { class: 'govuk-table__cell' }, '')));
  document.getElementById('schools').replaceChildren(schedule.schools.length
    ? table('schools-table', ['School', 'URN', 'Placements#', 'Due#', 'Adjustments#', 'Total#', 'Download'], rows,
      { labelledBy: 'schools-title' })
    : el('p', { class: 'govuk-body', id: 'no-schools' }, 'Nothing is due to any school for this month.'));
  const all = csv(null, false);
  document.getElementById('downloads').replaceChildren(el('li', {},
    downloadLink('csv-all', `All schools, ${monthLabel(month)} (CSV)`, all.path, all.file, problem, refused)));
  if (who.roles.includes('FINANCE')) {
    const named = csv(null, true);
    document.getElementById('named-downloads').replaceChildren(el('li', {},
      downloadLink('csv-named', `All schools with pupils' names, ${monthLabel(month)} (CSV)`, named.path, named.file, problem, refused)));
    document.getElementById('named').classList.remove('app-hidden');
  }
  document.getElementById('schedule').classList.remove('app-hidden');
} catch (e) {
  if (e.status === 400) {
    const body = e.body || {};
    const errors = body.errors?.length ? body.errors : [{ field: 'asAt', message: body.detail || 'must be a date' }];
    showProblem(form, { ...e, status: 400, body: { ...body, errors } }, {}, { asOf: 'asAt' },
      { fieldLabels: { asOf: 'As known at', asAt: 'As known at', month: 'Month' } });
  } else {
    showError(document.getElementById('problem'), e.status === 404 ? 'Payment schedules are not available yet' : e.message);
  }
}
ready();
