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

  // The map is drawn only when asked for: tiles come from another host and weigh far more
  // than the page, which matters on a phone with a weak signal; the list says the same.
  function initMaps() {
    if (typeof L === "undefined") { return; }
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
      if (show && map === null) { map = draw(box, points); } else if (show) { map.invalidateSize(); }
    });
    box.parentNode.insertBefore(button, box);
  }

  window.omlotMaps = initMaps;
  initMaps();
})();
