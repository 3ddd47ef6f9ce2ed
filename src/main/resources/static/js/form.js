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
  let dirty = false;

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

  function valueOf(element) {
    const text = element.value;
    const type = element.dataset.type || 'string';
    if (type === 'number' || type === 'integer') {
      const trimmed = text.trim();
      if (trimmed === '') {
        return undefined;
      }
      const number = Number(trimmed);
      return Number.isFinite(number) ? number : trimmed;  // the server names the field that is not a number
    }
    if (text === '' && !isArrayItem(element.name)) {
      return undefined;
    }
    return text;
  }

  function documentOf() {
    const doc = {};
    form.querySelectorAll('[data-list]').forEach(list => put(doc, list.dataset.list, [], true));
    form.querySelectorAll('[data-item]').forEach(item => {
      if (!item.classList.contains('line')) {
        put(doc, item.dataset.item, {}, true);
      }
    });
    form.querySelectorAll('[name^="/"]').forEach(element => {
      const value = valueOf(element);
      if (value !== undefined) {
        put(doc, element.name, value, false);
      }
    });
    return doc;
  }

  // ---- live 合计 and 占比 (the only arithmetic repeated here; the server checks them again)

  const byName = name => form.querySelector('[name="' + CSS.escape(name) + '"]');
  const round = (x, digits) => Math.round(x * 10 ** digits) / 10 ** digits;

  function recompute() {
    const start = performance.now();
    form.querySelectorAll('[data-calc="sum"]').forEach(cell => {
      const operands = cell.dataset.operands.split('|').map(byName).filter(Boolean);
      const given = operands.filter(o => o.value.trim() !== '' && Number.isFinite(Number(o.value)));
      cell.value = given.length === 0 ? '' : String(round(given.reduce((s, o) => s + Number(o.value), 0), 6));
    });
    form.querySelectorAll('[data-calc="share"]').forEach(cell => {
      const [amount, total] = cell.dataset.operands.split('|').map(byName);
      const a = Number(amount?.value), t = Number(total?.value);
      cell.value = !amount || amount.value.trim() === '' || !Number.isFinite(a) || !(t > 0) ? ''
          : String(round(a / t * 100, 2));
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
    clearFindings();
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

  // ---- actions

  function flash(text) {
    sessionStorage.setItem('pt-flash', text);
  }

  async function save() {
    const base = revision;
    const response = await api('PUT', '/api/declarations/' + id + '/document',
        {body: documentOf(), headers: {'If-Match': '"' + base + '"'}});
    if (response.ok) {
      revision = response.data.revision;
      document.getElementById('revision').textContent = String(revision);
      dirty = false;
      message('已保存，修订号 ' + revision + '。');
      return true;
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
      flash('已提交，当前状态：' + statusLabel(response.data.status) + '。');
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
      flash(done + '当前状态：' + statusLabel(response.data.status) + '。');
      location.reload();
    } else {
      message(problemText(response), 'error');
    }
  }

  const STATUS = {DRAFT: '草稿', DEPT_REVIEW: '主管部门审核中', FINANCE_REVIEW: '财政审核中', EXPERT_REVIEW: '专家评审中',
    RETURNED: '已退回', APPROVED: '已批复', REJECTED: '已驳回'};
  const statusLabel = status => STATUS[status] || status;

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
    const list = document.getElementById('picked');
    list.replaceChildren();
    picked.forEach(p => {
      form.querySelector('[data-path="' + CSS.escape(p) + '"]')?.classList.add('picked');
      const li = document.createElement('li');
      const label = byName(p)?.getAttribute('aria-label');
      li.textContent = (label ? label + ' ' : '') + p + ' ';
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
    const grade = panel.querySelector('[name="grade"]')?.value || undefined;
    const response = await api('POST', '/api/declarations/' + id + '/decision',
        {body: {outcome, comment: comment === '' ? undefined : comment, grade, fields: picked.length ? picked : undefined}});
    if (response.ok) {
      flash('已' + ({approve: '通过', return: '退回', reject: '驳回'})[outcome] + '，申报表当前状态：'
          + statusLabel(response.data.status) + '。');
      location.href = '/tasks';
    } else {
      message(problemText(response), 'error');
    }
  }

  // ---- wiring

  form.addEventListener('input', event => {
    if (editable && event.target.name) {
      dirty = true;
      recompute();
    }
  });
  form.addEventListener('click', event => {
    const add = event.target.closest('[data-add]');
    const op = event.target.closest('[data-op]');
    if (add) {
      addRow(add);
    } else if (op) {
      rowOp(op);
    } else if (form.dataset.picking === 'true') {
      const input = event.target.closest('[name^="/"]');
      const place = input ? input.name : event.target.closest('[data-path]')?.dataset.path;
      if (place !== undefined) {
        togglePick(place);
      }
    }
  });
  form.addEventListener('keydown', event => {
    if (event.key === 'Enter' && event.target.matches('input')) {
      event.preventDefault();
      if (form.dataset.picking === 'true' && event.target.name) {
        togglePick(event.target.name);
      }
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
})();
