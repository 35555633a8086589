// The ticket page refreshes itself: poll its JSON twin and write the new values as text.
// Values are only ever set with textContent, never parsed as HTML.
(function () {
  "use strict";
  var main = document.querySelector("main[data-poll]");
  if (!main) { return; }
  var url = main.getAttribute("data-poll");
  var every = parseInt(main.getAttribute("data-poll-ms"), 10) || 2000;
  var status = document.querySelector("[data-role=poll-status]");

  function valueAt(data, path) {
    return path.split(".").reduce(function (obj, key) {
      return obj === null || obj === undefined ? undefined : obj[key];
    }, data);
  }

  function apply(data) {
    main.setAttribute("data-state", data.state);
    document.querySelectorAll("[data-field]").forEach(function (el) {
      var value = valueAt(data, el.getAttribute("data-field"));
      var empty = value === null || value === undefined || value === "";
      el.textContent = empty ? "–" : String(value);
      if (el.hasAttribute("data-hide-empty")) { el.hidden = empty; }
    });
    document.querySelectorAll("[data-class-from]").forEach(function (el) {
      var kind = valueAt(data, el.getAttribute("data-class-from"));
      el.className = el.className.replace(/\bfresh-\S+/g, "").trim() + " fresh-" + kind;
    });
    document.querySelectorAll("[data-states]").forEach(function (el) {
      el.hidden = el.getAttribute("data-states").split(" ").indexOf(data.state) < 0;
    });
  }

  function poll() {
    fetch(url, { cache: "no-cache", headers: { Accept: "application/json" }, credentials: "omit" })
      .then(function (response) {
        if (!response.ok) { throw new Error("HTTP " + response.status); }
        return response.json();
      })
      .then(function (data) { if (status) { status.hidden = true; } apply(data); })
      .catch(function () { if (status) { status.hidden = false; } })
      .then(function () { window.setTimeout(poll, every); });
  }
  window.setTimeout(poll, every);
})();
