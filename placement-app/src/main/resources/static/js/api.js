// The only door to the API: every call carries the signed-in user's Basic credentials, kept for this tab only.
const KEY = 'placements.credentials';

export function signedIn() {
  return sessionStorage.getItem(KEY) !== null;
}

export function remember(user, password) {
  sessionStorage.setItem(KEY, btoa(`${user}:${password}`));
}

export function forget() {
  sessionStorage.removeItem(KEY);
  sessionStorage.removeItem('placements.me');
}

/** An answer the API refused: status and its problem details (title, detail, rule, errors[]). */
export class Problem extends Error {
  constructor(status, body) {
    super(body.detail || body.title || `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

export async function call(method, path, body, extraHeaders = {}) {
  const headers = { 'X-Requested-With': 'fetch', Accept: 'application/json', ...extraHeaders };
  const credentials = sessionStorage.getItem(KEY);
  if (credentials) headers.Authorization = `Basic ${credentials}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const json = text ? JSON.parse(text) : {};
  if (!response.ok) throw new Problem(response.status, json);
  return json;
}

export const get = (path) => call('GET', path);
export const post = (path, body, headers) => call('POST', path, body, headers);

export const put = (path, body, headers) => call('PUT', path, body, headers);

/** Posts a file's text as it is (a CSV: {@code text/csv}) and answers the API's JSON, or throws a Problem. */
export async function upload(path, file, contentType = 'text/csv') {
  const headers = { 'X-Requested-With': 'fetch', Accept: 'application/json', 'Content-Type': contentType };
  const credentials = sessionStorage.getItem(KEY);
  if (credentials) headers.Authorization = `Basic ${credentials}`;
  const response = await fetch(path, { method: 'POST', headers, body: file });
  const text = await response.text();
  let json = {};
  try { json = text ? JSON.parse(text) : {}; } catch (e) { json = { detail: text }; }
  if (!response.ok) throw new Problem(response.status, json);
  return json;
}

/**
 * Downloads a file the API answers (a CSV) with the signed-in user's credentials, which a plain link cannot send:
 * fetched, then saved under {@code filename} from a blob. A refusal throws a Problem like any call.
 */
export async function download(path, filename) {
  const headers = { 'X-Requested-With': 'fetch', Accept: 'text/csv, application/problem+json' };
  const credentials = sessionStorage.getItem(KEY);
  if (credentials) headers.Authorization = `Basic ${credentials}`;
  const response = await fetch(path, { headers, cache: 'no-store' });
  if (!response.ok) {
    const text = await response.text();
    let body = {};
    try { body = text ? JSON.parse(text) : {}; } catch (e) { body = { detail: text }; }
    throw new Problem(response.status, body);
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
  return blob.size;
}

/** Who is signed in and their roles; asked once per tab. */
export async function me() {
  const cached = sessionStorage.getItem('placements.me');
  if (cached) return JSON.parse(cached);
  const answer = await get('/api/me');
  sessionStorage.setItem('placements.me', JSON.stringify(answer));
  return answer;
}

export function today() {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Reads a text/event-stream with the signed-in user's credentials (an EventSource cannot send them): calls
 * onEvent(name, data) for each event, onOpen() once the stream answered; resolves when the stream ends.
 */
export async function stream(path, onEvent, onOpen = () => {}, signal = undefined) {
  const headers = { 'X-Requested-With': 'fetch', Accept: 'text/event-stream' };
  const credentials = sessionStorage.getItem(KEY);
  if (credentials) headers.Authorization = `Basic ${credentials}`;
  const response = await fetch(path, { headers, signal, cache: 'no-store' });
  if (!response.ok || !response.body) throw new Problem(response.status, {});
  onOpen();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let name = 'message';
  let data = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.search(/\r?\n/)) >= 0) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + (buffer[end] === '\r' ? 2 : 1));
      if (line === '') {
        if (data.length) onEvent(name, data.join('\n'));
        name = 'message';
        data = [];
      } else if (!line.startsWith(':')) {
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        let text = colon < 0 ? '' : line.slice(colon + 1);
        if (text.startsWith(' ')) text = text.slice(1);
        if (field === 'event') name = text;
        else if (field === 'data') data.push(text);
      }
    }
  }
}
