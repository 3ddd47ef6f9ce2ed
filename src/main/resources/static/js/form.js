// The 申报表 page: builds the document from the inputs (each input's name is the JSON Pointer of its value),
// keeps those pointers true when rows are added, removed or moved, shows 合计/占比 live, and calls the API to
// save (If-Match), validate, submit, withdraw, adjust and decide. Every rule runs on the server.
(function () {
  'use strict';
  const form = document.getElementById('declaration');
  if (!form) {
    return;
  }
  const {api, message, problemText, formatTime} = window.PT;
  const id = form.dataset.id;
  const arrays = new Set(JSON.parse(form.dataset.arrays || '[]'));
  const editable = form.dataset.editable === 'true';
  let revision = Number(form.dataset.revision);
  // attachments.js: a change of the files of a submitted revision opened a new one with the same document.
  form.addEventListener('pt-revision', event => {
    if (event.detail > revision) {
      revision = event.detail;
      document.getElementById('revision').textContent = String(revision);
    }
  });
  let dirty = false;
  let edits = 0;  // counts edits, so that a save knows whether the filer typed on while it was under way

  // ---- pointers and the document

  const tokens = pointer => pointer === '' ? [] : pointer.split('/').slice(1)
      .map(t => t.replace(/~1/g, '/').replace(/~0/g, '~'));

  /** Walks the pointer, creating objects and arrays as the schema says, and sets the value (or only the container). */
  function put(doc, pointer, value, onlyIfAbsent) {
    const parts = tokens(pointer);
    let node = doc;
    let pattern = '';
    for (let i = 0; i < parts.length; i++) {
      const inArray = arrays.has(pattern);
      const key = inArray ? Number(parts[i]) : parts[i];
      pattern += '/' + (inArray ? '*' : parts[i].replace(/~/g, '~0').replace(/\//g, '~1'));
      if (i === parts.length - 1) {
        if (!(onlyIfAbsent && node[key] !== undefined)) {
          node[key] = value;
        }
      } else {
        if (node[key] === undefined || node[key] === null) {
          node[key] = arrays.has(pattern) ? [] : {};
        }
        node = node[key];
      }
    }
  }

  function isArrayItem(pointer) {
    const parts = tokens(pointer);
    let pattern = '';
    for (let i = 0; i < parts.length - 1; i++) {
      pattern += '/' + (arrays.has(pattern) ? '*' : parts[i]);
    }
    return arrays.has(pattern);
  }

  // A plain decimal as people type it; anything else (also 0x10, 1e3, full-width digits) goes as text and the
  // server names it.
  const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

  function valueOf(element, text = element.value) {
    const type = element.dataset.type || 'string';
    if (type === 'number' || type === 'integer') {
      const trimmed = text.trim();
      if (trimmed === '') {
        return undefined;
      }
      return DECIMAL.test(trimmed) ? Number(trimmed) : trimmed;
    }
    if (text === '' && !isArrayItem(element.name)) {
      return undefined;
    }
    return text;
  }

  /**
   * The document of the page; a {@code held} control sends the value last saved instead of its text, and the
   * 合计/占比 are computed from what is sent.
   */
  function documentOf(held = new Set()) {
    const doc = {};
    const computed = new Map();
    const textOf = element => computed.has(element) ? computed.get(element)
        : held.has(element) ? savedText.get(element) ?? '' : element.value;
    if (held.size > 0) {
      recompute(textOf, (cell, text) => computed.set(cell, text));
    }
    form.querySelectorAll('[data-list]').forEach(list => put(doc, list.dataset.list, [], true));
    form.querySelectorAll('[data-item]').forEach(item => {
      if (!item.classList.contains('line')) {
        put(doc, item.dataset.item, {}, true);
      }
    });
    form.querySelectorAll('[name^="/"]').forEach(element => {
      const value = valueOf(element, textOf(element));
      if (value !== undefined) {
        put(doc, element.name, value, false);
      }
    });
    return doc;
  }

  // ---- live 合计 and 占比 (the only arithmetic repeated here; the server checks them again)

  const byName = name => form.querySelector('[name="' + CSS.escape(name) + '"]');
  const round = (x, digits) => Math.round(x * 10 ** digits) / 10 ** digits;

  // By default from and into the inputs; a save holding bad cells computes from what it sends (textOf) instead.
  function recompute(textOf = element => element.value, show = (cell, text) => { cell.value = text; }) {
    const start = performance.now();
    form.querySelectorAll('[data-calc="sum"]').forEach(cell => {
      const operands = cell.dataset.operands.split('|').map(byName).filter(Boolean);
      const given = operands.filter(o => textOf(o).trim() !== '' && Number.isFinite(Number(textOf(o))));
      show(cell, given.length === 0 ? '' : String(round(given.reduce((s, o) => s + Number(textOf(o)), 0), 6)));
    });
    form.querySelectorAll('[data-calc="share"]').forEach(cell => {
      const [amount, total] = cell.dataset.operands.split('|').map(byName);
      const a = Number(amount ? textOf(amount) : undefined), t = Number(total ? textOf(total) : undefined);
      show(cell, !amount || textOf(amount).trim() === '' || !Number.isFinite(a) || !(t > 0) ? ''
          : String(round(a / t * 100, 2)));
    });
    window.PT.lastRecomputeMs = performance.now() - start;
  }

  // ---- rows

  const REWRITTEN = ['name', 'data-path', 'data-slot', 'data-list', 'data-item'];

  function rewrite(root, from, to) {
    [root, ...root.querySelectorAll('*')].forEach(element => {
      REWRITTEN.forEach(attribute => {
        const value = element.getAttribute(attribute);
        if (value !== null && (value === from || value.startsWith(from + '/'))) {
          element.setAttribute(attribute, to + value.substring(from.length));
        }
      });
    });
  }

  function renumber(list) {
    [...list.children].filter(child => child.hasAttribute('data-item')).forEach((item, index) => {
      const wanted = list.dataset.list + '/' + index;
      if (item.dataset.item !== wanted) {
        rewrite(item, item.dataset.item, wanted);
      }
      const no = item.querySelector('.no');
      if (no) {
        no.textContent = String(index + 1) + (item.classList.contains('line') ? '.' : '');
      }
    });
  }

  function listOf(section) {
    return section.querySelector(':scope > .list, :scope > .scroll > table > tbody.list');
  }

  function addRow(button) {
    const section = button.closest('.repeat');
    const list = listOf(section);
    const template = section.querySelector(':scope > template');
    const fragment = template.content.cloneNode(true);
    const item = fragment.querySelector('[data-item]');
    const index = [...list.children].filter(child => child.hasAttribute('data-item')).length;
    rewrite(item, template.dataset.templateFor, list.dataset.list + '/' + index);
    list.append(item);
    renumber(list);
    changed();
    item.querySelector('input:not([readonly]), select, textarea')?.focus();
    return item;
  }
  window.PT.addRow = addRow;  // the 指标库 dialog (library.js) adds its rows the same way

  function rowOp(button) {
    const item = button.closest('[data-item]');
    const list = item.parentElement;
    const op = button.dataset.op;
    if (op === 'remove') {
      item.remove();
    } else if (op === 'up' && item.previousElementSibling) {
      list.insertBefore(item, item.previousElementSibling);
    } else if (op === 'down' && item.nextElementSibling) {
      list.insertBefore(item.nextElementSibling, item);
    }
    renumber(list);
    changed();
    if (op !== 'remove') {
      button.focus();
    }
  }

  function changed() {
    dirty = true;
    edits++;
    clearFindings();
    keepDraft();
  }

  // ---- findings

  /** The notes of the place at this pointer or, if the page has no element for it, of the nearest one holding it. */
  function slotFor(path) {
    let pointer = path;
    for (;;) {
      const slot = form.querySelector('[data-slot="' + CSS.escape(pointer) + '"]');
      if (slot) {
        return slot;
      }
      const place = form.querySelector('[data-path="' + CSS.escape(pointer) + '"]');
      if (place) {
        const holder = place.tagName === 'TR' ? place.cells[0] : place;
        const created = document.createElement('div');
        created.className = 'slot';
        created.dataset.slot = pointer;
        holder.append(created);
        return created;
      }
      if (pointer === '') {
        return form.querySelector('[data-slot=""]');
      }
      pointer = pointer.substring(0, pointer.lastIndexOf('/'));
    }
  }

  function clearFindings() {
    form.querySelectorAll('[data-finding-path]').forEach(f => f.remove());
    form.querySelectorAll('.invalid').forEach(f => f.classList.remove('invalid'));
    document.getElementById('findings').hidden = true;
  }

  function jump(path) {
    const target = byName(path) || slotFor(path)?.closest('[data-path]') || slotFor(path);
    target?.scrollIntoView({block: 'center'});
    (target?.matches('input, select, textarea') ? target : target?.querySelector('input, select, textarea'))?.focus();
  }

  function showFindings(errors, warnings) {
    clearFindings();
    const list = document.getElementById('finding-list');
    list.replaceChildren();
    const all = [...(errors || []).map(f => [f, 'error']), ...(warnings || []).map(f => [f, 'warning'])];
    all.forEach(([finding, severity]) => {
      const note = document.createElement('div');
      note.className = 'finding ' + severity;
      note.dataset.findingPath = finding.path;
      note.dataset.rule = finding.rule;
      note.textContent = (severity === 'error' ? '错误：' : '提醒：') + finding.message;
      note.append(...basisOf(finding));
      const slot = slotFor(finding.path);
      slot.append(note);
      slot.closest('[data-path]')?.classList.add('invalid');
      const li = document.createElement('li');
      li.className = severity;
      const link = document.createElement('a');
      link.href = '#';
      link.dataset.jump = finding.path;
      link.textContent = finding.message;
      li.append(link);
      list.append(li);
    });
    document.getElementById('findings-summary').textContent = all.length === 0 ? '未发现问题。'
        : '共 ' + (errors || []).length + ' 项错误、' + (warnings || []).length + ' 项提醒；点击条目可跳到对应字段。';
    document.getElementById('findings').hidden = false;
  }

  // The rule's source and, for a warning, why it matters: shown on demand (a closed <details>) under the finding.
  function basisOf(finding) {
    if (!finding.basis && !finding.why) {
      return [];
    }
    const more = document.createElement('details');
    more.className = 'finding-basis';
    const summary = document.createElement('summary');
    summary.textContent = '依据';
    const text = document.createElement('p');
    text.textContent = (finding.basis ? '依据：' + finding.basis : '') + (finding.why ? '　为何值得注意：' + finding.why : '');
    more.append(summary, text);
    return [more];
  }

  // ---- actions

  function flash(text) {
    sessionStorage.setItem('pt-flash', text);
  }

  async function save() {
    const base = revision;
    const held = heldControls();
    const editsSent = edits;
    const response = await saveHolding(base, held);
    if (response.ok) {
      revision = response.data.revision;
      document.getElementById('revision').textContent = String(revision);
      rememberSaved(held);
      if (held.size === 0 && edits !== editsSent) {
        writeDraft();  // typed on while saving: that is still unsaved, and the leave warning stays
        message('已保存，修订号 ' + revision + '。保存期间又有修改，请再次保存。');
        return false;
      }
      if (held.size === 0) {
        dirty = false;
        dropDraft();
        message('已保存，修订号 ' + revision + '。');
        return true;
      }
      writeDraft();
      reportHeld(held);
      return false;
    }
    if (response.status === 412) {
      await stale(base, response);
    } else {
      message('保存失败：' + problemText(response), 'error');
      if (response.data && Array.isArray(response.data.errors)) {
        showFindings(response.data.errors, []);
      }
    }
    return false;
  }

  /** Someone saved since this page loaded: say who and when, keep every input, offer to save over it. */
  async function stale(base, response) {
    const revisions = await api('GET', '/api/declarations/' + id + '/revisions');
    const newer = revisions.ok ? revisions.data.filter(r => r.number > base) : [];
    const latest = newer[newer.length - 1];
    const who = latest ? latest.savedBy + ' 于 ' + formatTime(latest.savedAt) + ' 保存了修订号 ' + latest.number
        : '他人已保存了新的修订';
    message('保存失败：在您打开本页之后，' + who + '。您在本页填写的内容仍然保留，未被覆盖，对方的修改也未丢失。'
        + '请核对后点击“以我的内容覆盖保存”，或在新窗口中查看对方的版本。', 'error');
    const area = document.getElementById('messages');
    const overwrite = document.createElement('button');
    overwrite.type = 'button';
    overwrite.id = 'overwrite';
    overwrite.textContent = '以我的内容覆盖保存';
    overwrite.addEventListener('click', () => {
      revision = latest ? latest.number : Number(response.data?.currentRevision);
      save();
    });
    const view = document.createElement('a');
    view.href = '/declarations/' + id;
    view.target = '_blank';
    view.textContent = '在新窗口查看最新版本';
    area.firstElementChild.append(' ', overwrite, ' ', view);
  }

  async function saveIfDirty() {
    return !dirty || await save();
  }

  async function validate() {
    if (!await saveIfDirty()) {
      return;
    }
    const response = await api('POST', '/api/declarations/' + id + '/validation');
    if (!response.ok) {
      message('校验失败：' + problemText(response), 'error');
      return;
    }
    showFindings(response.data.errors, response.data.warnings);
    message(response.data.valid ? '校验通过' + (response.data.warnings.length ? '，有 ' + response.data.warnings.length
        + ' 项提醒。' : '。') : '校验未通过：' + response.data.errors.length + ' 项错误。', response.data.valid ? 'ok' : 'error');
  }

  async function submit() {
    if (!await saveIfDirty()) {
      return;
    }
    const response = await api('POST', '/api/declarations/' + id + '/submission');
    if (response.ok) {
      flash('已提交，当前状态：' + statusLabel(response.data.declaration || response.data) + '。');
      location.reload();
    } else if (response.status === 422) {
      showFindings(response.data.errors, response.data.warnings);
      message('提交未成功：' + problemText(response), 'error');
    } else {
      message('提交未成功：' + problemText(response), 'error');
    }
  }

  async function simple(path, done) {
    const response = await api('POST', '/api/declarations/' + id + '/' + path);
    if (response.ok) {
      flash(done + '当前状态：' + statusLabel(response.data.declaration || response.data) + '。');
      location.reload();
    } else {
      message(problemText(response), 'error');
    }
  }

  // The server labels every status: the review steps come from the process models.
  const statusLabel = view => view.statusLabel || view.status;

  // ---- the reviewer's decision: fields picked by clicking them

  const picked = [];

  function togglePick(pointer) {
    const at = picked.indexOf(pointer);
    if (at >= 0) {
      picked.splice(at, 1);
    } else {
      picked.push(pointer);
    }
    form.querySelectorAll('.picked').forEach(e => e.classList.remove('picked'));
    form.querySelectorAll('[data-attach]').forEach(b => b.setAttribute('aria-pressed', String(picked.includes(b.dataset.attach))));
    const list = document.getElementById('picked');
    list.replaceChildren();
    picked.forEach(p => {
      form.querySelector('[data-path="' + CSS.escape(p) + '"]')?.classList.add('picked');
      const li = document.createElement('li');
      // The place in the template's words, as the server named it on the button; a pointer means nothing to people.
      const place = form.querySelector('[data-attach="' + CSS.escape(p) + '"]')?.dataset.place
          || byName(p)?.getAttribute('aria-label') || '所选字段';
      li.textContent = place + ' ';
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'link';
      remove.textContent = '移除';
      remove.addEventListener('click', () => togglePick(p));
      li.append(remove);
      list.append(li);
    });
  }

  async function decide(outcome) {
    const panel = document.getElementById('decision');
    const comment = panel.querySelector('[name="comment"]').value;
    const gradeSelect = panel.querySelector('[name="grade"]');
    const grade = gradeSelect?.value || undefined;
    // The step's model requires a grade for 通过 (the select is rendered required): say so before sending.
    if (outcome === 'approve' && gradeSelect?.required && !grade) {
      gradeSelect.setAttribute('aria-invalid', 'true');
      gradeSelect.focus();
      message('本环节必须评定等级：请先在“评级”中选择 优、良、中 或 差，再点“通过”。', 'error');
      return;
    }
    gradeSelect?.removeAttribute('aria-invalid');
    const returnTo = outcome === 'return' ? panel.querySelector('[name="returnTo"]')?.value || undefined : undefined;
    const response = await api('POST', '/api/declarations/' + id + '/decision',
        {body: {outcome, comment: comment === '' ? undefined : comment, grade, fields: picked.length ? picked : undefined,
          returnTo}});
    if (response.ok) {
      flash('已' + ({approve: '通过', return: '退回', reject: '驳回'})[outcome] + '，申报表当前状态：'
          + statusLabel(response.data) + '。');
      location.href = '/tasks';
    } else {
      message(problemText(response), 'error');
    }
  }

  // ---- 转办, 加签 and the consulted reviewer's opinion

  async function taskOperation(path, body, done) {
    const response = await api('POST', '/api/declarations/' + id + path, {body});
    if (response.ok) {
      flash(done);
      location.href = '/tasks';
    } else {
      message(problemText(response), 'error');
    }
  }

  function colleague() {
    const select = document.querySelector('#decision [name="to"]');
    return {to: select.value, name: select.selectedOptions[0]?.textContent};
  }

  function comment() {
    const text = document.querySelector('#decision [name="comment"]').value;
    return text === '' ? undefined : text;
  }

  // ---- checks as the filer types (length limits and numbers), mirroring the server's structure check

  const problems = new WeakMap();  // control → Map(kind → message): kinds 'length', 'number', 'server'
  const notes = new WeakMap();     // control → {counter, problem}: its notes, tied to it by aria-describedby
  let noteCount = 0;
  const chars = text => [...text].length;  // characters as people count them (and the server): code points
  const labelOf = element => element.getAttribute('aria-label') || element.closest('.field')
      ?.querySelector('.label')?.textContent.replace(/\*$/, '') || '表中一处';

  function note(element, kind) {
    const own = notes.get(element) || {};
    notes.set(element, own);
    if (!own[kind]) {
      const created = document.createElement('small');
      created.className = kind === 'counter' ? 'char-count' : 'inline-problem';
      created.id = 'aid-' + (++noteCount);
      if (kind === 'problem') {
        created.setAttribute('aria-live', 'polite');
      }
      const holder = element.closest('td, .field, .line') || element.parentElement;
      const label = holder.querySelector(':scope > label');
      if (label) {
        label.after(created);
      } else {
        holder.append(created);
      }
      const described = (element.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
      element.setAttribute('aria-describedby', [...described, created.id].join(' '));
      own[kind] = created;
    }
    return own[kind];
  }

  // Shown beside the control, which names it already (and aria-describedby ties them): the message alone.
  function setProblem(element, kind, text) {
    const own = problems.get(element) || new Map();
    problems.set(element, own);
    if (text) {
      own.set(kind, text);
    } else {
      own.delete(kind);
    }
    if (own.size === 0 && !notes.get(element)?.problem) {
      return;
    }
    note(element, 'problem').textContent = [...own.values()].join('；');
    element.classList.toggle('bad', own.size > 0);
    if (own.size > 0) {
      element.setAttribute('aria-invalid', 'true');
    } else {
      element.removeAttribute('aria-invalid');
    }
  }

  /** The count against the limit: "12 / 500", red with the server's wording once over it. */
  function count(element) {
    const max = Number(element.dataset.maxlength);
    if (!max || element.readOnly) {
      return;
    }
    const n = chars(element.value);
    const counter = note(element, 'counter');
    counter.textContent = n + ' / ' + max;
    counter.classList.toggle('over', n > max);
    setProblem(element, 'length', n > max ? '最多' + max + '个字，实际为' + n + '个字（超出 ' + (n - max) + ' 字）' : null);
  }

  function numberProblem(element) {
    const type = element.dataset.type;
    const text = element.value.trim();
    if ((type !== 'number' && type !== 'integer') || element.readOnly || text === '') {
      return null;
    }
    if (/[０-９．]/.test(text)) {
      return '应为数字：请用半角数字（切换到英文输入法后输入）';
    }
    if (!DECIMAL.test(text)) {
      return '应为数字，实际为“' + text + '”';
    }
    return type === 'integer' && !Number.isInteger(Number(text)) ? '应为整数，实际为' + text : null;
  }

  function checkAsTyped(element) {
    setProblem(element, 'server', null);  // the filer is changing what the server refused
    setProblem(element, 'number', numberProblem(element));
    count(element);
  }

  function checkAll() {
    form.querySelectorAll('[name^="/"]').forEach(checkAsTyped);
  }

  // ---- saving all that can be saved: one bad cell never costs the rest (the API stays all-or-nothing)

  /** Controls whose text cannot be saved as it stands: they keep it in the page and the draft, marked. */
  function heldControls() {
    return new Set([...form.querySelectorAll('[name^="/"]')].filter(e => (problems.get(e)?.size || 0) > 0));
  }

  /**
   * Saves the document with the held controls at their last saved values. The server refuses a document with a
   * value it cannot keep (a 400 naming each): those controls are held too, marked with its message, and the rest is
   * saved again; a refusal that names no control of the page stays the refusal it is.
   */
  async function saveHolding(base, held) {
    let response;
    for (let attempt = 0; attempt < 3; attempt++) {
      response = await api('PUT', '/api/declarations/' + id + '/document',
          {body: documentOf(held), headers: {'If-Match': '"' + base + '"'}});
      const refused = response.status === 400 && Array.isArray(response.data?.errors)
          ? response.data.errors.map(e => [byName(e.path), e.message])
              .filter(([element]) => element && !element.readOnly && !held.has(element)) : [];
      if (refused.length === 0) {
        break;
      }
      refused.forEach(([element, text]) => {
        setProblem(element, 'server', String(text).replace(/^“[^”]*”/, ''));  // beside the cell, its name goes without saying
        held.add(element);
      });
    }
    return response;
  }

  function reportHeld(held) {
    const list = [...held];
    message('已保存其余内容，修订号 ' + revision + '。但有 ' + list.length + ' 处内容有误，暂未保存：'
        + list.map(labelOf).join('、') + '。这些内容仍保留在本页和本机草稿中，已在表中标红，改正后请再次保存。', 'error');
    list[0].scrollIntoView({block: 'center'});
  }

  // ---- unsaved work: a warning before leaving the page, and a draft kept in this browser

  const draftKey = 'pt-draft:' + (form.dataset.user || '') + ':' + id;
  const savedText = new WeakMap();  // control → its text as the server last saved it
  let draftTimer = null;

  function rememberSaved(except = new Set()) {
    form.querySelectorAll('[name^="/"]').forEach(element => {
      if (!except.has(element)) {
        savedText.set(element, element.value);
      }
    });
  }

  /** What the filer typed: each control's text by pointer, and how many items each list has. */
  function snapshot() {
    const lists = {};
    form.querySelectorAll('[data-list]').forEach(list => {
      lists[list.dataset.list] = [...list.children].filter(c => c.hasAttribute('data-item')).length;
    });
    const values = {};
    form.querySelectorAll('[name^="/"]').forEach(element => {
      if (!element.readOnly) {
        values[element.name] = element.value;
      }
    });
    return {lists, values};
  }

  const sameEntries = (a, b) => Object.keys(a).length === Object.keys(b).length
      && Object.keys(a).every(k => Object.prototype.hasOwnProperty.call(b, k) && a[k] === b[k]);

  function keepDraft() {
    clearTimeout(draftTimer);
    draftTimer = setTimeout(writeDraft, 400);
  }

  function writeDraft() {
    clearTimeout(draftTimer);
    if (!editable || !dirty) {
      return;
    }
    try {
      localStorage.setItem(draftKey, JSON.stringify({revision, savedAt: new Date().toISOString(), ...snapshot()}));
    } catch (e) {
      // Storage full or turned off: the warning before leaving still guards the work.
    }
  }

  function dropDraft() {
    clearTimeout(draftTimer);
    try {
      localStorage.removeItem(draftKey);
    } catch (e) {
      // nothing kept, nothing to drop
    }
  }

  function readDraft() {
    try {
      const draft = JSON.parse(localStorage.getItem(draftKey) || 'null');
      return draft && typeof draft.values === 'object' && typeof draft.lists === 'object' ? draft : null;
    } catch (e) {
      return null;
    }
  }

  /** Back on the page with a draft that differs from what it shows: offer to restore it or to discard it. */
  function offerDraft() {
    const draft = readDraft();
    if (!draft) {
      return;
    }
    const shown = snapshot();
    if (sameEntries(shown.lists, draft.lists) && sameEntries(shown.values, draft.values)) {
      dropDraft();
      return;
    }
    const banner = document.createElement('div');
    banner.id = 'draft-banner';
    banner.className = 'notice draft';
    banner.setAttribute('role', 'region');
    banner.setAttribute('aria-label', '未保存的草稿');
    const text = document.createElement('span');
    text.textContent = '发现未保存的草稿（保存于 ' + formatTime(draft.savedAt) + '）'
        + (draft.revision < revision ? '，它基于修订号 ' + draft.revision + '，此后申报表已保存为修订号 ' + revision
            + '；恢复后请核对再保存。' : '。');
    const restore = document.createElement('button');
    restore.type = 'button';
    restore.id = 'draft-restore';
    restore.className = 'primary';
    restore.textContent = '恢复';
    const discard = document.createElement('button');
    discard.type = 'button';
    discard.id = 'draft-discard';
    discard.textContent = '放弃';
    restore.addEventListener('click', () => {
      restoreDraft(draft);
      banner.remove();
      message('已恢复草稿中的内容（尚未保存），请核对后点击“保存”。');
    });
    discard.addEventListener('click', () => {
      dropDraft();
      banner.remove();
      message('已放弃草稿，页面显示的是已保存的修订号 ' + revision + '。');
    });
    banner.append(text, restore, discard);
    (document.querySelector('.declaration .formhead') || form).after(banner);
  }

  function restoreDraft(draft) {
    const depth = pointer => tokens(pointer).length;
    Object.keys(draft.lists).sort((a, b) => depth(a) - depth(b)).forEach(pointer => {
      const list = form.querySelector('[data-list="' + CSS.escape(pointer) + '"]');
      const add = list?.closest('.repeat')?.querySelector(':scope > [data-add]');
      if (!list) {
        return;
      }
      const items = () => [...list.children].filter(c => c.hasAttribute('data-item'));
      while (add && items().length < draft.lists[pointer]) {
        addRow(add);
      }
      while (items().length > draft.lists[pointer]) {
        items().pop().remove();
      }
    });
    form.querySelectorAll('[name^="/"]').forEach(element => {
      if (!element.readOnly && Object.prototype.hasOwnProperty.call(draft.values, element.name)) {
        element.value = draft.values[element.name];
      }
    });
    recompute();
    checkAll();
    clearFindings();
    dirty = true;
    writeDraft();
  }

  function guardLeaving(event) {
    if (editable && dirty) {
      writeDraft();
      event.preventDefault();
      event.returnValue = '';  // older browsers show their prompt only when this is set
    }
  }

  // ---- wiring

  form.addEventListener('input', event => {
    if (editable && event.target.name) {
      dirty = true;
      edits++;
      recompute();
      checkAsTyped(event.target);
      keepDraft();
    }
  });
  form.addEventListener('click', event => {
    const add = event.target.closest('[data-add]');
    const op = event.target.closest('[data-op]');
    if (add) {
      addRow(add);
    } else if (op) {
      rowOp(op);
    } else {
      attachClicked(event);
    }
  });

  // Reading a field (clicking or focusing it) never changes what the comment is about: only 加入意见 does.
  function attachClicked(event) {
    const attach = event.target.closest('[data-attach]');
    if (attach && form.dataset.picking === 'true') {
      togglePick(attach.dataset.attach);
    }
  }
  form.addEventListener('keydown', event => {
    if (event.key === 'Enter' && event.target.matches('input')) {
      event.preventDefault();
    }
  });
  document.addEventListener('click', event => {
    const link = event.target.closest('[data-jump]');
    if (link) {
      event.preventDefault();
      jump(link.dataset.jump);
    }
  });
  const on = (elementId, handler) => document.getElementById(elementId)?.addEventListener('click', handler);
  on('save', save);
  on('validate', validate);
  on('submit', submit);
  on('withdraw', () => simple('withdrawal', '已撤回，'));
  on('adjust', () => simple('adjustment', '已开启调整，'));
  on('approve', () => decide('approve'));
  on('return', () => decide('return'));
  on('reject', () => decide('reject'));
  on('handover', () => {
    const {to, name} = colleague();
    taskOperation('/handover', {to, comment: comment()}, '已转办给' + name + '。');
  });
  on('consult', () => {
    const {to, name} = colleague();
    taskOperation('/consultation', {to, comment: comment()}, '已请' + name + '加签，收到意见后请您作出决定。');
  });
  on('answer-consultation', () => taskOperation('/consultation/answer',
      {comment: document.querySelector('#consultation [name="opinion"]').value}, '已提交加签意见。'));

  if (editable) {
    rememberSaved();
    form.querySelectorAll('.field [data-maxlength]').forEach(count);
    form.addEventListener('focusin', event => {
      if (event.target.dataset?.maxlength) {
        count(event.target);
      }
    });
    window.addEventListener('beforeunload', guardLeaving);
    offerDraft();
  }
})();
