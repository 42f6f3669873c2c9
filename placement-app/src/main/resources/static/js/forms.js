// GOV.UK error summary and inline field errors from the API's problem details: errors[] name fields of the
// request body (400); a refused rule (409/422) is shown next to the field the caller chose for it, or in the summary.
import { el } from './layout.js';
import { dateProblem, foldDates } from './dates.js';
import { RULES } from './labels.js';

// Each rule's plain words: labels.js, shared by every page.
const LABELS = RULES;

/** Field name as the API writes it (pupil.upn) → the id of its input. */
export function fieldId(name) {
  return name.replaceAll('.', '-');
}

export function clearErrors(form) {
  form.querySelectorAll('.govuk-form-group--error').forEach((g) => g.classList.remove('govuk-form-group--error'));
  form.querySelectorAll('.govuk-error-message').forEach((m) => m.remove());
  form.querySelectorAll('.govuk-input--error, .govuk-select--error, .govuk-textarea--error').forEach((i) => i.classList.remove('govuk-input--error', 'govuk-select--error', 'govuk-textarea--error'));
  form.querySelectorAll('[data-described]').forEach((i) => {
    i.setAttribute('aria-describedby', i.dataset.described);
  });
  const summary = form.parentElement.querySelector('.govuk-error-summary');
  if (summary) summary.remove();
}

/** A date input's error: the message above its boxes, and only the wrong boxes marked (GOV.UK's date pattern). */
function markDate(boxes, message) {
  const problem = dateProblem(boxes, message);
  boxes.closest('.govuk-form-group').classList.add('govuk-form-group--error');
  problem.boxes.forEach((part) => boxes.querySelector(`[data-date-part=${part}]`).classList.add('govuk-input--error'));
  const id = `${boxes.id}-error`;
  boxes.before(el('p', { class: 'govuk-error-message', id }, el('span', { class: 'govuk-visually-hidden' }, 'Error: '), problem.message));
  const fieldset = boxes.closest('fieldset');
  if (!fieldset.dataset.described) fieldset.dataset.described = fieldset.getAttribute('aria-describedby') || '';
  fieldset.setAttribute('aria-describedby', `${fieldset.dataset.described} ${id}`.trim());
  return { href: `#${boxes.id}-${problem.boxes[0]}`, message: problem.message };
}

function markField(form, name, message) {
  const input = form.querySelector(`#${CSS.escape(fieldId(name))}`);
  if (!input) return { href: null, message };
  if (input.classList.contains('govuk-date-input')) return markDate(input, message);
  const group = input.closest('.govuk-form-group');
  group.classList.add('govuk-form-group--error');
  if (input.type !== 'radio') {
    input.classList.add({ SELECT: 'govuk-select--error', TEXTAREA: 'govuk-textarea--error' }[input.tagName] || 'govuk-input--error');
  }
  const id = `${input.id}-error`;
  const error = el('p', { class: 'govuk-error-message', id }, el('span', { class: 'govuk-visually-hidden' }, 'Error: '), message);
  // GOV.UK puts the message above the input, or above the whole set of radios.
  (input.closest('.govuk-radios') || input).before(error);
  if (!input.dataset.described) input.dataset.described = input.getAttribute('aria-describedby') || '';
  input.setAttribute('aria-describedby', `${input.dataset.described} ${id}`.trim());
  return { href: `#${input.id}`, message };
}

/** This page anew, asking the read side for at least the version the 412 named (it may lag a moment behind). */
function reloadAt(version) {
  const url = new URL(location.href);
  url.hash = '';
  if (version !== undefined && version !== null) url.searchParams.set('minVersion', version);
  return url.toString();
}

/**
 * Shows a refusal on the form; {@code ruleFields} maps a rule code to the input it concerns, {@code fieldIds} a field
 * of the request body to its input where their names differ; {@code subject} names what a 412 found changed;
 * {@code labels} words a rule for this page, {@code fieldLabels} names a request field as its label does.
 */
export function showProblem(form, problem, ruleFields = {}, fieldIds = {},
  { subject = 'placement', labels = {}, fieldLabels = {} } = {}) {
  clearErrors(form);
  const body = problem.body || {};
  const items = [];
  for (const error of body.errors || []) {
    items.push(markField(form, fieldIds[error.field] || error.field, `${fieldLabels[error.field] || error.field} ${error.message}`));
  }
  if (body.rule) {
    const message = `${labels[body.rule] || LABELS[body.rule] || body.detail || body.title} (${body.rule})`;
    const field = ruleFields[body.rule];
    items.push(field ? markField(form, field, message) : { href: null, message });
  }
  if (items.length === 0 && problem.status === 412) {
    // Someone else's change came first: say so, and offer the way on (the page anew, with what they changed).
    items.push({ href: null, message: [`Someone else changed this ${subject} while you were looking at it, so your change was not made. `,
      el('a', { class: 'govuk-link', href: reloadAt(body.currentVersion), id: `${form.id}-reload` }, 'Reload the page'),
      ' to see what changed, then try again.'] });
  } else if (items.length === 0) {
    items.push({ href: null, message: body.detail || body.title || problem.message });
  }
  const summary = el('div', { class: 'govuk-error-summary', tabindex: '-1', id: `${form.id}-errors` },
    el('div', { role: 'alert' },
      el('h2', { class: 'govuk-error-summary__title' }, 'There is a problem'),
      el('div', { class: 'govuk-error-summary__body' },
        el('ul', { class: 'govuk-list govuk-error-summary__list' },
          items.map((i) => el('li', { 'data-rule': body.rule || null }, i.href ? el('a', { href: i.href }, i.message) : i.message))))));
  // As GOV.UK Frontend's error summary does: a link (followed by click or by Enter) moves focus into its field.
  summary.querySelectorAll('a[href^="#"]').forEach((link) => link.addEventListener('click', (event) => {
    const input = document.getElementById(link.getAttribute('href').slice(1));
    if (!input) return;
    event.preventDefault();
    (input.closest('fieldset') || input.closest('.govuk-form-group') || input).scrollIntoView();
    input.focus({ preventScroll: true });
  }));
  form.before(summary);
  summary.focus();
}

/** A whole number typed as text becomes a JSON number; anything else goes as typed, for the API to name. */
export function number(text) {
  return text !== undefined && /^-?\d+$/.test(text) ? Number(text) : text;
}

/** The form's named inputs as a flat map of name → trimmed value (empty ones left out), date inputs as ISO dates. */
export function values(form) {
  const result = {};
  for (const [name, value] of new FormData(form).entries()) {
    const v = String(value).trim();
    if (v !== '') result[name] = v;
  }
  return foldDates(form, result);
}
