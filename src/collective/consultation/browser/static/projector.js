/* The check-in projector view (@@checkin-code): every few seconds, fetch the current QR
   code (it changes every half minute) and the count, and put them in the page without
   reloading it. A failed round is simply tried again at the next one. */
(function () {
  "use strict";
  var page = document.querySelector(".projector");
  if (!page) {
    return;
  }
  var every = Number(page.getAttribute("data-refresh") || 15) * 1000;
  var url = window.location.pathname + "?format=json";

  function set(selector, value) {
    var node = page.querySelector(selector);
    if (node) {
      node.textContent = value;
    }
  }

  function refresh() {
    fetch(url, { credentials: "same-origin", cache: "no-store" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.json();
      })
      .then(function (data) {
        page.querySelector(".checkin-qr").innerHTML = data.svg;
        set(".checkin-checked-in", data.count.checked_in);
        set(".checkin-invited", data.count.invited);
        set(".checkin-present", data.count.present);
        set(".checkin-leave", data.count.leave);
        set(".checkin-missing-count", data.count.missing);
        set(".checkin-missing", data.missing.join("、"));
        page.setAttribute("data-refreshed", String(Date.now()));
      })
      .catch(function () {});
  }

  setInterval(refresh, every);
})();
