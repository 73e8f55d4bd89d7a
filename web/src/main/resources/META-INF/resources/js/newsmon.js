// newsmon dashboard: small conveniences on top of pages that work without script.
// "/" focuses the search box; the query is checked as it is typed; forms marked data-confirm ask first;
// the browser's time zone is reported in a cookie so the next page shows times in it.
(function () {
  "use strict";

  // The server prefers the analyst's explicit choice (another cookie, which this never touches) and checks
  // this value itself; it is only the fallback after that.
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && zone.length <= 64) {
      var pair = "newsmon-tz-browser=" + encodeURIComponent(zone);
      if (document.cookie.split("; ").indexOf(pair) < 0) {
        document.cookie = pair + "; path=/; max-age=31536000; samesite=lax" +
          (location.protocol === "https:" ? "; secure" : "");
      }
    }
  } catch (e) { /* no Intl: the server falls back to the account's zone or UTC */ }

  function typing(el) {
    return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }

  document.addEventListener("keydown", function (e) {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || typing(document.activeElement)) {
      return;
    }
    var box = document.getElementById("q") || document.getElementById("quick-q");
    if (box) {
      e.preventDefault();
      box.focus();
      box.select();
    }
  });

  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (e) {
      if (!window.confirm(form.getAttribute("data-confirm"))) {
        e.preventDefault();
      }
    });
  });

  document.querySelectorAll("input[data-validate]").forEach(function (input) {
    var out = document.getElementById(input.id + "-error");
    var field = input.closest(".field");
    var stem = document.getElementById("stem");
    var timer = null;
    var asked = 0;
    function show(message) {
      if (out) {
        out.textContent = message || "";
      }
      if (field) {
        field.classList.toggle("invalid", !!message);
      }
    }
    function check() {
      var q = input.value.trim();
      if (!q) {
        show("");
        return;
      }
      var mine = ++asked;
      var url = input.getAttribute("data-validate") + "?q=" + encodeURIComponent(q) +
        (stem && stem.checked ? "&stem=true" : "");
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (v) {
          if (!v || mine !== asked) {
            return;
          }
          show(v.valid ? "" : v.error);
        })
        .catch(function () { /* the server checks again on submit */ });
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(check, 250);
    });
  });
})();
