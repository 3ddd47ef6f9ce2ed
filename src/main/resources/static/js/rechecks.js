// 财政复核 on the dashboard: 抽取复核样本 (POST /api/self-evaluation-rechecks) and 保存复核 per drawn self-evaluation
// (PUT …/{year}/items/{id}); the page is then shown again in place. The grade and every check come from the server.
(function () {
  'use strict';
  const {api, message, problemText} = window.PT;

  function refresh() {
    window.htmx.ajax('GET', location.pathname + location.search, {target: '#content', select: '#content', swap: 'outerHTML'});
  }

  const year = document.getElementById('recheck-panel').dataset.year;
  const draw = document.getElementById('draw-sample');
  draw?.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = document.getElementById('draw-recheck-sample');
    button.disabled = true;
    try {
      const share = document.getElementById('sample-share').value;
      const response = await api('POST', '/api/self-evaluation-rechecks', {body: {
        year: Number(year), share: share === '' ? null : Number(share)
      }});
      if (response.status === 201) {
        message('已抽取' + response.data.year + '年度财政复核样本：' + response.data.population + ' 份中抽取 '
          + response.data.items.length + ' 份，抽中的单位已收到消息。');
        refresh();
        return;
      }
      message(problemText(response), 'error');
    } finally {
      button.disabled = false;
    }
  });

  document.querySelectorAll('#recheck-list .save-recheck').forEach((button) => {
    button.addEventListener('click', async () => {
      const row = button.closest('tr');
      const score = row.querySelector('.recheck-score').value;
      button.disabled = true;
      try {
        const response = await api('PUT', '/api/self-evaluation-rechecks/' + year + '/items/' + row.dataset.declaration, {body: {
          score: score === '' ? null : Number(score), comment: row.querySelector('.recheck-comment').value || null
        }});
        if (response.status === 200) {
          message('已保存' + response.data.departmentName + '的复核得分 ' + response.data.score + '（' + response.data.grade + '）。');
          refresh();
          return;
        }
        message(problemText(response), 'error');
      } finally {
        button.disabled = false;
      }
    });
  });
})();
