// The 申报表 page beside form.js: 导入Excel (the same save as the API's xlsx PUT, with If-Match), the 二级指标
// drop-down offering only the 一级 chosen's group, and texts that wrap in the tables. Every rule runs on the server.
(function () {
  'use strict';
  const form = document.getElementById('declaration');
  if (!form) {
    return;
  }
  const {api, message, problemText} = window.PT;
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

  // ---- 导入Excel: nothing is saved when the sheet has errors; each is listed with its cell

  async function importSheet(file) {
    const revision = Number(document.getElementById('revision').textContent);
    const response = await api('PUT', '/api/declarations/' + form.dataset.id + '/document', {
      raw: await file.arrayBuffer(), contentType: XLSX, headers: {'If-Match': '"' + revision + '"'}});
    if (response.ok) {
      sessionStorage.setItem('pt-flash', '已导入“' + file.name + '”，保存为修订号 ' + response.data.revision + '。');
      location.reload();
      return;
    }
    const errors = Array.isArray(response.data?.errors) ? response.data.errors : [];
    message('导入失败，未保存任何内容：' + (errors.length ? '表格中有 ' + errors.length + ' 处错误。' : problemText(response)),
        'error');
    if (errors.length) {
      const list = document.createElement('ul');
      list.className = 'sheet-errors';
      errors.forEach(e => {
        const li = document.createElement('li');
        li.dataset.cell = e.cell || '';
        li.textContent = e.message && e.cell && e.message.startsWith(e.cell) ? e.message
            : (e.cell ? e.cell + '：' : '') + (e.message || '');
        list.append(li);
      });
      document.getElementById('messages').firstElementChild.append(list);
    }
  }

  const picker = document.getElementById('import-file');
  document.getElementById('import-xlsx')?.addEventListener('click', () => picker.click());
  picker?.addEventListener('change', () => {
    const file = picker.files[0];
    picker.value = '';
    if (file) {
      importSheet(file);
    }
  });

  // ---- 二级指标 offers the groups of the 一级 chosen (the server rendered the saved pair the same way)

  /** The field this select depends on: the sibling of its row (data-depends names the field, e.g. level1). */
  function parentOf(select) {
    const item = select.closest('[data-item]');
    return item ? item.querySelector('[name="' + CSS.escape(item.dataset.item + '/' + select.dataset.depends) + '"]') : null;
  }

  function offer(select) {
    const parent = parentOf(select);
    const chosen = parent ? parent.value : '';
    select.querySelectorAll('optgroup').forEach(group => {
      const offered = chosen === '' || group.label === chosen;
      group.hidden = !offered;
      group.disabled = !offered;
    });
    const selected = select.selectedOptions[0];
    if (selected && selected.parentElement.tagName === 'OPTGROUP' && selected.parentElement.disabled) {
      select.value = '';
      select.dispatchEvent(new Event('input', {bubbles: true}));
    }
  }

  function dependents(parent) {
    const item = parent.closest('[data-item]');
    return item ? [...item.querySelectorAll('select[data-depends]')].filter(s => parentOf(s) === parent) : [];
  }

  form.addEventListener('change', event => {
    const target = event.target;
    if (target.name) {
      dependents(target).forEach(offer);
    }
    // A 二级 picked before the 一级: the 一级 is the group it was picked from.
    if (target.matches('select[data-depends]') && target.selectedOptions[0]?.parentElement.tagName === 'OPTGROUP') {
      const parent = parentOf(target);
      if (parent && parent.value === '') {
        parent.value = target.selectedOptions[0].parentElement.label;
        parent.dispatchEvent(new Event('input', {bubbles: true}));
        offer(target);
      }
    }
  });

  // A one-line text of a table grows as it wraps; Enter does not start a new line in it.
  form.addEventListener('keydown', event => {
    if (event.key === 'Enter' && event.target.matches('textarea.wrap')) {
      event.preventDefault();
    }
  });
})();
