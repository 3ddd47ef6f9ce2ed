// 开启运行监控 on the dashboard: POST /api/monitoring-rounds, then show the page again, in place, with the new round. Every
// rule (who may, the period, the last day, one round per period) runs on the server.
(function () {
  'use strict';
  const {api, message, problemText} = window.PT;
  const form = document.getElementById('open-round');
  form?.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = document.getElementById('open-monitoring-round');
    button.disabled = true;
    try {
      const response = await api('POST', '/api/monitoring-rounds', {body: {
        year: Number(form.dataset.year),
        period: document.getElementById('round-period').value,
        lastDay: document.getElementById('round-last-day').value || null
      }});
      if (response.status === 201) {
        message('已开启' + response.data.year + '年' + response.data.periodLabel + '运行监控，已通知 '
          + response.data.progress.asked + ' 份已批复申报表的单位。');
        // The page again, in place, so the notice above it stays.
        window.htmx.ajax('GET', location.pathname + location.search, {target: '#content', select: '#content', swap: 'outerHTML'});
        return;
      }
      message(problemText(response), 'error');
    } finally {
      button.disabled = false;
    }
  });
})();
