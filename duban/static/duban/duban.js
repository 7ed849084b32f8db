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
    }
  });
})();
