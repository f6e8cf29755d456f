/* The directory's search form, progressively enhanced. Without JavaScript the form is a plain
   GET form and the commune field accepts a name, a postal code or an INSEE code.
   - Suggestions: fields with data-suggest fill their <datalist> from a small JSON endpoint.
   - After htmx replaces the results, focus moves to the results heading, so screen-reader and
     keyboard users land on the new count. */
(function () {
  "use strict";

  function debounce(fn, ms) {
    var timer;
    return function () {
      var args = arguments, self = this;
      clearTimeout(timer);
      timer = setTimeout(function () { fn.apply(self, args); }, ms);
    };
  }

  function enhanceSuggestions(input) {
    var list = document.getElementById(input.getAttribute("list"));
    if (!list || !window.fetch) { return; }
    var last = "";
    input.addEventListener("input", debounce(function () {
      var text = input.value.trim();
      if (text.length < 2 || text === last || /\(\d[0-9AB]\d{3}\)$/.test(text)) { return; }
      last = text;
      fetch(input.dataset.suggest + "?q=" + encodeURIComponent(text), { headers: { "Accept": "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) {
          if (input.value.trim() !== text) { return; }
          list.replaceChildren.apply(list, data.results.map(function (item) {
            var option = document.createElement("option");
            if (typeof item === "string") {
              option.value = item;
            } else {
              option.value = item.label;
              option.textContent = item.codes_postaux.join(", ");
            }
            return option;
          }));
        })
        .catch(function () { /* suggestions are a comfort: the form works without them */ });
    }, 150));
  }

  document.querySelectorAll("input[data-suggest][list]").forEach(enhanceSuggestions);

  document.body.addEventListener("htmx:afterSettle", function (event) {
    // detail.elt is the swapped target (#results); the element that made the request is
    // requestConfig.elt (the form, or a field inside it).
    var detail = event.detail || {};
    var source = (detail.requestConfig && detail.requestConfig.elt) || detail.elt;
    if (!source || !(source.id === "filters" || source.closest && source.closest("#filters"))) { return; }
    var heading = document.getElementById("results-title");
    if (heading) { heading.focus(); }
    if (window.omlotMaps) { window.omlotMaps(); }
  });
})();
