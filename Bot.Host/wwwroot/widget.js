/*
 * Web chat widget of the Assistant (Ministry of Health of the Russian Federation).
 * Plain JavaScript, no dependencies, no build step. See docs/widget.md.
 *
 * Embed:  <script src="/widget.js" defer></script>
 * Optional attributes on that tag: data-title, data-segment (citizen|business|medic),
 * data-container (CSS selector: render inline there instead of a floating button), data-api (base URL).
 */
(function () {
  'use strict';

  /*
   * All texts of the widget. Moderators may edit them; keep them short and plain.
   * {n}, {max} are placeholders filled in by the widget.
   */
  var TEXT = {
    title: 'Помощник Минздрава России',
    subtitle: 'Отвечает бот. Если он не знает ответа, подключит специалиста.',
    regionLabel: 'Чат с помощником Минздрава России',
    launcher: 'Задать вопрос',
    launcherClose: 'Свернуть чат',
    launcherUnread: 'есть новые сообщения',
    close: 'Закрыть чат',
    logLabel: 'Переписка',
    senderBot: 'Бот:',
    senderOperator: 'Оператор:',
    senderUser: 'Вы:',
    senderSystem: 'Уведомление:',
    operatorBadge: 'Оператор',
    inputLabel: 'Ваш вопрос',
    inputPlaceholder: 'Напишите вопрос',
    inputKeysHint: 'Enter — отправить, Shift+Enter — новая строка.',
    send: 'Отправить',
    privacy: 'Не пишите в чат паспорт, СНИЛС и полис, пока вас об этом не попросят.',
    counter: '{n} из {max} символов',
    counterNear: 'Сообщение почти достигло предела: {max} символов.',
    counterLimit: 'Достигнут предел: {max} символов.',
    emptyMessage: 'Сначала напишите сообщение.',
    connecting: 'Подключение…',
    offline: 'Нет связи, пробуем снова',
    reconnected: 'Связь восстановлена',
    unsupported: 'Ваш браузер не поддерживает этот чат. Обновите браузер.',
    sending: 'Отправляется…',
    notSent: 'Не отправлено',
    notSentAnnounce: 'Сообщение не отправлено. Пробуем отправить снова.',
    retry: 'Повторить',
    retryLabel: 'Повторить отправку',
    tooOften: 'Вы отправляете сообщения слишком часто. Подождите немного, сообщение уйдёт само.',
    rejected: 'Сообщение не принято.',
    rejectedPrefix: 'Не отправлено: ',
    source: 'Источник',
    newTab: '(откроется в новой вкладке)',
    quickRepliesLabel: 'Варианты ответа',
    chosen: '(выбрано)',
    typingBot: 'Бот печатает…',
    typingOperator: 'Оператор печатает…',
    ratingLabel: 'Оценка ответа',
    ratingOption: '{n} из 5',
    ratingSubmit: 'Отправить оценку',
    ratingChooseFirst: 'Сначала выберите оценку от 1 до 5.',
    ratingChosen: 'Ваша оценка: {n} из 5.',
    ratingComment: 'Если хотите, напишите комментарий в поле ниже.'
  };

  var MAX_LENGTH = 4000;
  var COUNTER_FROM = 3600;          // the counter shows from this length on
  var TYPING_EVERY_MS = 3000;       // typing notifications at most this often
  var TYPING_SHOW_MS = 5000;        // the typing indicator disappears after this
  var POST_TIMEOUT_MS = 15000;
  var RETRY_DELAYS_S = [2, 4, 8, 16, 30, 30, 30, 30];  // automatic retries, then only manual
  var HISTORY_SKEW_MS = 10000;
  var ANCHOR_MS = 15000;            // replies within this time of the first one are shown from the first one's top      // replayed messages older than this are not announced one by one
  var STORAGE_USER = 'assistant.userId';
  var STORAGE_STARTED = 'assistant.started';
  var SEGMENTS = ['citizen', 'business', 'medic'];
  var SMALL_SCREEN = '(max-width: 480px), (max-height: 560px)';  // keep in step with widget.css

  if (window.AssistantWidget && window.AssistantWidget.loaded) {
    return;
  }

  var script = document.currentScript || findScript();

  function findScript() {
    var all = document.getElementsByTagName('script');
    for (var i = all.length - 1; i >= 0; i--) {
      if (/(^|\/)widget\.js([?#]|$)/.test(all[i].getAttribute('src') || '')) {
        return all[i];
      }
    }
    return null;
  }

  function attr(name) {
    var v = script ? script.getAttribute(name) : null;
    return v && v.trim() ? v.trim() : null;
  }

  var segmentAttr = (attr('data-segment') || '').toLowerCase();
  var cfg = {
    title: attr('data-title') || TEXT.title,
    segment: SEGMENTS.indexOf(segmentAttr) >= 0 ? segmentAttr : null,
    container: attr('data-container'),
    api: (attr('data-api') || '').replace(/\/+$/, '')
  };

  /* ---------- small helpers ---------- */

  var idCounter = 0;
  function uid(prefix) {
    idCounter += 1;
    return 'asw-' + prefix + '-' + idCounter;
  }

  function fmt(template, values) {
    return String(template).replace(/\{(\w+)\}/g, function (m, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : m;
    });
  }

  // Creates an element. Text is always set with textContent, never parsed as HTML.
  function el(tag, props, children) {
    var node = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (key) {
        var value = props[key];
        if (value === null || value === undefined || value === false) {
          return;
        }
        if (key === 'class') {
          node.className = value;
        } else if (key === 'text') {
          node.textContent = value;
        } else if (key.indexOf('on') === 0) {
          node.addEventListener(key.slice(2), value);
        } else if (value === true) {
          node.setAttribute(key, '');
        } else {
          node.setAttribute(key, String(value));
        }
      });
    }
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) {
        node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
      }
    });
    return node;
  }

  function hiddenText(text) {
    return el('span', { 'class': 'asw-vh', text: text });
  }

  var SVG_NS = 'http://www.w3.org/2000/svg';
  function icon(name) {
    var paths = {
      send: 'M3.4 20.4 21 12 3.4 3.6 3.4 10.1 15.5 12 3.4 13.9z',
      close: 'M18.3 5.7a1 1 0 0 0-1.4 0L12 10.6 7.1 5.7a1 1 0 1 0-1.4 1.4L10.6 12l-4.9 4.9a1 1 0 1 0 1.4 1.4L12 13.4l4.9 4.9a1 1 0 0 0 1.4-1.4L13.4 12l4.9-4.9a1 1 0 0 0 0-1.4z',
      chat: 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6.5a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm5 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm5 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3z',
      star: 'M12 2.8l2.8 5.9 6.4.8-4.7 4.4 1.2 6.4L12 17.2l-5.7 3.1 1.2-6.4-4.7-4.4 6.4-.8z'
    };
    var svg = document.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    svg.setAttribute('class', 'asw-icon asw-icon--' + name);
    var path = document.createElementNS(SVG_NS, 'path');
    path.setAttribute('d', paths[name]);
    svg.appendChild(path);
    return svg;
  }

  function uuid() {
    var c = window.crypto || window.msCrypto;
    if (c && typeof c.randomUUID === 'function') {
      try {
        return c.randomUUID();
      } catch (e) { /* not a secure context: fall through */ }
    }
    var bytes = new Array(16);
    if (c && typeof c.getRandomValues === 'function') {
      var arr = new Uint8Array(16);
      c.getRandomValues(arr);
      for (var i = 0; i < 16; i++) { bytes[i] = arr[i]; }
    } else {
      for (var j = 0; j < 16; j++) { bytes[j] = Math.floor(Math.random() * 256); }
    }
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = bytes.map(function (b) { return (b + 0x100).toString(16).slice(1); }).join('');
    return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-' + hex.slice(20);
  }

  var memoryStore = {};
  function storageGet(store, key) {
    try {
      return window[store].getItem(key);
    } catch (e) {
      return memoryStore[store + key] || null;
    }
  }
  function storageSet(store, key, value) {
    try {
      window[store].setItem(key, value);
    } catch (e) {
      memoryStore[store + key] = value;
    }
  }

  function getUserId() {
    var id = storageGet('localStorage', STORAGE_USER);
    if (!id || !/^[A-Za-z0-9-]{8,64}$/.test(id)) {
      id = uuid();
      storageSet('localStorage', STORAGE_USER, id);
    }
    return id;
  }

  function isHttpUrl(value) {
    return typeof value === 'string' && /^https?:\/\/[^\s]+$/i.test(value.trim());
  }

  function formatTime(iso) {
    var d = iso ? new Date(iso) : new Date();
    if (isNaN(d.getTime())) {
      return '';
    }
    try {
      return d.toLocaleTimeString('ru-RU', { hour: '2-digit', minute: '2-digit' });
    } catch (e) {
      return ('0' + d.getHours()).slice(-2) + ':' + ('0' + d.getMinutes()).slice(-2);
    }
  }

  function normalizeText(text) {
    return String(text || '').replace(/\r\n?/g, '\n').trim();
  }

  function link(href, text) {
    return el('a', { href: href, target: '_blank', rel: 'noopener noreferrer', 'class': 'asw-link' },
      [text, hiddenText(' ' + TEXT.newTab)]);
  }

  // Appends text to a node: plain text nodes, with bare http(s) URLs turned into <a> elements.
  // Nothing is ever parsed as HTML.
  function appendRichText(node, text) {
    var source = String(text || '');
    var re = /https?:\/\/[^\s<>"'«»]+/gi;
    var last = 0;
    var match;
    while ((match = re.exec(source)) !== null) {
      var url = match[0];
      // Trailing punctuation belongs to the sentence, not to the address.
      var trail = /[.,;:!?)\]}]+$/.exec(url);
      if (trail) {
        var opens = (url.match(/\(/g) || []).length;
        var closes = (url.match(/\)/g) || []).length;
        var cut = trail[0];
        if (cut.charAt(0) === ')' && opens >= closes) {
          cut = cut.replace(/^\)+/, '');
        }
        url = url.slice(0, url.length - cut.length);
      }
      if (match.index > last) {
        node.appendChild(document.createTextNode(source.slice(last, match.index)));
      }
      node.appendChild(link(url, url));
      last = match.index + url.length;
      re.lastIndex = last;
    }
    if (last < source.length) {
      node.appendChild(document.createTextNode(source.slice(last)));
    }
  }

  /* ---------- state ---------- */

  var userId = getUserId();
  var ui = {};
  var floating = false;
  var isOpen = false;
  var started = false;

  var seen = {};                // sequence -> true
  var lastSeq = null;           // highest sequence received
  var locals = [];              // user's own messages not yet matched with their echo
  var silentIds = {};           // clientMessageIds whose echo is not shown (ratings)
  var outbox = [];              // activities waiting to be accepted by the server, in order
  var sending = null;           // the activity being posted now
  var retryTimer = null;
  var lastTypingSent = 0;
  var typingTimer = null;
  var statusTimer = null;
  var busyTimer = null;
  var unread = 0;
  var scrollAnchor = null;
  var scrollAnchorAt = 0;
  var lastAutoScroll = 0;

  var es = null;
  var esHadError = false;
  var esConnectedOnce = false;
  var esRetry = 0;
  var esTimer = null;
  var failureAnnounced = false;
  var pageLoadedAt = Date.now();

  /* ---------- building the interface ---------- */

  function buildChat(titleId, panelMode) {
    var textareaId = uid('input');
    var hintId = uid('hint');
    var counterId = uid('counter');

    var header = el('div', { 'class': 'asw-header' }, [
      el('div', { 'class': 'asw-heading' }, [
        el('h2', { 'class': 'asw-title', id: titleId, text: cfg.title }),
        el('p', { 'class': 'asw-subtitle', text: TEXT.subtitle })
      ])
    ]);
    if (panelMode) {
      ui.close = el('button', { type: 'button', 'class': 'asw-close', onclick: function () { close(true); } },
        [icon('close'), hiddenText(TEXT.close)]);
      header.appendChild(ui.close);
    }

    ui.status = el('div', { 'class': 'asw-status asw-status--empty', role: 'status', 'aria-live': 'polite' });
    ui.log = el('div', {
      'class': 'asw-log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions',
      'aria-label': TEXT.logLabel, tabindex: '0'
    });
    ui.typing = el('div', { 'class': 'asw-typing', hidden: true }, [
      el('span', { 'class': 'asw-dots', 'aria-hidden': 'true' }, [el('span'), el('span'), el('span')]),
      el('span', { 'class': 'asw-typing-text' })
    ]);

    ui.input = el('textarea', {
      id: textareaId, 'class': 'asw-input', name: 'text', rows: '1', maxlength: String(MAX_LENGTH),
      placeholder: TEXT.inputPlaceholder, 'aria-describedby': hintId + ' ' + counterId, autocomplete: 'off'
    });
    ui.counter = el('span', { id: counterId, 'class': 'asw-counter', hidden: true });
    ui.send = el('button', { type: 'submit', 'class': 'asw-send' }, [icon('send'), hiddenText(TEXT.send)]);

    ui.form = el('form', { 'class': 'asw-form', novalidate: true }, [
      el('label', { 'for': textareaId, 'class': 'asw-vh', text: TEXT.inputLabel }),
      el('div', { 'class': 'asw-inputrow' }, [ui.input, ui.send]),
      el('div', { 'class': 'asw-formfoot' }, [
        el('p', { id: hintId, 'class': 'asw-privacy' }, [TEXT.privacy, hiddenText(' ' + TEXT.inputKeysHint)]),
        ui.counter
      ])
    ]);

    ui.announcer = el('div', { 'class': 'asw-vh', 'aria-live': 'polite', 'aria-atomic': 'true' });

    ui.form.addEventListener('submit', onSubmit);
    ui.input.addEventListener('keydown', onInputKeydown);
    ui.input.addEventListener('input', onInput);

    return [header, ui.status, ui.log, ui.typing, ui.form, ui.announcer];
  }

  function mountInline(container) {
    var titleId = uid('title');
    ui.root = el('section', { 'class': 'asw asw--inline', 'aria-labelledby': titleId }, buildChat(titleId, false));
    container.appendChild(ui.root);
    isOpen = true;
    start();
  }

  function mountFloating() {
    floating = true;
    var titleId = uid('title');
    var panelId = uid('panel');
    ui.badge = el('span', { 'class': 'asw-badge', hidden: true }, [
      el('span', { 'class': 'asw-badge-count', 'aria-hidden': 'true' }),
      hiddenText(' ' + TEXT.launcherUnread)
    ]);
    ui.launcher = el('button', {
      type: 'button', 'class': 'asw-launcher', 'aria-expanded': 'false', 'aria-controls': panelId,
      onclick: function () { if (isOpen) { close(true); } else { open(); } }
    }, [icon('chat'), el('span', { 'class': 'asw-launcher-text', text: TEXT.launcher }), ui.badge]);
    ui.launcherText = ui.launcher.querySelector('.asw-launcher-text');
    ui.panel = el('div', {
      id: panelId, 'class': 'asw asw--panel', role: 'dialog', 'aria-labelledby': titleId, hidden: true
    }, buildChat(titleId, true));
    ui.panel.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' || e.key === 'Esc') {
        e.preventDefault();
        close(true);
      } else if (e.key === 'Tab' && isFullScreen()) {
        keepFocusInside(e);
      }
    });
    ui.root = el('section', { 'class': 'asw-float', 'aria-label': TEXT.regionLabel }, [ui.launcher, ui.panel]);
    document.body.appendChild(ui.root);
    // A visitor who already talked in this tab gets operator replies on every page.
    if (storageGet('sessionStorage', STORAGE_STARTED) === '1') {
      start();
    }
  }

  // On small screens the panel covers the page, so it behaves as a modal dialog.
  function isFullScreen() {
    return !!(window.matchMedia && window.matchMedia(SMALL_SCREEN).matches);
  }

  function keepFocusInside(e) {
    var items = Array.prototype.filter.call(
      ui.panel.querySelectorAll('button, [href], input, textarea, [tabindex="0"]'),
      function (x) { return !x.disabled && x.getClientRects().length > 0; });
    if (!items.length) {
      return;
    }
    var first = items[0];
    var last = items[items.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  }

  function open() {
    if (!floating) {
      ui.input.focus();
      return;
    }
    isOpen = true;
    ui.panel.hidden = false;
    if (isFullScreen()) {
      ui.panel.setAttribute('aria-modal', 'true');
    } else {
      ui.panel.removeAttribute('aria-modal');
    }
    ui.root.classList.add('asw-float--open');
    ui.launcher.setAttribute('aria-expanded', 'true');
    ui.launcherText.textContent = TEXT.launcherClose;
    setUnread(0);
    start();
    scrollToEnd();
    ui.input.focus();
  }

  function close(returnFocus) {
    if (!floating || !isOpen) {
      return;
    }
    isOpen = false;
    ui.panel.hidden = true;
    ui.root.classList.remove('asw-float--open');
    ui.launcher.setAttribute('aria-expanded', 'false');
    ui.launcherText.textContent = TEXT.launcher;
    if (returnFocus) {
      ui.launcher.focus();
    }
  }

  function setUnread(n) {
    unread = n;
    if (!ui.badge) {
      return;
    }
    ui.badge.hidden = n <= 0;
    ui.badge.firstChild.textContent = n > 99 ? '99+' : String(n);
  }

  function start() {
    if (started) {
      return;
    }
    started = true;
    storageSet('sessionStorage', STORAGE_STARTED, '1');
    connect();
  }

  /* ---------- status and announcements ---------- */

  function setStatus(text, clearAfterMs) {
    clearTimeout(statusTimer);
    ui.status.textContent = text || '';
    ui.status.classList.toggle('asw-status--empty', !text);
    if (text && clearAfterMs) {
      statusTimer = setTimeout(function () { setStatus(''); }, clearAfterMs);
    }
  }

  function announce(text) {
    // Cleared first so that the same sentence twice is announced twice.
    ui.announcer.textContent = '';
    setTimeout(function () { ui.announcer.textContent = text; }, 50);
  }

  /* ---------- the transcript ---------- */

  function senderLabel(from) {
    if (from === 'user') { return TEXT.senderUser; }
    if (from === 'operator') { return TEXT.senderOperator; }
    if (from === 'system') { return TEXT.senderSystem; }
    return TEXT.senderBot;
  }

  function isNearBottom() {
    return ui.log.scrollHeight - ui.log.scrollTop - ui.log.clientHeight < 80;
  }

  function scrollToEnd() {
    ui.log.scrollTop = ui.log.scrollHeight;
    scrollAnchor = null;
    lastAutoScroll = ui.log.scrollTop;
  }

  // Shows a new reply without scrolling past the beginning of the first reply of the same burst,
  // so that a long answer followed by a rating prompt is read from its first line.
  function reveal(node, wasNearBottom) {
    var atAnchor = scrollAnchor && ui.log.contains(scrollAnchor) && Math.abs(ui.log.scrollTop - lastAutoScroll) <= 2 &&
      Date.now() - scrollAnchorAt < ANCHOR_MS;
    if (!wasNearBottom && !atAnchor) {
      return;  // the person is reading something above: leave the view alone
    }
    if (!atAnchor) {
      scrollAnchor = node;
      scrollAnchorAt = Date.now();
    }
    var max = ui.log.scrollHeight - ui.log.clientHeight;
    ui.log.scrollTop = Math.max(0, Math.min(max, scrollAnchor.offsetTop - 12));
    lastAutoScroll = ui.log.scrollTop;
  }

  // Builds one message. Every piece of text goes in as text, never as HTML.
  function buildMessage(m) {
    var from = ['user', 'bot', 'operator', 'system'].indexOf(m.from) >= 0 ? m.from : 'bot';
    var kind = /^[A-Za-z]{1,40}$/.test(m.kind || '') ? m.kind : 'answer';
    var node = el('div', { 'class': 'asw-msg asw-msg--' + from + ' asw-kind--' + kind });
    node.appendChild(hiddenText(senderLabel(from) + ' '));
    if (from === 'operator') {
      node.appendChild(el('span', { 'class': 'asw-sender', 'aria-hidden': 'true', text: TEXT.operatorBadge }));
    }
    var bubble = el('div', { 'class': 'asw-bubble' });
    var text = el('div', { 'class': 'asw-text' });
    appendRichText(text, m.text);
    bubble.appendChild(text);
    if (isHttpUrl(m.sourceUrl)) {
      bubble.appendChild(el('p', { 'class': 'asw-source' }, [link(m.sourceUrl.trim(), TEXT.source)]));
    }
    node.appendChild(bubble);

    var buttons = Array.isArray(m.buttons) ? m.buttons.filter(function (b) {
      return b && typeof b.title === 'string' && b.title.trim();
    }) : [];
    if (buttons.length) {
      node.appendChild(buildQuickReplies(buttons));
    }
    if (kind === 'ratingPrompt') {
      node.appendChild(buildRating());
    }
    var meta = el('div', { 'class': 'asw-meta' });
    var time = formatTime(m.timestamp);
    if (time) {
      meta.appendChild(el('span', { 'class': 'asw-time', 'aria-hidden': 'true', text: time }));
    }
    node.appendChild(meta);
    node.aswMeta = meta;
    return node;
  }

  function buildQuickReplies(buttons) {
    var group = el('div', { 'class': 'asw-quick', role: 'group', 'aria-label': TEXT.quickRepliesLabel });
    var all = [];
    buttons.forEach(function (b) {
      var btn = el('button', { type: 'button', 'class': 'asw-qr', text: b.title.trim() });
      btn.addEventListener('click', function () {
        if (btn.disabled) {
          return;
        }
        all.forEach(function (x) { x.disabled = true; });
        btn.classList.add('asw-qr--chosen');
        btn.appendChild(hiddenText(' ' + TEXT.chosen));
        send({ type: 'button', text: b.title.trim(), payload: typeof b.payload === 'string' ? b.payload : b.title.trim() },
          { showAs: b.title.trim() });
        ui.input.focus();
      });
      all.push(btn);
      group.appendChild(btn);
    });
    return group;
  }

  function buildRating() {
    var name = uid('rating');
    var box = el('div', { 'class': 'asw-rating' });
    var group = el('div', { 'class': 'asw-stars', role: 'radiogroup', 'aria-label': TEXT.ratingLabel });
    var inputs = [];
    var labels = [];
    function paint(value) {
      labels.forEach(function (l, i) { l.classList.toggle('asw-star--on', i < value); });
    }
    for (var n = 1; n <= 5; n++) {
      var input = el('input', { type: 'radio', name: name, value: String(n), 'class': 'asw-star-input' });
      var label = el('label', { 'class': 'asw-star' }, [input, icon('star'), hiddenText(fmt(TEXT.ratingOption, { n: n }))]);
      input.addEventListener('change', function (e) { paint(Number(e.target.value)); });
      inputs.push(input);
      labels.push(label);
      group.appendChild(label);
    }
    var submit = el('button', { type: 'button', 'class': 'asw-rate-submit', text: TEXT.ratingSubmit });
    var result = el('p', { 'class': 'asw-rating-result', hidden: true });
    submit.addEventListener('click', function () {
      var chosen = inputs.filter(function (i) { return i.checked; })[0];
      if (!chosen) {
        announce(TEXT.ratingChooseFirst);
        inputs[0].focus();
        return;
      }
      var value = Number(chosen.value);
      inputs.forEach(function (i) { i.disabled = true; });
      submit.hidden = true;
      box.classList.add('asw-rating--done');
      result.textContent = fmt(TEXT.ratingChosen, { n: value }) + ' ' + TEXT.ratingComment;
      result.hidden = false;
      var stateEl = el('span', { 'class': 'asw-state' });
      box.appendChild(stateEl);
      send({ type: 'rating', rating: value }, { silent: true, stateEl: stateEl });
      announce(fmt(TEXT.ratingChosen, { n: value }));
      ui.input.focus();
    });
    box.appendChild(group);
    box.appendChild(submit);
    box.appendChild(result);
    return box;
  }

  // A rating was received (possibly from another tab or before a reload): earlier rating controls are done.
  function closeRatings(seq) {
    var boxes = ui.log.querySelectorAll('.asw-rating');
    Array.prototype.forEach.call(boxes, function (box) {
      var msg = box.parentNode;
      var s = msg.getAttribute('data-seq');
      if (box.classList.contains('asw-rating--done') || s === null || Number(s) > seq || box.contains(document.activeElement)) {
        return;
      }
      box.classList.add('asw-rating--done');
      Array.prototype.forEach.call(box.querySelectorAll('input, button'), function (x) { x.disabled = true; });
      var submit = box.querySelector('.asw-rate-submit');
      if (submit) {
        submit.hidden = true;
      }
    });
  }

  // Places a server message by its sequence. Own messages not yet accepted by the server stay last.
  function insertBySequence(node, seq) {
    node.setAttribute('data-seq', String(seq));
    var ref = null;
    for (var c = ui.log.lastElementChild; c; c = c.previousElementSibling) {
      var s = c.getAttribute('data-seq');
      if (s === null) {
        if (c.getAttribute('data-fixed') === '1') {
          break;
        }
        ref = c;
        continue;
      }
      if (Number(s) < seq) {
        break;
      }
      ref = c;
    }
    ui.log.insertBefore(node, ref);
  }

  function markHistory() {
    ui.log.setAttribute('aria-busy', 'true');
    clearTimeout(busyTimer);
    busyTimer = setTimeout(function () { ui.log.removeAttribute('aria-busy'); }, 400);
  }

  function onServerMessage(e) {
    var m;
    try {
      m = JSON.parse(e.data);
    } catch (err) {
      return;
    }
    if (!m || typeof m !== 'object') {
      return;
    }
    var seq = Number(m.sequence !== undefined && m.sequence !== null ? m.sequence : e.lastEventId);
    if (!isFinite(seq)) {
      return;
    }
    if (lastSeq === null || seq > lastSeq) {
      lastSeq = seq;
    }
    if (seen[seq]) {
      return;
    }
    seen[seq] = true;

    var ts = Date.parse(m.timestamp || '');
    // Messages from before this page was opened (the replayed transcript) are not announced one by one.
    var history = !isNaN(ts) && ts < pageLoadedAt - HISTORY_SKEW_MS;
    var wasNearBottom = isNearBottom();

    if (m.from === 'user') {
      if (m.clientMessageId && silentIds[m.clientMessageId]) {
        return;
      }
      var local = matchLocal(m);
      if (local) {
        reconcile(local, seq);
        return;
      }
    } else if (!history) {
      hideTyping();
    }

    if (history) {
      markHistory();
    }
    var node = buildMessage(m);
    insertBySequence(node, seq);
    if (m.kind === 'ratingThanks') {
      closeRatings(seq);
    }
    if (history || m.from === 'user') {
      if (history || wasNearBottom) {
        scrollToEnd();
      }
    } else {
      reveal(node, wasNearBottom);
    }
    if (floating && !isOpen && !history && m.from !== 'user') {
      setUnread(unread + 1);
    }
  }

  function matchLocal(m) {
    var i;
    if (m.clientMessageId) {
      for (i = 0; i < locals.length; i++) {
        if (locals[i].id === m.clientMessageId) {
          return locals[i];
        }
      }
    }
    var text = normalizeText(m.text);
    for (i = 0; i < locals.length; i++) {
      if (normalizeText(locals[i].text) === text) {
        return locals[i];
      }
    }
    return null;
  }

  function reconcile(item, seq) {
    locals.splice(locals.indexOf(item), 1);
    item.reconciled = true;
    var node = item.node;
    node.setAttribute('data-seq', String(seq));
    node.removeAttribute('data-fixed');
    // The server has it: no more retries.
    var idx = outbox.indexOf(item);
    if (idx >= 0 && item !== sending) {
      outbox.splice(idx, 1);
      setState(item, 'sent');
      if (idx === 0) {
        clearTimeout(retryTimer);
        pump();
      }
    }
    // Rarely a message with a higher sequence got above it: put it in its place.
    var prev = node.previousElementSibling;
    var next = node.nextElementSibling;
    var prevSeq = prev && prev.getAttribute('data-seq');
    var nextSeq = next && next.getAttribute('data-seq');
    if ((prevSeq !== null && prev && Number(prevSeq) > seq) || (nextSeq !== null && next && Number(nextSeq) < seq)) {
      ui.log.removeChild(node);
      insertBySequence(node, seq);
    }
  }

  /* ---------- typing indicator ---------- */

  function onServerTyping(e) {
    var data = {};
    try {
      data = JSON.parse(e.data) || {};
    } catch (err) { /* default to the bot */ }
    ui.typing.lastChild.textContent = data.from === 'operator' ? TEXT.typingOperator : TEXT.typingBot;
    ui.typing.hidden = false;
    clearTimeout(typingTimer);
    typingTimer = setTimeout(hideTyping, TYPING_SHOW_MS);
  }

  function hideTyping() {
    clearTimeout(typingTimer);
    ui.typing.hidden = true;
  }

  /* ---------- receiving: server-sent events ---------- */

  function connect() {
    if (typeof window.EventSource !== 'function') {
      setStatus(TEXT.unsupported);
      return;
    }
    clearTimeout(esTimer);
    if (es) {
      es.close();
    }
    if (!esConnectedOnce) {
      setStatus(TEXT.connecting);
    }
    var url = cfg.api + '/api/webchat/stream?userId=' + encodeURIComponent(userId);
    if (lastSeq !== null) {
      url += '&after=' + encodeURIComponent(String(lastSeq));
    }
    var source = new EventSource(url);
    es = source;
    source.addEventListener('open', function () {
      if (source !== es) { return; }
      esRetry = 0;
      if (esHadError) {
        setStatus(TEXT.reconnected, 4000);
      } else {
        setStatus('');
      }
      esHadError = false;
      esConnectedOnce = true;
      retryNow();
    });
    source.addEventListener('message', function (e) {
      if (source === es) { onServerMessage(e); }
    });
    source.addEventListener('typing', function (e) {
      if (source === es) { onServerTyping(e); }
    });
    source.addEventListener('error', function () {
      if (source !== es) { return; }
      esHadError = true;
      setStatus(TEXT.offline);
      if (source.readyState === 2) {
        // The browser gave up (e.g. an HTTP error): open a new stream after a pause, from the last sequence seen.
        var delay = RETRY_DELAYS_S[Math.min(esRetry, RETRY_DELAYS_S.length - 1)] * 1000;
        esRetry += 1;
        esTimer = setTimeout(connect, delay);
      }
      // Otherwise the browser reconnects by itself and sends Last-Event-ID.
    });
  }

  /* ---------- sending ---------- */

  function post(body) {
    var controller = typeof AbortController === 'function' ? new AbortController() : null;
    var timer = setTimeout(function () { if (controller) { controller.abort(); } }, POST_TIMEOUT_MS);
    return fetch(cfg.api + '/api/webchat/activities', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json, application/problem+json' },
      body: JSON.stringify(body),
      signal: controller ? controller.signal : undefined
    }).then(function (res) {
      clearTimeout(timer);
      return res;
    }, function (err) {
      clearTimeout(timer);
      throw err;
    });
  }

  function problemText(res) {
    return res.text().then(function (raw) {
      var p = null;
      try {
        p = JSON.parse(raw);
      } catch (e) { /* not JSON */ }
      if (p && typeof p === 'object') {
        if (typeof p.detail === 'string' && p.detail.trim()) {
          return p.detail.trim();
        }
        if (p.errors && typeof p.errors === 'object') {
          var keys = Object.keys(p.errors);
          for (var i = 0; i < keys.length; i++) {
            var v = p.errors[keys[i]];
            var first = Array.isArray(v) ? v[0] : v;
            if (typeof first === 'string' && first.trim()) {
              return first.trim();
            }
          }
        }
        if (typeof p.title === 'string' && p.title.trim()) {
          return p.title.trim();
        }
      }
      return TEXT.rejected;
    }, function () { return TEXT.rejected; });
  }

  // Queues an activity. Activities go out one at a time, in order; each keeps its clientMessageId on every retry.
  function send(fields, options) {
    options = options || {};
    var item = {
      id: uuid(),
      attempts: 0,
      state: 'queued',
      text: options.showAs || fields.text || ''
    };
    var body = { userId: userId, clientMessageId: item.id, type: fields.type };
    if (fields.text !== undefined) { body.text = fields.text; }
    if (fields.payload !== undefined) { body.payload = fields.payload; }
    if (fields.rating !== undefined) { body.rating = fields.rating; }
    if (cfg.segment) { body.segment = cfg.segment; }
    item.body = body;

    if (options.silent) {
      silentIds[item.id] = true;
      item.stateEl = options.stateEl;
    } else {
      var node = buildMessage({ from: 'user', kind: 'user', text: item.text, timestamp: new Date().toISOString() });
      node.classList.add('asw-msg--local');
      item.node = node;
      item.stateEl = el('span', { 'class': 'asw-state' });
      node.aswMeta.appendChild(item.stateEl);
      ui.log.appendChild(node);
      locals.push(item);
      scrollToEnd();
    }
    outbox.push(item);
    pump();
    return item;
  }

  function setState(item, state, detail) {
    item.state = state;
    var s = item.stateEl;
    if (!s) {
      return;
    }
    clearTimeout(item.sendingTimer);
    var stick = isNearBottom();
    while (s.firstChild) { s.removeChild(s.firstChild); }
    s.className = 'asw-state asw-state--' + state;
    if (item.node) {
      item.node.classList.toggle('asw-msg--failed', state === 'failed' || state === 'rejected');
      if (state === 'sent') {
        item.node.setAttribute('data-fixed', '1');
      }
    }
    if (state === 'sending') {
      // Shown only if it takes a while, to avoid flicker.
      item.sendingTimer = setTimeout(function () {
        if (item.state === 'sending') { s.textContent = TEXT.sending; }
      }, 700);
    } else if (state === 'failed' || state === 'throttled') {
      s.appendChild(el('span', { 'class': 'asw-state-text', text: state === 'failed' ? TEXT.notSent : TEXT.tooOften }));
      if (state === 'failed') {
        s.appendChild(el('button', {
          type: 'button', 'class': 'asw-retry', 'aria-label': TEXT.retryLabel, text: TEXT.retry,
          onclick: function () {
            // The button goes away once the message is sent: keep the focus somewhere useful.
            ui.input.focus();
            retryNow(true);
          }
        }));
      }
    } else if (state === 'rejected') {
      s.appendChild(el('span', { 'class': 'asw-state-text', text: TEXT.rejectedPrefix + (detail || TEXT.rejected) }));
    }
    if (stick) {
      scrollToEnd();
    }
  }

  function pump() {
    if (sending || !outbox.length) {
      return;
    }
    clearTimeout(retryTimer);
    var item = outbox[0];
    sending = item;
    item.attempts += 1;
    if (item.state !== 'failed' && item.state !== 'throttled') {
      // A message marked "не отправлено" keeps that mark (and its retry button) until it is accepted.
      setState(item, 'sending');
    }
    post(item.body).then(function (res) {
      sending = null;
      if (res.ok || res.status === 409) {
        // 409: the server already has this clientMessageId.
        done(item);
      } else if (res.status === 429) {
        var after = parseInt(res.headers.get('Retry-After') || '', 10);
        var wait = (isFinite(after) && after > 0 ? Math.min(after, 300) : 10) * 1000;
        setState(item, 'throttled');
        announce(TEXT.tooOften);
        retryTimer = setTimeout(pump, wait);
      } else if (res.status >= 500 || res.status === 408) {
        failed(item);
      } else {
        return problemText(res).then(function (text) {
          rejected(item, text);
        });
      }
    }, function () {
      sending = null;
      failed(item);
    });
  }

  function done(item) {
    failureAnnounced = false;
    var idx = outbox.indexOf(item);
    if (idx >= 0) { outbox.splice(idx, 1); }
    setState(item, 'sent');
    pump();
  }

  function rejected(item, text) {
    var idx = outbox.indexOf(item);
    if (idx >= 0) { outbox.splice(idx, 1); }
    var l = locals.indexOf(item);
    if (l >= 0) { locals.splice(l, 1); }
    setState(item, 'rejected', text);
    if (item.node) {
      item.node.setAttribute('data-fixed', '1');
    }
    announce(TEXT.rejectedPrefix + text);
    pump();
  }

  function failed(item) {
    if (item.reconciled) {
      // The echo came while we waited: the server has it.
      done(item);
      return;
    }
    outbox.forEach(function (o) {
      if (o.state !== 'failed') { setState(o, 'failed'); }
    });
    if (!failureAnnounced) {
      failureAnnounced = true;
      announce(TEXT.notSentAnnounce);
    }
    if (item.attempts <= RETRY_DELAYS_S.length) {
      retryTimer = setTimeout(pump, RETRY_DELAYS_S[item.attempts - 1] * 1000);
    }
  }

  // Retry at once: after the stream reconnects, the browser goes online, or the person presses "Повторить".
  function retryNow(manual) {
    if (sending || !outbox.length) {
      return;
    }
    if (!manual && outbox[0].state !== 'failed') {
      return;
    }
    if (manual) {
      outbox.forEach(function (o) { o.attempts = 0; });
    }
    clearTimeout(retryTimer);
    pump();
  }

  function sendTyping() {
    var now = Date.now();
    if (now - lastTypingSent < TYPING_EVERY_MS || outbox.length) {
      return;
    }
    lastTypingSent = now;
    var body = { userId: userId, clientMessageId: uuid(), type: 'typing' };
    if (cfg.segment) { body.segment = cfg.segment; }
    post(body).then(function () {}, function () {});
  }

  /* ---------- the input ---------- */

  function onSubmit(e) {
    e.preventDefault();
    var text = normalizeText(ui.input.value);
    if (!text) {
      announce(TEXT.emptyMessage);
      ui.input.focus();
      return;
    }
    start();
    send({ type: 'message', text: text.slice(0, MAX_LENGTH) });
    ui.input.value = '';
    lastTypingSent = 0;
    onInput({ fromSubmit: true });
    ui.input.focus();
  }

  function onInputKeydown(e) {
    if (e.key === 'Enter' && !e.shiftKey && !e.ctrlKey && !e.altKey && !e.metaKey && !e.isComposing && e.keyCode !== 229) {
      e.preventDefault();
      if (typeof ui.form.requestSubmit === 'function') {
        ui.form.requestSubmit();
      } else {
        onSubmit({ preventDefault: function () {} });
      }
    }
  }

  var counterLevel = 0;
  function onInput(e) {
    var len = ui.input.value.length;
    // Grow with the text, up to the height set in CSS.
    ui.input.style.height = 'auto';
    ui.input.style.height = ui.input.scrollHeight + 2 + 'px';
    if (len >= COUNTER_FROM) {
      ui.counter.hidden = false;
      ui.counter.textContent = fmt(TEXT.counter, { n: len, max: MAX_LENGTH });
      ui.counter.classList.toggle('asw-counter--limit', len >= MAX_LENGTH);
    } else {
      ui.counter.hidden = true;
      ui.counter.textContent = '';
    }
    var level = len >= MAX_LENGTH ? 2 : len >= COUNTER_FROM ? 1 : 0;
    if (level > counterLevel) {
      announce(fmt(level === 2 ? TEXT.counterLimit : TEXT.counterNear, { max: MAX_LENGTH }));
    }
    counterLevel = level;
    if (len > 0 && !(e && e.fromSubmit)) {
      sendTyping();
    }
  }

  /* ---------- start ---------- */

  function init() {
    var container = null;
    if (cfg.container) {
      try {
        container = document.querySelector(cfg.container);
      } catch (e) {
        container = null;
      }
      if (!container && window.console) {
        window.console.warn('Assistant widget: data-container "' + cfg.container + '" not found, showing the floating button.');
      }
    }
    if (container) {
      mountInline(container);
    } else {
      mountFloating();
    }
    window.addEventListener('online', function () {
      retryNow(false);
      if (started && es && es.readyState === 2) {
        connect();
      }
    });
  }

  function loadStyles(done) {
    var href = '/widget.css';
    try {
      href = new URL('widget.css', script && script.src ? script.src : window.location.href).href;
    } catch (e) { /* keep the default */ }
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    for (var i = 0; i < links.length; i++) {
      if (links[i].href === href) {
        done();
        return;
      }
    }
    var called = false;
    function once() {
      if (!called) {
        called = true;
        done();
      }
    }
    var linkEl = document.createElement('link');
    linkEl.rel = 'stylesheet';
    linkEl.href = href;
    linkEl.addEventListener('load', once);
    linkEl.addEventListener('error', once);
    setTimeout(once, 3000);
    (document.head || document.documentElement).appendChild(linkEl);
  }

  window.AssistantWidget = {
    loaded: true,
    open: function () { if (ui.root) { open(); } },
    close: function () { if (ui.root) { close(true); } }
  };

  function boot() {
    loadStyles(init);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', boot);
  } else {
    boot();
  }
}());
