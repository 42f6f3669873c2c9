// Charts for the dashboards, drawn by Chart.js (its UMD file from the WebJar, loaded by the page as window.Chart).
// Every chart has a table with the same figures next to it: that table is the accessible alternative.
import { el } from './layout.js';
import { dateValue, setDate, upgradeDates } from './dates.js';
import { showProblem } from './forms.js';

export const COLOURS = ['#1d70b8', '#00703c', '#f47738', '#4c2c92', '#d4351c', '#505a5f'];

const LABEL_MAX = 24;

/**
 * A long category name (a provision's) as the lines a horizontal chart writes beside its bars: words wrapped at
 * {@code width} characters, at most {@code lines} lines, the last shortened with "…" (the table has every name whole).
 */
export function wrapLabel(text, width, lines) {
  const words = String(text).split(/\s+/).filter(Boolean);
  const out = [];
  let line = '';
  for (const word of words) {
    if (line && (line + ' ' + word).length > width) {
      out.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) out.push(line);
  const cut = (l) => (l.length > width ? `${l.slice(0, width - 1)}…` : l);
  if (out.length <= lines) return out.map(cut);
  const kept = out.slice(0, lines);
  kept[lines - 1] = `${kept[lines - 1].slice(0, width - 1)}…`;
  return kept.map(cut);
}

/** Height of a bar chart's box with one row per category: every label and its bars have room, none overlaps. */
const BAR = 10;
const ROW_GAP = 12;
const LINE = 16;
function heightFor(categories, datasets, lines) {
  const row = Math.max(datasets * BAR + ROW_GAP, lines * LINE + 6);
  return Math.max(220, categories * row + 110);
}

/** The characters and lines a horizontal chart's labels may take in a box this wide (a third of it at most). */
function labelRoom(width) {
  return width < 500 ? { width: 14, lines: 3 } : { width: 32, lines: 2 };
}

/**
 * The axes: counts from zero on the value axis. On a vertical category axis (horizontal bars, one row per provision)
 * every label is written, wrapped on lines beside its bars; on a horizontal one long names are shortened, so that one
 * long provision name cannot squeeze the bars away on a narrow screen.
 */
function scales(indexAxis, { valueFormat = null, stacked = false, room }) {
  const valueAxis = indexAxis === 'x' ? 'y' : 'x';
  const category = indexAxis === 'y'
    ? { stacked, ticks: { autoSkip: false, color: '#0b0c0c', font: { size: 13, lineHeight: `${LINE}px` }, callback(value) {
      return wrapLabel(String(this.getLabelForValue(value)), room.width, room.lines);
    } } }
    : { stacked, ticks: { callback(value) {
      const label = String(this.getLabelForValue(value));
      return label.length > LABEL_MAX ? `${label.slice(0, LABEL_MAX - 1)}…` : label;
    } } };
  return {
    [valueAxis]: { beginAtZero: true, stacked, position: indexAxis === 'y' ? 'top' : undefined,
      ticks: valueFormat ? { callback: (value) => valueFormat(value) } : { precision: 0 } },
    [indexAxis]: category,
  };
}

/**
 * Draws a bar chart in the container and marks it (and the page) data-chart-ready; answers the Chart. Beside Chart.js's
 * own options: {@code valueFormat} writes the values (on the axis and in tooltips, e.g. pounds), {@code stacked}
 * stacks the datasets in one bar per label. With {@code indexAxis: 'y'} (many provisions) each label has a row of its
 * own, its name wrapped beside its bars, and the chart grows as tall as its rows need ({@link fitRows} after a change).
 */
export function barChart(container, title, labels, datasets, { valueFormat = null, stacked = false, ...options } = {}) {
  const canvas = el('canvas', { role: 'img', 'aria-label': `${title}: the table below shows the same figures` },
    el('p', {}, 'The table below shows the same figures.'));
  const indexAxis = options.indexAxis || 'x';
  const box = el('div', { class: `app-chart${indexAxis === 'y' ? ' app-chart--rows' : ''}` }, canvas);
  container.replaceChildren(box);
  const room = labelRoom(container.clientWidth || 960);
  if (indexAxis === 'y') box.style.height = `${heightFor(labels.length, stacked ? 1 : datasets.length, room.lines)}px`;
  const chart = new window.Chart(canvas, {
    type: 'bar',
    data: {
      labels,
      datasets: datasets.map((d, i) => ({ backgroundColor: COLOURS[i % COLOURS.length],
        ...(indexAxis === 'y' ? { maxBarThickness: BAR * 2 } : {}), ...d })),
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      responsive: true,
      plugins: {
        title: { display: true, text: title },
        ...(valueFormat ? { tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${valueFormat(item.raw ?? 0)}` } } } : {}),
      },
      scales: scales(indexAxis, { valueFormat, stacked, room }),
      ...options,
    },
  });
  chart.$rows = { box, stacked, room };
  canvas.dataset.chartReady = 'true';
  document.body.dataset.chartReady = 'true';
  return chart;
}

/** After a chart's labels changed (a provision more): its box as tall as its rows need again, then drawn. */
export function fitRows(chart) {
  if (chart.$rows && chart.options.indexAxis === 'y') {
    const { box, stacked, room } = chart.$rows;
    box.style.height = `${heightFor(chart.data.labels.length, stacked ? 1 : chart.data.datasets.length, room.lines)}px`;
    chart.resize();
  }
  chart.update('none');
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
