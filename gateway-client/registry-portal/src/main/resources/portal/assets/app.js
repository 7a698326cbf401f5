// The verification portal's pages: "/" (check a file) and "/r/{namespace}/{id}"
// (one record, usually opened from a QR code). Both pages load this module;
// <body data-page="index|record"> tells them apart.
//
// The page's Content-Security-Policy forbids inline scripts and styles, so the
// DOM is built with createElement/textContent only (never innerHTML), and
// presentation is done with classes and the hidden property.

import {
  FORMAT_LOCALE,
  HTML_LANG,
  LANGUAGES,
  codeLabel,
  detectLanguage,
  formatInstant,
  getLanguage,
  hasText,
  setLanguage,
  t,
} from './i18n.js';
import { hashFile } from './hash.js';

const PAGE = document.body.dataset.page;
const HEX64 = /^[0-9a-f]{64}$/;
const ERROR_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;
const KNOWN_VERDICTS = new Set([
  'VALID',
  'REVOKED',
  'SUPERSEDED',
  'EXPIRED',
  'NOT_YET_VALID',
  'ISSUER_NOT_AUTHORIZED',
  'UNKNOWN',
]);
/** A "verdict as of" line is shown when the instant judged differs from the portal's clock by more than this. */
const AS_OF_THRESHOLD_MS = 60_000;
/** Delay before the hashing progress bar appears, so that small files do not make it flicker. */
const PROGRESS_DELAY_MS = 250;

const $ = (id) => document.getElementById(id);

/** Everything the page shows, so that a language switch can re-render it. */
const state = {
  /** The last Report shown (or null). */
  report: null,
  /** The issuer the shown report was restricted to ('' for any). */
  reportIssuer: '',
  /** {code, retryAfter} of the error shown, or null. */
  error: null,
  /** A request to the portal is under way. */
  busy: false,
  /** ISO instant of the "valid on a date" check; null means now. */
  at: null,
  /** The file hashed on this device: {name, sha256}, sha256 null while hashing. */
  file: null,
  /** Agencies from /api/agencies: [{msp, name, namespace}]. */
  agencies: [],
  /** Record page: {namespace, id} from the address, or null if the address is not a record's. */
  recordRef: null,
  /** Record page: the hash from the QR code's #sha256=..., 'invalid' if malformed, null if absent. */
  qrHash: null,
};

// ---------------------------------------------------------------------------
// Talking to the portal

/** A failure to show: code is a server error code or a local one (NETWORK, BAD_RESPONSE...). */
class PortalError extends Error {
  constructor(code, retryAfter = null) {
    super(code);
    this.name = 'PortalError';
    this.code = code;
    this.retryAfter = retryAfter;
  }
}

/** Retry-After is either seconds or an HTTP date; returns whole seconds, or null. */
function parseRetryAfter(header) {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const when = Date.parse(trimmed);
  return Number.isNaN(when) ? null : Math.max(0, Math.ceil((when - Date.now()) / 1000));
}

/** The error code of a failed response: the server's if well-formed, else derived from the status. */
function errorCodeOf(response, body) {
  const code = body?.error?.code;
  if (typeof code === 'string' && ERROR_CODE.test(code)) return code;
  if (response.status === 429) return 'RATE_LIMITED';
  if (response.status === 503) return 'PEERS_UNAVAILABLE';
  return `HTTP_${response.status}`;
}

async function requestJson(url, { signal, body } = {}) {
  const init = {
    method: body === undefined ? 'GET' : 'POST',
    headers: { Accept: 'application/json' },
    credentials: 'same-origin',
    cache: 'no-store',
    referrerPolicy: 'no-referrer',
    signal,
  };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }

  let response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    if (error?.name === 'AbortError') throw error;
    throw new PortalError('NETWORK');
  }

  let json = null;
  try {
    json = await response.json();
  } catch (error) {
    if (error?.name === 'AbortError') throw error;
    // Not JSON: handled below.
  }
  if (!response.ok) {
    throw new PortalError(errorCodeOf(response, json), parseRetryAfter(response.headers.get('Retry-After')));
  }
  if (json === null || typeof json !== 'object') throw new PortalError('BAD_RESPONSE');
  return json;
}

/** Checks the shape of a Report just enough to render it safely. */
function asReport(json) {
  if (typeof json.verdict !== 'string' || !Array.isArray(json.records)) throw new PortalError('BAD_RESPONSE');
  return {
    ...json,
    records: json.records.filter((record) => record && typeof record === 'object'),
    attestedBy: Array.isArray(json.attestedBy) ? json.attestedBy.filter((a) => a && typeof a === 'object') : [],
  };
}

async function verifyHash(sha256, issuer, at, signal) {
  const question = { sha256 };
  if (issuer) question.issuer = issuer;
  if (at) question.at = at;
  return asReport(await requestJson('/api/verify', { body: question, signal }));
}

async function fetchRecordReport({ namespace, id }, at, signal) {
  let url = `/api/records/${encodeURIComponent(namespace)}/${encodeURIComponent(id)}`;
  if (at) url += `?at=${encodeURIComponent(at)}`;
  return asReport(await requestJson(url, { signal }));
}

async function fetchAgencies() {
  const json = await requestJson('/api/agencies');
  if (!Array.isArray(json.agencies)) return [];
  return json.agencies.filter((a) => a && typeof a.msp === 'string' && a.msp !== '');
}

// ---------------------------------------------------------------------------
// Small DOM helpers

/**
 * Creates an element. props: className, text (textContent), any other key is
 * set as an attribute (never "style": the CSP forbids inline styles).
 */
function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'className') node.className = value;
    else if (name === 'text') node.textContent = String(value);
    else node.setAttribute(name, String(value));
  }
  node.append(...children.filter((child) => child !== null && child !== undefined && child !== false));
  return node;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Icon shapes, 24×24, drawn with strokes. Each differs in shape, not only colour. */
const ICONS = {
  // Circle with a tick.
  valid: [
    ['circle', { cx: 12, cy: 12, r: 10 }],
    ['path', { d: 'M7 12.5l3.2 3.2L17 9' }],
  ],
  // Octagon (stop sign) with a cross.
  revoked: [
    ['path', { d: 'M8.1 2h7.8L22 8.1v7.8L15.9 22H8.1L2 15.9V8.1z' }],
    ['path', { d: 'M8.5 8.5l7 7M15.5 8.5l-7 7' }],
  ],
  // Two opposite arrows: one document replaced by another.
  superseded: [
    ['path', { d: 'M4 8h14M14 4l4 4-4 4' }],
    ['path', { d: 'M20 16H6M10 12l-4 4 4 4' }],
  ],
  // Hourglass: time ran out.
  expired: [['path', { d: 'M6 2h12M6 22h12M7 2v3c0 3.5 10 3.5 10 7s-10 3.5-10 7v3M17 2v3c0 3.5-10 3.5-10 7s10 3.5 10 7v3' }]],
  // Clock: not yet.
  notYet: [
    ['circle', { cx: 12, cy: 12, r: 10 }],
    ['path', { d: 'M12 6.5V12l3.5 2' }],
  ],
  // Triangle with an exclamation mark.
  warning: [
    ['path', { d: 'M12 2.8L22.4 20.8H1.6z' }],
    ['path', { d: 'M12 9.5v5M12 17.6v.1' }],
  ],
  // Circle with a question mark.
  unknown: [
    ['circle', { cx: 12, cy: 12, r: 10 }],
    ['path', { d: 'M9.2 9.3a2.9 2.9 0 1 1 4.1 2.6c-.8.4-1.3 1.1-1.3 2v.6M12 17.4v.1' }],
  ],
};

function icon(name, className = 'icon') {
  const svg = document.createElementNS(SVG_NS, 'svg');
  for (const [attr, value] of Object.entries({
    class: className,
    viewBox: '0 0 24 24',
    fill: 'none',
    stroke: 'currentColor',
    'stroke-width': 2,
    'stroke-linecap': 'round',
    'stroke-linejoin': 'round',
    'aria-hidden': 'true',
    focusable: 'false',
  })) {
    svg.setAttribute(attr, String(value));
  }
  for (const [tag, attrs] of ICONS[name] ?? ICONS.unknown) {
    const shape = document.createElementNS(SVG_NS, tag);
    for (const [attr, value] of Object.entries(attrs)) shape.setAttribute(attr, String(value));
    svg.append(shape);
  }
  return svg;
}

/** Tone (colour family, for the CSS) and icon of each verdict. */
const VERDICT_LOOK = {
  VALID: { tone: 'ok', icon: 'valid' },
  REVOKED: { tone: 'bad', icon: 'revoked' },
  ISSUER_NOT_AUTHORIZED: { tone: 'bad', icon: 'warning' },
  SUPERSEDED: { tone: 'warn', icon: 'superseded' },
  EXPIRED: { tone: 'warn', icon: 'expired' },
  NOT_YET_VALID: { tone: 'warn', icon: 'notYet' },
  UNKNOWN: { tone: 'unknown', icon: 'unknown' },
};

function lookOf(verdict) {
  return VERDICT_LOOK[verdict] ?? VERDICT_LOOK.UNKNOWN;
}

/** Link to a record's page; carries ?lang= along when this page was opened with one. */
function recordHref(namespace, id) {
  const href = `/r/${encodeURIComponent(namespace)}/${encodeURIComponent(id)}`;
  return new URLSearchParams(location.search).has('lang') ? `${href}?lang=${getLanguage()}` : href;
}

function agencyName(agency) {
  return String(agency?.name || agency?.msp || t('field.none'));
}

// ---------------------------------------------------------------------------
// Rendering the verdict

function verdictHeadingText(verdict) {
  return KNOWN_VERDICTS.has(verdict) ? t(`verdict.${verdict}`) : t('verdict.other', { code: verdict });
}

function explanationText(verdict) {
  if (verdict === 'UNKNOWN' && PAGE === 'record') return t('explain.UNKNOWN_RECORD');
  return KNOWN_VERDICTS.has(verdict) ? t(`explain.${verdict}`) : null;
}

function renderBanner(report) {
  const verdict = report.verdict;
  const body = el(
    'div',
    { className: 'verdict-body' },
    el('h2', { id: 'verdict-heading', tabindex: '-1', text: verdictHeadingText(verdict) }),
  );
  const explanation = explanationText(verdict);
  if (explanation) body.append(el('p', { className: 'verdict-explanation', text: explanation }));
  if (PAGE === 'index' && state.reportIssuer) {
    const agency = state.agencies.find((a) => a.msp === state.reportIssuer);
    body.append(el('p', { className: 'issuer-filter', text: t('explain.issuerFilter', { agency: agencyName(agency ?? { msp: state.reportIssuer }) }) }));
  }
  return el('div', { className: 'verdict-banner' }, icon(lookOf(verdict).icon, 'icon verdict-icon'), body);
}

/** Appends one <dt>/<dd> pair (grouped in a <div>, which <dl> allows) to a list. */
function addField(list, label, value, ddClass) {
  const dd = el('dd', { className: ddClass });
  dd.append(value instanceof Node ? value : String(value));
  list.append(el('div', { className: 'field-row' }, el('dt', { text: label }), dd));
}

function issuerValue(issuer) {
  const fragment = document.createDocumentFragment();
  fragment.append(agencyName(issuer));
  if (issuer?.msp && issuer?.name) fragment.append(' ', el('small', { className: 'msp', text: issuer.msp }));
  return fragment;
}

function recordIdValue(record) {
  const code = el('code', { className: 'record-id', text: record.id });
  // On the index page the id links to the record's own page (a shareable address).
  if (PAGE !== 'index' || !record.namespace || !record.id) return code;
  return el('a', { className: 'record-link', href: recordHref(record.namespace, record.id) }, code);
}

function isSuperseded(record) {
  return record.verdict === 'SUPERSEDED' || record.status === 'SUPERSEDED';
}

function renderRecordCard(record) {
  const verdict = String(record.verdict ?? '');
  const look = lookOf(verdict);
  const card = el('article', {
    className: `record tone-${look.tone}`,
    'data-record-id': record.id,
    'data-verdict': verdict,
  });
  const badge = KNOWN_VERDICTS.has(verdict) ? t(`badge.${verdict}`) : verdict;
  card.append(el('h3', { className: 'record-heading' }, icon(look.icon, 'icon record-icon'), el('span', { text: badge })));

  const fields = el('dl', { className: 'record-fields' });
  addField(fields, t('field.issuer'), issuerValue(record.issuer));
  addField(fields, t('field.documentType'), codeLabel('docType.', record.documentType));
  addField(fields, t('field.recordId'), recordIdValue(record));
  addField(fields, t('field.validFrom'), formatInstant(record.validFrom));
  addField(fields, t('field.validUntil'), record.validUntil ? formatInstant(record.validUntil) : t('field.noEnd'));

  // A revocation is shown whenever the ledger has one, even when the record
  // was still valid at the instant checked (it tells the user what came later).
  if (record.revocation && typeof record.revocation === 'object') {
    addField(fields, t('field.revokedAt'), formatInstant(record.revocation.revokedAt));
    addField(fields, t('field.revocationReason'), codeLabel('reason.', record.revocation.reason), 'revocation-reason');
  }
  if (isSuperseded(record) && record.currentRecordId && record.currentRecordId !== record.id && record.namespace) {
    const link = el('a', {
      className: 'current-record-link',
      href: recordHref(record.namespace, record.currentRecordId),
      text: t('field.currentLink'),
    });
    addField(fields, t('field.current'), link);
  }
  if (record.transaction && typeof record.transaction === 'object') {
    addField(fields, t('field.transaction'), el('code', { className: 'hex txid', text: record.transaction.id }));
    addField(fields, t('field.recordedAt'), formatInstant(record.transaction.timestamp));
  }
  card.append(fields);
  return card;
}

/** Record page: the QR code's hash compared with the ledger's, and the ledger's fingerprint. */
function renderLedgerFingerprint(record) {
  const block = el('div', { className: 'ledger-fingerprint' });
  if (state.qrHash) {
    const matches = state.qrHash !== 'invalid' && state.qrHash === String(record.sha256).toLowerCase();
    const text = matches ? t('qr.match') : state.qrHash === 'invalid' ? t('qr.invalid') : t('qr.mismatch');
    block.append(
      el(
        'p',
        { id: 'qr-hash-check', className: `match tone-${matches ? 'ok' : 'bad'}`, 'data-match': String(matches) },
        icon(matches ? 'valid' : 'warning', 'icon match-icon'),
        el('span', { text }),
      ),
    );
  }
  block.append(
    el('p', { className: 'hash-caption', text: t('record.ledgerHash') }),
    el('code', { id: 'record-hash', className: 'hex', text: record.sha256 }),
  );
  return block;
}

function renderTrustFooter(report) {
  const parts = [];
  if (report.attestedBy.length > 0) {
    const names = report.attestedBy.map(agencyName).join(', ');
    parts.push(el('p', { id: 'attested-by', className: 'attested', text: t('attested', { names }) }));
  }
  parts.push(el('p', { id: 'checked-at', className: 'checked-at', text: t('checkedAt', { date: formatInstant(report.checkedAt) }) }));
  const at = Date.parse(report.at);
  const checkedAt = Date.parse(report.checkedAt);
  if (!Number.isNaN(at) && !Number.isNaN(checkedAt) && Math.abs(at - checkedAt) > AS_OF_THRESHOLD_MS) {
    parts.push(el('p', { id: 'verdict-at', className: 'verdict-at', text: t('asOf', { date: formatInstant(report.at) }) }));
  }
  return el('div', { className: 'trust' }, ...parts);
}

function renderBusy(section) {
  section.className = 'verdict is-busy';
  section.removeAttribute('data-verdict');
  section.replaceChildren(
    el('p', { className: 'checking' }, el('span', { className: 'spinner', 'aria-hidden': 'true' }), el('span', { text: t('checking') })),
  );
}

/**
 * Renders state.report (or the busy state) into #verdict.
 * @param {{focus?: boolean}} [options] focus: move focus to the heading (after a new answer, not on a language switch)
 */
function renderVerdict({ focus = false } = {}) {
  const section = $('verdict');
  section.setAttribute('aria-busy', String(state.busy));
  if (state.busy) {
    renderBusy(section);
    return;
  }
  const report = state.report;
  if (!report) {
    section.className = 'verdict';
    section.removeAttribute('data-verdict');
    section.replaceChildren();
    return;
  }

  section.className = `verdict tone-${lookOf(report.verdict).tone}`;
  section.dataset.verdict = report.verdict;
  // Built off-document and swapped in at once: one change for the live region.
  const content = document.createDocumentFragment();
  content.append(renderBanner(report));
  if (PAGE === 'record' && report.records[0]) content.append(renderLedgerFingerprint(report.records[0]));
  if (report.records.length > 0) {
    content.append(el('div', { className: 'records' }, ...report.records.map(renderRecordCard)));
  }
  content.append(renderTrustFooter(report));
  section.replaceChildren(content);

  // The verdict section is not a live region (it holds lists and links, and the focus moves to
  // its heading): a short announcement says the verdict once to screen readers.
  if (focus) {
    $('verdict-announcement').textContent = verdictHeadingText(report.verdict);
    $('verdict-heading')?.focus();
  }
}

// ---------------------------------------------------------------------------
// Errors

/** On the index page the "namespace" of the API is the issuer chosen in the list. */
const INDEX_CODE_MESSAGES = { UNKNOWN_NAMESPACE: 'UNKNOWN_ISSUER', INVALID_NAMESPACE: 'INVALID_ISSUER' };

function errorMessage(code) {
  const messageCode = (PAGE === 'index' && INDEX_CODE_MESSAGES[code]) || code;
  return hasText(`error.${messageCode}`) ? t(`error.${messageCode}`) : t('error.generic');
}

function renderError() {
  const box = $('error');
  const error = state.error;
  if (!error) {
    box.hidden = true;
    box.removeAttribute('data-code');
    box.replaceChildren();
    return;
  }
  box.dataset.code = error.code;
  const parts = [el('p', { className: 'error-message' }, icon('warning', 'icon error-icon'), el('span', { text: errorMessage(error.code) }))];
  if (error.code === 'RATE_LIMITED' && Number.isFinite(error.retryAfter) && error.retryAfter > 0) {
    parts.push(el('p', { className: 'error-retry', text: t('error.retryAfter', { seconds: error.retryAfter }) }));
  }
  parts.push(el('p', { className: 'error-code', text: t('error.code', { code: error.code }) }));
  box.replaceChildren(...parts);
  box.hidden = false;
}

function showError(error) {
  state.error = error instanceof PortalError ? { code: error.code, retryAfter: error.retryAfter } : { code: 'INTERNAL_ERROR' };
  renderError();
}

function clearError() {
  state.error = null;
  renderError();
}

// ---------------------------------------------------------------------------
// Asking the portal (both pages)

let requestController = null;

/** The question of the current page, for the current file/record, issuer and date. */
function askPortal(signal) {
  if (PAGE === 'index') {
    const issuer = $('issuer-select').value;
    state.reportIssuer = issuer;
    return verifyHash(state.file.sha256, issuer, state.at, signal);
  }
  return fetchRecordReport(state.recordRef, state.at, signal);
}

/** Whether there is something to ask about: a hashed file (index) or a record address. */
function canVerify() {
  return PAGE === 'index' ? Boolean(state.file?.sha256) : Boolean(state.recordRef);
}

/** Runs the verification again from the current state; a newer call cancels an older one. */
async function runVerification() {
  if (!canVerify()) return;
  requestController?.abort();
  const controller = new AbortController();
  requestController = controller;

  clearError();
  state.report = null;
  state.busy = true;
  renderVerdict();
  renderCompare();

  try {
    const report = await askPortal(controller.signal);
    if (controller !== requestController) return;
    state.report = report;
    state.busy = false;
    renderVerdict({ focus: true });
    renderCompare();
  } catch (error) {
    if (error?.name === 'AbortError' || controller !== requestController) return;
    state.busy = false;
    renderVerdict();
    showError(error);
  } finally {
    if (controller === requestController) requestController = null;
  }
}

// ---------------------------------------------------------------------------
// Hashing a file on this device (both pages)

let hashController = null;

/**
 * Shows the hashing progress; with no count yet (WebCrypto reads the file in one piece and says
 * nothing until done) the bar is indeterminate.
 */
function showProgress(done, total) {
  $('hash-status').hidden = false;
  if (done == null) {
    $('hash-progress').removeAttribute('value');
    $('hash-percent').textContent = '';
    return;
  }
  const fraction = total > 0 ? Math.min(1, done / total) : 1;
  $('hash-progress').value = Math.round(fraction * 100);
  $('hash-percent').textContent = new Intl.NumberFormat(FORMAT_LOCALE[getLanguage()], {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(fraction);
}

function hideProgress() {
  $('hash-status').hidden = true;
  $('hash-progress').value = 0;
  $('hash-percent').textContent = '';
}

/** Shows the fingerprint of the file hashed (or hides the block while there is none). */
function renderHashResult() {
  const result = $('hash-result');
  const code = $('document-hash');
  const sha256 = state.file?.sha256;
  if (!sha256) {
    result.hidden = true;
    code.textContent = '';
    code.removeAttribute('data-sha256');
    return;
  }
  $('hash-caption').textContent = t('hash.label', { name: state.file.name });
  code.textContent = sha256;
  code.dataset.sha256 = sha256;
  result.hidden = false;
}

/**
 * Hashes a file, showing progress for the slow (streamed) paths.
 * @returns {Promise<string|null>} the hash, or null if another file was chosen meanwhile
 */
async function hashChosenFile(file) {
  hashController?.abort();
  const controller = new AbortController();
  hashController = controller;
  const isCurrent = () => controller === hashController;

  state.file = { name: file.name, sha256: null };
  renderHashResult();
  hideProgress();
  const progressTimer = setTimeout(() => isCurrent() && showProgress(null, file.size), PROGRESS_DELAY_MS);
  try {
    const sha256 = await hashFile(file, {
      signal: controller.signal,
      onProgress: (done, total) => isCurrent() && showProgress(done, total),
    });
    if (!isCurrent()) return null;
    state.file.sha256 = sha256;
    renderHashResult();
    return sha256;
  } catch (error) {
    if (error?.name === 'AbortError' || !isCurrent()) return null;
    state.file = null;
    throw new PortalError('HASH_FAILED');
  } finally {
    clearTimeout(progressTimer);
    if (isCurrent()) {
      hideProgress();
      hashController = null;
    }
  }
}

/** Wires the file input and drag and drop onto its label; calls onFile(file) for each file chosen. */
function setupFileInput(onFile) {
  const input = $('file-input');
  const zone = $('drop-zone');
  const carriesFiles = (event) => Array.from(event.dataTransfer?.types ?? []).includes('Files');

  input.addEventListener('change', () => {
    const file = input.files?.[0];
    // Cleared so that choosing the same file again fires "change" again.
    input.value = '';
    if (file) onFile(file);
  });

  // dragenter/dragleave also fire for the label's children: count them.
  let depth = 0;
  zone.addEventListener('dragenter', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    depth += 1;
    zone.classList.add('is-dragover');
  });
  zone.addEventListener('dragover', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  });
  zone.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) zone.classList.remove('is-dragover');
  });
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    depth = 0;
    zone.classList.remove('is-dragover');
    const file = event.dataTransfer?.files?.[0];
    if (file) onFile(file);
  });

  // A file dropped beside the zone would make the browser open it and leave
  // the page; refuse such drops instead.
  for (const type of ['dragover', 'drop']) {
    window.addEventListener(type, (event) => {
      if (!carriesFiles(event) || zone.contains(event.target)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'none';
    });
  }
}

// ---------------------------------------------------------------------------
// "Valid on a date" (both pages)

function setupDateCheck() {
  const input = $('at-input');
  const check = $('at-check');
  const clear = $('at-clear');

  input.addEventListener('input', () => input.setCustomValidity(''));

  check.addEventListener('click', () => {
    // datetime-local gives local wall-clock time without zone; new Date() reads it as local time.
    const date = input.value ? new Date(input.value) : null;
    if (!date || Number.isNaN(date.getTime())) {
      input.setCustomValidity(t('at.required'));
      input.reportValidity();
      return;
    }
    input.setCustomValidity('');
    state.at = date.toISOString();
    clear.hidden = false;
    runVerification();
  });

  clear.addEventListener('click', () => {
    state.at = null;
    input.value = '';
    input.setCustomValidity('');
    // The button hides itself: put focus somewhere sensible first.
    check.focus();
    clear.hidden = true;
    runVerification();
  });
}

// ---------------------------------------------------------------------------
// Language

function applyStaticTexts() {
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll('[data-i18n-aria-label]')) {
    node.setAttribute('aria-label', t(node.dataset.i18nAriaLabel));
  }
  document.title = PAGE === 'record' ? `${t('title.record')} — ${t('app.title')}` : t('app.title');
  document.documentElement.lang = HTML_LANG[getLanguage()];
  for (const lang of LANGUAGES) {
    $(`lang-${lang}`)?.setAttribute('aria-pressed', String(lang === getLanguage()));
  }
}

/** Re-renders every text of the page in the current language (focus stays where it is). */
function renderAll() {
  applyStaticTexts();
  renderHashResult();
  renderVerdict();
  renderError();
  renderCompare();
  if ($('hash-status') && !$('hash-status').hidden) {
    showProgress($('hash-progress').value, 100);
  }
}

/** Keeps a ?lang= already in the address in step with the choice (so reloading keeps it). */
function updateLangInAddress(lang) {
  const url = new URL(location.href);
  if (!url.searchParams.has('lang')) return;
  url.searchParams.set('lang', lang);
  history.replaceState(history.state, '', url);
}

function setupLanguageSwitch() {
  for (const lang of LANGUAGES) {
    $(`lang-${lang}`)?.addEventListener('click', () => {
      if (lang === getLanguage()) return;
      setLanguage(lang, { remember: true });
      updateLangInAddress(lang);
      renderAll();
    });
  }
}

// ---------------------------------------------------------------------------
// Index page: check a file

function fillIssuerSelect() {
  const select = $('issuer-select');
  const chosen = select.value;
  const anyOption = select.options[0];
  const collator = new Intl.Collator(FORMAT_LOCALE[getLanguage()]);
  const agencies = [...state.agencies].sort((a, b) => collator.compare(agencyName(a), agencyName(b)));
  select.replaceChildren(anyOption, ...agencies.map((a) => el('option', { value: a.msp, text: agencyName(a) })));
  select.value = agencies.some((a) => a.msp === chosen) ? chosen : '';
}

async function loadAgencies() {
  try {
    state.agencies = await fetchAgencies();
    fillIssuerSelect();
  } catch {
    // Keep only "Any agency": the check works without the list.
  }
}

async function onIndexFile(file) {
  // A new file: forget the previous answer (and cancel a request for it).
  requestController?.abort();
  requestController = null;
  clearError();
  state.busy = false;
  state.report = null;
  renderVerdict();

  let sha256;
  try {
    sha256 = await hashChosenFile(file);
  } catch (error) {
    showError(error);
    return;
  }
  if (!sha256) return; // another file was chosen meanwhile
  $('date-check').hidden = false;
  await runVerification();
}

function initIndexPage() {
  setupFileInput(onIndexFile);
  setupDateCheck();
  $('verify-button').addEventListener('click', runVerification);
  loadAgencies();
}

// ---------------------------------------------------------------------------
// Record page: one record, from its address (and QR code)

/** "/r/records-justice/bc-1" → {namespace, id}, or null. */
function parseRecordPath(pathname) {
  const match = /^\/r\/([^/]+)\/([^/]+)\/?$/.exec(pathname);
  if (!match) return null;
  try {
    const namespace = decodeURIComponent(match[1]);
    const id = decodeURIComponent(match[2]);
    return namespace && id ? { namespace, id } : null;
  } catch {
    return null; // malformed %-escape
  }
}

/** "#sha256=<hex>" → the hash (lower case); 'invalid' if malformed; null without one. */
function parseQrHash(fragment) {
  const match = /^#sha256=(.*)$/i.exec(fragment);
  if (!match) return null;
  const value = match[1].trim().toLowerCase();
  return HEX64.test(value) ? value : 'invalid';
}

/** Record page: compares the user's file with the record's hash (locally, no request). */
function renderCompare() {
  const result = $('file-compare');
  if (!result) return; // index page
  const record = state.report?.records?.[0];
  const sha256 = state.file?.sha256;
  if (!sha256 || !state.report) {
    result.hidden = true;
    result.replaceChildren();
    result.removeAttribute('data-match');
    return;
  }
  if (!record?.sha256) {
    result.className = 'match tone-unknown';
    result.removeAttribute('data-match');
    result.replaceChildren(icon('unknown', 'icon match-icon'), el('span', { text: t('compare.noRecord') }));
    result.hidden = false;
    return;
  }
  const matches = sha256 === String(record.sha256).toLowerCase();
  result.className = `match tone-${matches ? 'ok' : 'bad'}`;
  result.dataset.match = String(matches);
  const text = el('span', { text: matches ? t('compare.match') : t('compare.mismatch') });
  if (!matches) text.append(' ', t('compare.mismatchHint'));
  result.replaceChildren(icon(matches ? 'valid' : 'warning', 'icon match-icon'), text);
  result.hidden = false;
}

async function onRecordFile(file) {
  // Only an earlier file-reading error is about the file; the record's own error stays.
  if (state.error?.code === 'HASH_FAILED') clearError();
  let sha256;
  try {
    sha256 = await hashChosenFile(file);
  } catch (error) {
    showError(error);
    renderCompare();
    return;
  }
  if (sha256) renderCompare();
}

function initRecordPage() {
  setupFileInput(onRecordFile);
  state.qrHash = parseQrHash(location.hash);
  window.addEventListener('hashchange', () => {
    state.qrHash = parseQrHash(location.hash);
    renderVerdict();
  });

  state.recordRef = parseRecordPath(location.pathname);
  if (!state.recordRef) {
    showError(new PortalError('INVALID_LINK'));
    $('compare').hidden = true; // nothing to compare with
    return;
  }
  setupDateCheck();
  $('date-check').hidden = false;
  runVerification();
}

// ---------------------------------------------------------------------------

function init() {
  setLanguage(detectLanguage());
  applyStaticTexts();
  setupLanguageSwitch();
  if (PAGE === 'index') initIndexPage();
  else if (PAGE === 'record') initRecordPage();
  // A page restored from the back/forward cache shows the verdict of its first visit, perhaps
  // from before a revocation: ask again.
  window.addEventListener('pageshow', (event) => {
    if (event.persisted && state.report) runVerification();
  });
}

init();
