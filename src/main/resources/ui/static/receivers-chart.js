// Draws notifications per hour over the last 24 h, one series per receiver, with uPlot.
// Data: the JSON endpoint named by the chart element's data-url. No inline script: the
// Content-Security-Policy allows only this server's files.
(function () {
  "use strict";
  function draw(el, data) {
    var names = Object.keys(data.receivers);
    var palette = ["#c62828", "#d96500", "#1e63c4", "#1b7f3b", "#7b1fa2", "#00838f", "#6d4c41", "#546e7a"];
    var series = [{}];
    var columns = [data.hours];
    names.forEach(function (name, i) {
      series.push({ label: name, stroke: palette[i % palette.length], width: 2 });
      columns.push(data.receivers[name]);
    });
    var width = Math.max(320, Math.min(el.clientWidth || 800, 1100));
    el.textContent = "";
    new uPlot({ width: width, height: 220, series: series, axes: [{}, { label: "per hour" }] }, columns, el);
  }
  function load() {
    var el = document.getElementById("chart");
    if (!el || typeof uPlot === "undefined") {
      return;
    }
    fetch(el.getAttribute("data-url"), { headers: { "Accept": "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (data) { draw(el, data); })
      .catch(function () { el.textContent = "The chart could not be loaded."; });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", load);
  } else {
    load();
  }
})();
