import { el, frame, ready } from './layout.js';
import { roleLabel } from './labels.js';

const who = await frame();
document.getElementById('greeting').textContent = `Signed in as ${who.user} (${who.roles.map(roleLabel).join(', ').toLowerCase()}).`;
const jobs = document.getElementById('jobs');
for (const link of document.querySelectorAll('#menu-list a')) {
  jobs.append(el('li', {}, el('a', { class: 'govuk-link', href: link.getAttribute('href') }, link.textContent)));
}
ready();
