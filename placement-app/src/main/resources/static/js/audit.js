import { get, today } from './api.js';
import { el, frame, ready, showError } from './layout.js';
import { dateValue, setDate, upgradeDates } from './dates.js';
import { showProblem } from './forms.js';
import { eventLabel } from './labels.js';

await frame();
upgradeDates();
const form = document.getElementById('find');
const params = new URLSearchParams(location.search);
form.id.value = params.get('id') || '';
setDate('asOf', params.get('on'));
form.asOfTime.value = params.get('at') || '';

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const q = new URLSearchParams({ id: form.id.value.trim() });
  const on = dateValue('asOf');
  const at = form.asOfTime.value.trim();
  if (on) q.set('on', on);
  if (at) q.set('at', at);
  location.assign(`/audit.html?${q}`);
});

/** The instant whose state is shown: the day's time in UTC, or the end of the day (never after now); else now. */
function stateInstant(on, at) {
  const now = new Date().toISOString();
  if (!on && !at) return now;
  const day = on || today();
  if (at) return `${day}T${/^\d{1,2}:\d{2}$/.test(at) ? `${at}:00` : at}Z`;
  const endOfDay = `${day}T23:59:59.999Z`;
  return endOfDay < now ? endOfDay : now;
}

const id = params.get('id');
if (id) {
  try {
    const base = `/api/audit/placements/${encodeURIComponent(id)}`;
    const asOf = stateInstant(params.get('on'), params.get('at'));
    const [verification, history, state] = await Promise.all([
      get(`${base}/verify`), get(`${base}/events`), get(`${base}/state?asOf=${encodeURIComponent(asOf)}`)]);
    document.getElementById('verify').replaceChildren(verification.intact
      ? el('strong', { class: 'govuk-tag govuk-tag--green' }, 'Intact')
      : el('strong', { class: 'govuk-tag govuk-tag--red' }, 'Tampered'),
    verification.intact
      ? ` The hash chain over all ${verification.events} events is unbroken.`
      : ` The hash chain breaks at event ${verification.firstBrokenSequence} of ${verification.events}.`);
    document.getElementById('state-summary').textContent =
      `At ${state.asOf}: ${state.eventsFolded} ${state.eventsFolded === 1 ? 'event' : 'events'} recorded, the last at ${state.lastRecordedAt ?? 'none'}.`;
    document.getElementById('state').textContent = JSON.stringify(state.state, null, 2);
    const events = Array.isArray(history) ? history : history.items;
    document.getElementById('rows').append(...events.map((e) => el('tr', { class: 'govuk-table__row' },
      el('td', { class: 'govuk-table__cell govuk-table__cell--numeric' }, String(e.sequence)),
      el('td', { class: 'govuk-table__cell' }, eventLabel(e.type), el('br'), el('code', { class: 'app-code' }, e.type)),
      el('td', { class: 'govuk-table__cell' }, e.businessDate ?? ''),
      el('td', { class: 'govuk-table__cell' }, e.recordedAt),
      el('td', { class: 'govuk-table__cell' }, e.userId ?? ''))));
    document.getElementById('result').classList.remove('app-hidden');
  } catch (e) {
    if (e.status === 400) {
      // The day or time typed is not one: the API's words, on the box that holds it.
      const field = params.get('at') ? 'asOfTime' : 'asOf';
      showProblem(form, { ...e, body: { ...e.body, errors: [{ field, message: e.body?.detail || 'is not a date and time' }] } });
    } else {
      showError(document.getElementById('problem'), e.status === 404 ? 'There is no placement with that id' : e.message);
    }
  }
}
// The access log: who read which pupil's personal data, when, through which endpoint.
// From and to are days (UTC): from the start of the first to the end of the last, as the API's instants.
const log = document.getElementById('log');
const SEARCH = { upn: () => log.elements.upn.value.trim(), user: () => log.elements.user.value.trim(),
  from: () => dateValue('log-from'), to: () => dateValue('log-to') };
log.elements.upn.value = params.get('log-upn') || '';
log.elements.user.value = params.get('log-user') || '';
setDate('log-from', params.get('log-from'));
setDate('log-to', params.get('log-to'));
log.addEventListener('submit', (event) => {
  event.preventDefault();
  const q = new URLSearchParams(params);
  for (const [name, read] of Object.entries(SEARCH)) {
    const v = read();
    if (v) q.set(`log-${name}`, v); else q.delete(`log-${name}`);
  }
  q.set('log', '1');
  location.assign(`/audit.html?${q}#access-log`);
});

function dayAfter(iso) {
  const next = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(next.getTime())) return iso; // not a date: sent as typed, for the API to refuse
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

if (params.get('log')) {
  try {
    const q = new URLSearchParams();
    for (const name of ['upn', 'user']) if (params.get(`log-${name}`)) q.set(name, params.get(`log-${name}`));
    if (params.get('log-from')) q.set('from', `${params.get('log-from')}T00:00:00Z`);
    if (params.get('log-to')) q.set('to', `${dayAfter(params.get('log-to'))}T00:00:00Z`);
    const entries = await get(`/api/audit/access-log?${q}`);
    const items = Array.isArray(entries) ? entries : entries.items;
    document.getElementById('log-count').textContent = `${items.length} ${items.length === 1 ? 'entry' : 'entries'} found.`;
    document.getElementById('log-rows').replaceChildren(...items.map((e) => el('tr', { class: 'govuk-table__row' },
      el('td', { class: 'govuk-table__cell' }, e.accessedAt),
      el('td', { class: 'govuk-table__cell' }, e.userId ?? ''),
      el('td', { class: 'govuk-table__cell' }, e.pupilId ?? ''),
      el('td', { class: 'govuk-table__cell' }, e.placementId
        ? el('a', { class: 'govuk-link', href: `/audit.html?id=${encodeURIComponent(e.placementId)}` }, e.placementId) : ''),
      el('td', { class: 'govuk-table__cell' }, e.endpoint ?? ''))));
    document.getElementById('log-result').classList.remove('app-hidden');
  } catch (e) {
    if (e.status === 400) {
      const field = e.body?.errors?.[0]?.field === 'to' ? 'log-to' : 'log-from';
      showProblem(log, { ...e, body: { ...e.body, errors: [{ field, message: e.body?.detail || 'is not a date' }] } });
    } else {
      showError(document.getElementById('log-problem'), e.message);
    }
  }
}
ready();
