// The capacity dashboard: figures by provision, type, phase and designated need, a chart, and (for today) live
// updates from the capacity stream, which refresh every table's rows and totals as well as the chart.
import { get, today } from './api.js';
import { el, frame, ready, showError } from './layout.js';
import { asAtForm, showAsAtProblem, barChart, fitRows } from './charts.js';
import { watchCapacity } from './live.js';
import { needLabel, phaseLabel, typeLabel } from './labels.js';

await frame();
const asOf = asAtForm('/capacity.html');

const FIGURES = ['provisions', 'commissioned', 'onRoll', 'offersOutstanding', 'vacancies', 'overCapacity', 'outsideDesignatedNeed'];
const CHARTED = [['commissioned', 'Commissioned'], ['onRoll', 'On roll'], ['offersOutstanding', 'Offers out']];
const NONE = Object.fromEntries(FIGURES.map((f) => [f, 0]));

function row(label, figures, { header = false, provisionId = null, group = null } = {}) {
  return el('tr', { class: 'govuk-table__row', 'data-provision': provisionId, 'data-group': group },
    el(header ? 'th' : 'td', { class: header ? 'govuk-table__header' : 'govuk-table__cell app-wrap', scope: header ? 'row' : null }, label),
    FIGURES.map((f) => el('td', { class: 'govuk-table__cell govuk-table__cell--numeric', 'data-figure': f }, String(figures[f]))));
}

const plus = (a, b) => Object.fromEntries(FIGURES.map((f) => [f, a[f] + b[f]]));

/**
 * The dashboard's groups and total from its provisions' rows, summed as the API sums them (a provision counts in
 * each of its designated needs, so need groups do not add up to the total); keys in the API's order.
 */
function summarise(provisions) {
  const group = (keysOf) => {
    const groups = {};
    for (const p of provisions) for (const key of keysOf(p)) groups[key] = plus(groups[key] || NONE, p.figures);
    return Object.fromEntries(Object.keys(groups).sort().map((k) => [k, groups[k]]));
  };
  return {
    total: provisions.reduce((sum, p) => plus(sum, p.figures), NONE),
    byType: group((p) => [p.type]), byPhase: group((p) => [p.phase]), byNeed: group((p) => p.designatedNeeds || []),
  };
}

const label = (p) => `${p.name} (${p.provisionId})`;
let provisions = [];
let chart = null;

function fill(id, groups, total, labelOf) {
  document.querySelector(`#${id} tbody`).replaceChildren(
    ...Object.entries(groups).map(([key, figures]) => row(labelOf(key), figures, { group: key })),
    ...(total ? [row('Total', total, { header: true, group: 'total' })] : []));
}

/** Every table and the chart, from the groups and total given. */
function render(summary) {
  fill('by-type', summary.byType, summary.total, typeLabel);
  fill('by-phase', summary.byPhase, summary.total, phaseLabel);
  fill('by-need', summary.byNeed, null, needLabel);
  document.querySelector('#by-provision tbody').replaceChildren(
    ...provisions.map((p) => row(label(p), p.figures, { provisionId: p.provisionId })),
    row('Total', summary.total, { header: true, group: 'total' }));
  // one row of bars per provision, its name beside them (the table below names each with its id)
  const labels = provisions.map((p) => p.name);
  const datasets = CHARTED.map(([figure, name]) => ({ label: name, data: provisions.map((p) => p.figures[figure]) }));
  if (chart) {
    chart.data.labels = labels;
    chart.data.datasets.forEach((d, i) => { d.data = datasets[i].data; });
    fitRows(chart);
  } else {
    chart = barChart(document.getElementById('capacity-chart'), 'Commissioned places, pupils on roll and offers out by provision',
      labels, datasets, { indexAxis: 'y' });
  }
}

let pending = null;
/** A provision's new row from the stream; rows arriving together (the snapshot) are drawn once. */
function update(p) {
  const index = provisions.findIndex((q) => q.provisionId === p.provisionId);
  if (index >= 0) provisions[index] = p; else provisions.push(p);
  if (pending === null) {
    pending = setTimeout(() => {
      pending = null;
      render(summarise(provisions));
      document.body.dataset.liveUpdates = String(Number(document.body.dataset.liveUpdates || 0) + 1);
    }, 50);
  }
}

try {
  const dashboard = await get(`/api/dashboard/capacity${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`);
  document.getElementById('shown-as-at').textContent = `Figures as at ${dashboard.asOf}.`;
  provisions = dashboard.provisions;
  render(dashboard);
  if (!asOf || dashboard.asOf === today()) {
    watchCapacity(update, 'Every figure and total updates as places are offered, taken up and ended.');
  }
} catch (e) {
  if (e.status === 400) showAsAtProblem(e); else showError(document.getElementById('problem'), e.message);
}
ready();
