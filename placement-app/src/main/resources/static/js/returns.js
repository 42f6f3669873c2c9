// The statutory returns (docs/returns.md): SEN2's placements module (RETURNS, ADMIN; the CSV holds pupils' data and
// every download is access-logged), SCAP's specialist capacity and demand forecast, and the reconciliation of a GIAS
// extract (RETURNS, ANALYST, ADMIN).
import { download, get, upload } from './api.js';
import { el, frame, ready, scrollingTables, showError } from './layout.js';
import { dateValue, setDate, upgradeDates } from './dates.js';
import { needLabel, scapPhaseLabel } from './labels.js';

const who = await frame();
upgradeDates();
const params = new URLSearchParams(location.search);
const has = (...roles) => roles.some((r) => who.roles.includes(r));
const query = (name, value) => (value ? `?${name}=${encodeURIComponent(value)}` : '');
const num = (v) => (v === null || v === undefined ? '–' : String(v));
const cell = (text, numeric, attrs = {}) => el('td', { class: `govuk-table__cell${numeric ? ' govuk-table__cell--numeric' : ''}`, ...attrs }, text);
const refusal = (e) => (e.status === 403 ? 'Your role may not see this return' : (e.body?.errors?.[0]?.message ? `${e.message}: ${e.body.errors[0].message}` : e.message));

function summaryRow(key, value, figure) {
  return el('div', { class: 'govuk-summary-list__row' },
    el('dt', { class: 'govuk-summary-list__key' }, key),
    el('dd', { class: 'govuk-summary-list__value', 'data-figure': figure }, num(value)));
}

function onSubmit(formId, field, param) {
  document.getElementById(formId).addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams(location.search);
    const value = dateValue(field);
    if (value) next.set(param, value); else next.delete(param);
    location.assign(`/returns.html${next.toString() ? `?${next}` : ''}`);
  });
}

async function sen2() {
  const censusDate = params.get('censusDate');
  setDate('censusDate', censusDate);
  onSubmit('sen2-form', 'censusDate', 'censusDate');
  document.getElementById('sen2').classList.remove('app-hidden');
  const problem = document.getElementById('sen2-problem');
  try {
    const s = await get(`/api/returns/sen2/summary${query('censusDate', censusDate)}`);
    document.getElementById('sen2-summary').replaceChildren(
      summaryRow('Census day', s.censusDate, 'censusDate'),
      summaryRow('Collection year from', s.from, 'from'),
      summaryRow('Placements', s.placements, 'placements'),
      summaryRow('Pupils', s.pupils, 'pupils'),
      summaryRow('Rows of the file (one per placement and need)', s.needRows, 'needRows'),
      summaryRow('There on census day', s.openOnCensusDay, 'openOnCensusDay'),
      summaryRow('Left in the collection year', s.leftInWindow, 'leftInWindow'),
      summaryRow('In SEN Units', s.senUnitPlacements, 'senUnitPlacements'),
      summaryRow('In Resource Bases', s.resourcedProvisionPlacements, 'resourcedProvisionPlacements'),
      summaryRow('Pupils left out: their data erased', s.erasedPupilsExcluded, 'erasedPupilsExcluded'));
    document.getElementById('sen2-download').addEventListener('click', async () => {
      try {
        await download(`/api/returns/sen2/placements.csv${query('censusDate', s.censusDate)}`, `sen2-placements-${s.censusDate}.csv`);
        document.getElementById('sen2-downloaded').textContent = `Downloaded sen2-placements-${s.censusDate}.csv; the download is in the access log.`;
      } catch (e) { showError(problem, refusal(e)); }
    });
  } catch (e) { showError(problem, refusal(e)); }
}

async function scap() {
  const asOf = params.get('scapAsOf');
  setDate('scapAsOf', asOf);
  onSubmit('scap-form', 'scapAsOf', 'scapAsOf');
  document.getElementById('scap').classList.remove('app-hidden');
  const problem = document.getElementById('scap-problem');
  try {
    const c = await get(`/api/returns/scap/capacity${query('asOf', asOf)}`);
    document.getElementById('scap-totals').textContent =
      `As at ${c.asOf}: ${c.schools} schools, ${c.capacity} places, ${c.onRoll} pupils on roll.`;
    document.querySelector('#scap-capacity tbody').replaceChildren(...c.rows.map((r) => el('tr', { class: 'govuk-table__row', 'data-urn': r.urn },
      el('th', { scope: 'row', class: 'govuk-table__header app-wrap' }, `${r.schoolName} (URN ${r.urn})`),
      cell(r.unitOrResourcedProvision, false, { 'data-figure': 'kind' }),
      cell(num(r.capacity), true, { 'data-figure': 'capacity' }), cell(num(r.primaryCapacity), true),
      cell(num(r.secondaryCapacity), true), cell(num(r.post16Capacity), true),
      cell(num(r.onRoll), true, { 'data-figure': 'onRoll' }), cell((r.provisionIds || []).join(', ')))));
    document.getElementById('scap-download').addEventListener('click', () =>
      download(`/api/returns/scap/capacity.csv${query('asOf', c.asOf)}`, `scap-capacity-${c.asOf}.csv`).catch((e) => showError(problem, refusal(e))));
  } catch (e) { showError(problem, refusal(e)); }
  try {
    // the forecast starts from today (it may not start after it): SCAP's 1 May ahead is a capacity date only
    const f = await get('/api/returns/scap/forecast');
    const p = f.parameters || {};
    document.getElementById('forecast-about').textContent = `From ${f.asOf}, five years on by cohort survival over `
      + `${p.historyYears} years of history (${p.historyFrom} to ${p.historyTo}, ${p.placementsRead} placements). `
      + 'Pupils are expected values; the download gives each phase by need.';
    const rows = [f.observed, ...(f.years || [])].filter(Boolean).flatMap((y) => (y.phases || []).map((ph) =>
      el('tr', { class: 'govuk-table__row', 'data-years-ahead': y.yearsAhead, 'data-phase': ph.phase },
        el('th', { scope: 'row', class: 'govuk-table__header' }, y.yearsAhead === 0 ? 'Now' : y.academicYear),
        cell(y.countedOn), cell(scapPhaseLabel(ph.phase)), cell(num(ph.pupils), true), cell(num(ph.places), true),
        cell(num(ph.shortfall), true), cell(num(ph.spare), true))));
    document.querySelector('#forecast tbody').replaceChildren(...rows);
    document.getElementById('forecast-download').addEventListener('click', () =>
      download(`/api/returns/scap/forecast.csv?asOf=${encodeURIComponent(f.asOf)}`, `scap-forecast-${f.asOf}.csv`).catch((e) => showError(problem, refusal(e))));
  } catch (e) { showError(problem, refusal(e)); }
}

function gias() {
  document.getElementById('gias').classList.remove('app-hidden');
  const problem = document.getElementById('gias-problem');
  document.getElementById('gias-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    problem.replaceChildren();
    const file = document.getElementById('gias-file').files[0];
    if (!file) { showError(problem, 'Choose the GIAS extract to compare'); return; }
    const asOf = dateValue('giasAsOf');
    try {
      const r = await upload(`/api/returns/gias/reconciliation${query('asOf', asOf)}`, file, 'text/csv');
      document.getElementById('gias-totals').textContent = `As at ${r.asOf}: ${r.schoolsInExtract} schools in the extract, `
        + `${r.schoolsCompared} compared, ${r.schoolsAgreeing} agreeing, ${r.schoolsDisagreeing} disagreeing.`;
      const rows = r.schools.filter((s) => !s.agrees).flatMap((s) => s.disagreements.map((d) =>
        el('tr', { class: 'govuk-table__row', 'data-urn': s.urn, 'data-item': d.item },
          el('th', { scope: 'row', class: 'govuk-table__header app-wrap' }, `${s.name ?? ''} (URN ${s.urn})`),
          cell(d.item), cell(d.gias ?? 'not in the extract', false, { 'data-figure': 'gias' }),
          cell(d.product ?? 'nothing recorded', false, { 'data-figure': 'product' }))));
      document.querySelector('#gias-disagreements tbody').replaceChildren(...(rows.length ? rows
        : [el('tr', { class: 'govuk-table__row' }, el('td', { class: 'govuk-table__cell', colspan: '4' }, 'Every school compared agrees.'))]));
      scrollingTables();
      document.body.dataset.compared = 'true';
    } catch (e) { showError(problem, refusal(e)); }
  });
}

if (has('RETURNS', 'ADMIN')) await sen2();
if (has('RETURNS', 'ANALYST', 'ADMIN')) { await scap(); gias(); }
ready();
