// The finance dashboard (GET /api/funding/spend): a financial year's spend month by month (actual up to the month
// known, forecast after it: today's placements and bands continuing), by provision, type, phase and need, cost per
// pupil on roll, the cost of funded places left empty, the committed spend to the year end and next academic year's
// place funding. As known at the end of a day (asAt). Every chart has a table of the same figures beside it.
import { get, today } from './api.js';
import { el, frame, ready, showError } from './layout.js';
import { dateValue, setDate, upgradeDates } from './dates.js';
import { showProblem } from './forms.js';
import { barChart } from './charts.js';
import { needLabel } from './labels.js';
import { academicYearOf, dayLabel, figureCell, financialYearOf, monthLabel, phaseLabel, pounds, shortMonth, table, typeLabel,
  wholePounds, yearsAround } from './money.js';

await frame();
upgradeDates();
const params = new URLSearchParams(location.search);
const current = financialYearOf(today());
const financialYear = params.get('financialYear') || current;
const asAt = params.get('asAt') || '';
const form = document.getElementById('period');
const years = yearsAround(current, 3, 1);
if (!years.includes(financialYear)) years.push(financialYear);
document.getElementById('financialYear').append(...years.map((y) =>
  el('option', { value: y, selected: y === financialYear ? 'selected' : null }, y)));
setDate('asAt', /^\d{4}-\d{2}-\d{2}$/.test(asAt) ? asAt : '');

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const q = new URLSearchParams({ financialYear: document.getElementById('financialYear').value });
  const day = dateValue('asAt');
  if (day) q.set('asAt', day);
  location.assign(`/funding.html?${q}`);
});

const number = (n) => (n === null || n === undefined ? '–' : String(n));
const cell = (text, attributes = {}) => el('td', { class: 'govuk-table__cell', ...attributes }, text);

function row(key, value, id) {
  return el('div', { class: 'govuk-summary-list__row' },
    el('dt', { class: 'govuk-summary-list__key' }, key),
    el('dd', { class: 'govuk-summary-list__value', id }, value));
}

const GROUP_FIGURES = [['onRoll', 'On roll#', number], ['topUps', 'Top-ups#', pounds], ['placeFunding', 'Place funding#', pounds],
  ['total', 'Total#', pounds], ['costPerPupil', 'Cost per pupil#', pounds]];

/** A table of groups (type, phase, need) with their figures and, where given, a total row. */
function groups(id, head, items, label, totals) {
  const rows = items.map((g) => el('tr', { class: 'govuk-table__row', 'data-key': g.key },
    el('th', { scope: 'row', class: 'govuk-table__header app-wrap' }, label(g.key)),
    GROUP_FIGURES.map(([f, , format]) => figureCell(f, format(g[f])))));
  if (totals) {
    rows.push(el('tr', { class: 'govuk-table__row', 'data-key': 'total' }, el('th', { scope: 'row', class: 'govuk-table__header' }, 'Total'),
      GROUP_FIGURES.map(([f, , format]) => figureCell(f, format(totals[f])))));
  }
  return table(`${id}-table`, [head, ...GROUP_FIGURES.map(([, h]) => h)], rows, { labelledBy: `${id}-title` });
}

function provisionsTable(spend) {
  const rows = spend.byProvision.map((p) => el('tr', { class: 'govuk-table__row', 'data-provision': p.provisionId },
    el('th', { scope: 'row', class: 'govuk-table__header app-wrap' }, `${p.name} (${p.provisionId})`),
    cell(typeLabel(p.type)), cell(phaseLabel(p.phase)), cell(p.urn),
    figureCell('commissioned', number(p.commissioned)), figureCell('onRoll', number(p.onRoll)),
    figureCell('topUps', pounds(p.topUps)), figureCell('placeFunding', pounds(p.placeFunding)),
    figureCell('total', pounds(p.total)), figureCell('costPerPupil', pounds(p.costPerPupil)),
    figureCell('emptyPlaces', number(p.emptyPlaces)), figureCell('emptyPlacesCost', pounds(p.emptyPlacesCost))));
  const t = spend.totals;
  rows.push(el('tr', { class: 'govuk-table__row', 'data-provision': 'total' },
    el('th', { scope: 'row', class: 'govuk-table__header' }, 'Total'), cell(''), cell(''), cell(''), cell(''),
    figureCell('onRoll', number(t.onRoll)), figureCell('topUps', pounds(t.topUps)),
    figureCell('placeFunding', pounds(t.placeFunding)), figureCell('total', pounds(t.total)),
    figureCell('costPerPupil', pounds(t.costPerPupil)), cell(''), figureCell('emptyPlacesCost', pounds(t.emptyPlacesCost))));
  return table('by-provision-table', ['Provision', 'Type', 'Phase', 'School URN', 'Commissioned#', 'On roll#', 'Top-ups#',
    'Place funding#', 'Total#', 'Cost per pupil#', 'Empty places#', 'Cost of empty places#'], rows, { labelledBy: 'by-provision-title' });
}

/** The ledger of an academic or financial year (GET /api/funding/ledger), as known at the same day as the rest. */
async function showLedger() {
  const basis = params.get('ledgerBasis') === 'FINANCIAL' ? 'FINANCIAL' : 'ACADEMIC';
  const day = /^\d{4}-\d{2}-\d{2}$/.test(asAt) ? asAt : today();
  const current = basis === 'ACADEMIC' ? academicYearOf(day) : financialYearOf(day);
  const year = /^\d{4}-\d{2}$/.test(params.get('ledgerYear') || '') ? params.get('ledgerYear') : current;
  document.getElementById('ledgerBasis').value = basis;
  const choices = yearsAround(current, 3, 0);
  if (!choices.includes(year)) choices.push(year);
  document.getElementById('ledgerYear').replaceChildren(...choices.map((y) =>
    el('option', { value: y, selected: y === year ? 'selected' : null }, y)));
  const ledgerForm = document.getElementById('ledger-form');
  ledgerForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const q = new URLSearchParams(location.search);
    q.set('ledgerBasis', document.getElementById('ledgerBasis').value);
    q.set('ledgerYear', document.getElementById('ledgerYear').value);
    if (q.get('ledgerBasis') !== basis) q.delete('ledgerYear'); // the other kind of year: its current one
    location.assign(`/funding.html?${q}#ledger-title`);
  });
  const container = document.getElementById('ledger-months');
  try {
    const q = new URLSearchParams({ year, basis });
    if (asAt) q.set('asOf', asAt);
    const ledger = await get(`/api/funding/ledger?${q}`);
    document.getElementById('ledger-shown').textContent = `${basis === 'ACADEMIC' ? 'Academic' : 'Financial'} year `
      + `${ledger.year}, as known at the end of ${dayLabel(ledger.asOf ?? ledger.asAt)}.`;
    const rows = ledger.months.map((m) => el('tr', { class: 'govuk-table__row', 'data-month': m.month },
      el('th', { scope: 'row', class: 'govuk-table__header' }, monthLabel(m.month)),
      figureCell('topUps', pounds(m.topUps)), figureCell('placeFunding', pounds(m.placeFunding)), figureCell('total', pounds(m.total))));
    rows.push(el('tr', { class: 'govuk-table__row', 'data-month': 'total' },
      el('th', { scope: 'row', class: 'govuk-table__header' }, 'Total'), figureCell('topUps', pounds(ledger.totals.topUps)),
      figureCell('placeFunding', pounds(ledger.totals.placeFunding)), figureCell('total', pounds(ledger.totals.total))));
    container.replaceChildren(ledger.months.length
      ? table('ledger-table', ['Month', 'Top-ups#', 'Place funding#', 'Total#'], rows, { labelledBy: 'ledger-title' })
      : el('p', { class: 'govuk-body', id: 'ledger-none' }, 'The year has not started by that day.'));
  } catch (e) {
    container.replaceChildren(el('p', { class: 'govuk-body', id: 'ledger-none' }, e.status === 400
      ? `That year cannot be shown: ${e.body?.detail || e.message}` : `The ledger could not be shown: ${e.message}`));
  }
}

const sum = (items, f) => items.reduce((s, m) => s + Number(m[f] ?? 0), 0);

try {
  const q = new URLSearchParams({ financialYear });
  if (asAt) q.set('asOf', asAt);
  const spend = await get(`/api/funding/spend?${q}`);
  const actual = sum(spend.months, 'actual');
  const forecast = sum(spend.months, 'forecast');
  document.getElementById('shown').textContent = `Financial year ${spend.financialYear}, as known at the end of ${dayLabel(spend.asOf ?? spend.asAt)}.`;
  document.getElementById('headline').replaceChildren(
    row('Spent so far', pounds(actual), 'spent'),
    row('Committed to the end of the year', pounds(spend.committedToYearEnd), 'committed'),
    row('Spent and committed', pounds(actual + Number(spend.committedToYearEnd ?? 0)), 'spent-and-committed'),
    row('Pupils on roll', number(spend.totals.onRoll), 'on-roll'),
    row('Cost per pupil on roll', pounds(spend.totals.costPerPupil), 'cost-per-pupil'),
    row('Cost of funded places left empty', pounds(spend.totals.emptyPlacesCost), 'empty-places-cost'));

  const labels = spend.months.map((m) => shortMonth(m.month));
  barChart(document.getElementById('spend-chart'), `Spend by month in ${spend.financialYear}: actual and forecast`, labels, [
    { label: 'Actual', data: spend.months.map((m) => Number(m.actual ?? 0)) },
    { label: 'Forecast', data: spend.months.map((m) => Number(m.forecast ?? 0)) },
  ], { valueFormat: wholePounds, stacked: true });
  const monthRows = spend.months.map((m) => el('tr', { class: 'govuk-table__row', 'data-month': m.month },
    el('th', { scope: 'row', class: 'govuk-table__header' }, monthLabel(m.month)),
    figureCell('actual', pounds(m.actual)), figureCell('forecast', pounds(m.forecast))));
  monthRows.push(el('tr', { class: 'govuk-table__row', 'data-month': 'total' },
    el('th', { scope: 'row', class: 'govuk-table__header' }, 'Total'),
    figureCell('actual', pounds(actual)), figureCell('forecast', pounds(forecast))));
  document.getElementById('months').replaceChildren(
    table('months-table', ['Month', 'Actual#', 'Forecast#'], monthRows, { labelledBy: 'months-title' }));

  document.getElementById('by-provision').replaceChildren(provisionsTable(spend));
  document.getElementById('by-type').replaceChildren(groups('by-type', 'Type', spend.byType, typeLabel, spend.totals));
  document.getElementById('by-phase').replaceChildren(groups('by-phase', 'Phase', spend.byPhase, phaseLabel, spend.totals));
  document.getElementById('by-need').replaceChildren(groups('by-need', 'Primary need', spend.byNeed, needLabel, null));
  const next = spend.nextAcademicYear || {};
  document.getElementById('next-year').replaceChildren(
    row('Academic year', next.academicYear ?? '–', 'next-academic-year'),
    row('Commissioned places', number(next.places), 'next-places'),
    row('Place funding', pounds(next.placeFunding), 'next-place-funding'),
    ...(next.unpricedPlaces ? [row('Places without a place rate', `${next.unpricedPlaces}: set the rate in the tariff`, 'next-unpriced')] : []));
  document.getElementById('figures').classList.remove('app-hidden');
  await showLedger();
} catch (e) {
  if (e.status === 400) {
    const body = e.body || {};
    const errors = body.errors?.length ? body.errors : [{ field: /year/i.test(body.detail || '') ? 'financialYear' : 'asAt',
      message: body.detail || 'is not right' }];
    showProblem(form, { ...e, status: 400, body: { ...body, errors } }, {}, { asOf: 'asAt' },
      { fieldLabels: { asOf: 'As known at', asAt: 'As known at', financialYear: 'Financial year' } });
  } else {
    showError(document.getElementById('problem'), e.status === 404 ? 'The spend figures are not available yet' : e.message);
  }
}
ready();
