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
