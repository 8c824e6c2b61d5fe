// Studio's only script. No inline scripts anywhere (CSP); htmx does the rest.
(function () {
  "use strict";
  // An expired session answers htmx requests with 499 (see HtmxRequestChecker) or 401:
  // reload the whole page so the login happens as a page, never inside a fragment.
  document.addEventListener("htmx:responseError", function (e) {
    var status = e.detail.xhr.status;
    if (status === 499 || status === 401) {
      window.location.reload();
    }
  });
  // Server-side validation errors (4xx with an HTML fragment) are shown where the form asks for them.
  document.addEventListener("htmx:beforeSwap", function (e) {
    var status = e.detail.xhr.status;
    if ((status === 400 || status === 403 || status === 409 || status === 422) && e.detail.xhr.getResponseHeader("HX-Retarget")) {
      e.detail.shouldSwap = true;
      e.detail.isError = false;
    }
  });
})();
