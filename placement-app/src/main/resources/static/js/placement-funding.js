// A placement's funding (docs/funding.md), on its page: the top-up in force, a form to assign one or change it from a
// date (a change needs a reason), the history of assignments (who, when, back-dated or not), and the top-up due month
// by month from the funding ledger. By placement id only: finance, who may not read the pupil, sees this part alone.
import { call, get, today } from './api.js';
import { el } from './layout.js';
import { clearErrors, showProblem, values } from './forms.js';
import { dateField } from './dates.js';
import { dayLabel, figureCell, financialYearOf, monthLabel, pounds, pricedByLabel, recordedLabel, success, table, topUpLabel } from './money.js';

const cell = (text, attributes = {}) => el('td', { class: 'govuk-table__cell', ...attributes }, text);

function row(key, value, id) {
  return el('div', { class: 'govuk-summary-list__row' },
    el('dt', { class: 'govuk-summary-list__key' }, key),
    el('dd', { class: 'govuk-summary-list__value', id }, value));
}

/** The top-up as people read it: Band 2, £3,100.00 a year, from 15 September 2026. */
function describe(a) {
  if (!a) return 'None';
  const value = a.annualValue === null || a.annualValue === undefined ? '' : `, ${pounds(a.annualValue)} a year`;
  return `${topUpLabel(a.basis, a.band)}${value}, from ${dayLabel(a.effectiveFrom)}`;
}

function history(items) {
  if (!items.length) return el('p', { class: 'govuk-body', id: 'funding-history-none' }, 'No top-up has been assigned.');
  const rows = items.map((a) => el('tr', { class: 'govuk-table__row', 'data-sequence': String(a.sequence) },
    cell(dayLabel(a.effectiveFrom), { 'data-figure': 'effectiveFrom' }),
    cell(topUpLabel(a.basis, a.band), { 'data-figure': 'topUp' }),
    figureCell('annualValue', pounds(a.annualValue)),
    cell(a.change ? `Changed from ${a.previousBasis ? topUpLabel(a.previousBasis, a.previousBand) : 'none'}` : 'Assigned',
      { 'data-figure': 'change' }),
    cell(a.backdated ? el('strong', { class: 'govuk-tag govuk-tag--orange' }, 'Back-dated') : 'No', { 'data-figure': 'backdated' }),
    cell(a.reason || '', { class: 'govuk-table__cell app-wrap', 'data-figure': 'reason' }),
    cell(a.recordedBy, { 'data-figure': 'recordedBy' }),
    cell(recordedLabel(a.recordedAt), { 'data-figure': 'recordedAt' })));
  return table('funding-history-table', ['Takes effect', 'Top-up', 'Annual value#', 'What', 'Back-dated', 'Reason',
    'Recorded by', 'Recorded (UTC)'], rows, { labelledBy: 'funding-history-title' });
}

function ledgerTable(ledger) {
  if (!ledger.months.length) return el('p', { class: 'govuk-body', id: 'ledger-none' }, 'Nothing is due: the place has not been occupied.');
  const rows = ledger.months.map((m) => el('tr', { class: 'govuk-table__row', 'data-month': m.month },
    el('th', { scope: 'row', class: 'govuk-table__header' }, monthLabel(m.month)),
    cell(m.financialYear, { 'data-figure': 'financialYear' }),
    figureCell('daysOccupied', String(m.daysOccupied)),
    figureCell('daysFunded', String(m.daysFunded)),
    figureCell('unpricedDays', String(m.unpricedDays)),
    cell(pricedByLabel(m.basis), { 'data-figure': 'pricedBy' }),
    figureCell('topUp', pounds(m.topUp))));
  rows.push(el('tr', { class: 'govuk-table__row', 'data-month': 'total' },
    el('th', { scope: 'row', class: 'govuk-table__header' }, 'Total'), cell(''), cell(''), cell(''), cell(''), cell(''),
    figureCell('topUp', pounds(ledger.total))));
  return table('ledger-table', ['Month', 'Financial year', 'Days occupied#', 'Days funded#', 'Days without a top-up#',
    'Priced by', 'Top-up due#'], rows, { labelledBy: 'ledger-title' });
}

/** The bands of the tariff, each once, labelled with its value in the latest financial year it has one. */
function bandOptions(tariff) {
  const latest = new Map();
  for (const b of tariff.bands) {
    const seen = latest.get(b.band);
    if (!seen || seen.financialYear < b.financialYear) latest.set(b.band, b);
  }
  return [...latest.values()].sort((a, b) => a.band.localeCompare(b.band, 'en', { numeric: true }))
    .map((b) => el('option', { value: b.band }, `Band ${b.band} (${pounds(b.annualValue)} in ${b.financialYear})`));
}

function radio(name, id, value, label, checked) {
  return el('div', { class: 'govuk-radios__item' },
    el('input', { class: 'govuk-radios__input', id, name, type: 'radio', value, checked: checked ? 'checked' : null }),
    el('label', { class: 'govuk-label govuk-radios__label', for: id }, label));
}

/** The form to assign a top-up (the first) or change it (later ones, with a reason). */
function changeForm(placementId, funding, tariff, defaultFrom, onDone) {
  const first = funding.history.length === 0;
  const inForce = funding.inForce;
  const bands = el('select', { class: 'govuk-select', id: 'funding-band', name: 'band' },
    el('option', { value: '' }, 'Choose a band'), bandOptions(tariff));
  if (inForce?.band) bands.value = inForce.band;
  const bandGroup = el('div', { class: 'govuk-form-group', id: 'funding-band-group' },
    el('label', { class: 'govuk-label', for: 'funding-band' }, 'Band'), bands);
  const basis = el('div', { class: 'govuk-form-group' }, el('fieldset', { class: 'govuk-fieldset' },
    el('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, 'Paid at'),
    el('div', { class: 'govuk-radios govuk-radios--small', id: 'funding-basis' },
      radio('basis', 'funding-basis-band', 'BAND', 'A top-up band', inForce?.basis !== 'PROVISION_RATE'),
      radio('basis', 'funding-basis-rate', 'PROVISION_RATE', "The provision's own rate", inForce?.basis === 'PROVISION_RATE'))));
  const reason = el('div', { class: 'govuk-form-group' },
    el('label', { class: 'govuk-label', for: 'funding-reason' }, first ? 'Reason (optional)' : 'Reason for the change'),
    el('div', { class: 'govuk-hint', id: 'funding-reason-hint' }, first
      ? 'The first top-up needs none' : 'A change of top-up needs a reason, for example "annual review"'),
    el('textarea', { class: 'govuk-textarea', id: 'funding-reason', name: 'reason', rows: '2', 'aria-describedby': 'funding-reason-hint' }));
  const title = first ? 'Assign a top-up' : 'Change the top-up';
  const form = el('form', { id: 'funding-form', novalidate: '', 'aria-labelledby': 'funding-form-title' },
    basis, bandGroup,
    dateField('funding-effectiveFrom', 'Takes effect from', { name: 'effectiveFrom', value: defaultFrom,
      hint: 'An earlier date than today back-dates it. For example, 15 9 2026' }),
    reason,
    el('button', { type: 'submit', class: 'govuk-button', id: 'funding-button' }, first ? 'Assign top-up' : 'Change top-up'));
  const showBand = () => {
    bandGroup.classList.toggle('app-hidden', form.querySelector('input[name=basis]:checked')?.value === 'PROVISION_RATE');
  };
  form.querySelectorAll('input[name=basis]').forEach((r) => r.addEventListener('change', showBand));
  showBand();
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const v = values(form);
    const body = { basis: v.basis, band: v.basis === 'PROVISION_RATE' ? undefined : v.band, effectiveFrom: v.effectiveFrom,
      reason: v.reason };
    try {
      await call('POST', `/api/funding/placements/${encodeURIComponent(placementId)}/top-up`, body,
        funding.version < 0 ? {} : { 'If-Match': `"${funding.version}"` });
      clearErrors(form);
      await onDone(body);
    } catch (e) {
      showProblem(form, e, { 'R-BAND-EXISTS': 'funding-band', 'R-FUNDING-DATE': 'funding-effectiveFrom',
        'R-FUNDING-REASON': 'funding-reason' },
      { effectiveFrom: 'funding-effectiveFrom', band: 'funding-band', reason: 'funding-reason', basis: 'funding-basis-band' },
      { subject: "placement's funding", fieldLabels: { effectiveFrom: 'Takes effect from', band: 'Band', reason: 'Reason' },
        labels: { 'R-STATE': 'A top-up is assigned only to a placement with an offer or a place' } });
    }
  });
  return el('section', { 'aria-labelledby': 'funding-form-title' },
    el('h3', { class: 'govuk-heading-s', id: 'funding-form-title' }, title), form);
}

/**
 * Shows the funding section of placement {@code id}; {@code placement} is its read (null when the role may not read
 * the pupil). The form is offered unless the placement cannot be funded (referred or withdrawn).
 */
export async function showFunding(id, placement) {
  const section = document.getElementById('funding');
  section.classList.remove('app-hidden');
  const problem = document.getElementById('funding-problem');
  const canFund = !placement || !['REFERRED', 'WITHDRAWN'].includes(placement.status);

  async function render(done) {
    const [funding, tariff] = await Promise.all([
      get(`/api/funding/placements/${encodeURIComponent(id)}`), get('/api/funding/tariff')]);
    section.dataset.version = String(funding.version);
    document.getElementById('funding-facts').replaceChildren(
      row(`Top-up in force on ${dayLabel(funding.asOf)}`, describe(funding.inForce), 'funding-in-force'),
      ...(funding.inForce ? [] : [row('Without funding', funding.history.length
        ? 'No top-up is in force today.'
        : 'No top-up has been assigned: an admitted placement shows on the list of placements without funding.', 'funding-none')]));
    document.getElementById('funding-history').replaceChildren(history(funding.history));
    // a first top-up usually runs from the admission (the list without funding passes it on as ?from=)
    const from = new URLSearchParams(location.search).get('from');
    const defaultFrom = funding.history.length ? today()
      : (placement?.admittedOn || placement?.offeredOn || (/^\d{4}-\d{2}-\d{2}$/.test(from || '') ? from : today()));
    document.getElementById('funding-change').replaceChildren(...(canFund
      ? [changeForm(id, funding, tariff, defaultFrom, async (body) => {
        await render(body);
      }), el('p', { class: 'govuk-body-s' }, el('a', { class: 'govuk-link', href: '/tariff.html' }, 'The tariff: bands and their values'))]
      : []));
    if (done) {
      success(document.getElementById('funding-done'), `Top-up ${funding.history.length > 1 ? 'changed' : 'assigned'}: ${describe(
        funding.history[funding.history.length - 1])}`, null);
    }
    await showLedger(id);
  }

  try {
    await render(null);
  } catch (e) {
    showError(problem, e);
  }
}

function showError(container, e) {
  container.replaceChildren(el('div', { class: 'govuk-error-summary', role: 'alert' },
    el('h2', { class: 'govuk-error-summary__title' }, 'There is a problem'),
    el('div', { class: 'govuk-error-summary__body' }, el('p', { class: 'govuk-body' },
      e.status === 403 ? 'Your role may not see the funding' : e.message))));
}

async function showLedger(id) {
  const container = document.getElementById('ledger');
  try {
    const ledger = await get(`/api/funding/placements/${encodeURIComponent(id)}/ledger`);
    const asOf = ledger.asOf ?? ledger.asAt;
    document.getElementById('ledger-note').textContent = `As known at the end of ${dayLabel(asOf)} (financial year `
      + `${financialYearOf(asOf)}): each month, a twelfth of the annual value of the top-up in force, pro-rated to the `
      + 'days funded out of the days in the month.';
    container.replaceChildren(ledgerTable(ledger));
  } catch (e) {
    document.getElementById('ledger-note').textContent = '';
    container.replaceChildren(el('p', { class: 'govuk-body', id: 'ledger-none' }, e.status === 404
      ? 'The monthly ledger is not available.' : `The monthly ledger could not be shown: ${e.message}`));
  }
}
