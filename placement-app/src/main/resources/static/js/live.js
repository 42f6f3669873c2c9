// Live capacity: the API's capacity stream (server-sent events) keeps the figures on a page current without a reload.
// A "snapshot" event carries each open provision's row as the stream opens (which covers changes made between the
// page's load and the stream's start), a "capacity" event a provision's new row each time its figures change.
import { stream } from './api.js';
import { el } from './layout.js';

const RETRY_MS = 5000;

function showStatus(on, explanation) {
  const status = document.getElementById('live-status');
  if (status) {
    status.replaceChildren(el('strong', { class: `govuk-tag ${on ? 'govuk-tag--green' : 'govuk-tag--grey'}`, id: 'live' },
      on ? 'Live' : 'Reconnecting'), on ? ` ${explanation}` : '');
  }
  document.body.dataset.live = String(on);
}

/**
 * Calls onRow(row) with each provision's capacity row from the stream, for as long as the page is open: when the
 * stream ends or fails, the page says so in #live-status and opens it again a few seconds later.
 */
export async function watchCapacity(onRow, explanation = 'Figures update as places are offered, taken up and ended.') {
  for (;;) {
    try {
      await stream('/api/dashboard/capacity/stream', (name, data) => {
        if (name === 'capacity' || name === 'snapshot') onRow(JSON.parse(data));
      }, () => showStatus(true, explanation));
    } catch (e) {
      // fall through: show the stream as down and try again
    }
    showStatus(false, explanation);
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
}
