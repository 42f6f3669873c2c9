import { get } from './api.js';
import { el, frame, ready, showError } from './layout.js';
import { asAtForm, showAsAtProblem, barChart } from './charts.js';
import { phaseLabel, typeLabel } from './labels.js';

await frame();
const asOf = asAtForm('/inclusion.html');

const blank = (v) => v === null || v === undefined;
const number = (v) => (blank(v) ? '–' : String(Number.isInteger(v) ? v : Number(v).toFixed(1)));
const percent = (v) => (blank(v) ? '–' : `${Math.round(v * 100)}%`);
const yesNo = (v) => (blank(v) ? '–' : (v ? 'Yes' : 'No'));

const COLUMNS = [
  ['onRoll', number], ['averageMainstreamPercent', number], ['shareAtOrAbove50', percent], ['splitIncreases', number],
  ['splitDecreases', number], ['movesToMainstream', number], ['medianDaysReferralToOffer', number],
  ['medianDaysOfferToAdmission', number], ['adultsPerPupil', number], ['qualifiedTeacherPresent', yesNo],
  ['therapyHoursPerPupil', number],
];

function row(p) {
  return el('tr', { class: 'govuk-table__row', 'data-provision': p.provisionId },
    el('td', { class: 'govuk-table__cell app-wrap' }, `${p.name} (${p.provisionId})`),
    el('td', { class: 'govuk-table__cell', 'data-figure': 'type' }, typeLabel(p.type)),
    el('td', { class: 'govuk-table__cell', 'data-figure': 'phase' }, phaseLabel(p.phase)),
    COLUMNS.map(([figure, format]) => el('td', { class: 'govuk-table__cell govuk-table__cell--numeric', 'data-figure': figure }, format(p[figure]))));
}

try {
  const dashboard = await get(`/api/dashboard/inclusion${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`);
  document.getElementById('shown-as-at').textContent = `Figures as at ${dashboard.asOf}.`;
  document.getElementById('window').textContent = `Movements counted from ${dashboard.windowFrom} to ${dashboard.asOf}.`;
  document.querySelector('#inclusion tbody').append(...dashboard.provisions.map(row));
  barChart(document.getElementById('inclusion-chart'), 'Time-split changes and moves to mainstream by provision',
    dashboard.provisions.map((p) => p.name),
    [{ label: 'Time-split increases', data: dashboard.provisions.map((p) => p.splitIncreases) },
      { label: 'Time-split reductions', data: dashboard.provisions.map((p) => p.splitDecreases) },
      { label: 'Moves to mainstream', data: dashboard.provisions.map((p) => p.movesToMainstream) }],
    { indexAxis: 'y' });
} catch (e) {
  if (e.status === 400) showAsAtProblem(e); else showError(document.getElementById('problem'), e.message);
}
ready();
