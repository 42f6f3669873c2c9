// The comparison of inclusion bases (docs/inclusion-bases.md, "the comparison"): ANALYST and ADMIN. One table per
// type and phase, a row per base, each measure with its value and its outlier flag in words; the group's quartiles
// and fences in the table's foot; any column sorts.
import { get } from './api.js';
import { el, frame, ready, scrollingTables, showError } from './layout.js';
import { asAtForm, showAsAtProblem } from './charts.js';
import { BASE_MEASURES, baseModelLabel, phaseLabel, typeLabel } from './labels.js';

await frame();
const asOf = asAtForm('/bases.html');

const MEASURES = [
  ['ADULTS_PER_PUPIL', 'adultsPerPupil'],
  ['QUALIFIED_TEACHERS_PER_PUPIL', 'qualifiedTeachersPerPupil'],
  ['THERAPY_HOURS_PER_PUPIL', 'therapyHoursPerPupil'],
  ['AVERAGE_MAINSTREAM_PERCENT', 'averageMainstreamPercent'],
  ['MOVES_TO_MAINSTREAM_PER_PUPIL', 'movesToMainstreamPerPupil'],
  ['MEDIAN_DAYS_REFERRAL_TO_ADMISSION', 'medianDaysReferralToAdmission'],
];
const blank = (v) => v === null || v === undefined;
const number = (v) => (blank(v) ? '–' : String(Number.isInteger(v) ? v : Number(v).toFixed(2).replace(/0$/, '')));

function flag(outlier) {
  if (!outlier) return null;
  const high = outlier.direction === 'HIGH';
  const fences = `the group's fences are ${number(outlier.lowerFence)} to ${number(outlier.upperFence)}`;
  return el('span', { class: `app-flag app-flag--${high ? 'high' : 'low'}`, 'data-flag': outlier.direction, title: fences },
    el('span', { 'aria-hidden': 'true' }, high ? ' \u2191 ' : ' \u2193 '),
    high ? 'High' : 'Low',
    el('span', { class: 'govuk-visually-hidden' }, ` outlier, ${high ? 'above' : 'below'} ${high ? number(outlier.upperFence) : number(outlier.lowerFence)}: ${fences}`));
}

function header(text, key, numeric) {
  const button = el('button', { type: 'button', class: 'app-sort', 'data-sort': key }, text);
  return el('th', { scope: 'col', class: `govuk-table__header${numeric ? ' govuk-table__header--numeric' : ''}`, 'aria-sort': 'none' }, button);
}

function baseRow(b) {
  const outliers = Object.fromEntries((b.outliers || []).map((o) => [o.measure, o]));
  return el('tr', { class: 'govuk-table__row', 'data-provision': b.provisionId },
    el('th', { scope: 'row', class: 'govuk-table__header app-wrap', 'data-value': b.name },
      el('a', { class: 'govuk-link', href: `/standards.html?id=${encodeURIComponent(b.provisionId)}${asOf ? `&asOf=${encodeURIComponent(asOf)}` : ''}` },
        `${b.name} (${b.provisionId})`)),
    el('td', { class: 'govuk-table__cell', 'data-figure': 'baseModel', 'data-value': baseModelLabel(b.baseModel) || '' }, b.baseModel ? baseModelLabel(b.baseModel) : '–'),
    el('td', { class: 'govuk-table__cell govuk-table__cell--numeric', 'data-figure': 'onRoll', 'data-value': b.onRoll ?? '' }, number(b.onRoll)),
    MEASURES.map(([measure, field]) => el('td', {
      class: 'govuk-table__cell govuk-table__cell--numeric', 'data-figure': field, 'data-value': b[field] ?? '',
      'data-outlier': outliers[measure]?.direction,
    }, number(b[field]), flag(outliers[measure]))),
    el('td', { class: 'govuk-table__cell govuk-table__cell--numeric', 'data-figure': 'standards', 'data-value': b.standardsMet ?? '' },
      `${b.standardsMet} of ${b.standardsAssessed}`));
}

function footRow(group) {
  const fences = Object.fromEntries((group.fences || []).map((f) => [f.measure, f]));
  return el('tr', { class: 'govuk-table__row app-fences' },
    el('th', { scope: 'row', class: 'govuk-table__header' }, 'Group: Q1, median, Q3; fences'),
    el('td', { class: 'govuk-table__cell' }, ''), el('td', { class: 'govuk-table__cell' }, ''),
    MEASURES.map(([measure, field]) => {
      const f = fences[measure];
      return el('td', { class: 'govuk-table__cell govuk-table__cell--numeric govuk-body-s', 'data-fences': field },
        !f || blank(f.q1) ? `Too few values${f ? ` (${f.values})` : ''}`
          : [`${number(f.q1)}, ${number(f.median)}, ${number(f.q3)}`, el('br'), `fences ${number(f.lowerFence)} to ${number(f.upperFence)}`]);
    }),
    el('td', { class: 'govuk-table__cell' }, ''));
}

function sortable(table) {
  table.querySelectorAll('thead .app-sort').forEach((button, column) => {
    button.addEventListener('click', () => {
      const th = button.closest('th');
      const ascending = th.getAttribute('aria-sort') !== 'ascending';
      table.querySelectorAll('thead th').forEach((h) => h.setAttribute('aria-sort', 'none'));
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      const body = table.querySelector('tbody');
      const rows = [...body.rows];
      const value = (r) => r.cells[column].dataset.value ?? '';
      rows.sort((a, b) => {
        const x = value(a); const y = value(b);
        if (x === '' || y === '') return (x === '') - (y === '');
        const n = Number(x) - Number(y);
        const c = Number.isNaN(n) ? x.localeCompare(y) : n;
        return ascending ? c : -c;
      });
      body.append(...rows);
    });
  });
}

function groupTable(group, bases, index) {
  const title = `${typeLabel(group.type)} \u00b7 ${phaseLabel(group.phase)}`;
  const id = `group-${group.type}-${group.phase}`;
  const table = el('table', { class: 'govuk-table app-bases', id, 'aria-labelledby': `${id}-title`, 'data-type': group.type, 'data-phase': group.phase },
    el('thead', { class: 'govuk-table__head' }, el('tr', { class: 'govuk-table__row' },
      header('Base', 'name'), header('Model', 'baseModel'), header('On roll', 'onRoll', true),
      MEASURES.map(([measure, field]) => header(BASE_MEASURES[measure], field, true)),
      header('Standards met', 'standards', true))),
    el('tbody', { class: 'govuk-table__body' }, bases.map(baseRow)),
    el('tfoot', {}, footRow(group)));
  sortable(table);
  return el('section', { 'data-group': `${group.type}-${group.phase}` },
    el('h2', { class: 'govuk-heading-m', id: `${id}-title` }, `${title}: ${group.bases} ${group.bases === 1 ? 'base' : 'bases'}`),
    el('div', { class: 'app-table-scroll' }, table));
}

try {
  const c = await get(`/api/dashboard/bases${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`);
  document.getElementById('shown-as-at').textContent = `Figures as at ${c.asOf}.`;
  document.getElementById('window').textContent = `Moves and admissions counted from ${c.windowFrom} to ${c.asOf}.`;
  document.getElementById('method').textContent = `How outliers are found: ${c.method}`;
  const tables = c.groups.map((g, i) => groupTable(g, c.bases.filter((b) => b.type === g.type && b.phase === g.phase), i));
  document.getElementById('groups').replaceChildren(...(tables.length ? tables
    : [el('p', { class: 'govuk-body' }, 'No base was open on this date.')]));
} catch (e) {
  if (e.status === 400) showAsAtProblem(e); else showError(document.getElementById('problem'), e.message);
}
ready();
scrollingTables();
