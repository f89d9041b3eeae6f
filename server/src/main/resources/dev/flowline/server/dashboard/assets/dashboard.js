// Flowline dashboard: draws the health charts with uPlot from /health/series and refreshes them.
// No inline scripts (the pages' Content-Security-Policy allows only these files).
(function () {
  'use strict';

  var percent = function (v) { return v == null ? null : v * 100; };
  var same = function (v) { return v; };

  // chart name -> series: [column, label, colour, transform]
  var CHARTS = {
    throughput: [['executions_per_second', 'executions finished/s', '#2563eb', same],
                 ['events_per_second', 'events accepted/s', '#16a34a', same]],
    queue: [['queue_depth', 'queue depth', '#b45309', same],
            ['in_flight', 'in the engine', '#7c3aed', same]],
    latency: [['p50_ms', 'p50', '#16a34a', same], ['p95_ms', 'p95', '#b45309', same],
              ['p99_ms', 'p99', '#dc2626', same]],
    utilisation: [['worker_utilisation', 'workers', '#2563eb', percent],
                  ['pool_utilisation', 'app DB pool', '#db2777', percent]],
    heap: [['heap_used_mb', 'used', '#2563eb', same], ['heap_max_mb', 'max', '#9ca3af', same]],
    cpu: [['process_cpu', 'process', '#2563eb', percent], ['system_cpu', 'machine', '#9ca3af', percent]]
  };
  var plots = {};

  function columns(name, data) {
    var out = [data.t];
    CHARTS[name].forEach(function (s) {
      out.push((data[s[0]] || []).map(s[3]));
    });
    return out;
  }

  function options(name, width) {
    var series = [{}];
    CHARTS[name].forEach(function (s) {
      series.push({ label: s[1], stroke: s[2], width: 2, spanGaps: false });
    });
    return { width: width, height: 200, series: series, legend: { live: false },
             scales: { x: { time: true } }, axes: [{}, { size: 60 }] };
  }

  function draw(data) {
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      var name = el.getAttribute('data-chart');
      if (!CHARTS[name]) { return; }
      var cols = columns(name, data);
      var width = Math.max(300, el.clientWidth - 24);
      if (plots[name]) {
        plots[name].setData(cols);
        if (Math.abs(plots[name].width - width) > 4) { plots[name].setSize({ width: width, height: 200 }); }
      } else {
        plots[name] = new uPlot(options(name, width), cols, el);
      }
      el.setAttribute('data-points', String(data.t.length));
    });
  }

  function refresh() {
    fetch('/health/series', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) {
        if (r.redirected || r.status === 401) { window.location.href = '/login?next=/health'; return null; }
        return r.ok ? r.json() : null;
      })
      .then(function (data) { if (data) { draw(data); } })
      .catch(function () { /* the next refresh tries again */ });
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (document.querySelector('[data-chart]') && window.uPlot) {
      refresh();
      setInterval(refresh, 2000);
    }
  });
})();
