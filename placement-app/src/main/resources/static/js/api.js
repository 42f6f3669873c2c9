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
