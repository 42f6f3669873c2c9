// The tariff (docs/funding.md): top-up bands per financial year, place funding per type and academic year, and the
// provisions paid their own rate. Finance (and admins) set values; setting a year that has a value again corrects it
// and needs a reason, which the form asks for as soon as the year typed has a value. Caseworkers read it.
import { call, get } from './api.js';
import { el, frame, ready, showError } from './layout.js';
import { clearErrors, showProblem, values } from './forms.js';
import { amount, dayLabel, figureCell, pounds, success, table, typeLabel } from './money.js';
import { TYPES, options } from './labels.js';

document.getElementById('place-rate-type').append(...options(TYPES));

const who = await frame();
const writer = who.roles.some((r) => r === 'FINANCE' || r === 'ADMIN');
let tariff = null;
let provisions = new Map();

const provisionLabel = (id) => (provisions.has(id) ? `${provisions.get(id).name} (${id})` : id);
const cell = (text, attributes = {}) => el('td', { class: 'govuk-table__cell', ...attributes }, text);

/**
 * The three kinds of value: how each names its key and period in the tariff's JSON and in its form, how a row and
 * the existing value read, and where its write goes.
 */
const KINDS = {
  band: {
    rows: () => tariff.bands, key: 'band', period: 'financialYear', value: 'annualValue', valueLabel: 'Annual value',
    keyLabel: (key) => `Band ${key}`, keyHead: 'Band', periodHead: 'Financial year',
    path: (v) => `/api/funding/tariff/bands/${encodeURIComponent(v.band ?? '')}`,
    body: (v) => ({ financialYear: v.financialYear, annualValue: amount(v.annualValue), reason: v.reason }),
  },
  'place-rate': {
    rows: () => tariff.placeRates, key: 'type', period: 'academicYear', value: 'perPlace', valueLabel: 'Per place',
    keyLabel: (key) => typeLabel(key), keyHead: 'Type of provision', periodHead: 'Academic year',
    path: () => '/api/funding/tariff/place-rates',
    body: (v) => ({ type: v.type, academicYear: v.academicYear, perPlace: amount(v.perPlace), reason: v.reason }),
  },
  'provision-rate': {
    rows: () => tariff.provisionRates, key: 'provisionId', period: 'financialYear', value: 'annualValue', valueLabel: 'Annual value',
    keyLabel: (key) => provisionLabel(key), keyHead: 'Provision', periodHead: 'Financial year',
    path: (v) => `/api/funding/tariff/provision-rates/${encodeURIComponent(v.provisionId ?? '')}`,
    body: (v) => ({ financialYear: v.financialYear, annualValue: amount(v.annualValue), reason: v.reason }),
  },
};

const FIELD_LABELS = { financialYear: 'Financial year', academicYear: 'Academic year', annualValue: 'Annual value',
  perPlace: 'Per place', type: 'Type of provision', reason: 'Reason', band: 'Band' };

function existing(kind, key, period) {
  const k = KINDS[kind];
  return k.rows().find((r) => r[k.key] === key && r[k.period] === period);
}

/** Fills a kind's form with a row's key and period, to correct its value. */
function correct(kind, row) {
  const k = KINDS[kind];
  document.getElementById(`${kind}-${k.key}`).value = row[k.key];
  document.getElementById(`${kind}-${k.period}`).value = row[k.period];
  const input = document.getElementById(`${kind}-${k.value}`);
  input.value = '';
  showExisting(kind);
  input.focus();
}

/** Says, under a form, whether the key and year typed already have a value: saving then corrects it. */
function showExisting(kind) {
  const k = KINDS[kind];
  const key = document.getElementById(`${kind}-${k.key}`).value.trim();
  const period = document.getElementById(`${kind}-${k.period}`).value.trim();
  const note = document.getElementById(`${kind}-existing`);
  const row = key && period ? existing(kind, kind === 'band' ? key.toUpperCase() : key, period) : null;
  note.classList.toggle('app-hidden', !row);
  note.textContent = row
    ? `${k.keyLabel(row[k.key])} has ${pounds(row[k.value])} for ${period}. Saving a new value corrects it: give a reason.`
    : '';
  document.getElementById(`${kind}-reason`).closest('.govuk-form-group').classList.toggle('app-correcting', Boolean(row));
}

function render() {
  document.getElementById('version').textContent = tariff.version < 0
    ? 'Nothing has been set yet.' : `Version ${tariff.version} of the tariff.`;
  for (const [kind, k] of Object.entries(KINDS)) {
    const rows = [...k.rows()].sort((a, b) => String(a[k.key]).localeCompare(String(b[k.key]))
      || a[k.period].localeCompare(b[k.period]));
    const heads = [k.keyHead, k.periodHead, 'From', 'To', `${k.valueLabel}#`, ...(writer ? ['Change'] : [])];
    const body = rows.map((r) => el('tr', { class: 'govuk-table__row', 'data-key': r[k.key], 'data-period': r[k.period] },
      cell(k.keyLabel(r[k.key]), { class: 'govuk-table__cell app-wrap' }),
      cell(r[k.period]), cell(dayLabel(r.from)), cell(dayLabel(r.to)),
      figureCell('value', pounds(r[k.value])),
      writer ? cell(correctButton(kind, r)) : null));
    const container = document.getElementById(`${kind}s-table`);
    container.replaceChildren(rows.length
      ? table(`${kind}s`, heads, body, { labelledBy: `${kind}s-title` })
      : el('p', { class: 'govuk-body', id: `${kind}s-none` }, 'None set yet.'));
  }
}

function correctButton(kind, row) {
  const k = KINDS[kind];
  const button = el('button', { type: 'button', class: 'govuk-button govuk-button--secondary govuk-!-margin-bottom-0' },
    'Correct', el('span', { class: 'govuk-visually-hidden' }, ` ${k.keyLabel(row[k.key])} for ${row[k.period]}`));
  button.addEventListener('click', () => correct(kind, row));
  return button;
}

async function load() {
  tariff = await get('/api/funding/tariff');
  render();
}

function wire(kind) {
  const k = KINDS[kind];
  const form = document.getElementById(kind);
  for (const field of [k.key, k.period]) {
    const input = document.getElementById(`${kind}-${field}`);
    input.addEventListener(input.tagName === 'SELECT' ? 'change' : 'input', () => showExisting(kind));
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    document.getElementById('done').replaceChildren();
    const v = values(form);
    if (kind === 'band' && v.band) v.band = v.band.toUpperCase();
    const body = k.body(v);
    const fieldIds = Object.fromEntries([...Object.keys(body), k.key].map((f) => [f, `${kind}-${f}`]));
    try {
      await call('PUT', k.path(v), body, tariff.version < 0 ? {} : { 'If-Match': `"${tariff.version}"` });
      clearErrors(form);
      const period = v[k.period];
      const was = existing(kind, kind === 'place-rate' ? v.type : v[k.key], period);
      await load();
      const now = existing(kind, kind === 'place-rate' ? v.type : v[k.key], period);
      success(document.getElementById('done'),
        `${k.keyLabel(now[k.key])} for ${period}: ${pounds(now[k.value])}`,
        was && Number(was[k.value]) !== Number(now[k.value]) ? `Corrected from ${pounds(was[k.value])}.` : null);
      form.reset();
      showExisting(kind);
    } catch (e) {
      if (e.status === 412) await load();
      // a 404 names what the path named: a band code that cannot be one, or a provision that does not exist
      let problem = e.status === 404 ? { status: 404, body: { detail: kind === 'band'
        ? 'A band is 1 to 20 letters, digits or hyphens' : 'There is no such provision' } } : e;
      // a year of the right shape but not two years in a row (2026-28) is refused without naming its field
      if (e.status === 400 && !e.body?.errors?.length && /year/i.test(e.body?.detail || '')) {
        problem = { status: 400, body: { errors: [{ field: k.period, message: 'must be two years in a row, written like 2026-27' }] } };
      }
      showProblem(form, problem, { 'R-POSITIVE': `${kind}-${k.value}`, 'R-NO-OVERLAP': `${kind}-reason` }, fieldIds,
        { subject: 'tariff', fieldLabels: FIELD_LABELS });
    }
  });
}

try {
  try {
    const all = (await get('/api/provisions?size=500')).items;
    provisions = new Map(all.map((p) => [p.id, p]));
    document.getElementById('provision-rate-provisionId').append(...all.map((p) =>
      el('option', { value: p.id }, `${p.name} (${p.id})`)));
  } catch (e) {
    // the names only label the table: without them the ids show
  }
  await load();
  if (writer) {
    document.querySelectorAll('[data-writers]').forEach((part) => part.classList.remove('app-hidden'));
    Object.keys(KINDS).forEach(wire);
  } else {
    document.getElementById('read-only').classList.remove('app-hidden');
  }
} catch (e) {
  showError(document.getElementById('problem'), e.status === 403 ? 'Your role may not see the tariff' : e.message);
}
ready();
