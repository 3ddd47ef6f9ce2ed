// The auditor's page: event search over /api/audit/events (filters, paging, CSV), one declaration's /history and
// chain verification. Every value from the server is written as text.
(function () {
  'use strict';
  const search = document.getElementById('audit-search');
  if (!search) {
    return;
  }
  const {api, message, problemText, formatTime, cell} = window.PT;
  // Labels of every status, review steps included, as the process models name them (from the page).
  const STATUS = JSON.parse(search.dataset.statuses || '{}');
  const status = s => s ? (STATUS[s] || s) : '';
  const change = (from, to) => from || to ? status(from) + ' → ' + status(to) : '';
  let page = 0;
  let total = 0;

  function query(withPage) {
    const params = new URLSearchParams();
    new FormData(search).forEach((value, key) => {
      if (value !== '' && (withPage || key !== 'size')) {
        params.set(key, value);
      }
    });
    if (withPage) {
      params.set('page', String(page));
    }
    return params;
  }

  let latest = 0;

  async function load() {
    const params = query(true);
    const mine = ++latest;
    const response = await api('GET', '/api/audit/events?' + params);
    if (mine !== latest) {
      return;  // a newer search was started meanwhile
    }
    if (!response.ok) {
      message(problemText(response), 'error');
      return;
    }
    total = response.data.total;
    const size = Number(params.get('size'));
    const body = document.querySelector('#events tbody');
    body.replaceChildren();
    response.data.items.forEach(e => {
      const row = document.createElement('tr');
      cell(row, formatTime(e.time));
      const link = cell(row, '');
      if (e.declaration != null) {
        const a = document.createElement('a');
        a.href = '#timeline-panel';
        a.dataset.timeline = e.declaration;
        a.textContent = '#' + e.declaration;
        link.append(a);
      }
      // The server puts codes into words (person, role, unit, the fields a comment is about); the username stays
      // as the cell's tooltip, since the 操作人 filter asks for it.
      cell(row, e.departmentName);
      cell(row, e.year);
      cell(row, e.actorName).title = e.actor || '';
      cell(row, e.roleLabel);
      cell(row, e.actionLabel || e.action);
      cell(row, change(e.fromStatus, e.toStatus));
      cell(row, e.revision);
      cell(row, [e.comment, e.grade ? '评级 ' + e.grade : null, e.detailsText].filter(Boolean).join('；'));
      body.append(row);
    });
    const pages = Math.max(1, Math.ceil(total / size));
    document.getElementById('audit-total').textContent = '共 ' + total + ' 条记录';
    document.getElementById('page').textContent = '第 ' + (page + 1) + ' / ' + pages + ' 页';
    document.getElementById('prev').disabled = page === 0;
    document.getElementById('next').disabled = page + 1 >= pages;
  }

  async function timeline(id) {
    document.querySelector('#timeline-form [name="id"]').value = id;
    const response = await api('GET', '/api/declarations/' + id + '/history');
    const body = document.querySelector('#timeline tbody');
    body.replaceChildren();
    if (!response.ok) {
      message(problemText(response), 'error');
      return;
    }
    response.data.forEach(e => {
      const row = document.createElement('tr');
      cell(row, formatTime(e.time));
      cell(row, e.source === 'engine' ? '流程引擎' : '审计记录');
      cell(row, e.actorName || '');
      cell(row, e.actionLabel || e.activityName || e.activityId);
      cell(row, change(e.fromStatus, e.toStatus));
      cell(row, e.revision);
      cell(row, [e.comment, e.grade ? '评级 ' + e.grade : null, e.detailsText].filter(Boolean).join('；'));
      cell(row, e.durationMs != null ? Math.round(e.durationMs / 1000) + ' 秒' : '');
      body.append(row);
    });
    document.getElementById('timeline-panel').scrollIntoView({block: 'start'});
  }

  async function verify() {
    const out = document.getElementById('verify-result');
    out.textContent = '校验中……';
    const response = await api('GET', '/api/audit/verify');
    if (!response.ok) {
      out.textContent = problemText(response);
      return;
    }
    const v = response.data;
    out.className = v.intact ? 'verify-ok' : 'verify-bad';
    out.textContent = v.intact ? '审计链完整：共校验 ' + v.events + ' 条事件，未发现篡改。'
        : '审计链被破坏：' + v.broken.map(b => '申报表 #' + b.declaration + (b.event != null ? ' 事件 ' + b.event : '')
            + '：' + b.reason).join('；');
  }

  async function csv() {
    const response = await api('GET', '/api/audit/events?' + query(false), {accept: 'text/csv', blob: true});
    if (!response.ok) {
      message(problemText(response), 'error');
      return;
    }
    const a = document.createElement('a');
    a.href = URL.createObjectURL(response.data);
    a.download = 'audit-events.csv';
    document.body.append(a);
    a.click();
    a.remove();
    message('已导出 CSV（导出本身也记入审计记录）。');
  }

  search.addEventListener('submit', event => {
    event.preventDefault();
    page = 0;
    load();
  });
  document.getElementById('prev').addEventListener('click', () => { page--; load(); });
  document.getElementById('next').addEventListener('click', () => { page++; load(); });
  document.getElementById('verify').addEventListener('click', verify);
  document.getElementById('csv').addEventListener('click', csv);
  document.getElementById('timeline-form').addEventListener('submit', event => {
    event.preventDefault();
    const id = new FormData(event.target).get('id');
    if (id) {
      timeline(id);
    }
  });
  document.addEventListener('click', event => {
    const link = event.target.closest('[data-timeline]');
    if (link) {
      event.preventDefault();
      timeline(link.dataset.timeline);
    }
  });
  load();
  const initial = document.getElementById('timeline-panel').dataset.declaration;
  if (initial) {
    timeline(initial);
  }
})();
