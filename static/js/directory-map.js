/* Producer maps (Leaflet shipped with the project). Each marker links to its producer's page;
   all markers look the same and carry their name (title, tooltip, popup), so nothing is told
   apart by colour alone. The list of producers next to the map is the alternative when
   JavaScript or the tiles are unavailable: the map only appears once Leaflet is running, and
   only when the visitor asks for it. */
(function () {
  "use strict";

  function escapeText(text) {
    var span = document.createElement("span");
    span.textContent = text;
    return span.innerHTML;
  }

  // Where Leaflet is: read while this script runs (deferred scripts have a currentScript).
  var assets = (document.currentScript && document.currentScript.dataset) || {};
  var leaflet = null;

  function load(tag, attributes) {
    return new Promise(function (resolve, reject) {
      var element = document.createElement(tag);
      Object.keys(attributes).forEach(function (name) { element[name] = attributes[name]; });
      element.onload = resolve;
      element.onerror = reject;
      document.head.appendChild(element);
    });
  }

  // Leaflet's script and style, fetched once, the first time a map is opened.
  function loadLeaflet() {
    if (typeof L !== "undefined") { return Promise.resolve(); }
    if (leaflet === null) {
      leaflet = Promise.all([
        load("link", { rel: "stylesheet", href: assets.leafletCss }),
        load("script", { src: assets.leafletJs })
      ]);
      leaflet.catch(function () { leaflet = null; });  // a later click tries again
    }
    return leaflet;
  }

  // The map is drawn only when asked for: tiles come from another host and weigh far more
  // than the page, which matters on a phone with a weak signal; the list says the same.
  function initMaps() {
    if (!assets.leafletJs && typeof L === "undefined") { return; }
    document.querySelectorAll("[data-map]").forEach(function (box) {
      if (box.dataset.ready) { return; }
      var source = document.getElementById(box.dataset.map);
      if (!source) { return; }
      var points = JSON.parse(source.textContent);
      if (!points.length) { return; }
      box.dataset.ready = "1";
      addToggle(box, points);
    });
  }

  function draw(box, points) {
    var map = L.map(box, { scrollWheelZoom: false });
    L.tileLayer(box.dataset.tiles, { maxZoom: 18, attribution: box.dataset.attribution }).addTo(map);
    var bounds = [];
    points.forEach(function (p) {
      var label = p.nom + " — " + p.commune;
      var marker = L.marker([p.lat, p.lon], { title: label, alt: label, keyboard: true }).addTo(map);
      var html = p.url ? '<a href="' + encodeURI(p.url) + '">' + escapeText(p.nom) + "</a>" : escapeText(p.nom);
      marker.bindPopup(html + "<br>" + escapeText(p.commune));
      bounds.push([p.lat, p.lon]);
    });
    if (bounds.length === 1) { map.setView(bounds[0], 12); } else { map.fitBounds(bounds, { padding: [24, 24], maxZoom: 13 }); }
    return map;
  }

  // A button to show or hide the map.
  function addToggle(box, points) {
    var map = null;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "map-toggle";
    button.setAttribute("aria-controls", box.id);
    button.setAttribute("aria-expanded", "false");
    button.textContent = box.dataset.showLabel;
    button.addEventListener("click", function () {
      var show = box.hidden;
      box.hidden = !show;
      button.setAttribute("aria-expanded", String(show));
      button.textContent = show ? box.dataset.hideLabel : box.dataset.showLabel;
      if (!show) { return; }
      if (map !== null) { map.invalidateSize(); return; }
      box.setAttribute("aria-busy", "true");
      loadLeaflet().then(function () {
        box.removeAttribute("aria-busy");
        if (map === null) { map = draw(box, points); }
      }, function () {
        // Without Leaflet there is no map: fold the box again; the list says the same.
        box.removeAttribute("aria-busy");
        box.hidden = true;
        button.setAttribute("aria-expanded", "false");
        button.textContent = box.dataset.showLabel;
      });
    });
    box.parentNode.insertBefore(button, box);
  }

  window.omlotMaps = initMaps;
  initMaps();
})();
