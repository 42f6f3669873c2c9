import { get, post, today } from './api.js';
import { number, showProblem, values } from './forms.js';
import { el, frame, ready, showError } from './layout.js';
import { setDate, upgradeDates } from './dates.js';
import { watchCapacity } from './live.js';
import { NEEDS, needsLabel, typeLabel, yearsLabel } from './labels.js';

const who = await frame();
upgradeDates();
try {
  const answer = await get('/api/provisions?size=500');
  const rows = document.getElementById('rows');
  for (const p of answer.items) {
    rows.append(el('tr', { class: 'govuk-table__row', 'data-provision': p.id },
      el('td', { class: 'govuk-table__cell app-wrap' },
        el('a', { class: 'govuk-link', href: `/provision.html?id=${encodeURIComponent(p.id)}` }, `${p.name} (${p.id})`)),
      el('td', { class: 'govuk-table__cell', 'data-figure': 'type' }, typeLabel(p.type)),
      el('td', { class: 'govuk-table__cell', 'data-figure': 'years' }, yearsLabel(p.lowestYear, p.highestYear)),
      el('td', { class: 'govuk-table__cell app-needs', 'data-figure': 'needs' }, needsLabel(p.designatedNeeds)),
      el('td', { class: 'govuk-table__cell govuk-table__cell--numeric', 'data-figure': 'commissioned' }, String(p.commissionedPlaces)),
      el('td', { class: 'govuk-table__cell govuk-table__cell--numeric', 'data-figure': 'onRoll' }, String(p.onRoll)),
      el('td', { class: 'govuk-table__cell govuk-table__cell--numeric', 'data-figure': 'vacancies' }, String(p.vacancies))));
  }
  // Places, pupils on roll and vacancies stay current while the list is open.
  watchCapacity((row) => {
    const shown = rows.querySelector(`tr[data-provision="${CSS.escape(row.provisionId)}"]`);
    if (!shown) return;
    for (const figure of ['commissioned', 'onRoll', 'vacancies']) {
      shown.querySelector(`[data-figure=${figure}]`).textContent = String(row.figures[figure]);
    }
  }, 'Places, pupils on roll and vacancies update as places are offered, taken up and ended.');
} catch (e) {
  showError(document.getElementById('problem'), e.message);
}

// Provision admins (and admins) commission new provisions here; the API decides, this form only shows its answer.
if (who.roles.some((r) => r === 'PROVISION_ADMIN' || r === 'ADMIN')) {
  document.getElementById('commission-section').classList.remove('app-hidden');
  const form = document.getElementById('commission');
  document.getElementById('designatedNeeds').append(...Object.entries(NEEDS).map(([code, name]) =>
    el('div', { class: 'govuk-checkboxes__item' },
      el('input', { class: 'govuk-checkboxes__input', id: `need-${code}`, name: 'designatedNeeds', type: 'checkbox', value: code }),
      el('label', { class: 'govuk-label govuk-checkboxes__label', for: `need-${code}` }, name))));
  setDate('openedOn', today());
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const v = values(form);
    const body = {
      id: v.id, name: v.name, type: v.type, phase: v.phase,
      hostSchool: { urn: v['hostSchool-urn'], name: v['hostSchool-name'] },
      lowestYear: number(v.lowestYear), highestYear: number(v.highestYear),
      designatedNeeds: [...form.querySelectorAll('input[name=designatedNeeds]:checked')].map((c) => c.value),
      commissionedPlaces: number(v.commissionedPlaces), openedOn: v.openedOn,
    };
    try {
      const answer = await post('/api/provisions', body);
      location.assign(`/provision.html?id=${encodeURIComponent(body.id)}&minVersion=${answer.version ?? 1}`);
    } catch (e) {
      showProblem(form, e, {}, { 'hostSchool.urn': 'hostSchool-urn', 'hostSchool.name': 'hostSchool-name' });
    }
  });
}
ready();
