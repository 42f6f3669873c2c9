import { get } from './api.js';
import { el, frame, ready, showError } from './layout.js';

await frame();
try {
  const answer = await get('/api/provisions?size=500');
  const rows = document.getElementById('rows');
  for (const p of answer.items) {
    rows.append(el('tr', { class: 'govuk-table__row' },
      el('td', { class: 'govuk-table__cell' }, `${p.name} (${p.id})`),
      el('td', { class: 'govuk-table__cell' }, p.type === 'SEN_UNIT' ? 'SEN Unit' : 'Resource Base'),
      el('td', { class: 'govuk-table__cell' }, `${p.lowestYear}–${p.highestYear}`),
      el('td', { class: 'govuk-table__cell' }, (p.designatedNeeds || []).join(', ')),
      el('td', { class: 'govuk-table__cell govuk-table__cell--numeric' }, String(p.commissionedPlaces)),
      el('td', { class: 'govuk-table__cell govuk-table__cell--numeric' }, String(p.onRoll)),
      el('td', { class: 'govuk-table__cell govuk-table__cell--numeric' }, String(p.vacancies))));
  }
} catch (e) {
  showError(document.getElementById('problem'), e.message);
}
ready();
