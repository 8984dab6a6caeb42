/*! Order Status Agent storefront loader (MIT). <script src="https://APP/widget.js" data-shop="x.myshopify.com" async> */
(function () {
  'use strict';
  var d = document;
  var w = window;
  var script = d.currentScript || d.querySelector('script[data-shop][src*="widget.js"]');
  if (!script || w.__osaWidget) return;
  var shop = (script.getAttribute('data-shop') || '').trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/.test(shop)) return;
  w.__osaWidget = 1;
  // Messages are accepted only from the origin this script was served from: the app's, never the page's.
  var app = new URL(script.src, location.href).origin;
  var TAG = 'osa-widget';
  // The storefront's language (the theme app extension passes request.locale.iso_code). Only a BCP 47-shaped
  // tag goes into the iframe URL; anything else is dropped and the chat uses its default language.
  var locale = (script.getAttribute('data-locale') || '').trim();
  if (!/^[a-z]{2,3}(-[a-z0-9]{2,8}){0,3}$/i.test(locale)) locale = '';
  var color = script.getAttribute('data-color') || '';
  if (!/^#[0-9a-f]{6}$/i.test(color)) color = '#1d4ed8';
  var rgb = [1, 3, 5].map(function (i) {
    var c = parseInt(color.substr(i, 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  });
  // White or black text, whichever contrasts more (WCAG relative luminance; threshold ~0.179).
  var ink = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2] > 0.179 ? '#000' : '#fff';
  var host = d.createElement('div');
  var root = host.attachShadow({ mode: 'open' });
  var edge = 'max(16px,env(safe-area-inset-right))';
  root.innerHTML =
    '<style>' +
    ':host{all:initial}' +
    '.b{position:fixed;z-index:2147483000;bottom:max(16px,env(safe-area-inset-bottom));right:' + edge + ';width:56px;height:56px;border-radius:50%;border:2px solid ' + ink + ';background:' + color + ';color:' + ink + ';cursor:pointer;display:grid;place-items:center;box-shadow:0 4px 14px rgba(0,0,0,.3);padding:0}' +
    ':host(.l) .b,:host(.l) .p{right:auto;left:max(16px,env(safe-area-inset-left))}' +
    '.b:focus-visible{outline:3px solid #111;outline-offset:3px;box-shadow:0 0 0 6px #fff}' +
    '.p{position:fixed;z-index:2147483001;bottom:calc(max(16px,env(safe-area-inset-bottom)) + 68px);right:' + edge + ';width:min(400px,calc(100vw - 32px));height:min(640px,calc(100vh - 104px));border-radius:12px;overflow:hidden;box-shadow:0 8px 32px rgba(0,0,0,.3);background:#fff}' +
    '.p[hidden]{display:none}' +
    'iframe{border:0;width:100%;height:100%;display:block}' +
    '.f{padding:24px;font:16px/1.5 sans-serif;color:#111}.f button{min-height:44px}.f[hidden],.x iframe{display:none}' +
    '@media (max-width:480px){.p,:host(.l) .p{inset:0;width:100%;height:100%;border-radius:0}:host(.o) .b{display:none}}' +
    '@media print{.b,.p{display:none}}' +
    '</style><div class="p" hidden><div class="f" role="alert" hidden><p>The order chat can\'t open on this page.</p><a target="_blank" rel="noopener">Track your order on our tracking page</a><p><button>Close</button></div></div>' +
    '<button class="b" type="button" aria-expanded="false" aria-label="Chat about your order" title="Chat about your order">' +
    '<svg width="26" height="26" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zm3 6v2h2v-2zm4 0v2h2v-2zm4 0v2h2v-2z"/></svg>' +
    '</button>';
  var panel = root.querySelector('.p');
  var button = root.querySelector('.b');
  var blocked = root.querySelector('.f');
  var frame = null;
  var ready = false;
  var isOpen = false;
  var timer = 0;
  var link = blocked.querySelector('a');
  link.href = app + '/t/' + shop;
  blocked.querySelector('button').onclick = close;

  // No "ready": the chat could not load here (domain not allowed?).
  function watch(ms) {
    clearTimeout(timer);
    timer = setTimeout(function () {
      if (ready) return;
      panel.classList.add('x');
      blocked.hidden = false;
      if (isOpen) link.focus();
    }, ms);
  }

  // Cross-site iframes often get no storage: this page keeps the conversation id (useless without the iframe's cookie).
  function store(id) {
    var key = 'osa-widget:' + shop;
    try {
      if (id) sessionStorage.setItem(key, id);
      else return sessionStorage.getItem(key);
      // eslint-disable-next-line @typescript-eslint/no-unused-vars -- ES2017 has no optional catch binding
    } catch (e) {
      return null;
    }
  }

  function post(type) {
    if (frame && ready && frame.contentWindow) frame.contentWindow.postMessage({ source: TAG, type: type }, app);
  }

  function open() {
    if (!frame) {
      frame = d.createElement('iframe');
      frame.title = 'Chat about your order';
      // The parent origin rides in the fragment: never sent to a server, so it cannot disturb signed queries.
      var kept = store();
      frame.src = app + '/widget/' + encodeURIComponent(shop) + (locale ? '?locale=' + locale : '') + '#origin=' + encodeURIComponent(location.origin) + (kept ? '&conversation=' + kept : '');
      frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox');
      frame.onload = function () {
        watch(3000);
      };
      panel.appendChild(frame);
      watch(12000);
    }
    isOpen = true;
    panel.hidden = false;
    host.classList.add('o');
    button.setAttribute('aria-expanded', 'true');
    (blocked.hidden ? frame : link).focus();
    post('open');
  }

  function close(returnFocus) {
    if (!isOpen) return;
    isOpen = false;
    panel.hidden = true;
    host.classList.remove('o');
    button.setAttribute('aria-expanded', 'false');
    if (returnFocus) button.focus();
  }

  function overlaps(a, b) {
    return a.right > b.left && a.left < b.right && a.bottom > b.top && a.top < b.bottom;
  }

  button.addEventListener('click', function () {
    if (isOpen) close(true);
    else open();
  });

  w.addEventListener('message', function (event) {
    if (event.origin !== app || !frame || event.source !== frame.contentWindow) return;
    var data = event.data;
    if (!data || data.source !== TAG) return;
    if (data.type === 'ready') {
      ready = true;
      clearTimeout(timer);
      panel.classList.remove('x');
      blocked.hidden = true;
      if (isOpen) post('open');
    } else if (data.type === 'conversation' && /^[\w-]{1,64}$/.test(data.id)) {
      store(data.id);
    } else if (data.type === 'close') {
      close(true);
    }
  });

  d.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && isOpen) close(d.activeElement === host);
  });

  // WCAG 2.4.11: the host page's focus stays visible; launcher and panel step aside.
  d.addEventListener('focusin', function (event) {
    var target = event.target;
    if (target === host || !target.getBoundingClientRect) return;
    var rect = target.getBoundingClientRect();
    if (isOpen && overlaps(rect, panel.getBoundingClientRect())) close(false);
    if (overlaps(rect, button.getBoundingClientRect())) host.classList.toggle('l');
  });

  function mount() {
    d.body.appendChild(host);
  }
  if (d.body) mount();
  else d.addEventListener('DOMContentLoaded', mount);
})();
