import { get, post, today } from './api.js';
import { el, frame, ready, showError } from './layout.js';
import { clearErrors, number, showProblem, values } from './forms.js';
import { dateField, dateValue } from './dates.js';
import { showFunding } from './placement-funding.js';
import { dayLabel } from './money.js';
import { BLOCKERS, END_REASONS, ehcpLabel, endReasonLabel, eventLabel, needLabel, needsLabel, phaseLabel, ruleLabel,
  statusLabel, typeLabel, withLabels, yearLabel, yearsLabel } from './labels.js';

const who = await frame();
const funds = who.roles.some((r) => ['CASEWORKER', 'FINANCE', 'ADMIN'].includes(r));
let seen = null;

/** A command on this placement, made on the version the caseworker is looking at: if it moved on meanwhile, 412. */
function command(path, body) {
  return post(`/api/placements/${encodeURIComponent(id)}/${path}`, body, seen === null ? {} : { 'If-Match': `"${seen}"` });
}
const params = new URLSearchParams(location.search);
const id = params.get('id');

async function load() {
  const minVersion = params.get('minVersion');
  const path = `/api/placements/${encodeURIComponent(id)}${minVersion ? `?minVersion=${minVersion}` : ''}`;
  for (let attempt = 0; ; attempt++) {
    try {
      return await get(path);
    } catch (e) {
      // Just referred: the read model may not have the placement yet.
      if (e.status !== 404 || attempt >= 10) throw e;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }
}

function row(key, value) {
  return el('div', { class: 'govuk-summary-list__row' },
    el('dt', { class: 'govuk-summary-list__key' }, key),
    el('dd', { class: 'govuk-summary-list__value' }, value));
}

function field(name, label, { hint, value, width = 'govuk-input--width-10', textarea = false } = {}) {
  const input = textarea
    ? el('textarea', { class: 'govuk-textarea', id: name, name, rows: '2', 'aria-describedby': hint ? `${name}-hint` : null })
    : el('input', { class: `govuk-input ${width}`, id: name, name, type: 'text', value, 'aria-describedby': hint ? `${name}-hint` : null });
  return el('div', { class: 'govuk-form-group' },
    el('label', { class: 'govuk-label', for: name }, label),
    hint ? el('div', { class: 'govuk-hint', id: `${name}-hint` }, hint) : null,
    input);
}

/** One action: a heading, a form, and the command it sends; on success the page shows the new state. */
function action(key, title, fields, button, send, ruleFields = {}, fieldIds = {}) {
  const form = el('form', { id: key, novalidate: '' }, fields, el('button', { type: 'submit', class: 'govuk-button', id: `${key}-button` }, button));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const answer = await send(values(form), form);
      clearErrors(form);
      location.assign(`/placement.html?id=${encodeURIComponent(id)}&minVersion=${answer.version}`);
    } catch (e) {
      showProblem(form, e, ruleFields, fieldIds);
      form.querySelectorAll('[data-reveal-on]').forEach((part) => {
        if (part.dataset.revealOn === e.body?.rule) {
          part.classList.remove('app-hidden');
          part.dataset.revealed = 'true';
        }
      });
    }
  });
  return el('section', { class: 'govuk-!-margin-bottom-6', 'aria-labelledby': `${key}-title` },
    el('h2', { class: 'govuk-heading-m', id: `${key}-title` }, title), form);
}

/** A blocker as the picker words it: the rule in plain words, its code after (R-EHCP), the API's detail where it adds one. */
function blockerItem(blocker) {
  return el('li', { 'data-rule': blocker.rule },
    BLOCKERS[blocker.rule] || ruleLabel(blocker.rule) || withLabels(blocker.message), ' ',
    el('span', { class: 'app-rule' }, `(${blocker.rule})`));
}

const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

/** What a candidate offers at a glance: places free on the offer date, its years and designated needs. */
function candidateHint(c, profile) {
  const places = c.vacancies === null || c.vacancies === undefined
    ? 'Not open on the offer date'
    : `${plural(c.vacancies, 'place', 'places')} free of ${c.commissioned}`;
  return [places, profile ? yearsLabel(profile.lowestYear, profile.highestYear) : null,
    profile ? needsLabel(profile.designatedNeeds) : null, phaseLabel(c.phase)].filter(Boolean).join(' · ');
}

function candidateRadio(c, profile, index) {
  const inputId = index === 0 ? 'provisionId' : `provisionId-${c.provisionId}`;
  const needs = c.blockers.map((b) => b.rule);
  return el('div', { class: 'govuk-radios__item', 'data-candidate': c.provisionId },
    el('input', { class: 'govuk-radios__input', id: inputId, name: 'provisionId', type: 'radio', value: c.provisionId,
      'data-needs': needs.join(' ') || null, 'aria-describedby': `${inputId}-hint` }),
    el('label', { class: 'govuk-label govuk-radios__label app-wrap', for: inputId }, `${c.name} (${typeLabel(c.type)})`),
    el('div', { class: 'govuk-hint govuk-radios__hint', id: `${inputId}-hint` }, candidateHint(c, profile),
      c.blockers.length ? el('ul', { class: 'govuk-list app-blockers' }, c.blockers.map(blockerItem)) : null));
}

/**
 * The offer picker (GET /api/placements/{id}/candidates): provisions that fit first, as choices; then those an
 * override allows (outside the designated needs with a reason, over capacity with a decision), as choices that ask
 * for it; the provisions that cannot take the pupil are listed with why, but not offered as choices.
 */
async function offerAction(placement) {
  const picker = el('div', { id: 'offer-picker' });
  const override = el('div', { class: 'app-hidden', 'data-reveal-on': 'R-NEED', id: 'need-override' },
    field('needOverrideReason', 'Why place outside the designated needs', { textarea: true,
      hint: "The pupil's primary need is not one the provision is designated for: the law allows it with a reason" }));
  const capacity = el('div', { class: 'app-hidden', 'data-reveal-on': 'R-CAPACITY', id: 'over-capacity' },
    field('overCapacityReason', 'Why offer beyond the commissioned places', { textarea: true }),
    field('overCapacityDecidedBy', 'Who decided', { width: 'govuk-input--width-20' }));
  const offeredOn = dateField('offeredOn', 'Offered on', { value: today() });
  const profiles = new Map();
  try {
    for (const p of (await get('/api/provisions?size=500')).items) profiles.set(p.id, p);
  } catch (e) {
    // the hint's years and needs are a help: the picker works without them
  }

  /** Shows the override fields the chosen provision needs (and keeps those a refusal revealed). */
  function reveal() {
    const chosen = picker.querySelector('input[name=provisionId]:checked');
    const needs = (chosen?.dataset.needs || '').split(' ');
    override.classList.toggle('app-hidden', !needs.includes('R-NEED') && override.dataset.revealed !== 'true');
    capacity.classList.toggle('app-hidden', !needs.includes('R-CAPACITY') && capacity.dataset.revealed !== 'true');
  }

  let shownFor = null;
  async function load(day) {
    if (day === shownFor) return;
    shownFor = day;
    let answer;
    try {
      answer = await get(`/api/placements/${encodeURIComponent(id)}/candidates${day ? `?offeredOn=${encodeURIComponent(day)}` : ''}`);
    } catch (e) {
      picker.replaceChildren(el('p', { class: 'govuk-body', id: 'candidates-problem' },
        e.status === 400 ? 'Type a real offer date to see which provisions fit on it.' : `The provisions could not be listed: ${e.message}`));
      picker.dataset.loaded = 'true';
      return;
    }
    const was = picker.querySelector('input[name=provisionId]:checked')?.value;
    const fit = answer.candidates.filter((c) => c.eligible);
    const overridable = answer.candidates.filter((c) => !c.eligible && c.overridable);
    const blocked = answer.candidates.filter((c) => !c.eligible && !c.overridable);
    const choices = [...fit, ...overridable];
    let index = 0;
    const group = (title, id, list, hint) => (list.length ? el('div', { id, class: 'govuk-!-margin-bottom-4' },
      el('h3', { class: 'govuk-heading-s govuk-!-margin-bottom-2' }, title),
      hint ? el('p', { class: 'govuk-hint' }, hint) : null,
      el('div', { class: 'govuk-radios govuk-radios--small', 'data-module': 'govuk-radios' },
        list.map((c) => candidateRadio(c, profiles.get(c.provisionId), index++)))) : null);
    const summary = fit.length
      ? `${plural(fit.length, 'provision fits', 'provisions fit')} this pupil on ${dayLabel(answer.offeredOn)}.`
      : `No provision fits this pupil on ${dayLabel(answer.offeredOn)}${overridable.length ? ' without an override' : ''}.`;
    picker.replaceChildren(el('div', { class: 'govuk-form-group' },
      el('fieldset', { class: 'govuk-fieldset', 'aria-describedby': 'candidates-summary' },
        el('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, 'Provision'),
        el('p', { class: 'govuk-body', id: 'candidates-summary' }, summary),
        group('Provisions that fit', 'candidates-fit', fit),
        group('With an override', 'candidates-override', overridable,
          'An offer here needs a reason or an over-capacity decision: choose one to give it.'),
        choices.length ? null : el('p', { class: 'govuk-body', id: 'candidates-none' }, 'No provision can be offered.'))),
    blocked.length ? el('details', { class: 'govuk-details', id: 'candidates-blocked', open: choices.length ? null : '' },
      el('summary', { class: 'govuk-details__summary' }, el('span', { class: 'govuk-details__summary-text' },
        `${plural(blocked.length, 'provision cannot', 'provisions cannot')} take this pupil`)),
      el('div', { class: 'govuk-details__text' }, el('ul', { class: 'govuk-list' }, blocked.map((c) =>
        el('li', { 'data-candidate': c.provisionId, class: 'app-blocked' },
          el('span', { class: 'app-wrap govuk-!-font-weight-bold' }, `${c.name} (${typeLabel(c.type)})`),
          el('ul', { class: 'govuk-list govuk-list--bullet app-blockers' }, c.blockers.map(blockerItem))))))) : null);
    const again = was && picker.querySelector(`input[name=provisionId][value="${CSS.escape(was)}"]`);
    if (again) again.checked = true;
    picker.querySelectorAll('input[name=provisionId]').forEach((radio) => radio.addEventListener('change', reveal));
    reveal();
    picker.dataset.loaded = 'true';
    picker.dataset.offeredOn = answer.offeredOn;
  }

  // the candidates change with the offer date (vacancies, a provision opening or closing): listed anew for a new date
  offeredOn.addEventListener('change', () => {
    const day = dateValue('offeredOn');
    if (/^\d{4}-\d{2}-\d{2}$/.test(day)) load(day);
  });
  await load(today());

  const section = action('offer', 'Offer a place', [offeredOn, picker, override, capacity],
    'Offer place', (v) => command(`offer`, {
      provisionId: v.provisionId,
      offeredOn: v.offeredOn,
      needOverrideReason: override.classList.contains('app-hidden') ? undefined : v.needOverrideReason,
      overCapacityDecision: !capacity.classList.contains('app-hidden') && (v.overCapacityReason || v.overCapacityDecidedBy)
        ? { reason: v.overCapacityReason, decidedBy: v.overCapacityDecidedBy } : undefined,
    }), { 'R-NEED': 'needOverrideReason', 'R-CAPACITY': 'overCapacityReason', 'R-DATE-ORDER': 'offeredOn',
      'R-YEAR': 'provisionId', 'R-TYPE': 'provisionId', 'R-PROVISION-OPEN': 'provisionId', 'R-EHCP': 'provisionId' });
  return section;
}

function admitAction() {
  return action('admission', 'Admit', [
    dateField('admittedOn', 'Admitted on', { value: today() }),
    field('mainstreamPercent', 'Time in mainstream, % (optional)', { hint: 'Left empty: 50% in a Resource Base, 20% in a SEN Unit', width: 'govuk-input--width-3' }),
    field('reason', 'Reason (needed below 50% in a Resource Base)', { textarea: true }),
  ], 'Admit', (v) => command(`admission`, { ...v, mainstreamPercent: number(v.mainstreamPercent) }),
  { 'R-DATE-ORDER': 'admittedOn', 'R-SPLIT-RB': 'mainstreamPercent', 'R-SPLIT-UNIT': 'mainstreamPercent' });
}

function splitAction(placement) {
  return action('time-split', 'Change the time split', [
    field('mainstreamPercent', 'Time in mainstream, %', { hint: `Now ${placement.mainstreamPercent}%`, width: 'govuk-input--width-3' }),
    dateField('effectiveFrom', 'From', { value: today() }),
    field('reason', 'Reason (needed for a reduction)', { textarea: true }),
  ], 'Change split', (v) => command(`time-split`, { ...v, mainstreamPercent: number(v.mainstreamPercent) }),
  { 'R-INTEGRATION-FIRST': 'reason', 'R-SPLIT-RB': 'mainstreamPercent', 'R-SPLIT-UNIT': 'mainstreamPercent', 'R-DATE-ORDER': 'effectiveFrom' });
}

function mainstreamAction() {
  return action('move-to-mainstream', 'Move to mainstream', [
    dateField('mainstreamFrom', 'From', { value: today() }),
    field('mainstreamNote', 'Note (optional)', { textarea: true }),
  ], 'Move to mainstream', (v) => command(`move-to-mainstream`, { effectiveFrom: v.mainstreamFrom, note: v.mainstreamNote }),
  { 'R-DATE-ORDER': 'mainstreamFrom' });
}

/** A less common action, folded away so the page leads with the usual next step. */
function folded(section) {
  const title = section.querySelector('h2');
  const details = el('details', { class: 'govuk-details' },
    el('summary', { class: 'govuk-details__summary' }, el('span', { class: 'govuk-details__summary-text' }, title.textContent)),
    el('div', { class: 'govuk-details__text' }, section));
  title.classList.add('govuk-visually-hidden');
  return details;
}

function onWithReason(key, title, button, path, dateLabel) {
  return folded(action(key, title, [
    dateField(`${key}-on`, dateLabel, { value: today() }),
    field(`${key}-reason`, 'Reason', { textarea: true }),
  ], button, (v) => command(`${path}`, { on: v[`${key}-on`], reason: v[`${key}-reason`] }),
  { 'R-DATE-ORDER': `${key}-on` }, { on: `${key}-on`, reason: `${key}-reason` }));
}

function endAction() {
  const select = el('select', { class: 'govuk-select', id: 'end-reason', name: 'end-reason' },
    el('option', { value: '' }, 'Choose a reason'),
    Object.entries(END_REASONS).map(([value, text]) => el('option', { value }, text)));
  return folded(action('end', 'End the placement', [
    dateField('end-from', 'From', { value: today() }),
    el('div', { class: 'govuk-form-group' }, el('label', { class: 'govuk-label', for: 'end-reason' }, 'Reason'), select),
    field('end-note', 'Note', { textarea: true }),
  ], 'End placement', (v) => command(`end`, { effectiveFrom: v['end-from'], reason: v['end-reason'], note: v['end-note'] }),
  { 'R-DATE-ORDER': 'end-from', 'R-END-REASON': 'end-reason' }, { effectiveFrom: 'end-from', reason: 'end-reason', note: 'end-note' }));
}

try {
  const p = await load();
  seen = p.version;
  const name = p.pupil.erased ? '[erased]' : `${p.pupil.givenName} ${p.pupil.familyName}`;
  document.title = `${name} – Placements`;
  document.getElementById('placement-id').textContent = p.id;
  document.getElementById('pupil-name').textContent = name;
  document.getElementById('status').textContent = statusLabel(p.status);
  document.getElementById('facts').append(
    row('UPN', p.pupil.upn),
    row('Year group', yearLabel(p.yearGroup)),
    row('Primary need', needLabel(p.primaryNeed)),
    ...(p.secondaryNeeds?.length ? [row('Secondary needs', needsLabel(p.secondaryNeeds))] : []),
    row('EHC plan', ehcpLabel(p.ehcpStatus)),
    ...(p.requestedType ? [row('Type asked for', typeLabel(p.requestedType))] : []),
    row('Provision', p.provision ? `${p.provision.name} (${p.provision.id})` : 'None yet'),
    row('Time in mainstream', p.mainstreamPercent == null ? 'Not set' : `${p.mainstreamPercent}%`
      + (p.belowIntegrationBand ? ' (below integration band)' : '')),
    row('Referred on', p.referredOn),
    ...(p.offeredOn ? [row('Offered on', p.offeredOn)] : []),
    ...(p.admittedOn ? [row('Admitted on', p.admittedOn)] : []),
    ...(p.endedOn ? [row('Ended on', p.endedOn)] : []),
    ...(p.endReason ? [row('Why it ended', endReasonLabel(p.endReason))] : []));
  document.getElementById('timeline').append(...p.timeline.map((t) => el('li', { class: 'app-wrap' },
    el('strong', {}, `${t.on} ${eventLabel(t.type)}`), t.detail ? ` – ${withLabels(t.detail)}` : '', ` (by ${t.by})`)));
  const actions = document.getElementById('actions');
  if (p.status === 'REFERRED') {
    actions.append(await offerAction(p), onWithReason('withdraw', 'Withdraw the referral', 'Withdraw referral', 'withdraw', 'Withdrawn on'));
  }
  if (p.status === 'OFFERED') {
    actions.append(admitAction(),
      onWithReason('decline', 'The family declined the offer', 'Record the decline', 'offer/decline', 'Declined on'),
      onWithReason('withdraw-offer', 'Withdraw the offer', 'Withdraw offer', 'offer/withdraw', 'Withdrawn on'));
  }
  if (p.status === 'ADMITTED') actions.append(splitAction(p), mainstreamAction(), endAction());
  if (funds) await showFunding(p.id, p);
} catch (e) {
  if (e.status === 403 && funds && id) {
    // Finance funds placements without reading their pupils: the funding part alone, by placement id.
    document.getElementById('placement-id').textContent = id;
    document.getElementById('pupil-name').textContent = 'Funding of a placement';
    document.getElementById('status').closest('p').classList.add('app-hidden');
    document.getElementById('facts').replaceChildren(row('Pupil', 'Not shown: your role sees the funding only'));
    document.getElementById('timeline-title').classList.add('app-hidden');
    await showFunding(id, null);
  } else {
    showError(document.getElementById('problem'), e.status === 404 ? 'There is no such placement' : e.message);
  }
}
ready();
