// The GOV.UK date input pattern: a fieldset whose legend names the date, and three boxes (day, month, year).
// The API takes ISO dates: the boxes are joined as year-month-day when the request is made, and whatever was typed
// goes as typed, for the API to refuse and name the field; the error is then shown on the box that is wrong.
import { el } from './layout.js';

const PARTS = [['day', 'Day', 2], ['month', 'Month', 2], ['year', 'Year', 4]];

/**
 * A date input: {@code id} of its boxes' group (boxes are id-day, id-month, id-year), {@code name} of the request
 * field it fills, its legend, an optional hint and an optional ISO value.
 */
export function dateField(id, legend, { name = id, hint = 'For example, 27 3 2026', value = '' } = {}) {
  const boxes = el('div', { class: 'govuk-date-input', id, 'data-date-name': name, 'data-legend': legend },
    PARTS.map(([part, label, width]) => el('div', { class: 'govuk-date-input__item' },
      el('div', { class: 'govuk-form-group' },
        el('label', { class: 'govuk-label govuk-date-input__label', for: `${id}-${part}` }, label),
        el('input', { class: `govuk-input govuk-date-input__input govuk-input--width-${width}`, id: `${id}-${part}`,
          name: `${id}-${part}`, type: 'text', inputmode: 'numeric', 'data-date-part': part })))));
  const group = el('div', { class: 'govuk-form-group' },
    el('fieldset', { class: 'govuk-fieldset', role: 'group', 'aria-describedby': hint ? `${id}-hint` : null },
      el('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, legend),
      hint ? el('div', { class: 'govuk-hint', id: `${id}-hint` }, hint) : null,
      boxes));
  setDate(boxes, value);
  return group;
}

/** Replaces each {@code <div data-date-input="id" data-legend=… data-name=… data-hint=…>} of the page by a date input. */
export function upgradeDates(root = document) {
  root.querySelectorAll('[data-date-input]').forEach((placeholder) => {
    const { dateInput, legend, name, hint } = placeholder.dataset;
    placeholder.replaceWith(dateField(dateInput, legend, { name: name || dateInput, hint }));
  });
}

function boxesOf(target) {
  return typeof target === 'string' ? document.getElementById(target) : target;
}

/** Fills a date input from an ISO date (or empties it). */
export function setDate(target, iso) {
  const boxes = boxesOf(target);
  const [year, month, day] = /^\d{4}-\d{2}-\d{2}$/.test(iso || '') ? iso.split('-') : ['', '', ''];
  boxes.querySelector('[data-date-part=day]').value = day ? String(Number(day)) : '';
  boxes.querySelector('[data-date-part=month]').value = month ? String(Number(month)) : '';
  boxes.querySelector('[data-date-part=year]').value = year;
}

function parts(boxes) {
  return Object.fromEntries(PARTS.map(([part]) => [part, boxes.querySelector(`[data-date-part=${part}]`).value.trim()]));
}

/** The date typed, as the API takes it: year-month-day, '' when all boxes are empty, else as typed. */
export function dateValue(target) {
  const { day, month, year } = parts(boxesOf(target));
  if (!day && !month && !year) return '';
  const pad = (text) => (/^\d$/.test(text) ? `0${text}` : text);
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Joins the boxes of each date input in the form into its request field, in place of the boxes' own names. */
export function foldDates(form, result) {
  form.querySelectorAll('.govuk-date-input[data-date-name]').forEach((boxes) => {
    PARTS.forEach(([part]) => delete result[`${boxes.id}-${part}`]);
    const value = dateValue(boxes);
    if (value) result[boxes.dataset.dateName] = value;
  });
  return result;
}

/**
 * Which boxes a refused date concerns and how to say so (GOV.UK's wording): a missing or impossible day, month or
 * year marks that box alone; otherwise the whole date is wrong, or right in form but refused by a rule.
 */
export function dateProblem(boxes, apiMessage) {
  const legend = boxes.dataset.legend;
  const p = parts(boxes);
  const missing = PARTS.filter(([part]) => !p[part]).map(([part]) => part);
  if (missing.length === 3) return { boxes: ['day', 'month', 'year'], message: `Enter ${legend.toLowerCase()}` };
  if (missing.length) return { boxes: missing, message: `${legend} must include a ${missing.join(' and a ')}` };
  const wrong = [];
  if (!/^\d{1,2}$/.test(p.day) || Number(p.day) < 1 || Number(p.day) > 31) wrong.push('day');
  if (!/^\d{1,2}$/.test(p.month) || Number(p.month) < 1 || Number(p.month) > 12) wrong.push('month');
  if (!/^\d{4}$/.test(p.year)) wrong.push('year');
  if (wrong.length === 1) return { boxes: wrong, message: `${legend} must be a real date: check the ${wrong[0]}` };
  if (wrong.length || /must be a date/.test(apiMessage)) {
    return { boxes: ['day', 'month', 'year'], message: `${legend} must be a real date` };
  }
  return { boxes: ['day', 'month', 'year'], message: apiMessage };
}
