// 流程模型: the deployed review chains from /api/admin/processes, a version's diagram drawn by bpmn-js (vendored),
// its XML to download, and an upload that deploys a new version. Every check is the server's; its problems are
// listed as they come, naming the element.
(function () {
  'use strict';
  const {api, message, problemText, formatTime} = window.PT;
  const table = document.getElementById('process-list');
  if (!table) {
    return;
  }
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
  const modelUrl = (key, version) => '/api/admin/processes/' + encodeURIComponent(key) + '/versions/' + version;
  let viewer;

  async function show(key, version) {
    const caption = document.getElementById('diagram-caption');
    caption.textContent = '流程 ' + key + ' 第 ' + version + ' 版';
    const response = await api('GET', modelUrl(key, version), {accept: 'application/xml'});
    if (!response.ok) {
      message(problemText(response), 'error');
      return;
    }
    if (!window.BpmnJS) {
      caption.textContent = '流程图组件未能加载。';
      return;
    }
    viewer?.destroy();
    const container = document.getElementById('process-diagram');
    viewer = new window.BpmnJS({container});
    try {
      await viewer.importXML(response.data);
      viewer.get('canvas').zoom('fit-viewport');
      container.scrollIntoView({block: 'nearest'});
    } catch (e) {
      caption.textContent = '流程图无法显示：' + e.message;
    }
  }

  function versionItem(process, v) {
    const li = el('li');
    li.dataset.version = v.version;
    li.append(el('strong', '第 ' + v.version + ' 版'), ' ',
        el('span', formatTime(v.deployedAt) + (v.source ? '，' + v.source : ''), 'muted'), ' ',
        el('span', '进行中 ' + v.running + ' 份', 'tag'), ' ');
    const view = el('button', '查看');
    view.type = 'button';
    view.className = 'view';
    view.addEventListener('click', () => show(process.key, v.version));
    const download = el('a', '下载');
    download.href = modelUrl(process.key, v.version);
    download.download = process.key + '-v' + v.version + '.bpmn';
    li.append(view, ' ', download);
    return li;
  }

  async function load() {
    const response = await api('GET', '/api/admin/processes');
    if (!response.ok) {
      message(problemText(response), 'error');
      return;
    }
    const body = table.tBodies[0];
    body.replaceChildren(...response.data.map(process => {
      const row = body.insertRow();
      row.dataset.key = process.key;
      row.append(el('td', process.key, 'code'), el('td', process.name || ''),
          el('td', process.versions.length ? '第 ' + process.versions[0].version + ' 版' : ''),
          el('td', process.templates.length ? process.templates.join('、') : '（无）'));
      const versions = el('ul', null, 'versions');
      process.versions.forEach(v => versions.append(versionItem(process, v)));
      const td = el('td');
      td.append(versions);
      row.append(td);
      return row;
    }));
  }

  document.getElementById('process-form').addEventListener('submit', async event => {
    event.preventDefault();
    const problems = document.getElementById('process-problems');
    problems.replaceChildren();
    const file = document.getElementById('process-upload').files[0];
    if (!file) {
      message('请选择要上传的模型文件。', 'error');
      return;
    }
    const response = await api('POST', '/api/admin/processes?name=' + encodeURIComponent(file.name),
        {raw: await file.text(), contentType: 'application/xml'});
    if (response.ok) {
      const d = response.data;
      message(d.unchanged ? '模型与流程 ' + d.key + ' 第 ' + d.version + ' 版相同，未部署新版本。'
          : '已部署：流程 ' + d.key + ' 第 ' + d.version + ' 版。');
      await load();
      if (file.name.endsWith('.bpmn')) {
        show(d.key, d.version);
      }
    } else {
      message(problemText(response), 'error');
      problems.replaceChildren(...(response.data?.errors || []).map(e =>
          el('li', (e.path ? '元素 ' + e.path + '：' : '') + e.message)));
    }
  });

  load();
})();
