import { get } from './api.js';
import { el, frame, ready, showError } from './layout.js';
import { asAtForm, showAsAtProblem, barChart } from './charts.js';
import { needLabel } from './labels.js';

await frame();
const asOf = asAtForm('/waiting-list.html');

const days = (d) => (d === null || d === undefined ? '–' : String(Number.isInteger(d) ? d : d.toFixed(1)));
const cell = (figure, text) => el('td', { class: 'govuk-table__cell govuk-table__cell--numeric', 'data-figure': figure }, text);

function row(need, yearGroup, waiting, total = false) {
  return el('tr', { class: 'govuk-table__row', 'data-need': total ? null : need, 'data-year': total ? null : String(yearGroup) },
    el(total ? 'th' : 'td', { class: total ? 'govuk-table__header' : 'govuk-table__cell', scope: total ? 'row' : null },
      total ? need : needLabel(need)),
    cell('yearGroup', total ? '' : String(yearGroup)), cell('count', String(waiting.count)),
    cell('medianDays', days(waiting.medianDays)), cell('maxDays', days(waiting.maxDays)));
}

try {
  const list = await get(`/api/dashboard/waiting-list${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`);
  document.getElementById('shown-as-at').textContent = `Figures as at ${list.asOf}.`;
  document.querySelector('#waiting tbody').append(...list.groups.map((g) => row(g.primaryNeed, g.yearGroup, g.waiting)),
    row('Total', null, list.total, true));
  const byNeed = {};
  for (const g of list.groups) byNeed[g.primaryNeed] = (byNeed[g.primaryNeed] || 0) + g.waiting.count;
  barChart(document.getElementById('waiting-chart'), 'Pupils waiting for a place by primary need',
    Object.keys(byNeed).map(needLabel), [{ label: 'Waiting', data: Object.values(byNeed) }], { indexAxis: 'y' });
} catch (e) {
  if (e.status === 400) showAsAtProblem(e); else showError(document.getElementById('problem'), e.message);
}
ready();
