// 单位管理, 用户管理 and 修改密码: lists and forms over /api/admin/units, /api/admin/users and /api/me/password.
// Every rule (who may be moved where, which roles a unit allows, password length) is the server's; its problem
// text is shown as it comes.
(function () {
  'use strict';
  const {api, message, problemText} = window.PT;
  const page = document.querySelector('[data-admin]')?.dataset.admin;
  const KINDS = {DEPARTMENT: '主管部门', SUB_UNIT: '二级单位', FINANCE_SECTION: '财政业务科室', PERFORMANCE_SECTION: '绩效科'};
  const ROLES = {FILER: '填报人', DEPT_REVIEWER: '主管部门审核人', FINANCE_REVIEWER: '财政审核人', EXPERT: '评审专家',
    AUDITOR: '审计', ADMIN: '系统管理员'};
  let units = [];

  const el = (tag, text, className) => {
    const e = document.createElement(tag);
    if (text != null) {
      e.textContent = String(text);
    }
    if (className) {
      e.className = className;
    }
    return e;
  };
  const button = (text, handler) => {
    const b = el('button', text);
    b.type = 'button';
    b.addEventListener('click', handler);
    return b;
  };
  const unitName = code => units.find(u => u.code === code)?.name || code || '';

  function problem(response, list) {
    message(problemText(response), 'error');
    if (list) {
      list.replaceChildren(...(response.data?.errors || []).map(e =>
          el('li', (e.line ? '第 ' + e.line + ' 行' : '') + (e.path ? '（' + e.path + '）' : '') + '：' + e.message)));
    }
  }

  async function loadUnits() {
    const response = await api('GET', '/api/admin/units');
    if (!response.ok) {
      problem(response);
      return;
    }
    units = response.data;
  }

  function options(select, list, blank) {
    const keep = [...select.selectedOptions].map(o => o.value);
    select.replaceChildren(...(blank ? [new Option(blank, '')] : []),
        ...list.map(u => new Option(u.code + ' ' + u.name + (u.active ? '' : '（已停用）'), u.code)));
    [...select.options].forEach(o => o.selected = keep.includes(o.value));
  }

  // ---- 单位管理

  function unitNode(unit) {
    const li = el('li');
    li.dataset.unit = unit.code;
    const line = el('div', null, 'node' + (unit.active ? '' : ' inactive'));
    line.append(el('span', unit.code, 'code'), ' ', el('strong', unit.name), ' ', el('span', KINDS[unit.kind], 'tag'));
    if (!unit.active) {
      line.append(' ', el('span', '已停用', 'tag muted'));
    }
    if (unit.oversees.length) {
      line.append(' ', el('span', '归口：' + unit.oversees.map(unitName).join('、'), 'muted'));
    }
    line.append(' ', button('编辑', () => editUnit(unit)),
        button(unit.active ? '停用' : '启用', () => saveUnit(unit.code, {active: !unit.active})));
    li.append(line);
    const children = units.filter(u => u.parent === unit.code);
    if (children.length) {
      const ul = el('ul');
      children.forEach(c => ul.append(unitNode(c)));
      li.append(ul);
    }
    return li;
  }

  function renderUnits() {
    const tree = document.getElementById('unit-tree');
    const roots = units.filter(u => !u.parent || !units.some(p => p.code === u.parent));
    const group = (label, list) => {
      const li = el('li');
      li.append(el('div', label, 'node branch'));
      const ul = el('ul');
      list.forEach(u => ul.append(unitNode(u)));
      li.append(ul);
      return li;
    };
    tree.replaceChildren(group('财政局', roots.filter(u => u.kind === 'FINANCE_SECTION' || u.kind === 'PERFORMANCE_SECTION')),
        group('主管部门', roots.filter(u => u.kind === 'DEPARTMENT' || u.kind === 'SUB_UNIT')));
    const form = document.getElementById('unit-form');
    options(form.elements.parent, units.filter(u => u.kind === 'DEPARTMENT'), '（无）');
    options(form.elements.oversees, units.filter(u => u.kind === 'DEPARTMENT'));
  }

  function editUnit(unit) {
    const form = document.getElementById('unit-form');
    form.dataset.editing = unit.code;
    form.elements.code.value = unit.code;
    form.elements.code.readOnly = true;
    form.elements.name.value = unit.name;
    form.elements.kind.value = unit.kind;
    form.elements.kind.disabled = true;
    form.elements.parent.value = unit.parent || '';
    [...form.elements.oversees.options].forEach(o => o.selected = unit.oversees.includes(o.value));
    form.elements.active.checked = unit.active;
    form.elements.active.closest('label').hidden = false;
    document.getElementById('unit-form-title').textContent = '编辑单位 ' + unit.code;
    document.getElementById('unit-save').textContent = '保存';
    form.elements.name.focus();
  }

  function newUnit() {
    const form = document.getElementById('unit-form');
    form.reset();
    delete form.dataset.editing;
    form.elements.code.readOnly = false;
    form.elements.kind.disabled = false;
    form.elements.active.closest('label').hidden = true;
    document.getElementById('unit-form-title').textContent = '新增单位';
    document.getElementById('unit-save').textContent = '新增';
  }

  async function saveUnit(code, change) {
    const response = code
        ? await api('PUT', '/api/admin/units/' + encodeURIComponent(code), {body: change})
        : await api('POST', '/api/admin/units', {body: change});
    if (!response.ok) {
      problem(response);
      return false;
    }
    message((code ? '已保存单位 ' : '已新增单位 ') + response.data.code + ' ' + response.data.name);
    await loadUnits();
    renderUnits();
    return true;
  }

  // ---- 用户管理

  let users = [];

  function status(user) {
    if (!user.enabled) {
      return '已停用';
    }
    if (user.lockedUntil && new Date(user.lockedUntil) > new Date()) {
      return '锁定至 ' + window.PT.formatTime(user.lockedUntil);
    }
    return '启用';
  }

  function renderUsers() {
    const filter = document.getElementById('user-filter').value.trim().toLowerCase();
    const rows = users.filter(u => !filter || [u.username, u.name, u.unit, unitName(u.unit)]
        .some(v => (v || '').toLowerCase().includes(filter)));
    document.getElementById('user-rows').replaceChildren(...rows.map(user => {
      const tr = el('tr');
      tr.dataset.user = user.username;
      [user.username, user.name, user.unit ? user.unit + ' ' + unitName(user.unit) : '',
        user.roles.map(r => ROLES[r] || r).join('、'), status(user)].forEach(text => tr.append(el('td', text)));
      const ops = el('td', null, 'ops');
      ops.append(button('编辑', () => editUser(user)),
          button(user.enabled ? '停用' : '启用', () => saveUser(user.username, {...user, enabled: !user.enabled})));
      tr.append(ops);
      return tr;
    }));
  }

  async function loadUsers() {
    const response = await api('GET', '/api/admin/users');
    if (!response.ok) {
      problem(response);
      return;
    }
    users = response.data;
    renderUsers();
  }

  function editUser(user) {
    const form = document.getElementById('user-form');
    form.dataset.editing = user.username;
    form.elements.username.value = user.username;
    form.elements.username.readOnly = true;
    form.elements.name.value = user.name;
    form.elements.unit.value = user.unit || '';
    form.querySelectorAll('[name=roles]').forEach(c => c.checked = user.roles.includes(c.value));
    form.elements.enabled.checked = user.enabled;
    form.elements.password.value = '';
    document.getElementById('password-label').textContent = '重置密码（留空不改）';
    document.getElementById('user-form-title').textContent = '编辑用户 ' + user.username;
    document.getElementById('user-save').textContent = '保存';
    form.elements.name.focus();
  }

  function newUser() {
    const form = document.getElementById('user-form');
    form.reset();
    delete form.dataset.editing;
    form.elements.username.readOnly = false;
    document.getElementById('password-label').textContent = '初始密码（至少 8 位）';
    document.getElementById('user-form-title').textContent = '新增用户';
    document.getElementById('user-save').textContent = '新增';
  }

  async function saveUser(username, user) {
    const body = {name: user.name, unit: user.unit || null, roles: user.roles, enabled: user.enabled};
    if (user.password) {
      body.password = user.password;
    }
    const response = username
        ? await api('PUT', '/api/admin/users/' + encodeURIComponent(username), {body})
        : await api('POST', '/api/admin/users', {body: {...body, username: user.username}});
    if (!response.ok) {
      problem(response);
      return false;
    }
    message((username ? '已保存用户 ' : '已新增用户 ') + response.data.username);
    await loadUsers();
    return true;
  }

  // ---- CSV import, both pages

  function csvImport(form, after) {
    const errors = form.nextElementSibling;
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const file = form.elements.file.files[0];
      if (!file) {
        return;
      }
      errors.replaceChildren();
      const response = await api('POST', form.dataset.csv,
          {raw: await file.arrayBuffer(), contentType: 'text/csv; charset=utf-8'});
      if (!response.ok) {
        problem(response, errors);
        return;
      }
      message('已导入 ' + response.data.count + ' 条。');
      form.reset();
      await after();
    });
  }

  async function unitsPage() {
    await loadUnits();
    renderUnits();
    const form = document.getElementById('unit-form');
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const f = form.elements;
      const oversees = [...f.oversees.selectedOptions].map(o => o.value);
      const saved = form.dataset.editing
          ? await saveUnit(form.dataset.editing, {name: f.name.value, parent: f.parent.value || null,
            active: f.active.checked, oversees})
          : await saveUnit(null, {code: f.code.value.trim(), name: f.name.value, kind: f.kind.value,
            parent: f.parent.value || null, oversees});
      if (saved) {
        newUnit();
      }
    });
    document.getElementById('unit-new').addEventListener('click', newUnit);
    csvImport(document.getElementById('unit-csv'), async () => {
      await loadUnits();
      renderUnits();
    });
  }

  async function usersPage() {
    await loadUnits();
    const form = document.getElementById('user-form');
    options(form.elements.unit, units, '（无）');
    await loadUsers();
    document.getElementById('user-filter').addEventListener('input', renderUsers);
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const f = form.elements;
      const user = {username: f.username.value.trim(), name: f.name.value, unit: f.unit.value,
        roles: [...form.querySelectorAll('[name=roles]:checked')].map(c => c.value), enabled: f.enabled.checked,
        password: f.password.value};
      if (await saveUser(form.dataset.editing || null, user)) {
        newUser();
      }
    });
    document.getElementById('user-new').addEventListener('click', newUser);
    csvImport(document.getElementById('user-csv'), loadUsers);
  }

  function passwordPage(form) {
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const f = form.elements;
      if (f.new.value !== f.repeat.value) {
        message('两次输入的新密码不一致。', 'error');
        return;
      }
      const response = await api('PUT', '/api/me/password', {body: {current: f.current.value, new: f.new.value}});
      if (!response.ok) {
        problem(response);
        return;
      }
      form.reset();
      message('密码已修改，下次登录请使用新密码。');
    });
  }

  if (page === 'units') {
    unitsPage();
  } else if (page === 'users') {
    usersPage();
  }
  const password = document.getElementById('password-form');
  if (password) {
    passwordPage(password);
  }
})();
