import { get, stream, today } from './api.js';
import { el, frame, ready, showError } from './layout.js';
import { asAtForm, barChart } from './charts.js';

await frame();
const asOf = asAtForm('/capacity.html');

const FIGURES = ['provisions', 'commissioned', 'onRoll', 'offersOutstanding', 'vacancies', 'overCapacity', 'outsideDesignatedNeed'];
const CHARTED = [['commissioned', 'Commissioned'], ['onRoll', 'On roll'], ['offersOutstanding', 'Offers out']];

function row(label, figures, header = 'td', provisionId = null) {
  return el('tr', { class: 'govuk-table__row', 'data-provision': provisionId },
    el(header, { class: header === 'th' ? 'govuk-table__header' : 'govuk-table__cell app-wrap', scope: header === 'th' ? 'row' : null }, label),
    FIGURES.map((f) => el('td', { class: 'govuk-table__cell govuk-table__cell--numeric', 'data-figure': f }, String(figures[f]))));
}

function fill(id, groups, total) {
  const body = document.querySelector(`#${id} tbody`);
  body.append(...Object.entries(groups).map(([key, figures]) => row(key, figures)));
  if (total) body.append(row('Total', total, 'th'));
}

const label = (p) => `${p.name} (${p.provisionId})`;
let provisions = [];
let chart = null;

function drawChart() {
  const labels = provisions.map(label);
  const datasets = CHARTED.map(([figure, name]) => ({ label: name, data: provisions.map((p) => p.figures[figure]) }));
  if (chart) {
    chart.data.labels = labels;
    chart.data.datasets.forEach((d, i) => { d.data = datasets[i].data; });
    chart.update('none');
  } else {
    chart = barChart(document.getElementById('capacity-chart'), 'Commissioned places, pupils on roll and offers out by provision',
      labels, datasets, { indexAxis: provisions.length > 12 ? 'y' : 'x' });
  }
}

/** A provision's new row from the stream: its table row and its bars. */
function update(p) {
  const index = provisions.findIndex((q) => q.provisionId === p.provisionId);
  const body = document.querySelector('#by-provision tbody');
  const fresh = row(label(p), p.figures, 'td', p.provisionId);
  const old = body.querySelector(`tr[data-provision="${CSS.escape(p.provisionId)}"]`);
  if (old) {
    old.replaceWith(fresh);
  } else {
    body.insertBefore(fresh, body.querySelector('tr:not([data-provision])'));
  }
  if (index >= 0) provisions[index] = p; else provisions.push(p);
  drawChart();
}

function live(status) {
  const tag = { on: ['Live', 'govuk-tag--green'], off: ['Reconnecting', 'govuk-tag--grey'] }[status];
  document.getElementById('live-status').replaceChildren(el('strong', { class: `govuk-tag ${tag[1]}`, id: 'live' }, tag[0]),
    status === 'on' ? ' Figures by provision update as places are offered, taken up and ended.' : '');
  document.body.dataset.live = String(status === 'on');
}

async function watch() {
  for (;;) {
    try {
      await stream('/api/dashboard/capacity/stream', (name, data) => {
        if (name === 'capacity') update(JSON.parse(data));
      }, () => live('on'));
    } catch (e) {
      // fall through: show the stream as down and try again
    }
    live('off');
    await new Promise((resolve) => setTimeout(resolve, 5000));
  }
}

try {
  const dashboard = await get(`/api/dashboard/capacity${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`);
  document.getElementById('shown-as-at').textContent = `Figures as at ${dashboard.asOf}.`;
  fill('by-type', dashboard.byType, dashboard.total);
  fill('by-phase', dashboard.byPhase, dashboard.total);
  fill('by-need', dashboard.byNeed);
  document.querySelector('#by-provision tbody').append(...dashboard.provisions.map((p) => row(label(p), p.figures, 'td', p.provisionId)),
    row('Total', dashboard.total, 'th'));
  provisions = dashboard.provisions;
  drawChart();
  if (!asOf || asOf === today() || dashboard.asOf === today()) watch();
} catch (e) {
  showError(document.getElementById('problem'), e.status === 400 ? 'Enter the date as year-month-day, for example 2026-09-01' : e.message);
}
ready();
