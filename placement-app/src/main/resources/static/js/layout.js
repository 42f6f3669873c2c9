// The frame of every page after sign-in: who is signed in, the menus of their roles, sign out.
import { forget, me, signedIn } from './api.js';

const MENUS = [
  { href: '/caseload.html', text: 'Caseload', roles: ['CASEWORKER', 'ADMIN'] },
  { href: '/refer.html', text: 'Refer a pupil', roles: ['CASEWORKER', 'ADMIN'] },
  { href: '/provisions.html', text: 'Provisions', roles: ['CASEWORKER', 'PROVISION_ADMIN', 'AUDITOR', 'ANALYST', 'ADMIN'] },
  { href: '/capacity.html', text: 'Capacity', roles: ['ANALYST', 'ADMIN'] },
  { href: '/waiting-list.html', text: 'Waiting list', roles: ['ANALYST', 'ADMIN'] },
  { href: '/inclusion.html', text: 'Inclusion', roles: ['ANALYST', 'ADMIN'] },
  { href: '/bases.html', text: 'Inclusion bases', roles: ['ANALYST', 'ADMIN'] },
  { href: '/audit.html', text: 'Audit', roles: ['AUDITOR', 'ADMIN'] },
  // money (docs/funding.md): caseworkers fund placements, finance keeps the tariff and pays schools
  { href: '/without-funding.html', text: 'Without funding', roles: ['CASEWORKER', 'FINANCE', 'ADMIN'] },
  { href: '/funding.html', text: 'Finance', roles: ['FINANCE', 'ANALYST', 'ADMIN'] },
  { href: '/tariff.html', text: 'Tariff', roles: ['FINANCE', 'ADMIN'] },
  { href: '/schedules.html', text: 'Payment schedules', roles: ['FINANCE', 'ADMIN'] },
  { href: '/place-change.html', text: 'Place-change return', roles: ['PROVISION_ADMIN', 'FINANCE', 'ANALYST', 'ADMIN'] },
  // statutory returns (docs/returns.md): SEN2 for RETURNS and ADMIN, SCAP and GIAS for analysts too
  { href: '/returns.html', text: 'Returns', roles: ['RETURNS', 'ANALYST', 'ADMIN'] },
];

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null) node.append(child);
  }
  return node;
}

/** Renders the menus for the signed-in user, or sends them to sign in; answers who they are. */
export async function frame() {
  if (!signedIn()) {
    location.replace('/index.html');
    return new Promise(() => {});
  }
  let who;
  try {
    who = await me();
  } catch (e) {
    forget();
    location.replace('/index.html');
    return new Promise(() => {});
  }
  const nav = document.getElementById('menu');
  const list = el('ul', { class: 'govuk-service-navigation__list', id: 'menu-list' });
  for (const menu of MENUS.filter((m) => m.roles.some((r) => who.roles.includes(r)))) {
    const current = location.pathname === menu.href;
    list.append(el('li', { class: 'govuk-service-navigation__item' + (current ? ' govuk-service-navigation__item--active' : '') },
      el('a', { class: 'govuk-service-navigation__link', href: menu.href, 'aria-current': current ? 'page' : null }, menu.text)));
  }
  const signOut = el('button', { type: 'button', class: 'govuk-button govuk-button--secondary app-sign-out', id: 'sign-out', 'data-module': 'govuk-button' }, 'Sign out');
  signOut.addEventListener('click', () => {
    forget();
    location.replace('/index.html');
  });
  nav.append(list, el('p', { class: 'govuk-body-s app-who', id: 'who' }, `Signed in as ${who.user}`), signOut);
  return who;
}

export function showError(container, message) {
  container.replaceChildren(el('div', { class: 'govuk-error-summary', role: 'alert', tabindex: '-1' },
    el('div', { role: 'alert' }, el('h2', { class: 'govuk-error-summary__title' }, 'There is a problem'),
      el('div', { class: 'govuk-error-summary__body' }, el('p', { class: 'govuk-body' }, message)))));
  container.firstChild.focus();
}

/** Marks the page as ready to use: its data shown and its forms wired (tests wait for this too). */
export function ready() {
  scrollingTables();
  document.body.dataset.ready = 'true';
}

/**
 * A table wider than its box scrolls inside it (.app-table-scroll): the box is then a region a keyboard can focus and
 * scroll, named after its table, and marked data-scrolls (the first column stays in view: app.css).
 */
export function scrollingTables() {
  for (const box of document.querySelectorAll('.app-table-scroll')) {
    const table = box.querySelector('table');
    const scrolls = box.scrollWidth > box.clientWidth + 1;
    box.dataset.scrolls = String(scrolls);
    if (scrolls && table) {
      box.tabIndex = 0;
      box.setAttribute('role', 'region');
      const label = table.getAttribute('aria-labelledby');
      if (label) box.setAttribute('aria-labelledby', label);
      else box.setAttribute('aria-label', table.querySelector('caption')?.textContent || 'Table');
    } else {
      box.removeAttribute('tabindex');
      box.removeAttribute('role');
    }
  }
}

window.addEventListener('resize', () => { if (document.body.dataset.ready) scrollingTables(); });
