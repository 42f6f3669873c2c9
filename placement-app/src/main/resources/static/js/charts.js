// Charts for the dashboards, drawn by Chart.js (its UMD file from the WebJar, loaded by the page as window.Chart).
// Every chart has a table with the same figures next to it: that table is the accessible alternative.
import { el } from './layout.js';
import { dateValue, setDate, upgradeDates } from './dates.js';
import { showProblem } from './forms.js';

export const COLOURS = ['#1d70b8', '#00703c', '#f47738', '#4c2c92', '#d4351c', '#505a5f'];

const LABEL_MAX = 24;

/**
 * The axes: counts from zero on the value axis; on the category axis long names (the table has them whole) are
 * shortened, so that one long provision name cannot squeeze the bars away on a narrow screen.
 */
function scales(indexAxis, { valueFormat = null, stacked = false } = {}) {
  const valueAxis = indexAxis === 'x' ? 'y' : 'x';
  return {
    [valueAxis]: { beginAtZero: true, stacked, ticks: valueFormat ? { callback: (value) => valueFormat(value) } : { precision: 0 } },
    [indexAxis]: { stacked, ticks: { callback(value) {
      const label = String(this.getLabelForValue(value));
      return label.length > LABEL_MAX ? `${label.slice(0, LABEL_MAX - 1)}…` : label;
    } } },
  };
}

/**
 * Draws a bar chart in the container and marks it (and the page) data-chart-ready; answers the Chart. Beside Chart.js's
 * own options: {@code valueFormat} writes the values (on the axis and in tooltips, e.g. pounds), {@code stacked}
 * stacks the datasets in one bar per label.
 */
export function barChart(container, title, labels, datasets, { valueFormat = null, stacked = false, ...options } = {}) {
  const canvas = el('canvas', { role: 'img', 'aria-label': `${title}: the table below shows the same figures` },
    el('p', {}, 'The table below shows the same figures.'));
  container.replaceChildren(el('div', { class: 'app-chart' }, canvas));
  const chart = new window.Chart(canvas, {
    type: 'bar',
    data: {
      labels,
      datasets: datasets.map((d, i) => ({ backgroundColor: COLOURS[i % COLOURS.length], ...d })),
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      responsive: true,
      plugins: {
        title: { display: true, text: title },
        ...(valueFormat ? { tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${valueFormat(item.raw ?? 0)}` } } } : {}),
      },
      scales: scales(options.indexAxis || 'x', { valueFormat, stacked }),
      ...options,
    },
  });
  canvas.dataset.chartReady = 'true';
  document.body.dataset.chartReady = 'true';
  return chart;
}

/** Wires an "as at" date input to reload the page with ?asOf=; answers the asOf asked for (or null: today). */
export function asAtForm(page) {
  upgradeDates();
  const form = document.getElementById('as-at');
  const params = new URLSearchParams(location.search);
  const asked = params.get('asOf');
  setDate('asOf', asked);
  if (asked && !/^\d{4}-\d{2}-\d{2}$/.test(asked)) {
    // Typed but not a date: put it back in the boxes as typed, so that the error can point at the wrong box.
    const [year = '', month = '', day = ''] = asked.split('-');
    Object.entries({ day, month, year }).forEach(([part, text]) => { document.getElementById(`asOf-${part}`).value = text; });
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const asOf = dateValue('asOf');
    location.assign(asOf ? `${page}?asOf=${encodeURIComponent(asOf)}` : page);
  });
  return asked;
}

/** The API refused the "as at" date (400): its problem details, shown on the date input. */
export function showAsAtProblem(problem) {
  const body = problem.body || {};
  const errors = body.errors?.length ? body.errors : [{ field: 'asOf', message: body.detail || 'must be a date' }];
  showProblem(document.getElementById('as-at'), { ...problem, body: { ...body, errors } });
}
