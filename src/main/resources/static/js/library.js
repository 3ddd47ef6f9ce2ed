// The 指标库 dialog of the 申报表 page: a filer picks a common indicator and a new row of that indicator table
// starts with its 一级/二级指标, 指标名称 and typical value. The library's data and search are the server's.
(function () {
  'use strict';
  const dialog = document.getElementById('library');
  const form = document.getElementById('declaration');
  if (!dialog || !form) {
    return;
  }
  const {api, problemText} = window.PT;
  const query = document.getElementById('library-q');
  const level1 = document.getElementById('library-level1');
  const results = document.getElementById('library-results');
  const status = document.getElementById('library-status');
  let target = null;   // the 从指标库选择 button of the table the row goes into
  let timer = null;

  function text(tag, value, className) {
    const element = document.createElement(tag);
    element.textContent = value == null ? '' : String(value);
    if (className) {
      element.className = className;
    }
    return element;
  }

  async function search() {
    const params = new URLSearchParams({form: dialog.dataset.form});
    if (query.value.trim()) {
      params.set('q', query.value.trim());
    }
    if (level1.value) {
      params.set('level1', level1.value);
    }
    const response = await api('GET', '/api/indicator-library?' + params);
    if (!response.ok) {
      status.textContent = problemText(response);
      return;
    }
    results.replaceChildren(...response.data.map(row));
    status.textContent = response.data.length === 0 ? '没有找到匹配的指标。' : '共 ' + response.data.length + ' 条';
  }

  function row(indicator) {
    const tr = document.createElement('tr');
    const name = text('td', indicator.name);
    if (indicator.core) {
      name.prepend(text('strong', '核心', 'core'), ' ');
    }
    const pick = text('button', '选用');
    pick.type = 'button';
    pick.className = 'primary';
    pick.addEventListener('click', () => use(indicator));
    const action = document.createElement('td');
    action.append(pick);
    tr.append(text('td', indicator.level1), text('td', indicator.level2), name, text('td', indicator.value),
        text('td', indicator.note), action);
    return tr;
  }

  function fill(item, field, value) {
    const input = [...item.querySelectorAll('[name]')].find(e => e.name.endsWith('/' + field));
    if (!input) {
      return null;
    }
    if (input.tagName === 'SELECT' && ![...input.options].some(o => o.value === value)) {
      input.append(new Option(value, value));  // the server's dictionary check still has its say
    }
    input.value = value;
    input.dispatchEvent(new Event('input', {bubbles: true}));
    return input;
  }

  function use(indicator) {
    const item = window.PT.addRow(target);
    ['level1', 'level2', 'name'].forEach(field => fill(item, field, indicator[field]));
    const value = fill(item, 'value', indicator.value);
    dialog.close();
    if (value) {
      value.focus();
      const n = indicator.value.indexOf('N');
      if (n >= 0) {
        value.setSelectionRange(n, n + 1);  // the filer types the figure over the N
      }
    }
  }

  form.addEventListener('click', event => {
    const button = event.target.closest('[data-library]');
    if (button) {
      target = button;
      dialog.showModal();
      query.focus();
      search();
    }
  });
  query.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(search, 200);
  });
  level1.addEventListener('change', search);
  document.getElementById('library-close').addEventListener('click', () => dialog.close());
})();
