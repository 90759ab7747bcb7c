// Refresh a campaign's mobilisation progress while emails are still queued (admin only).
(function () {
  "use strict";
  function refresh(box) {
    var url = box.getAttribute("data-progress-url");
    fetch(url, { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html === null) { return; }
        box.innerHTML = html;
        if (box.querySelector("[data-busy]")) { window.setTimeout(function () { refresh(box); }, 3000); }
      })
      .catch(function () { window.setTimeout(function () { refresh(box); }, 10000); });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".mobilisation-progress[data-progress-url]").forEach(function (box) {
      if (box.querySelector("[data-busy]")) { window.setTimeout(function () { refresh(box); }, 3000); }
    });
  });
})();
