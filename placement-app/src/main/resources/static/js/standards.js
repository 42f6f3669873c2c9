// The standards of one inclusion base as at a date (docs/inclusion-bases.md, "the standards view"): any signed-in role.
import { get } from './api.js';
import { el, frame, ready, showError } from './layout.js';
import { showAsAtProblem } from './charts.js';
import { dateValue, setDate, upgradeDates } from './dates.js';
import { baseModelLabel, expectationLabel, expectationStatusLabel, phaseLabel, typeLabel } from './labels.js';

await frame();
const params = new URLSearchParams(location.search);
const id = params.get('id');
const asOf = params.get('asOf');
upgradeDates();
setDate('asOf', asOf);
document.getElementById('as-at').addEventListener('submit', (event) => {
  event.preventDefault();
  const date = dateValue('asOf');
  location.assign(`/standards.html?id=${encodeURIComponent(id ?? '')}${date ? `&asOf=${encodeURIComponent(date)}` : ''}`);
});

const FIGURES = {
  leadTeacherName: 'Lead teacher', leadVacant: 'Lead post vacant', leadFrom: 'Lead from',
  qualifiedTeacherHoursPerWeek: 'Hours a week with a qualified teacher', mainstreamPeerHoursPerWeek: 'Mainstream peers\u2019 hours a week',
  teacherAccessFrom: 'Access recorded from', onRoll: 'On roll', averageMainstreamPercent: 'Average mainstream %',
  shareAtOrAbove50: 'Share at 50% or more mainstream', adults: 'Adults', qualifiedTeachers: 'Qualified teachers',
  therapyHoursPerWeek: 'Therapy hours a week', staffingFrom: 'Staffing from',
};
const TAGS = { MET: 'govuk-tag--green', NOT_MET: 'govuk-tag--red', UNKNOWN: 'govuk-tag--grey' };
const MARKS = { MET: '\u2713 ', NOT_MET: '\u2717 ', UNKNOWN: '? ' };

const blank = (v) => v === null || v === undefined || v === '';
function figure(name, value) {
  if (blank(value)) return 'not recorded';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (name === 'shareAtOrAbove50') return `${Math.round(value * 100)}%`;
  return String(value);
}

function expectationRow(e, figures) {
  return el('tr', { class: 'govuk-table__row', 'data-expectation': e.code, 'data-status': e.status },
    el('th', { scope: 'row', class: 'govuk-table__header app-wrap' }, e.expectation || expectationLabel(e.code)),
    el('td', { class: 'govuk-table__cell', 'data-figure': 'status' },
      el('strong', { class: `govuk-tag ${TAGS[e.status] ?? ''}` },
        el('span', { 'aria-hidden': 'true' }, MARKS[e.status] ?? ''), expectationStatusLabel(e.status))),
    el('td', { class: 'govuk-table__cell app-wrap', 'data-figure': 'detail' }, e.detail ?? ''),
    el('td', { class: 'govuk-table__cell app-wrap', 'data-figure': 'figures' },
      (e.basis || []).length === 0 ? '–' : el('ul', { class: 'govuk-list govuk-body-s' },
        e.basis.map((name) => el('li', {}, `${FIGURES[name] ?? name}: ${figure(name, figures[name])}`)))));
}

function summary(key, value, cell) {
  return el('div', { class: 'govuk-summary-list__row' },
    el('dt', { class: 'govuk-summary-list__key' }, key),
    el('dd', { class: 'govuk-summary-list__value', id: cell }, value));
}

try {
  if (!id) throw new Error('No provision was chosen');
  document.getElementById('back').setAttribute('href', `/provision.html?id=${encodeURIComponent(id)}`);
  document.getElementById('back').textContent = 'Back to the provision';
  const s = await get(`/api/provisions/${encodeURIComponent(id)}/standards${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`);
  const f = s.figures || {};
  document.getElementById('title').textContent = `Standards of ${s.name} (${s.provisionId})`;
  document.getElementById('shown-as-at').textContent = s.open
    ? `As at ${s.asOf}.` : `As at ${s.asOf}. The provision was not open on this date: nothing can be assessed.`;
  document.getElementById('kind').textContent = `${typeLabel(s.type)} \u00b7 ${s.baseModel ? baseModelLabel(s.baseModel) : 'model not recorded'}`
    + ` \u00b7 ${phaseLabel(s.phase)}${s.baseModelFrom ? ` (model from ${s.baseModelFrom})` : ''}`;
  let lead;
  if (f.leadVacant) lead = `Vacant${f.leadFrom ? ` from ${f.leadFrom}` : ''}`;
  else if (f.leadTeacherName) lead = `${f.leadTeacherName}${f.leadFrom ? `, from ${f.leadFrom}` : ''}`;
  else lead = 'Not recorded';
  document.getElementById('lead').replaceChildren(summary('Lead teacher', lead, 'lead-teacher'));
  document.getElementById('counts').textContent = `${s.met} met, ${s.notMet} not met, ${s.unknown} unknown.`;
  document.querySelector('#expectations tbody').replaceChildren(...s.expectations.map((e) => expectationRow(e, f)));
  document.getElementById('detail').classList.remove('app-hidden');
} catch (e) {
  if (e.status === 400) showAsAtProblem(e);
  else showError(document.getElementById('problem'), e.status === 404 ? 'There is no provision with that id' : e.message);
}
ready();
