// 发起运行监控 / 发起绩效自评 on an approved declaration: POST /api/declarations with basedOn, then open the new
// follow-up (or the one that already exists for that period). Every rule runs on the server.
(function () {
  'use strict';
  const {api, message, problemText} = window.PT;

  async function start(button, body) {
    button.disabled = true;
    try {
      const response = await api('POST', '/api/declarations', {body});
      if (response.status === 201) {
        location.href = '/declarations/' + response.data.id;
        return;
      }
      const existing = response.data && response.data.existing;
      if (response.status === 409 && existing && existing.id) {
        message(problemText(response) + '，正在打开。');
        location.href = '/declarations/' + existing.id;
        return;
      }
      message(problemText(response), 'error');
    } finally {
      button.disabled = false;
    }
  }

  const monitoring = document.getElementById('start-monitoring');
  monitoring?.addEventListener('click', () => start(monitoring, {
    formKey: 'monitoring', basedOn: Number(monitoring.dataset.declaration),
    period: document.getElementById('follow-up-period').value
  }));
  const selfEvaluation = document.getElementById('start-self-evaluation');
  selfEvaluation?.addEventListener('click', () => start(selfEvaluation, {
    formKey: 'self-evaluation', basedOn: Number(selfEvaluation.dataset.declaration)
  }));
})();
