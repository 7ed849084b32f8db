/* The collaboration network: units as nodes (size by tasks they share in), links by shared
   tasks, red where an issue is open between them. Data from json_script; nothing inline. */
(function () {
  "use strict";
  var FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif';

  function draw() {
    var node = document.getElementById("collaboration-network");
    var element = document.getElementById("network");
    if (!node || !element || !window.echarts) { return; }
    var data = JSON.parse(node.textContent);
    var chart = window.echarts.init(element, null, { renderer: "svg" });
    chart.setOption({
      textStyle: { fontFamily: FONT },
      tooltip: { renderMode: "richText", formatter: function (p) {
        if (p.dataType === "edge") {
          return "共担任务 " + p.data.shared + " 项" + (p.data.issues ? "，待协调 " + p.data.issues + " 项" : "");
        }
        return p.data.name + "：承担任务 " + p.data.tasks + " 项";
      } },
      series: [{
        type: "graph", layout: "force", roam: true, draggable: true,
        force: { repulsion: 900, edgeLength: [120, 300], gravity: 0.05 },
        label: { show: true, position: "bottom", distance: 4, fontSize: 12, color: "#1f2329" },
        data: data.nodes.map(function (n) {
          return { id: n.id, name: n.name, tasks: n.tasks, symbolSize: 10 + Math.sqrt(n.tasks) * 6,
            itemStyle: { color: "#1d4f91" } };
        }),
        links: data.links.map(function (l) {
          return { source: l.source, target: l.target, shared: l.shared, issues: l.issues,
            lineStyle: { width: l.issues ? 3 : Math.min(1 + l.shared / 2, 6),
              color: l.issues ? "#d00000" : "#9db3d3", opacity: l.issues ? 0.95 : 0.55 } };
        })
      }]
    });
    window.addEventListener("resize", function () { chart.resize(); });
  }
  document.addEventListener("DOMContentLoaded", draw);
}());
