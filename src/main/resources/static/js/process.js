// 流程跟踪: the declaration's process model drawn by bpmn-js (vendored), with the elements passed and the current
// one marked, and who worked on each user task. Every value from the server is written as text.
(function () {
  'use strict';
  const panel = document.getElementById('process-trace');
  if (!panel) {
    return;
  }
  const {api, formatTime, cell} = window.PT;
  const id = panel.dataset.id;

  async function draw() {
    const [trace, history] = await Promise.all([
      api('GET', '/api/declarations/' + id + '/process'),
      api('GET', '/api/declarations/' + id + '/history')]);
    if (!trace.ok) {
      panel.querySelector('.hint').textContent = '暂无流程信息。';
      return;
    }
    document.getElementById('trace-version').textContent =
        '流程 ' + trace.data.processKey + ' 第 ' + trace.data.version + ' 版';
    if (window.BpmnJS) {
      const viewer = new window.BpmnJS({container: document.getElementById('process-diagram')});
      try {
        await viewer.importXML(trace.data.bpmnXml);
        const canvas = viewer.get('canvas');
        const registry = viewer.get('elementRegistry');
        trace.data.passed.filter(e => registry.get(e)).forEach(e => canvas.addMarker(e, 'passed'));
        trace.data.active.filter(e => registry.get(e)).forEach(e => canvas.addMarker(e, 'current'));
        canvas.zoom('fit-viewport');
      } catch (e) {
        panel.querySelector('.hint').textContent = '流程图无法显示：' + e.message;
      }
    }
    if (history.ok) {
      const body = document.getElementById('trace-steps');
      history.data.filter(e => e.source === 'engine' && e.activityType === 'userTask').forEach(e => {
        const row = body.insertRow();
        cell(row, e.activityName || e.activityId);
        cell(row, e.actorName || (e.end ? '' : '待办理'));
        cell(row, formatTime(e.time));
        cell(row, e.end ? formatTime(e.end) : '进行中');
      });
    }
  }

  draw();
})();
