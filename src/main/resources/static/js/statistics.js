// 统计分析 charts: reads the same JSON as the page's figures (data-url) and draws the daily trend, the unit
// ranking and the category breakdown with ECharts. Loaded as a file: the CSP allows no inline script.
(function () {
  'use strict';

  function draw(container, data) {
    var labels = container.dataset;
    var days = data.byDay.map(function (d) { return d.key; });
    echarts.init(document.getElementById('chart-trend')).setOption({
      tooltip: { trigger: 'axis' },
      legend: { data: [labels.labelReceived, labels.labelReplied, labels.labelClosed] },
      grid: { left: 40, right: 16, bottom: 40 },
      xAxis: { type: 'category', data: days },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: labels.labelReceived, type: 'line', data: data.byDay.map(function (d) { return d.received; }) },
        { name: labels.labelReplied, type: 'line', data: data.byDay.map(function (d) { return d.replied; }) },
        { name: labels.labelClosed, type: 'line', data: data.byDay.map(function (d) { return d.closed; }) }
      ]
    });

    var units = data.byUnit.slice().sort(function (a, b) { return b.closed - a.closed; }).slice(0, 15).reverse();
    echarts.init(document.getElementById('chart-units')).setOption({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 120, right: 24, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: units.map(function (u) { return u.label; }) },
      series: [{ name: labels.labelClosed, type: 'bar', data: units.map(function (u) { return u.closed; }) }]
    });

    echarts.init(document.getElementById('chart-categories')).setOption({
      tooltip: { trigger: 'item' },
      series: [{
        name: labels.labelReceived, type: 'pie', radius: ['35%', '65%'],
        data: data.byCategory.filter(function (c) { return c.received > 0; })
          .map(function (c) { return { name: c.label, value: c.received }; })
      }]
    });
  }

  function start() {
    var container = document.getElementById('statistics-charts');
    if (!container || typeof echarts === 'undefined') {
      return;
    }
    fetch(container.dataset.url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
      .then(function (data) { draw(container, data); })
      .catch(function () { container.hidden = true; });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
