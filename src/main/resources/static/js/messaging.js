// 抄送 and 催办 on the declaration page: each is one call to the API; the answer shows in #messages.
// On the message list, opening a message's declaration marks the message read.
(function () {
  'use strict';
  const meta = name => document.querySelector('meta[name="' + name + '"]')?.content;
  document.querySelectorAll('a.message-link').forEach(link => link.addEventListener('click', () => {
    const headers = {'Accept': 'application/json'};
    headers[meta('_csrf_header')] = meta('_csrf');
    // keepalive: the request outlives the page the link leaves.
    fetch('/api/messages/' + link.dataset.messageId + '/read',
        {method: 'POST', headers, credentials: 'same-origin', keepalive: true});
  }));
  const list = value => value.split(/[,，、\s]+/).map(s => s.trim()).filter(s => s.length > 0);

  const urge = document.getElementById('urge');
  if (urge) {
    urge.addEventListener('click', async () => {
      urge.disabled = true;
      const response = await PT.api('POST', '/api/declarations/' + urge.dataset.declaration + '/urge');
      if (response.ok) {
        PT.message('已催办“' + response.data.stepLabel + '”的审核人：' + response.data.reviewerNames.join('、'));
      } else {
        PT.message(PT.problemText(response), 'error');
      }
      urge.disabled = false;
    });
  }

  const toggle = document.getElementById('copy');
  const panel = document.getElementById('copy-panel');
  if (toggle && panel) {
    toggle.addEventListener('click', () => {
      panel.hidden = !panel.hidden;
      toggle.setAttribute('aria-expanded', String(!panel.hidden));
      if (!panel.hidden) {
        document.getElementById('copy-users').focus();
      }
    });
    panel.addEventListener('submit', async event => {
      event.preventDefault();
      const body = {
        users: list(document.getElementById('copy-users').value),
        units: list(document.getElementById('copy-units').value),
        note: document.getElementById('copy-note').value.trim() || null
      };
      const response = await PT.api('POST', '/api/declarations/' + panel.dataset.declaration + '/copies', {body});
      if (response.ok) {
        PT.message('已抄送给：' + response.data.names.join('、'));
        panel.reset();
        panel.hidden = true;
        toggle.setAttribute('aria-expanded', 'false');
      } else {
        PT.message(PT.problemText(response), 'error');
      }
    });
  }
})();
