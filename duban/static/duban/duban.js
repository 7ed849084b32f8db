// Duban's page behaviour. The Content-Security-Policy allows scripts from this site only,
// so everything a page needs beyond htmx lives here, never inline in a template.
(function () {
  "use strict";

  // htmx posts forms without reloading the page; Django still needs the CSRF token on each
  // of those requests. base.html puts it in <meta name="csrf-token">.
  document.addEventListener("htmx:configRequest", function (event) {
    var meta = document.querySelector('meta[name="csrf-token"]');
    if (meta) {
      event.detail.headers["X-CSRFToken"] = meta.content;
    }
  });

  // A form with data-confirm asks before it goes (withdraw, return, publish).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var message = form.getAttribute("data-confirm");
    if (message && !window.confirm(message)) {
      event.preventDefault();
      return;
    }
    // A form with data-busy (a large document's upload and parse) says it is working, with
    // the seconds elapsed, and cannot be sent twice while the server reads the file.
    var busy = form.querySelector("[data-busy-status]");
    if (form.hasAttribute("data-busy") && busy) {
      var started = Date.now();
      var text = busy.getAttribute("data-busy-status");
      form.classList.add("is-busy");
      form.setAttribute("aria-busy", "true");
      form.querySelectorAll("button[type=submit]").forEach(function (button) {
        // Disabled after this event, so the button's own name/value still goes with the form.
        window.setTimeout(function () { button.disabled = true; }, 0);
      });
      busy.hidden = false;
      busy.textContent = text;
      window.setInterval(function () {
        var seconds = Math.round((Date.now() - started) / 1000);
        busy.textContent = text + " " + seconds + " s";
      }, 1000);
    }
  });

  // Back from the browser's cache (the back button after a long import): ready again.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) { return; }
    document.querySelectorAll("form.is-busy").forEach(function (form) {
      form.classList.remove("is-busy");
      form.removeAttribute("aria-busy");
      form.querySelectorAll("button[type=submit]").forEach(function (b) { b.disabled = false; });
      form.querySelectorAll("[data-busy-status]").forEach(function (s) { s.hidden = true; });
    });
  });
})();
