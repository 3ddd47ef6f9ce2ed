// Shared by every page: calls to /api with the session and its CSRF token, and the #messages area.
// User data is only ever put into the page as text (textContent), never as HTML.
(function () {
  'use strict';
  const meta = name => document.querySelector('meta[name="' + name + '"]')?.content;

  async function api(method, url, options = {}) {
    const headers = Object.assign({'Accept': options.accept || 'application/json'}, options.headers || {});
    if (method !== 'GET' && meta('_csrf')) {
      headers[meta('_csrf_header')] = meta('_csrf');
    }
    let body;
    if (options.form !== undefined) {
      body = options.form;  // FormData: the browser sets the multipart Content-Type with its boundary
    } else if (options.raw !== undefined) {
      headers['Content-Type'] = options.contentType;
      body = options.raw;   // bytes as they are (a CSV keeps its BOM)
    } else if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    const response = await fetch(url, {method, headers, body, credentials: 'same-origin'});
    const type = response.headers.get('Content-Type') || '';
    let data = null;
    if (type.includes('json')) {
      data = await response.json();
    } else if (options.blob) {
      data = await response.blob();
    } else {
      data = await response.text();
    }
    return {status: response.status, ok: response.ok, headers: response.headers, data};
  }

  function message(text, kind = 'ok') {
    const area = document.getElementById('messages');
    area.replaceChildren();
    const div = document.createElement('div');
    div.className = 'notice ' + kind;
    div.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    div.textContent = text;
    area.append(div);
    area.scrollIntoView({block: 'nearest'});
  }

  function problemText(response) {
    const data = response.data;
    if (data && typeof data === 'object' && (data.detail || data.title)) {
      return data.detail || data.title;
    }
    if (response.status === 401) {
      return '登录已失效，请重新登录。';
    }
    return '请求失败（HTTP ' + response.status + '）';
  }

  const dateTime = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false
  });
  const formatTime = iso => iso ? dateTime.format(new Date(iso)) : '';

  function cell(row, text) {
    const td = document.createElement('td');
    td.textContent = text == null ? '' : String(text);
    row.append(td);
    return td;
  }

  window.PT = {api, message, problemText, formatTime, cell};

  document.addEventListener('DOMContentLoaded', () => {
    const create = document.getElementById('create');
    if (create) {
      const formKey = create.elements.formKey;
      const copyFrom = create.elements.copyFrom;
      const offerSameTemplate = () => {   // only a declaration of the chosen template can be copied
        [...copyFrom.options].forEach(o => o.hidden = o.value !== '' && o.dataset.form !== formKey.value);
        if (copyFrom.selectedOptions[0]?.hidden) {
          copyFrom.value = '';
        }
      };
      formKey.addEventListener('change', offerSameTemplate);
      offerSameTemplate();
      create.addEventListener('submit', async event => {
        event.preventDefault();
        const form = new FormData(create);
        const body = {formKey: form.get('formKey'), year: Number(form.get('year'))};
        if (form.get('copyFrom')) {
          body.copyFrom = Number(form.get('copyFrom'));
        }
        const response = await api('POST', '/api/declarations', {body});
        if (response.ok) {
          location.href = '/declarations/' + response.data.id;
        } else {
          message(problemText(response), 'error');
        }
      });
    }
  });
})();

// A notice carried over a reload (after submit, withdraw, decide).
document.addEventListener('DOMContentLoaded', () => {
  const text = sessionStorage.getItem('pt-flash');
  if (text) {
    sessionStorage.removeItem('pt-flash');
    window.PT.message(text);
  }
});
