// The place-change return (GET /api/funding/place-change): per provision and its school, this academic year's places,
// the places asked for the next, the change and its reason (the DfE's categories), nil returns, the provisions still
// to make theirs, and the CSV with the DfE workbook's columns. Provision admins, finance and admins record a return
// (PUT /api/funding/place-change/{provisionId}/{academicYear}) for the next academic year: a form per provision.
import { call, get, today } from './api.js';
import { el, frame, ready, showError } from './layout.js';
import { clearErrors, number, showProblem, values } from './forms.js';
import { academicYearOf, dayLabel, downloadLink, figureCell, nextYear, recordedLabel, success, table, typeLabel,
  yearsAround } from './money.js';
import { PLACE_CHANGE_REASONS, RULES } from './labels.js';

const who = await frame();
const writer = who.roles.some((r) => ['PROVISION_ADMIN', 'FINANCE', 'ADMIN'].includes(r));
const params = new URLSearchParams(location.search);
const next = nextYear(academicYearOf(today()));
const academicYear = /^\d{4}-\d{2}$/.test(params.get('academicYear') || '') ? params.get('academicYear') : next;
const years = yearsAround(next, 3, 0);
if (!years.includes(academicYear)) years.push(academicYear);
document.getElementById('academicYear').append(...years.reverse().map((y) =>
  el('option', { value: y, selected: y === academicYear ? 'selected' : null }, y === next ? `${y} (next)` : y)));
document.getElementById('year-form').addEventListener('submit', (event) => {
  event.preventDefault();
  location.assign(`/place-change.html?academicYear=${encodeURIComponent(document.getElementById('academicYear').value)}`);
});

const REASONS = PLACE_CHANGE_REASONS;
const LABELS = RULES;

const cell = (text, attributes = {}) => el('td', { class: 'govuk-table__cell', ...attributes }, text);
const signed = (n) => (n > 0 ? `+${n}` : String(n));
const school = (p) => `${p.school} (URN ${p.urn})`;

function returnsTable(returns) {
  if (!returns.length) return el('p', { class: 'govuk-body', id: 'returns-none' }, 'No provision has made its return yet.');
  const rows = returns.map((r) => el('tr', { class: 'govuk-table__row', 'data-provision': r.provisionId },
    el('th', { scope: 'row', class: 'govuk-table__header app-wrap' }, `${r.name} (${r.provisionId})`),
    cell(school(r), { class: 'govuk-table__cell app-wrap' }), cell(typeLabel(r.type)),
    figureCell('currentPlaces', String(r.currentPlaces)), figureCell('requestedPlaces', String(r.requestedPlaces)),
    figureCell('change', signed(r.change)),
    cell(r.nilReturn ? 'Nil return' : (REASONS[r.reason] || r.reason || ''), { 'data-figure': 'reason' }),
    cell(r.note || '', { class: 'govuk-table__cell app-wrap', 'data-figure': 'note' }),
    cell([r.correction ? el('strong', { class: 'govuk-tag govuk-tag--blue' }, 'Corrected') : null,
      r.correction && r.correctionReason ? ` ${r.correctionReason}` : ''], { class: 'govuk-table__cell app-wrap', 'data-figure': 'correction' }),
    cell(`${r.recordedBy}, ${recordedLabel(r.recordedAt)}`, { 'data-figure': 'recorded' })));
  return table('returns-table', ['Provision', 'School', 'Type', 'Places now#', 'Asked for#', 'Change#', 'Reason',
    'Comments', 'Correction', 'Recorded (UTC)'], rows, { labelledBy: 'returns-title' });
}

function outstandingTable(outstanding) {
  if (!outstanding.length) return el('p', { class: 'govuk-body', id: 'outstanding-none' }, 'Every provision has made its return.');
  const rows = outstanding.map((o) => el('tr', { class: 'govuk-table__row', 'data-provision': o.provisionId },
    el('th', { scope: 'row', class: 'govuk-table__header app-wrap' }, `${o.name} (${o.provisionId})`),
    cell(school(o), { class: 'govuk-table__cell app-wrap' }), cell(typeLabel(o.type)),
    figureCell('currentPlaces', String(o.currentPlaces))));
  return table('outstanding-table', ['Provision', 'School', 'Type', 'Places now#'], rows, { labelledBy: 'outstanding-title' });
}

function group(id, label, control, hint) {
  return el('div', { class: 'govuk-form-group' },
    el('label', { class: 'govuk-label', for: id }, label),
    hint ? el('div', { class: 'govuk-hint', id: `${id}-hint` }, hint) : null,
    control);
}

/** A provision's form: its places asked for, or a nil return, the reason for a change, comments, a correction. */
function provisionForm(p, made, onDone) {
  const key = `pc-${p.provisionId}`;
  const places = el('input', { class: 'govuk-input govuk-input--width-3', id: `${key}-places`, name: 'places', type: 'text',
    inputmode: 'numeric', spellcheck: 'false', value: String(made ? made.requestedPlaces : p.currentPlaces),
    'aria-describedby': `${key}-places-hint` });
  const nil = el('div', { class: 'govuk-form-group' }, el('div', { class: 'govuk-checkboxes govuk-checkboxes--small' },
    el('div', { class: 'govuk-checkboxes__item' },
      el('input', { class: 'govuk-checkboxes__input', id: `${key}-nilReturn`, name: 'nilReturn', type: 'checkbox', value: 'true',
        checked: made?.nilReturn ? 'checked' : null }),
      el('label', { class: 'govuk-label govuk-checkboxes__label', for: `${key}-nilReturn` },
        `Nil return: keep the ${p.currentPlaces} places`))));
  const reason = el('select', { class: 'govuk-select', id: `${key}-reason`, name: 'reason' },
    el('option', { value: '' }, 'None: the places do not change'),
    Object.entries(REASONS).map(([value, text]) => el('option', { value, selected: made?.reason === value ? 'selected' : null }, text)));
  const note = el('textarea', { class: 'govuk-textarea', id: `${key}-note`, name: 'note', rows: '2' }, made?.note || '');
  const correction = made ? group(`${key}-correction`, 'Reason for the correction',
    el('textarea', { class: 'govuk-textarea', id: `${key}-correction`, name: 'correction', rows: '2',
      'aria-describedby': `${key}-correction-hint` }),
    `The return made (${made.requestedPlaces} places) is replaced: say why`) : null;
  const form = el('form', { id: key, novalidate: '' },
    group(`${key}-places`, `Places asked for ${academicYear}`, places, `${p.currentPlaces} places now`),
    nil,
    group(`${key}-reason`, 'Reason for the change', reason),
    group(`${key}-note`, 'Comments', note),
    correction,
    el('button', { type: 'submit', class: 'govuk-button', id: `${key}-button` }, made ? 'Correct the return' : 'Record the return'));
  // a nil return keeps the places and has no reason: ticking it says so in the form
  form.querySelector(`#${CSS.escape(`${key}-nilReturn`)}`).addEventListener('change', (event) => {
    if (!event.target.checked) return;
    places.value = String(p.currentPlaces);
    reason.value = '';
  });
  const fieldIds = { places: `${key}-places`, nilReturn: `${key}-nilReturn`, reason: `${key}-reason`, note: `${key}-note`,
    correction: `${key}-correction` };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    document.getElementById('done').replaceChildren();
    const v = values(form);
    const nilReturn = v.nilReturn === 'true';
    const body = { places: nilReturn ? undefined : number(v.places), nilReturn: nilReturn || undefined,
      reason: v.reason, note: v.note, correction: v.correction };
    try {
      await call('PUT', `/api/funding/place-change/${encodeURIComponent(p.provisionId)}/${encodeURIComponent(academicYear)}`, body);
      clearErrors(form);
      await onDone(p, body);
    } catch (e) {
      showProblem(form, e, { 'R-PLACE-CHANGE-REASON': `${key}-reason`, 'R-NIL-RETURN': `${key}-nilReturn`,
        'R-PLACE-CHANGE-CORRECTION': `${key}-correction` }, fieldIds,
      { subject: 'return', labels: LABELS, fieldLabels: { places: 'Places asked for', reason: 'Reason', note: 'Comments',
        correction: 'Reason for the correction', nilReturn: 'Nil return' } });
    }
  });
  return el('details', { class: 'govuk-details', id: `${key}-details`, 'data-provision': p.provisionId },
    el('summary', { class: 'govuk-details__summary' }, el('span', { class: 'govuk-details__summary-text app-wrap' },
      `${made ? 'Correct' : 'Make'} the return of ${p.name} (${p.provisionId})`)),
    el('div', { class: 'govuk-details__text' }, form));
}

async function read() {
  return get(`/api/funding/place-change?academicYear=${encodeURIComponent(academicYear)}`);
}

function render(pc) {
  document.getElementById('shown').textContent = `Places asked for ${pc.academicYear} against the places of `
    + `${pc.placesYear}, those commissioned on ${dayLabel(pc.placesAsAt)}. ${pc.returns.length} made, ${pc.outstanding.length} still to make.`;
  document.getElementById('returns').replaceChildren(returnsTable(pc.returns));
  document.getElementById('outstanding').replaceChildren(outstandingTable(pc.outstanding));
  const open = writer && pc.academicYear === next;
  document.getElementById('record').classList.toggle('app-hidden', !open);
  const closed = document.getElementById('closed-year');
  closed.classList.toggle('app-hidden', !writer || open);
  closed.textContent = `Returns are made for the next academic year, ${next}: ${pc.academicYear} is shown as recorded.`;
  if (open) {
    const made = new Map(pc.returns.map((r) => [r.provisionId, r]));
    document.getElementById('forms').replaceChildren(
      ...pc.outstanding.map((o) => provisionForm(o, null, recorded)),
      ...pc.returns.map((r) => provisionForm(r, r, recorded)));
  }
}

/** After a write: the return read again until it shows what was recorded (the read model follows in a moment). */
async function recorded(p, body) {
  let pc;
  for (let attempt = 0; attempt < 25; attempt++) {
    pc = await read();
    const r = pc.returns.find((x) => x.provisionId === p.provisionId);
    if (r && (body.nilReturn ? r.nilReturn : r.requestedPlaces === body.places)
      && (!body.correction || r.correction) && (r.note || undefined) === body.note) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  render(pc);
  const r = pc.returns.find((x) => x.provisionId === p.provisionId);
  success(document.getElementById('done'), `${p.name}: ${r?.nilReturn ? `nil return, ${r.requestedPlaces} places`
    : `${r?.requestedPlaces} places asked for ${academicYear}`}`, null);
}

try {
  const pc = await read();
  render(pc);
  const file = `place-change-${pc.academicYear}.csv`;
  document.getElementById('download').replaceChildren(downloadLink('csv', `Download the return for ${pc.academicYear} (CSV, the DfE workbook's columns)`,
    `/api/funding/place-change.csv?academicYear=${encodeURIComponent(pc.academicYear)}`, file,
    document.getElementById('download-problem'), (container, e) => showError(container, e.message)));
  document.getElementById('return').classList.remove('app-hidden');
} catch (e) {
  showError(document.getElementById('problem'), e.status === 404 ? 'The place-change return is not available yet'
    : e.status === 400 ? 'That is not an academic year' : e.message);
}
ready();
