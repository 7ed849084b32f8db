// The review screen: a click on a task's number scrolls the source pane to its span and marks
// it; a click on a span in the source scrolls the tree to its task. No inline scripts (CSP).
(function () {
  "use strict";

  function mark(element) {
    document.querySelectorAll(".is-current").forEach(function (el) {
      el.classList.remove("is-current");
    });
    if (element) {
      element.classList.add("is-current");
      element.scrollIntoView({ block: "center", behavior: "smooth" });
    }
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-span]");
    if (link) {
      var span = document.getElementById(link.getAttribute("data-span"));
      if (span) {
        event.preventDefault();
        mark(span);
      }
      return;
    }
    var highlighted = event.target.closest(".source-text mark");
    if (highlighted) {
      mark(document.getElementById(highlighted.id.replace("span-", "task-")));
    }
  });
})();
