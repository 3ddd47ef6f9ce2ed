// The 附件 panel of the 申报表 page: lists the files of the current revision with download links, and for the
// filer who may edit, uploads one file at a time with a progress bar (XMLHttpRequest: fetch reports no upload
// progress) and removes files. Every check (type by content, size, kind, rights) is the server's.
(function () {
  'use strict';
  const panel = document.getElementById('attachments');
  if (!panel) {
    return;
  }
  const {api, message, problemText} = window.PT;
  const id = panel.dataset.id;
  const editable = panel.dataset.editable === 'true';
  const base = '/api/declarations/' + id + '/attachments';
  const rows = document.getElementById('attachment-rows');
  const meta = name => document.querySelector('meta[name="' + name + '"]')?.content;

  function size(bytes) {
    if (bytes < 1024) {
      return bytes + ' 字节';
    }
    const value = bytes < 1024 * 1024 ? bytes / 1024 : bytes / (1024 * 1024);
    return value.toFixed(1).replace(/\.0$/, '') + (bytes < 1024 * 1024 ? ' KB' : ' MB');
  }

  function cell(text, className) {
    const td = document.createElement('td');
    td.textContent = text;
    if (className) {
      td.className = className;
    }
    return td;
  }

  function row(file) {
    const tr = document.createElement('tr');
    tr.dataset.attachmentId = file.id;
    const name = document.createElement('td');
    const link = document.createElement('a');
    link.href = base + '/' + file.id;
    link.className = 'attachment-download';
    link.textContent = file.name;
    link.title = '下载“' + file.name + '”';
    name.append(link);
    const hash = cell(file.sha256.substring(0, 16), 'hash');
    hash.title = 'SHA-256：' + file.sha256;
    tr.append(name, cell(file.kind), cell(size(file.size)), cell(String(file.revision)), hash);
    if (editable) {
      const actions = document.createElement('td');
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'attachment-delete';
      remove.textContent = '删除';
      remove.setAttribute('aria-label', '删除附件“' + file.name + '”');
      remove.addEventListener('click', () => removeFile(file));
      actions.append(remove);
      tr.append(actions);
    }
    return tr;
  }

  async function refresh() {
    const response = await api('GET', base);
    if (!response.ok) {
      message('附件列表无法读取：' + problemText(response), 'error');
      return;
    }
    rows.replaceChildren(...response.data.map(row));
    document.getElementById('attachments-empty').hidden = response.data.length > 0;
    document.getElementById('attachments-count').textContent = '（' + response.data.length + ' 个）';
  }

  // A change of the files of a submitted revision opens a new revision: the form saves against that one next.
  function revised(revision) {
    document.getElementById('declaration')?.dispatchEvent(new CustomEvent('pt-revision', {detail: revision}));
  }

  async function removeFile(file) {
    const response = await api('DELETE', base + '/' + file.id);
    if (response.status !== 204) {
      message('附件“' + file.name + '”未删除：' + problemText(response), 'error');
      return;
    }
    message('已删除附件“' + file.name + '”。');
    const current = await api('GET', '/api/declarations/' + id);
    if (current.ok) {
      revised(current.data.revision);
    }
    await refresh();
  }

  function upload(event) {
    event.preventDefault();
    const input = document.getElementById('attachment-file');
    const file = input.files[0];
    if (!file) {
      message('请先选择要上传的文件。', 'error');
      return;
    }
    // The server refuses it too, but a large body may be cut off before its answer arrives: say so at once.
    if (file.size > Number(panel.dataset.maxFileBytes)) {
      message('附件未上传：文件“' + file.name + '”大小为 ' + size(file.size) + '，超过单个附件上限 '
          + panel.dataset.maxFile + '。', 'error');
      return;
    }
    const body = new FormData();
    body.append('kind', document.getElementById('attachment-kind').value);
    body.append('file', file, file.name);
    const progress = document.getElementById('attachment-progress');
    const status = document.getElementById('attachment-progress-text');
    const button = document.getElementById('attachment-submit');
    const request = new XMLHttpRequest();
    request.open('POST', base);
    request.setRequestHeader('Accept', 'application/json');
    if (meta('_csrf')) {
      request.setRequestHeader(meta('_csrf_header'), meta('_csrf'));
    }
    request.upload.addEventListener('progress', e => {
      if (e.lengthComputable) {
        progress.value = Math.round(e.loaded * 100 / e.total);
        status.textContent = '正在上传“' + file.name + '”：' + progress.value + '%';
      }
    });
    request.addEventListener('load', async () => {
      button.disabled = false;
      let data = null;
      try {
        data = JSON.parse(request.responseText);
      } catch (e) {
        data = null;
      }
      if (request.status === 201) {
        progress.value = 100;
        status.textContent = '已上传“' + data.name + '”：100%';
        message('已上传附件“' + data.name + '”（' + data.kind + '，' + size(data.size) + '）。');
        input.value = '';
        document.getElementById('attachment-chosen').textContent = '未选择文件';
        revised(data.revision);
        await refresh();
      } else {
        progress.hidden = true;
        status.textContent = '';
        message('附件未上传：' + problemText({status: request.status, data}), 'error');
      }
    });
    request.addEventListener('error', () => {
      button.disabled = false;
      progress.hidden = true;
      status.textContent = '';
      message('附件未上传：网络中断，请重试。', 'error');
    });
    progress.value = 0;
    progress.hidden = false;
    status.textContent = '正在上传“' + file.name + '”：0%';
    button.disabled = true;
    request.send(body);
  }

  document.getElementById('attachment-upload')?.addEventListener('submit', upload);
  document.getElementById('attachment-choose')?.addEventListener('click',
      () => document.getElementById('attachment-file').click());
  document.getElementById('attachment-file')?.addEventListener('change', event => {
    const chosen = event.target.files[0];
    document.getElementById('attachment-chosen').textContent = chosen ? chosen.name + '（' + size(chosen.size) + '）'
        : '未选择文件';
  });
  refresh();
})();
