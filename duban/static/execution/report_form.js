// The report form: show which default percent the chosen status gives, as a placeholder.
// Loaded from a file (the Content-Security-Policy refuses inline scripts).
(function () {
  "use strict";

  function update(form) {
    var chosen = form.querySelector('input[name="status"]:checked');
    var percent = form.querySelector('input[name="percent"]');
    var rows = form.querySelectorAll("[data-defaults] tr");
    if (!chosen || !percent) {
      return;
    }
    var index = Array.prototype.indexOf.call(
      form.querySelectorAll('input[name="status"]'), chosen
    );
    rows.forEach(function (row, i) {
      row.classList.toggle("is-chosen", i === index);
    });
    var cell = rows[index] && rows[index].querySelector("[data-default]");
    if (cell) {
      percent.placeholder = "默认 " + cell.getAttribute("data-default") + "%";
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector(".report-form");
    if (!form) {
      return;
    }
    form.addEventListener("change", function () {
      update(form);
    });
    update(form);
  });
})();
