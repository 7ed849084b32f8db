/* Charts of the plan at a glance: progress by area and units of work by light.
   The data comes from <script type="application/json" id="glance-charts"> (Django's
   json_script); nothing is inline, so the strict Content-Security-Policy holds. ECharts draws
   in SVG, and its tooltips use rich text: the HTML tooltips would need inline styles. */
(function () {
  "use strict";

  var INK = "#1f2329";
  var INK_SOFT = "#5c6470";
  var LINE = "#d9dde3";
  var FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif';
  var TOOLTIP = {
    renderMode: "richText",
    backgroundColor: "#ffffff",
    borderColor: "#c3c9d1",
    textStyle: { color: INK, fontFamily: FONT, fontSize: 12 }
  };

  function readData() {
    var node = document.getElementById("glance-charts");
    return node ? JSON.parse(node.textContent) : null;
  }

  function areaChart(element, data) {
    var areas = data.areas.slice().reverse(); // the first area on top
    // On a phone the labels would leave the bars no room: the numeral and a few characters.
    var narrow = element.clientWidth < 420;
    var label = function (a) {
      return narrow && a.label.length > 7 ? a.label.slice(0, 6) + "…" : a.label;
    };
    // Two reference lines, explained by the legend above the chart (labels here would collide
    // with the bars' values): the plan's overall progress, and the share of the year gone by.
    var marks = [{ xAxis: data.percent, name: "全省总体进度" }];
    if (data.elapsed !== null) {
      marks.push({ xAxis: data.elapsed, name: "年度时间进度",
        lineStyle: { color: INK_SOFT, type: "dotted", width: 1.5 } });
    }
    return {
      textStyle: { fontFamily: FONT },
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: Object.assign({ trigger: "axis", axisPointer: { type: "shadow" },
        formatter: function (items) {
          var area = areas[items[0].dataIndex];
          return area.title + "\n完成进度：" + area.percent + "%";
        } }, TOOLTIP),
      xAxis: { type: "value", min: 0, max: 100, interval: narrow ? 50 : 20,
        axisLabel: { formatter: "{value}%", color: INK_SOFT },
        splitLine: { lineStyle: { color: LINE } } },
      yAxis: { type: "category", data: areas.map(label),
        axisTick: { show: false }, axisLine: { lineStyle: { color: LINE } },
        axisLabel: { color: INK, fontSize: 12 } },
      series: [{
        type: "bar", barMaxWidth: 16, silent: false,
        data: areas.map(function (a) { return a.percent; }),
        itemStyle: { color: "#1d4f91" },
        label: { show: true, position: "right", formatter: "{c}%", color: INK, fontSize: 12,
          backgroundColor: "#ffffff", padding: [0, 2] },
        markLine: {
          symbol: "none", silent: true,
          lineStyle: { color: "#a61b1b", type: "dashed", width: 1 },
          label: { show: false },
          data: marks
        }
      }]
    };
  }

  function lightChart(element, data) {
    var total = data.lights.reduce(function (sum, l) { return sum + l.value; }, 0);
    // On a phone the labels around the ring would run off the edge: a legend below instead.
    var narrow = element.clientWidth < 420;
    return {
      legend: narrow ? { bottom: 0, itemWidth: 12, itemHeight: 12,
        textStyle: { color: INK, fontFamily: FONT, fontSize: 12 },
        formatter: function (name) {
          var found = data.lights.filter(function (l) { return l.label === name; })[0];
          return name + " " + (found ? found.value : "");
        } } : undefined,
      textStyle: { fontFamily: FONT },
      tooltip: Object.assign({ trigger: "item", formatter: "{b}：{c}项（{d}%）" }, TOOLTIP),
      title: { text: String(total), subtext: "项任务", left: "center", top: "38%",
        textStyle: { fontSize: 24, fontWeight: "bold", color: INK },
        subtextStyle: { fontSize: 12, color: INK_SOFT }, itemGap: 2 },
      series: [{
        type: "pie", radius: narrow ? ["40%", "62%"] : ["48%", "72%"],
        center: ["50%", narrow ? "42%" : "50%"],
        avoidLabelOverlap: true, startAngle: 90,
        label: { show: !narrow, formatter: "{b} {c}", color: INK, fontSize: 12 },
        itemStyle: { borderColor: "#ffffff", borderWidth: 1 },
        data: data.lights.map(function (l) {
          return { name: l.label, value: l.value, key: l.key, itemStyle: { color: l.color } };
        })
      }]
    };
  }

  function trendChart(element, data) {
    var trend = data.trend;
    var narrow = element.clientWidth < 420;
    return {
      textStyle: { fontFamily: FONT },
      legend: { top: 0, itemWidth: 12, itemHeight: 12,
        textStyle: { color: INK, fontFamily: FONT, fontSize: 12 } },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      tooltip: Object.assign({ trigger: "axis", axisPointer: { type: "shadow" } }, TOOLTIP),
      xAxis: { type: "category", data: trend.labels, axisTick: { show: false },
        axisLine: { lineStyle: { color: LINE } },
        axisLabel: { color: INK, fontSize: 12, interval: 0, rotate: narrow ? 45 : 0 } },
      yAxis: { type: "value", minInterval: 1, axisLabel: { color: INK_SOFT },
        splitLine: { lineStyle: { color: LINE } } },
      series: trend.series.map(function (s) {
        return { type: "bar", stack: "lights", name: s.label, key: s.key, data: s.values,
          barMaxWidth: 36, itemStyle: { color: s.color } };
      })
    };
  }

  // Each bar and slice opens the tasks it stands for, as of the day it shows.
  function tasksLink(data, params) {
    var query = new URLSearchParams({ as_of: params.as_of || data.as_of });
    if (params.light) query.set("light", params.light);
    if (params.area) query.set("area", params.area);
    return data.tasks_url + "?" + query.toString();
  }

  var CLICKS = {
    "chart-areas": function (data, event) {
      var areas = data.areas.slice().reverse();
      return { area: areas[event.dataIndex].path };
    },
    "chart-lights": function (data, event) {
      return { light: event.data.key };
    },
    "chart-trend": function (data, event) {
      return { light: data.trend.series[event.seriesIndex].key,
        as_of: data.trend.days[event.dataIndex] };
    }
  };

  function draw(id, build, data) {
    var element = document.getElementById(id);
    if (!element || !window.echarts) return null;
    var chart = window.echarts.init(element, null, { renderer: "svg" });
    chart.setOption(build(element, data));
    if (data.tasks_url && CLICKS[id]) {
      chart.on("click", function (event) {
        window.location.assign(tasksLink(data, CLICKS[id](data, event)));
      });
      element.classList.add("chart--clickable");
    }
    return { chart: chart, redraw: function () {
      chart.resize();
      chart.setOption(build(element, data), true); // a phone turned sideways: narrow or not
    } };
  }

  document.addEventListener("DOMContentLoaded", function () {
    var data = readData();
    if (!data) return;
    var charts = [draw("chart-areas", areaChart, data), draw("chart-lights", lightChart, data),
      draw("chart-trend", trendChart, data)];
    window.addEventListener("resize", function () {
      charts.forEach(function (drawn) { if (drawn) drawn.redraw(); });
    });
  });
})();
