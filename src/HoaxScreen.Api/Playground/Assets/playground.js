// HoaxScreen playground: screens a post with POST /v1/screen (explain: true, and the author role and action when
// chosen) and shows each label's score against its threshold, the verdict, the risks the deployment's rules found, the
// published debunks the post may repeat (knownClaims), the terms of the deployment's lists (termMatches) and the words
// that drove the score, highlighted in the original text. Plain JS, no dependencies, and it talks only to the service
// that served it, so it works with no network.
(() => {
  'use strict';

  const KEY_STORAGE = 'hoaxscreen.apiKey';
  const TOP_WORDS = 5;

  // Indonesian first, English in brackets. A model may carry labels beyond the canonical four (the shipped ones carry campaign).
  const LABEL_NAMES = {
    hoax: ['Hoaks', 'hoax'],
    hate_speech: ['Ujaran kebencian', 'hate speech'],
    abusive: ['Kata kasar', 'abusive'],
    sara: ['SARA', 'ethnic, religious, racial'],
    campaign: ['Kampanye', 'campaign'],
    pornography: ['Pornografi', 'pornography'],
    radicalism: ['Radikalisme', 'radicalism'],
    defamation: ['Pencemaran nama baik', 'defamation'],
  };
  const CANONICAL_TONES = { hoax: 0, hate_speech: 1, abusive: 2, sara: 3 };
  const EXTRA_TONES = 4;

  const EXAMPLES = {
    hoax: 'INFO PENTING!!! Sebarkan ke semua grup WA sebelum dihapus. Kata orang dalam KPU, mulai besok KTP lama tidak ' +
      'berlaku untuk mencoblos, wajib cetak ulang di kelurahan, bayar 50rb. Jangan sampai keluarga kita kehilangan hak pilih 🙏🙏🙏',
    hate_speech: 'Pendukung paslon itu pengkhianat bangsa, tidak pantas tinggal di negeri ini, usir saja mereka semua',
    abusive: '😡😡 woi t0l0l, kerja yg bener dong, dasar a*jing!',
    sara: 'Jangan pilih calon kafir, orang cina dan kristen haram memimpin umat muslim di daerah ini',
    clean: 'Alhamdulillah TPS 12 di kelurahan kami sudah buka jam 07.00, antrean tertib. Jangan lupa bawa KTP dan surat undangan ya.',
    // An invented pair (the Swagger example's); with a model that scores campaign, the shipped rules answer asn_neutrality.
    asn_campaign: 'Ayo bapak ibu, 27 November coblos nomor 2 Bima Santosa – Rara Lestari! Bersama Bang Bima dan Mbak Rara, ' +
      'Kabupaten Sagara makin maju 💪 #BiRaMenang',
    // Spellings that dodge filters; they match a list holding kafir and cebong (the Swagger example kata-kasar-lokal).
    term_list: 'Jangan pilih yg k a f i r, pendukungnya c3b0ng semua',
  };

  /** The author role and action an example sets; every other example sends neither. */
  const EXAMPLE_CONTEXT = {
    asn_campaign: { role: 'asn', action: 'share' },
  };

  const RISK_NAMES = {
    asn_neutrality: ['Netralitas ASN', 'civil-servant neutrality'],
    black_campaign: ['Kampanye hitam', 'black campaign'],
  };

  /** The highlight key of the term matches: not a label name, as labels are CSV column names without a colon. */
  const TERMS_KEY = ':terms';

  const STATUS_TITLES = {
    400: ['Permintaan tidak valid', 'Invalid request'],
    401: ['Perlu kunci API', 'API key required'],
    403: ['Kunci API tidak berhak', 'API key not allowed'],
    413: ['Teks terlalu besar', 'Request too large'],
    415: ['Format tidak didukung', 'Unsupported format'],
    429: ['Terlalu banyak permintaan', 'Too many requests'],
    503: ['Layanan sedang sibuk', 'Service busy'],
  };

  const DECISIONS = {
    match: ['Cocok', 'match'],
    suggest: ['Mungkin cocok – mohon konfirmasi', 'suggest – please confirm'],
  };

  const percent = new Intl.NumberFormat('id-ID', { style: 'percent', maximumFractionDigits: 1 });
  const dateFormat = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const weightFormat = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const countFormat = new Intl.NumberFormat('id-ID');

  const $ = (id) => document.getElementById(id);
  const ui = {};
  const state = { sequence: 0, modelVersion: null, text: '', response: null, hidden: new Set() };

  // ---- small DOM helpers -------------------------------------------------------------------------------------------

  function el(tag, className, ...children) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    node.append(...children);
    return node;
  }

  function english(text) {
    const span = el('span', 'en', `(${text})`);
    span.lang = 'en';
    return span;
  }

  /** "Indonesian (English)" as nodes; the English part is marked lang="en" for screen readers. */
  function bilingual(pair) {
    return [pair[0], ' ', english(pair[1])];
  }

  function labelPair(name) {
    return LABEL_NAMES[name] ?? [name, name.replace(/_/g, ' ')];
  }

  function labelText(name) {
    const [id, en] = labelPair(name);
    return id.toLowerCase() === en.toLowerCase() ? id : `${id} (${en})`;
  }

  function labelNodes(name) {
    const pair = labelPair(name);
    return pair[0].toLowerCase() === pair[1].toLowerCase() ? [pair[0]] : bilingual(pair);
  }

  function tone(name, order) {
    return `tone-${CANONICAL_TONES[name] ?? EXTRA_TONES + (order % 4)}`;
  }

  /** A highlight's name for its title: a label, or "term list NAME" for a term match (key "term:NAME"). */
  function highlightText(key) {
    return key.startsWith('term:') ? `Daftar kata (term list) ${key.slice(5)}` : labelText(key);
  }

  /** A risk's name in words: the shipped rules' names translated, any other name of the office's rules as written. */
  function riskText(name) {
    return RISK_NAMES[name]?.[0] ?? name;
  }

  // ---- API ---------------------------------------------------------------------------------------------------------

  function storedKey() {
    try {
      return sessionStorage.getItem(KEY_STORAGE) ?? '';
    } catch {
      return '';
    }
  }

  function storeKey(key) {
    try {
      if (key) sessionStorage.setItem(KEY_STORAGE, key);
      else sessionStorage.removeItem(KEY_STORAGE);
    } catch {
      // Storage switched off: the key then lives only until the page is closed.
    }
  }

  async function api(path, options = {}) {
    const headers = { Accept: 'application/json, application/problem+json' };
    if (options.body) headers['Content-Type'] = 'application/json';
    const key = storedKey() || ui.keyInput.value.trim();
    if (key) headers['X-Api-Key'] = key;

    const response = await fetch(path, { ...options, headers, cache: 'no-store', credentials: 'same-origin' });
    let body = null;
    try {
      body = await response.json();
    } catch {
      body = null;
    }
    return { ok: response.ok, status: response.status, body };
  }

  // ---- model -------------------------------------------------------------------------------------------------------

  async function loadModel() {
    try {
      const result = await api('v1/model');
      if (!result.ok) {
        ui.model.textContent = 'Model: —';
        if (result.status === 401 || result.status === 403) showKeyPanel();
        showProblem(result.status, result.body);
        return;
      }
      const model = result.body;
      setModelVersion(model.version);
      const created = new Date(model.createdAt);
      const thresholds = model.labels.map((l) => `${labelText(l.name)}: ${percent.format(l.threshold)}`).join('; ');
      ui.model.title = `Versi model (model version) ${model.version}, dilatih (trained) ` +
        `${isNaN(created) ? model.createdAt : created.toLocaleString('id-ID')}. Ambang (thresholds): ${thresholds}`;
    } catch (error) {
      ui.model.textContent = 'Model: —';
      showNetworkError(error);
    }
  }

  function setModelVersion(version) {
    state.modelVersion = version;
    ui.model.replaceChildren('Model ', el('code', '', version));
  }

  // ---- screening ---------------------------------------------------------------------------------------------------

  async function check() {
    const text = ui.text.value;
    const sequence = ++state.sequence;
    setBusy(true);
    hideError();
    const started = performance.now();
    try {
      const result = await api('v1/screen', { method: 'POST', body: JSON.stringify(screenRequest(text)) });
      if (sequence !== state.sequence) return;
      if (!result.ok || !result.body || !result.body.labels) {
        clearResult();
        if (result.status === 401 || result.status === 403) showKeyPanel();
        showProblem(result.status, result.body);
        return;
      }
      state.text = text;
      state.response = result.body;
      state.hidden.clear();
      renderResult(Math.round(performance.now() - started));
    } catch (error) {
      if (sequence !== state.sequence) return;
      clearResult();
      showNetworkError(error);
    } finally {
      if (sequence === state.sequence) setBusy(false);
    }
  }

  /** The request body: author and context only when chosen, so an empty choice sends nothing for the rules to read. */
  function screenRequest(text) {
    const request = { text, explain: true, topWords: TOP_WORDS };
    if (ui.role.value) request.author = { role: ui.role.value };
    if (ui.action.value) request.context = { action: ui.action.value };
    return request;
  }

  function setBusy(busy) {
    ui.result.setAttribute('aria-busy', String(busy));
    ui.check.disabled = busy;
    ui.check.replaceChildren(...bilingual(busy ? ['Memeriksa…', 'Checking…'] : ['Periksa', 'Check']));
  }

  function clearResult() {
    state.response = null;
    ui.resultBody.hidden = true;
    ui.empty.hidden = false;
  }

  // ---- rendering ---------------------------------------------------------------------------------------------------

  function renderResult(elapsedMs) {
    const response = state.response;
    const entries = Object.entries(response.labels);
    const flagged = entries.filter(([, score]) => score.flagged).map(([name]) => name);

    const claims = Array.isArray(response.knownClaims) ? response.knownClaims : [];
    const risks = validRisks(response.risks);
    renderVerdict(response.flagged, flagged, claims.some((c) => c && c.decision === 'match'), termMatches(response), risks);
    renderRisks(risks);
    renderKnownClaims(claims);
    renderTermMatches(response.termMatches);
    ui.labels.replaceChildren(...entries.map(([name, score], order) => labelRow(name, score, order)));
    renderExplanations();

    if (response.model && response.model !== state.modelVersion) setModelVersion(response.model);
    ui.meta.replaceChildren(
      'Model ', el('code', '', response.model), ` · ${countFormat.format(state.text.length)} karakter `, english('characters'),
      ` · ${countFormat.format(elapsedMs)} ms`);

    ui.empty.hidden = true;
    ui.resultBody.hidden = false;
  }

  /** A post needs review when it is flagged or when a rule found a risk (risks never flag by themselves). */
  function renderVerdict(isFlagged, flaggedLabels, matchesDebunk, matchedTerms, risks) {
    const needsReview = isFlagged || risks.length > 0;
    ui.verdict.className = `verdict ${needsReview ? 'verdict-flagged' : 'verdict-clear'}`;
    const icon = el('span', 'verdict-icon', needsReview ? '!' : '✓');
    icon.setAttribute('aria-hidden', 'true');
    const title = el('strong', 'verdict-title', ...bilingual(needsReview ? ['Perlu ditinjau', 'Needs review'] : ['Tidak ditandai', 'Not flagged']));
    const reasons = flaggedLabels.map(labelText);
    if (matchesDebunk) reasons.push('cocok dengan hoaks yang sudah dibantah (matches a debunked claim)');
    // Only a list with flag: true can flag a post that no label and no debunk flagged.
    if (isFlagged && reasons.length === 0 && matchedTerms.length > 0) {
      reasons.push(`memuat istilah dari daftar kata (holds a listed term): ${[...new Set(matchedTerms.map((m) => m.list))].join(', ')}`);
    }
    const detail = isFlagged
      ? el('span', 'verdict-detail', 'Ditandai ', english('flagged'), ': ', reasons.join(', '))
      : el('span', 'verdict-detail', 'Tidak ada label yang mencapai ambang. ', english('No label reached its threshold.'));
    const lines = [title, detail];
    if (risks.length > 0) {
      lines.push(el('span', 'verdict-detail verdict-risks', 'Risiko ', english('risks'), ': ',
        risks.map((r) => riskText(r.name)).join(', ')));
    }
    ui.verdict.replaceChildren(icon, el('div', '', ...lines));
  }

  function validRisks(risks) {
    return Array.isArray(risks) ? risks.filter((r) => r && typeof r.name === 'string' && r.name) : [];
  }

  /**
   * The risks the deployment's rules found, each with its reason. The reason comes from the rules file, so it is set as
   * text, never as markup.
   */
  function renderRisks(risks) {
    ui.risksList.replaceChildren(...risks.map((risk) => {
      const known = RISK_NAMES[risk.name];
      const head = known
        ? [el('strong', 'risk-name', ...bilingual(known)), el('code', 'risk-code', risk.name)]
        : [el('strong', 'risk-name', el('code', '', risk.name))];
      const item = el('li', 'risk',
        el('div', 'risk-head', ...head),
        el('p', 'risk-reason', typeof risk.reason === 'string' ? risk.reason : ''));
      item.dataset.name = risk.name;
      return item;
    }));
    ui.risks.hidden = risks.length === 0;
  }

  function termMatches(response) {
    return Array.isArray(response.termMatches)
      ? response.termMatches.filter((m) => m && typeof m.list === 'string' && typeof m.term === 'string')
      : [];
  }

  /**
   * The terms of the deployment's lists found in the post: list, term as listed and as written. Absent termMatches means
   * the service has no term lists, which only an admin can change, so the page says so instead of listing nothing.
   */
  function renderTermMatches(raw) {
    const isOn = Array.isArray(raw);
    const matches = termMatches(state.response);
    ui.termHint.hidden = isOn;
    ui.termList.hidden = !isOn;
    if (!isOn) {
      ui.termList.replaceChildren();
      return;
    }
    if (matches.length === 0) {
      ui.termList.replaceChildren(el('li', 'terms-none',
        ...bilingual(['Tidak ada istilah dari daftar kata yang tersimpan.', 'No term of the stored lists.'])));
      return;
    }
    ui.termList.replaceChildren(...matches.map((match) => {
      const written = state.text.slice(safeCut(state.text, match.start), safeCut(state.text, match.start + match.length));
      const item = el('li', 'term-match',
        el('span', 'term-list-name', match.list),
        el('strong', 'term-term', match.term),
        ...(written && written !== match.term
          ? [el('span', 'term-written', 'tertulis ', english('as written'), ' ', el('q', '', written))]
          : []));
      item.dataset.list = match.list;
      item.dataset.term = match.term;
      item.dataset.start = String(match.start);
      item.dataset.length = String(match.length);
      return item;
    }));
  }

  /**
   * The published debunks the post may repeat, best first. Every field is set as text (never as HTML), and a link is
   * made only of an http or https URL: a debunk comes from an imported file, so it is not trusted.
   */
  function renderKnownClaims(claims) {
    const items = claims.filter((c) => c && typeof c.claim === 'string').map(knownClaimItem);
    ui.knownClaimsList.replaceChildren(...items);
    ui.knownClaims.hidden = items.length === 0;
  }

  function knownClaimItem(claim) {
    const decision = DECISIONS[claim.decision] ?? DECISIONS.suggest;
    const isMatch = claim.decision === 'match';
    const badge = el('span', `badge ${isMatch ? 'badge-match' : 'badge-suggest'}`, ...bilingual(decision));

    const facts = [];
    if (typeof claim.verdict === 'string' && claim.verdict) facts.push(el('span', 'claim-verdict', claim.verdict));
    if (typeof claim.publisher === 'string' && claim.publisher) facts.push(el('span', 'claim-publisher', claim.publisher));
    const published = publishedDate(claim.published);
    if (published) facts.push(published);
    facts.push(el('span', 'claim-score', 'Skor ', english('score'), ' ', percent.format(clamp01(claim.score))));

    const link = safeLink(claim.url);
    const item = el('li', `claim ${isMatch ? 'is-match' : 'is-suggest'}`,
      el('div', 'claim-head', badge),
      el('p', 'claim-text', claim.claim),
      el('div', 'claim-facts', ...facts.flatMap((node, i) => (i === 0 ? [node] : [el('span', 'sep', ' · '), node]))),
      ...(link ? [el('p', 'claim-link', link)] : []));
    item.dataset.id = String(claim.id ?? '');
    item.dataset.decision = String(claim.decision ?? '');
    return item;
  }

  function publishedDate(value) {
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
    const date = new Date(`${value}T00:00:00Z`);
    const node = el('time', 'claim-date', isNaN(date) ? value : dateFormat.format(date));
    node.dateTime = value;
    return node;
  }

  /** An anchor for an http(s) URL; null for anything else (javascript:, data:, relative, malformed). */
  function safeLink(value) {
    if (typeof value !== 'string' || !value) return null;
    let url;
    try {
      url = new URL(value);
    } catch {
      return null;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    const anchor = el('a', 'claim-url', 'Baca bantahan ', english('read the debunk'), ' — ', url.host);
    anchor.href = url.href;
    anchor.target = '_blank';
    anchor.rel = 'noopener noreferrer';
    anchor.title = url.href;
    return anchor;
  }

  function labelRow(name, score, order) {
    const value = clamp01(score.score);
    const threshold = clamp01(score.threshold);

    const badge = el('span', `badge ${score.flagged ? 'badge-flagged' : 'badge-clear'}`,
      ...bilingual(score.flagged ? ['Ditandai', 'flagged'] : ['Di bawah ambang', 'below threshold']));

    const fill = el('div', 'bar-fill');
    fill.style.width = `${(value * 100).toFixed(2)}%`;
    const marker = el('div', 'bar-threshold');
    marker.style.left = `${(threshold * 100).toFixed(2)}%`;
    marker.title = `Ambang (threshold) ${percent.format(threshold)}`;
    marker.dataset.threshold = String(score.threshold);

    const bar = el('div', 'bar', fill, marker);
    bar.setAttribute('role', 'meter');
    bar.setAttribute('aria-valuemin', '0');
    bar.setAttribute('aria-valuemax', '100');
    bar.setAttribute('aria-valuenow', (value * 100).toFixed(1));
    bar.setAttribute('aria-valuetext', `${percent.format(value)}, ambang (threshold) ${percent.format(threshold)}`);
    bar.setAttribute('aria-label', labelText(name));

    const row = el('li', `label-row ${tone(name, order)} ${score.flagged ? 'is-flagged' : 'is-clear'}`,
      el('div', 'label-head', el('span', 'label-name', ...labelNodes(name)), badge),
      bar,
      el('div', 'label-numbers',
        el('span', 'score', 'Skor ', english('score'), ' ', el('strong', '', percent.format(value))),
        el('span', 'threshold', 'Ambang ', english('threshold'), ' ', percent.format(threshold))));
    row.dataset.label = name;
    row.dataset.score = String(score.score);
    return row;
  }

  function renderExplanations() {
    const explanations = state.response.explanations ?? {};
    const order = Object.keys(state.response.labels);
    const explained = Object.entries(explanations).filter(([, words]) => words.length > 0);

    const terms = termMatches(state.response);
    const toggles = explained.map(([name]) => legendButton(name, labelNodes(name), tone(name, order.indexOf(name))));
    if (terms.length > 0) toggles.push(legendButton(TERMS_KEY, bilingual(['Daftar kata', 'term lists']), 'tone-term'));
    ui.legend.replaceChildren(...toggles);
    ui.legend.hidden = toggles.length < 2;

    const spans = [];
    for (const [name, words] of explained) {
      if (state.hidden.has(name)) continue;
      for (const word of words) {
        // One entry per distinct word: every occurrence is in `spans` (start/length alone is the first).
        for (const span of wordSpans(word)) {
          spans.push({ label: name, tone: tone(name, order.indexOf(name)), start: span.start, end: span.start + span.length, weight: word.weight });
        }
      }
    }
    if (!state.hidden.has(TERMS_KEY)) {
      // Below every word's weight, so where a listed term is also an explained word the label's colour shows.
      for (const match of terms) {
        spans.push({ label: `term:${match.list}`, tone: 'tone-term', start: match.start, end: match.start + match.length, weight: -1 });
      }
    }
    renderHighlighted(state.text, spans);

    if (explained.length === 0) {
      const none = Object.keys(explanations).length === 0
        ? ['Tidak ada label yang ditandai, jadi tidak ada kata pemicu.', 'Nothing was flagged, so no words drove a verdict.']
        : ['Tidak ada satu kata yang menonjol.', 'No single word stood out.'];
      ui.words.replaceChildren(el('li', 'words-none', ...bilingual(none)));
      return;
    }
    ui.words.replaceChildren(...explained.map(([name, words]) => wordsRow(name, words, order.indexOf(name))));
  }

  function wordSpans(word) {
    return Array.isArray(word.spans) && word.spans.length > 0 ? word.spans : [{ start: word.start, length: word.length }];
  }

  function legendButton(name, caption, toneClass) {
    const button = el('button', `legend-toggle ${toneClass}`, el('span', 'swatch'), ...caption);
    button.type = 'button';
    button.setAttribute('aria-pressed', String(!state.hidden.has(name)));
    button.title = 'Tampilkan/sembunyikan sorotan label ini (show/hide this label\'s highlights)';
    button.addEventListener('click', () => {
      if (state.hidden.has(name)) state.hidden.delete(name);
      else state.hidden.add(name);
      renderExplanations();
      ui.legend.querySelector(`[data-label="${CSS.escape(name)}"]`)?.focus();
    });
    button.dataset.label = name;
    return button;
  }

  function wordsRow(name, words, order) {
    const chips = words.map((word) => {
      const count = wordSpans(word).length;
      const chip = el('span', 'word-chip', el('span', 'word-text', word.text),
        ...(count > 1 ? [el('span', 'word-count', `×${count}`)] : []),
        el('span', 'word-weight', weightFormat.format(word.weight)));
      chip.title = `Bobot (weight) ${weightFormat.format(word.weight)}: turunnya log-odds tanpa kata ini ` +
        '(the drop in log-odds without this word)' +
        (count > 1 ? `; muncul ${count} kali, semuanya disorot (occurs ${count} times, all highlighted)` : '');
      return chip;
    });
    return el('li', `words-row ${tone(name, order)}`, el('span', 'words-label', ...labelNodes(name), ':'), ...chips);
  }

  /**
   * The original text with the explained words marked. Offsets are UTF-16 code units, exactly what JS string indices
   * are, so the text is sliced as it is; a cut is never placed inside a surrogate pair, so emoji stay whole.
   */
  function renderHighlighted(text, rawSpans) {
    const spans = rawSpans
      .map((s) => ({ ...s, start: safeCut(text, s.start), end: safeCut(text, s.end) }))
      .filter((s) => s.end > s.start);
    const cuts = new Set([0, text.length]);
    for (const s of spans) {
      cuts.add(s.start);
      cuts.add(s.end);
    }
    const points = [...cuts].sort((a, b) => a - b);

    const nodes = [];
    for (let i = 0; i < points.length - 1; i++) {
      const from = points[i];
      const to = points[i + 1];
      const piece = text.slice(from, to);
      const covering = spans.filter((s) => s.start <= from && s.end >= to).sort((a, b) => b.weight - a.weight);
      if (covering.length === 0) {
        nodes.push(piece);
        continue;
      }
      const labels = [...new Set(covering.map((s) => s.label))];
      const mark = el('mark', `hl ${covering[0].tone}${labels.length > 1 ? ' hl-multi' : ''}`, piece);
      mark.dataset.start = String(from);
      mark.dataset.length = String(to - from);
      mark.dataset.labels = labels.join(' ');
      mark.title = labels.map(highlightText).join(', ');
      nodes.push(mark);
    }
    ui.highlighted.replaceChildren(...nodes);
  }

  function safeCut(text, index) {
    const i = Math.max(0, Math.min(text.length, index | 0));
    const isLowSurrogate = (code) => code >= 0xdc00 && code <= 0xdfff;
    const isHighSurrogate = (code) => code >= 0xd800 && code <= 0xdbff;
    return i > 0 && i < text.length && isLowSurrogate(text.charCodeAt(i)) && isHighSurrogate(text.charCodeAt(i - 1)) ? i - 1 : i;
  }

  function clamp01(value) {
    return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
  }

  // ---- errors ------------------------------------------------------------------------------------------------------

  function showProblem(status, problem) {
    const pair = STATUS_TITLES[status] ?? (status >= 500 ? ['Kesalahan server', 'Server error'] : ['Permintaan gagal', 'Request failed']);
    const children = [el('strong', 'error-title', ...bilingual(pair), ` — HTTP ${status}`)];
    const detail = problem && typeof problem.detail === 'string' ? problem.detail
      : problem && typeof problem.title === 'string' ? problem.title : '';
    if (detail) children.push(el('p', 'error-detail', detail));

    const fieldErrors = problem && problem.errors && typeof problem.errors === 'object' ? Object.entries(problem.errors) : [];
    if (fieldErrors.length > 0) {
      children.push(el('ul', 'error-fields', ...fieldErrors.flatMap(([field, messages]) =>
        (Array.isArray(messages) ? messages : [String(messages)]).map((message) =>
          el('li', '', el('code', '', field), ': ', String(message))))));
    }
    if (status === 401 || status === 403) {
      children.push(el('p', 'error-detail', 'Masukkan kunci API di atas. ', english('Enter an API key above.')));
    }
    showError(children);
  }

  function showNetworkError(error) {
    showError([
      el('strong', 'error-title', ...bilingual(['Layanan tidak dapat dihubungi', 'Service unreachable'])),
      el('p', 'error-detail', String(error && error.message ? error.message : error)),
    ]);
  }

  function showError(children) {
    ui.error.replaceChildren(...children);
    ui.error.hidden = false;
  }

  function hideError() {
    ui.error.hidden = true;
    ui.error.replaceChildren();
  }

  // ---- API key -----------------------------------------------------------------------------------------------------

  function showKeyPanel() {
    ui.keyPanel.hidden = false;
    if (!storedKey()) ui.keyInput.focus();
  }

  function saveKey() {
    const key = ui.keyInput.value.trim();
    storeKey(key);
    ui.keyInput.value = '';
    ui.keyInput.placeholder = key ? '•••••••• (tersimpan / saved)' : '';
    hideError();
    loadModel();
  }

  function forgetKey() {
    storeKey('');
    ui.keyInput.value = '';
    ui.keyInput.placeholder = '';
    ui.keyInput.focus();
  }

  // ---- wiring ------------------------------------------------------------------------------------------------------

  function updateCount() {
    ui.count.replaceChildren(`${countFormat.format(ui.text.value.length)} karakter `, english('characters'));
  }

  function setContext(context) {
    ui.role.value = context?.role ?? '';
    ui.action.value = context?.action ?? '';
  }

  function init() {
    Object.assign(ui, {
      form: $('screen-form'), text: $('post-text'), count: $('text-count'), check: $('check-button'), clear: $('clear-button'),
      model: $('model-version'), error: $('error'), result: $('result'), empty: $('result-empty'), resultBody: $('result-body'),
      verdict: $('verdict'), labels: $('labels'), legend: $('highlight-legend'), highlighted: $('highlighted'), words: $('words'),
      meta: $('result-meta'), keyPanel: $('key-panel'), keyInput: $('api-key'), knownClaims: $('known-claims'),
      knownClaimsList: $('known-claims-list'), role: $('author-role'), action: $('context-action'), risks: $('risks'),
      risksList: $('risks-list'), termList: $('term-matches-list'), termHint: $('term-matches-hint'),
    });
    ui.verdict.setAttribute('role', 'status');
    ui.verdict.setAttribute('aria-live', 'polite');
    ui.verdict.setAttribute('aria-atomic', 'true');

    ui.form.addEventListener('submit', (event) => {
      event.preventDefault();
      check();
    });
    ui.text.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        ui.form.requestSubmit();
      }
    });
    ui.text.addEventListener('input', updateCount);
    ui.clear.addEventListener('click', () => {
      ui.text.value = '';
      setContext(null);
      updateCount();
      hideError();
      clearResult();
      ui.text.focus();
    });
    for (const button of document.querySelectorAll('[data-example]')) {
      button.addEventListener('click', () => {
        ui.text.value = EXAMPLES[button.dataset.example] ?? '';
        setContext(EXAMPLE_CONTEXT[button.dataset.example]);
        updateCount();
        ui.text.focus();
      });
    }
    $('key-save').addEventListener('click', saveKey);
    $('key-forget').addEventListener('click', forgetKey);
    ui.keyInput.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        saveKey();
      }
    });
    if (storedKey()) {
      ui.keyPanel.hidden = false;
      ui.keyInput.placeholder = '•••••••• (tersimpan / saved)';
    }

    updateCount();
    loadModel();
  }

  document.addEventListener('DOMContentLoaded', init);
})();
