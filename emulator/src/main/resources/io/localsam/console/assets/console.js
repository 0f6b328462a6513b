// LocalSAM's web console: plain JavaScript over the admin API (/__localsam/api/), no framework, nothing fetched
// from elsewhere. Invocations are pushed by Server-Sent Events (/__localsam/api/stream).
'use strict';

const API = '/__localsam/api/';
const $ = (id) => document.getElementById(id);
const state = { invocations: new Map(), selected: null, route: null };

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (k === 'class') node.className = v; else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  });
  children.flat().forEach((c) => node.append(c instanceof Node ? c : document.createTextNode(c == null ? '' : String(c))));
  return node;
}

async function api(path, options) {
  const response = await fetch(API + path, options);
  const body = await response.json();
  if (!response.ok) throw new Error(body.message || response.status);
  return body;
}

function pretty(value) {
  if (value == null) return '';
  if (typeof value === 'string') {
    try { return JSON.stringify(JSON.parse(value), null, 2); } catch (e) { return value; }
  }
  return JSON.stringify(value, null, 2);
}

function statusBadge(invocation) {
  if (invocation.status != null) {
    return el('span', { class: 'status s' + String(invocation.status)[0] }, invocation.status);
  }
  return invocation.error ? el('span', { class: 'status err' }, 'error') : el('span', { class: 'status s2' }, 'ok');
}

function ms(value) { return value == null ? '' : value.toFixed(value < 10 ? 2 : 1) + ' ms'; }

// ---- health, routes, functions ----

async function loadHealth() {
  const health = await api('health');
  $('health').textContent = health.template + ' · ' + health.routes + ' routes · ' + health.functions + ' functions · '
    + health.baseUrl;
}

async function loadRoutes() {
  const { routes, apiKeys } = await api('routes');
  state.apiKeys = apiKeys;
  const body = $('routes').tBodies[0];
  body.replaceChildren(...routes.map((route) => el('tr', {},
    el('td', { class: 'method' }, route.method), el('td', { class: 'mono' }, route.path), el('td', {}, route.function),
    el('td', {}, route.api), el('td', {}, route.type), el('td', {}, route.stage), el('td', {}, route.payloadVersion),
    el('td', {}, route.authorizer ? route.authorizer.name + ' (' + route.authorizer.type + ')' : '',
      route.apiKeyRequired ? el('span', { class: 'badge' }, 'API key') : ''),
    el('td', {}, el('button', { type: 'button', class: 'small try', onclick: () => openTry(route) }, 'Try it')))));
}

async function loadFunctions() {
  const { functions } = await api('functions');
  $('functions').tBodies[0].replaceChildren(...functions.map((f) => el('tr', {},
    el('td', {}, f.id), el('td', {}, f.mode), el('td', {}, f.environments.warm), el('td', {}, f.environments.busy),
    el('td', {}, f.initTimesMs.map(ms).join(', ')), el('td', {}, f.invocations), el('td', {}, f.errors),
    el('td', {}, f.reloads),
    el('td', { class: 'mono' }, Object.entries(f.environment).map(([k, v]) => k + '=' + v).join('\n')))));
}

// ---- invocations: the live list ----

function row(invocation) {
  const request = invocation.method ? invocation.method + ' ' + invocation.path : '(direct)';
  const start = invocation.cold
    ? el('span', { class: 'badge cold', title: 'Init ' + ms(invocation.initDurationMs) }, 'cold')
    : el('span', { class: 'badge warm' }, 'warm');
  return el('tr', { 'data-id': invocation.id, onclick: () => openDetail(invocation.id) },
    el('td', {}, invocation.id), el('td', {}, new Date(invocation.startedAt).toLocaleTimeString()),
    el('td', { class: 'mono' }, request), el('td', {}, invocation.function), el('td', {}, statusBadge(invocation)),
    el('td', {}, ms(invocation.latencyMs)), el('td', {}, ms(invocation.durationMs)), el('td', {}, start));
}

function upsert(invocation, fresh) {
  state.invocations.set(invocation.id, invocation);
  const body = $('invocations').tBodies[0];
  const next = row(invocation);
  if (fresh) next.classList.add('fresh');
  if (invocation.id === state.selected) next.classList.add('selected');
  const old = body.querySelector('tr[data-id="' + invocation.id + '"]');
  if (old) {
    old.replaceWith(next);
  } else {
    const later = [...body.rows].find((r) => Number(r.dataset.id) < invocation.id);
    body.insertBefore(next, later || null);
  }
  $('no-invocations').hidden = true;
}

async function loadInvocations() {
  const { invocations } = await api('invocations?limit=200');
  invocations.reverse().forEach((invocation) => upsert(invocation, false));
}

function listen() {
  const events = new EventSource(API + 'stream');
  events.addEventListener('open', () => { $('live').className = 'badge on'; });
  events.addEventListener('error', () => { $('live').className = 'badge off'; });
  events.addEventListener('invocation', (event) => {
    const invocation = JSON.parse(event.data);
    upsert(invocation, true);
    if (invocation.id === state.selected) openDetail(invocation.id);
    clearTimeout(state.functionsTimer); // the functions' counters changed: read them once things settle
    state.functionsTimer = setTimeout(() => loadFunctions().catch(() => {}), 300);
  });
  events.addEventListener('reset', () => {
    state.invocations.clear();
    $('invocations').tBodies[0].replaceChildren();
    $('no-invocations').hidden = false;
    $('detail').hidden = true;
  });
}

// ---- an invocation's detail, and replay ----

async function openDetail(id) {
  state.selected = id;
  document.querySelectorAll('#invocations tr.selected').forEach((r) => r.classList.remove('selected'));
  const selected = document.querySelector('#invocations tr[data-id="' + id + '"]');
  if (selected) selected.classList.add('selected');
  const detail = await api('invocations/' + id);
  $('detail-id').textContent = '#' + detail.id;
  $('detail-summary').textContent = detail.function + ' · ' + detail.requestId + ' · ' + ms(detail.durationMs)
    + (detail.cold ? ' · cold start, Init ' + ms(detail.initDurationMs) : ' · warm');
  $('detail-request').textContent = detail.request
    ? detail.request.method + ' ' + detail.request.path + (detail.request.query ? '?' + detail.request.query : '') + '\n'
      + Object.entries(detail.request.headers).map(([k, v]) => k + ': ' + v.join(', ')).join('\n')
      + (detail.request.body ? '\n\n' + pretty(detail.request.body) : '')
    : '(invoked directly, not through a route)';
  $('detail-event').textContent = pretty(detail.event);
  $('detail-response').textContent = pretty(detail.response);
  $('detail-answer').textContent = detail.answer
    ? detail.answer.status + '\n' + Object.entries(detail.answer.headers).map(([k, v]) => k + ': ' + v.join(', ')).join('\n')
      + '\n\n' + pretty(detail.answer.body)
    : '';
  $('detail-logs').textContent = detail.logs.join('\n');
  const error = $('detail-error');
  if (detail.errorDetail) {
    let text = detail.errorDetail.type + ': ' + (detail.errorDetail.message || '') + '\n'
      + detail.errorDetail.stackTrace.map((frame) => '    at ' + frame).join('\n');
    for (let cause = detail.errorDetail.cause; cause; cause = cause.cause) {
      text += '\nCaused by: ' + cause.errorType + ': ' + (cause.errorMessage || '') + '\n'
        + (cause.stackTrace || []).map((frame) => '    at ' + frame).join('\n');
    }
    error.textContent = text;
    error.classList.add('failed');
  } else {
    error.textContent = '(none)';
    error.classList.remove('failed');
  }
  $('replay-result').textContent = '';
  $('detail').hidden = false;
}

async function replay() {
  const id = state.selected;
  $('replay-result').textContent = 'replaying…';
  try {
    const result = await api('invocations/' + id + '/replay', { method: 'POST' });
    const fresh = result.invocation;
    $('replay-result').textContent = 'Replayed #' + id + (result.status != null ? ': ' + result.status : '')
      + (fresh ? ' as #' + fresh.id : ' (no function ran)');
    if (fresh) upsert(fresh, true);
  } catch (e) {
    $('replay-result').textContent = 'Replay failed: ' + e.message;
  }
}

// ---- "try it" ----

function openTry(route) {
  state.route = route;
  $('try-route').textContent = route.method + ' ' + route.path + ' → ' + route.function;
  const methods = route.method === 'ANY' ? ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] : [route.method];
  $('try-method').replaceChildren(...methods.map((m) => el('option', {}, m)));
  $('try-path').value = route.path === '$default' ? '/' : route.path.replace(/\{[^}/]*\+\}/g, 'any/path').replace(/\{([^}/]*)\}/g, '$1');
  $('try-headers').value = 'Content-Type: application/json';
  $('try-body').value = '';
  const authorizer = route.authorizer;
  const minting = authorizer && authorizer.mintsTokens;
  $('try-token').hidden = !minting;
  if (minting) {
    $('try-token-type').textContent = authorizer.name + ', ' + authorizer.type;
    $('token-issuer').value = authorizer.issuers[0] || '';
    $('token-audience').value = authorizer.audiences[0] || '';
    $('token-scopes').value = authorizer.scopes.join(' ');
    $('token-header').textContent = authorizer.header || 'Authorization';
  }
  $('try-key').hidden = !route.apiKeyRequired;
  if (route.apiKeyRequired) $('key-value').replaceChildren(...state.apiKeys.map((key) => el('option', {}, key)));
  $('try-result').hidden = true;
  $('try').hidden = false;
  $('try').scrollIntoView({ block: 'start' });
}

function setHeader(name, value) {
  const lines = $('try-headers').value.split('\n').filter((l) => l.trim() && !l.toLowerCase().startsWith(name.toLowerCase() + ':'));
  lines.push(name + ': ' + value);
  $('try-headers').value = lines.join('\n');
}

async function mint() {
  let claims;
  try { claims = JSON.parse($('token-claims').value || '{}'); } catch (e) { alert('Other claims must be JSON: ' + e.message); return; }
  const scopes = $('token-scopes').value.trim();
  const cognito = state.route.authorizer.type === 'COGNITO_USER_POOLS';
  if (cognito && claims.token_use == null) claims.token_use = scopes ? 'access' : 'id'; // as Cognito issues them
  const audience = $('token-audience').value.trim();
  const { token } = await api('tokens', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ issuer: $('token-issuer').value.trim() || null, audience: audience ? [audience] : [],
      subject: $('token-subject').value.trim(), scopes: scopes ? scopes.split(/\s+/) : [], claims }) });
  setHeader(state.route.authorizer.header || 'Authorization', 'Bearer ' + token);
}

async function send(event) {
  event.preventDefault();
  const headers = new Headers();
  $('try-headers').value.split('\n').forEach((line) => {
    const colon = line.indexOf(':');
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  });
  const method = $('try-method').value;
  const path = $('try-path').value.startsWith('/') ? $('try-path').value : '/' + $('try-path').value;
  const started = performance.now();
  try {
    const response = await fetch(path, { method, headers, body: ['GET', 'HEAD'].includes(method) ? undefined : $('try-body').value });
    const text = await response.text();
    $('try-status').textContent = response.status;
    $('try-status').className = 'status s' + String(response.status)[0];
    $('try-time').textContent = Math.round(performance.now() - started) + ' ms';
    $('try-answer').textContent = [...response.headers].map(([k, v]) => k + ': ' + v).join('\n') + '\n\n' + pretty(text);
  } catch (e) {
    $('try-status').textContent = 'failed';
    $('try-answer').textContent = e.message;
  }
  $('try-result').hidden = false;
}

// ---- start ----

$('reset').addEventListener('click', async () => {
  if (!confirm('Empty the journal and close every execution environment?')) return;
  await api('reset', { method: 'POST' });
  loadFunctions();
});
$('replay').addEventListener('click', replay);
$('detail-close').addEventListener('click', () => { $('detail').hidden = true; state.selected = null; });
$('try-close').addEventListener('click', () => { $('try').hidden = true; });
$('try-form').addEventListener('submit', send);
$('token-mint').addEventListener('click', mint);
$('key-fill').addEventListener('click', () => setHeader('x-api-key', $('key-value').value));

listen();
Promise.all([loadHealth(), loadRoutes(), loadInvocations(), loadFunctions()]).catch((e) => {
  $('health').textContent = 'The admin API did not answer: ' + e.message;
});
