// One provision: its capacity and staffing; provision admins (and admins) change places, record staffing, close it.
// Every write carries If-Match with the version shown, so a change made meanwhile by someone else answers 412.
import { call, get, post, today } from './api.js';
import { number, showProblem, values } from './forms.js';
import { el, frame, ready, showError } from './layout.js';
import { setDate, upgradeDates } from './dates.js';
import { watchCapacity } from './live.js';
import { needsLabel, phaseLabel, typeLabel, yearsLabel } from './labels.js';

const who = await frame();
upgradeDates();
const params = new URLSearchParams(location.search);
const id = params.get('id');
let seen = null;

function row(key, value, id) {
  return el('div', { class: 'govuk-summary-list__row' },
    el('dt', { class: 'govuk-summary-list__key' }, key),
    el('dd', { class: 'govuk-summary-list__value', id }, value === null || value === undefined ? 'Not recorded' : String(value)));
}

function reload(version) {
  location.assign(`/provision.html?id=${encodeURIComponent(id)}&minVersion=${version ?? ''}`);
}

/** Wires one form: its named inputs (less the prefix) become the body; a refused rule shows next to ruleField. */
function wire(formId, method, path, toBody, ruleFields) {
  const form = document.getElementById(formId);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = toBody(values(form));
    const fieldIds = Object.fromEntries(Object.keys(body).map((k) => [k, `${formId}-${k}`]));
    try {
      const answer = await call(method, `/api/provisions/${encodeURIComponent(id)}/${path}`, body,
        seen === null ? {} : { 'If-Match': `"${seen}"` });
      reload(answer.version);
    } catch (e) {
      showProblem(form, e, ruleFields, fieldIds, { subject: 'provision' });
    }
  });
}

try {
  if (!id) throw new Error('No provision was chosen');
  const minVersion = params.get('minVersion');
  const p = await get(`/api/provisions/${encodeURIComponent(id)}${minVersion ? `?minVersion=${minVersion}` : ''}`);
  seen = p.version;
  document.getElementById('title').textContent = `${p.name} (${p.id})`;
  document.getElementById('summary').textContent =
    `${typeLabel(p.type)} at ${p.hostSchool?.name ?? ''} (URN ${p.hostSchool?.urn ?? ''}), `
    + `${phaseLabel(p.phase).toLowerCase()}, ${yearsLabel(p.lowestYear, p.highestYear)}, `
    + `for ${needsLabel(p.designatedNeeds).toLowerCase()}. ${p.status === 'CLOSED' ? `Closed on ${p.closedOn}` : `Open since ${p.openedOn}`}. `
    + `Version ${p.version}.`;
  document.getElementById('capacity').replaceChildren(
    row('Commissioned places', p.commissionedPlaces, 'commissioned'),
    row('On roll', p.onRoll, 'on-roll'),
    row('Offers outstanding', p.offersOutstanding, 'offers'),
    row('Vacancies', p.vacancies, 'vacancies'),
    row('Over capacity', p.overCapacity, 'over'));
  const s = p.staffing || {};
  document.getElementById('staffing').replaceChildren(
    row('Adults', s.adults, 'adults'),
    row('Qualified teachers', s.qualifiedTeachers, 'teachers'),
    row('Therapy hours per week', s.therapyHoursPerWeek, 'therapy'),
    row('Effective from', s.effectiveFrom, 'staffing-from'));
  document.getElementById('standards-link').setAttribute('href', `/standards.html?id=${encodeURIComponent(p.id)}`);
  document.getElementById('detail').classList.remove('app-hidden');
  if (p.status !== 'CLOSED') {
    // The capacity figures stay current while the page is open (someone offers or admits elsewhere).
    const shown = { commissioned: 'commissioned', onRoll: 'on-roll', offersOutstanding: 'offers', vacancies: 'vacancies', overCapacity: 'over' };
    watchCapacity((row) => {
      if (row.provisionId !== p.id) return;
      for (const [figure, cell] of Object.entries(shown)) document.getElementById(cell).textContent = String(row.figures[figure]);
    }, 'These figures update as places are offered, taken up and ended.');
  }

  if (p.status !== 'CLOSED' && who.roles.some((r) => r === 'PROVISION_ADMIN' || r === 'ADMIN')) {
    document.getElementById('admin').classList.remove('app-hidden');
    for (const f of ['places-effectiveFrom', 'staff-effectiveFrom']) setDate(f, today());
    document.getElementById('places-commissionedPlaces').value = String(p.commissionedPlaces);
    wire('places', 'PUT', 'places', (v) => ({
      commissionedPlaces: number(v.commissionedPlaces), effectiveFrom: v.effectiveFrom, reason: v.reason,
    }), { 'R-PLACES-CHANGE': 'places-reason', 'R-CAPACITY': 'places-commissionedPlaces' });
    wire('staff', 'POST', 'staffing', (v) => ({
      adults: number(v.adults), qualifiedTeachers: number(v.qualifiedTeachers),
      therapyHoursPerWeek: /^\d+(\.\d+)?$/.test(v.therapyHoursPerWeek ?? '') ? Number(v.therapyHoursPerWeek) : v.therapyHoursPerWeek,
      effectiveFrom: v.effectiveFrom,
    }), {});
    // R-CLOSE concerns the provision's pupils and offers, not a field: it is shown in the error summary alone.
    wire('close', 'POST', 'close', (v) => ({ closedOn: v.closedOn, reason: v.reason }), {});
  }
} catch (e) {
  showError(document.getElementById('problem'), e.status === 404 ? 'There is no provision with that id' : e.message);
}
ready();
