// What the money pages share: pounds shown and typed, the labels of top-ups, the periods
// (financial years April-March, academic years September-August, months), and the tables of figures.
import { download } from './api.js';
import { el } from './layout.js';

const POUNDS = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const WHOLE_POUNDS = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });

/** A sum in pounds as people read it: £3,100.00 ('–' for none). */
export function pounds(value) {
  if (value === null || value === undefined || value === '') return '–';
  return POUNDS.format(Number(value));
}

/** A sum on a chart's axis: whole pounds. */
export function wholePounds(value) {
  return WHOLE_POUNDS.format(Number(value));
}

/**
 * A sum typed by a person (£3,100 or 3100.5) as the JSON number the API takes; anything else goes as typed, for the
 * API to refuse and name the field.
 */
export function amount(text) {
  if (text === undefined) return undefined;
  const plain = text.replace(/^£/, '').replaceAll(',', '').trim();
  return /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : text;
}

// The labels of types and phases live with every other label in labels.js; the money pages import them from here too.
export { TYPES, PHASES, typeLabel, phaseLabel } from './labels.js';

/** How a top-up is priced, as people say it. */
export function topUpLabel(basis, band) {
  return basis === 'PROVISION_RATE' ? "The provision's own rate" : `Band ${band}`;
}

/** What priced a month of the ledger (B2, B1 > B2 when the band changed in the month, PROVISION_RATE), as read. */
export function pricedByLabel(basis) {
  if (!basis) return 'Nothing in force';
  return basis.split(' > ').map((b) => (b === 'PROVISION_RATE' ? "the provision's own rate" : `Band ${b}`))
    .join(', then ').replace(/^t/, 'T');
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];

/** 2026-09 → September 2026. */
export function monthLabel(month) {
  const [year, m] = String(month).split('-');
  return MONTHS[Number(m) - 1] ? `${MONTHS[Number(m) - 1]} ${year}` : String(month);
}

/** 2026-09 → Sep 2026 (a chart's axis). */
export function shortMonth(month) {
  const [year, m] = String(month).split('-');
  return MONTHS[Number(m) - 1] ? `${MONTHS[Number(m) - 1].slice(0, 3)} ${year}` : String(month);
}

/** 2026-09-15 → 15 September 2026. */
export function dayLabel(iso) {
  if (!iso) return '';
  const [year, m, d] = String(iso).slice(0, 10).split('-');
  return MONTHS[Number(m) - 1] ? `${Number(d)} ${MONTHS[Number(m) - 1]} ${year}` : String(iso);
}

/** An instant (2026-09-15T10:20:30Z) as the day and time it was recorded, UTC. */
export function recordedLabel(instant) {
  if (!instant) return '';
  return `${dayLabel(instant)} ${String(instant).slice(11, 16)}`;
}

const yearName = (start) => `${start}-${String((start + 1) % 100).padStart(2, '0')}`;

/** The financial year (April-March) of an ISO day: 2026-03-31 → 2025-26, 2026-04-01 → 2026-27. */
export function financialYearOf(iso) {
  const [year, month] = iso.split('-').map(Number);
  return yearName(month >= 4 ? year : year - 1);
}

/** The academic year (September-August) of an ISO day. */
export function academicYearOf(iso) {
  const [year, month] = iso.split('-').map(Number);
  return yearName(month >= 9 ? year : year - 1);
}

/** The year after 2026-27: 2027-28. */
export function nextYear(name) {
  return yearName(Number(name.slice(0, 4)) + 1);
}

/** Years around this one, for a picker: {@code before} years back to {@code after} years on. */
export function yearsAround(current, before = 3, after = 1) {
  const start = Number(current.slice(0, 4));
  const years = [];
  for (let y = start - before; y <= start + after; y++) years.push(yearName(y));
  return years;
}

/** The months 2026-04 … around a month, for a picker. */
export function monthsAround(current, before = 12, after = 2) {
  const [year, month] = current.split('-').map(Number);
  const months = [];
  for (let i = -before; i <= after; i++) {
    const index = year * 12 + (month - 1) + i;
    months.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return months;
}

/** A table cell with a figure: numeric, with data-figure naming it (tests and people read the same cell). */
export function figureCell(figure, text) {
  return el('td', { class: 'govuk-table__cell govuk-table__cell--numeric', 'data-figure': figure }, text);
}

/** A table: a caption (or aria-labelledby), header cells (a trailing '#' marks a numeric column), rows. */
export function table(id, heads, rows, { labelledBy = null, caption = null } = {}) {
  return el('div', { class: 'app-table-scroll' },
    el('table', { class: 'govuk-table', id, 'aria-labelledby': labelledBy },
      caption ? el('caption', { class: 'govuk-table__caption govuk-table__caption--s' }, caption) : null,
      el('thead', { class: 'govuk-table__head' }, el('tr', { class: 'govuk-table__row' },
        heads.map((h) => el('th', { scope: 'col', class: `govuk-table__header${h.endsWith('#') ? ' govuk-table__header--numeric' : ''}` },
          h.replace(/#$/, ''))))),
      el('tbody', { class: 'govuk-table__body' }, rows)));
}

/** A GOV.UK success banner above the page's content, focused so that a screen reader says what was done. */
export function success(container, heading, text) {
  const banner = el('div', { class: 'govuk-notification-banner govuk-notification-banner--success', role: 'alert',
    'aria-labelledby': `${container.id}-banner-title`, tabindex: '-1', id: `${container.id}-banner` },
  el('div', { class: 'govuk-notification-banner__header' },
    el('h2', { class: 'govuk-notification-banner__title', id: `${container.id}-banner-title` }, 'Success')),
  el('div', { class: 'govuk-notification-banner__content' },
    el('p', { class: 'govuk-notification-banner__heading' }, heading),
    text ? el('p', { class: 'govuk-body' }, text) : null));
  container.replaceChildren(banner);
  banner.focus();
}

/**
 * A link to a file of the API (a CSV): its href names the file, a click downloads it with the user's credentials;
 * a refusal is shown in {@code problem}. The link is marked data-downloaded once the file was saved.
 */
export function downloadLink(id, text, path, filename, problem, onProblem) {
  const link = el('a', { class: 'govuk-link', id, href: path, 'data-filename': filename }, text);
  link.addEventListener('click', async (event) => {
    event.preventDefault();
    try {
      await download(path, filename);
      link.dataset.downloaded = 'true';
    } catch (e) {
      onProblem(problem, e);
    }
  });
  return link;
}
