import { get } from './api.js';
import { el, frame, ready, showError } from './layout.js';

await frame();
const form = document.getElementById('find');
const params = new URLSearchParams(location.search);
form.id.value = params.get('id') || '';
form.asOf.value = params.get('asOf') || '';

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const q = new URLSearchParams({ id: form.id.value.trim() });
  if (form.asOf.value.trim()) q.set('asOf', form.asOf.value.trim());
  location.assign(`/audit.html?${q}`);
});

const id = params.get('id');
if (id) {
  try {
    const base = `/api/audit/placements/${encodeURIComponent(id)}`;
    const asOf = params.get('asOf') || new Date().toISOString();
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
      el('td', { class: 'govuk-table__cell' }, e.type),
      el('td', { class: 'govuk-table__cell' }, e.businessDate ?? ''),
      el('td', { class: 'govuk-table__cell' }, e.recordedAt),
      el('td', { class: 'govuk-table__cell' }, e.userId ?? ''))));
    document.getElementById('result').classList.remove('app-hidden');
  } catch (e) {
    showError(document.getElementById('problem'), e.status === 404 ? 'There is no placement with that id' : e.message);
  }
}
// The access log: who read which pupil's personal data, when, through which endpoint.
const log = document.getElementById('log');
for (const name of ['upn', 'user', 'from', 'to']) log.elements[name].value = params.get(`log-${name}`) || '';
log.addEventListener('submit', (event) => {
  event.preventDefault();
  const q = new URLSearchParams(params);
  for (const name of ['upn', 'user', 'from', 'to']) {
    const v = log.elements[name].value.trim();
    if (v) q.set(`log-${name}`, v); else q.delete(`log-${name}`);
  }
  q.set('log', '1');
  location.assign(`/audit.html?${q}#access-log`);
});
if (params.get('log')) {
  try {
    const q = new URLSearchParams();
    for (const name of ['upn', 'user', 'from', 'to']) if (params.get(`log-${name}`)) q.set(name, params.get(`log-${name}`));
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
    showError(document.getElementById('log-problem'), e.status === 400
      ? 'Check the search: from and to are instants in UTC, for example 2026-09-01T00:00:00Z' : e.message);
  }
}
ready();
