// 批量导入: uploads the chosen files as one job and polls it until every file has its result.
(function () {
  'use strict';
  const upload = document.getElementById('import');
  if (!upload) {
    return;
  }
  const {api, message, problemText, cell} = window.PT;
  const LABELS = {PENDING: '等待中', CREATED: '已新建', UPDATED: '已更新', FAILED: '失败'};

  function render(job) {
    document.getElementById('job').hidden = false;
    const progress = document.getElementById('job-progress');
    progress.max = job.total;
    progress.value = job.processed;
    document.getElementById('job-summary').textContent = (job.status === 'DONE' ? '导入完成：' : '导入中：')
        + '共 ' + job.total + ' 个文件，已处理 ' + job.processed + '，保存 ' + job.saved + '，失败 ' + job.failed;
    document.getElementById('job-files').replaceChildren(...job.files.map(file => {
      const tr = document.createElement('tr');
      tr.className = file.status === 'FAILED' ? 'failed' : '';
      tr.dataset.status = file.status;
      cell(tr, file.index + 1);
      cell(tr, file.fileName);
      cell(tr, LABELS[file.status] || file.status);
      cell(tr, file.department);
      cell(tr, file.year);
      const link = cell(tr, '');
      if (file.declarationId) {
        const a = document.createElement('a');
        a.href = '/declarations/' + file.declarationId;
        a.textContent = '编号 ' + file.declarationId + (file.revision ? '，修订号 ' + file.revision : '');
        link.append(a);
      }
      const note = cell(tr, file.message);
      const errors = (file.errors || []).map(e => e.cell && !e.message.startsWith(e.cell) ? e.cell + '：' + e.message : e.message)
          .filter(text => text !== file.message);
      if (errors.length) {
        const list = document.createElement('ul');
        errors.forEach(text => {
          const li = document.createElement('li');
          li.textContent = text;
          list.append(li);
        });
        note.append(list);
      }
      return tr;
    }));
  }

  async function follow(location) {
    for (;;) {
      const response = await api('GET', location);
      if (!response.ok) {
        message(problemText(response), 'error');
        return;
      }
      render(response.data);
      if (response.data.status === 'DONE') {
        message('导入完成：保存 ' + response.data.saved + ' 个，失败 ' + response.data.failed + ' 个。',
            response.data.failed ? 'error' : 'ok');
        return;
      }
      await new Promise(resolve => setTimeout(resolve, 500));
    }
  }

  upload.addEventListener('submit', async event => {
    event.preventDefault();
    const data = new FormData(upload);
    const button = document.getElementById('import-submit');
    button.disabled = true;
    try {
      const response = await api('POST', '/api/imports', {form: data});  // formKey and files, as multipart
      if (response.status !== 202) {
        message(problemText(response), 'error');
        return;
      }
      render(response.data);
      await follow('/api/imports/' + response.data.id);
    } finally {
      button.disabled = false;
    }
  });
})();
