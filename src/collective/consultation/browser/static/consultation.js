/* The search boxes of Plone's widgets (select2, in the member picker and the unit lists)
   say "No matches found" and "Searching…" in English whatever the page's language: give
   them the texts of the add-on's gettext catalog, fetched once per page through Plone's
   plonejsi18n. */
(function () {
  "use strict";
  var language = document.documentElement.lang || "en";
  if (language.indexOf("en") === 0) {
    return;
  }
  var texts = null;

  function load() {
    if (texts) {
      return texts;
    }
    texts = {};
    var portal = document.body.getAttribute("data-portal-url") || "";
    fetch(portal + "/plonejsi18n?domain=collective.consultation&language=" + language)
      .then(function (response) {
        return response.json();
      })
      .then(function (catalog) {
        Object.assign(texts, catalog || {});
      })
      .catch(function () {});
    return texts;
  }

  function say(msgid, count) {
    var text = (texts && texts[msgid]) || msgid;
    return text.replace("${count}", count);
  }

  function translate(container) {
    var $ = window.jQuery;
    var select2 = $ && $(container).data("select2");
    if (!select2 || select2.consultationTranslated) {
      return;
    }
    select2.consultationTranslated = true;
    Object.assign(select2.opts, {
      formatNoMatches: function () {
        return say("No matches found");
      },
      formatSearching: function () {
        return say("Searching…");
      },
      formatLoadMore: function () {
        return say("Loading more results…");
      },
      formatInputTooShort: function (input, min) {
        return say("Type ${count} more characters", min - input.length);
      },
    });
  }

  document.addEventListener("DOMContentLoaded", load);
  document.addEventListener(
    "focusin",
    function (event) {
      var container = event.target.closest && event.target.closest(".select2-container");
      if (container) {
        load();
        translate(container);
      }
    },
    true
  );
})();

/* The member picker (Plone's related-items widget) picks a member only on a click on the
   text of a result; a click on the rest of the highlighted row picked nobody, and the search
   text stayed in the box looking like a choice. Make the whole row pick, and empty the box
   when the list closes so that what shows is exactly who is picked. */
(function () {
  "use strict";
  document.addEventListener(
    "click",
    function (event) {
      var target = event.target;
      if (!target.closest || target.closest(".pat-relateditems-result-select")) {
        return;
      }
      var row = target.closest(".select2-results li");
      var link = row && row.querySelector(".member-picker-result .pat-relateditems-result-select");
      if (link) {
        event.preventDefault();
        link.click();
      }
    },
    true
  );

  function clearOnClose() {
    var $ = window.jQuery;
    if (!$ || clearOnClose.bound) {
      return;
    }
    clearOnClose.bound = true;
    $(document).on("select2-close", function (event) {
      var select2 = $(event.target).data("select2");
      var widget = event.target.closest && event.target.closest(".pat-relateditems-container, .pattern-relateditems, .field");
      if (select2 && select2.search && widget && widget.querySelector("#member-picker-result, .member-picker-result") !== null) {
        select2.search.val("");
      }
    });
  }
  document.addEventListener("DOMContentLoaded", clearOnClose);
  document.addEventListener("focusin", clearOnClose, true);
})();

/* The toolbar's modification time (Plone's pat-display-time) comes out in English on a
   Chinese page (the pattern looks for a moment.js locale "zh", which does not exist) and
   in the browser's zone. Write it as the rest of the site does: 2026年12月6日 15:49, in the
   office's zone, and keep it so when the pattern writes its own text later. */
(function () {
  "use strict";
  var language = document.documentElement.lang || "en";
  if (language.indexOf("zh") !== 0 || !window.Intl) {
    return;
  }
  function rewrite() {
    var meta = document.querySelector('meta[name="consultation-timezone"]');
    var options = {
      year: "numeric",
      month: "long",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hour12: false,
    };
    if (meta) {
      options.timeZone = meta.getAttribute("content");
    }
    var format = new Intl.DateTimeFormat("zh-CN", options);
    document.querySelectorAll("#edit-zone time.pat-display-time").forEach(function (time) {
      var moment = new Date(time.getAttribute("datetime"));
      if (isNaN(moment)) {
        return;
      }
      var text = format.format(moment);
      var keep = function () {
        if (time.textContent !== text) {
          time.textContent = text;
        }
      };
      keep();
      new MutationObserver(keep).observe(time, { childList: true, characterData: true, subtree: true });
    });
  }
  document.addEventListener("DOMContentLoaded", rewrite);
})();

/* On a phone a table becomes a stack of cards (consultation.css) and loses its header
   row: give each cell its column's name, which the stylesheet shows before the value
   (积分：12), so that no number stands unlabelled. A cell with a link, or marked
   card-title, is the card's title and needs none. */
(function () {
  "use strict";
  function label(table) {
    var head = table.querySelector("thead tr") || table.querySelector("tr");
    if (!head || head.querySelector("td")) {
      return; // no header row of th
    }
    var names = Array.prototype.map.call(head.children, function (cell) {
      return cell.textContent.replace(/\s+/g, " ").trim();
    });
    table.querySelectorAll("tr").forEach(function (row) {
      if (row === head) {
        return;
      }
      Array.prototype.forEach.call(row.children, function (cell, index) {
        if (cell.tagName !== "TD" || cell.dataset.label || !names[index]) {
          return;
        }
        if (cell.classList.contains("card-title") || cell.querySelector(":scope > a")) {
          return;
        }
        cell.dataset.label = names[index];
      });
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("table.listing, table.phone-cards").forEach(label);
  });
})();
