/* Producer maps (Leaflet shipped with the project). Each marker links to its producer's page;
   all markers look the same and carry their name (title, tooltip, popup), so nothing is told
   apart by colour alone. The list of producers next to the map is the alternative when
   JavaScript or the tiles are unavailable: the map only appears once Leaflet is running. */
(function () {
  "use strict";

  function escapeText(text) {
    var span = document.createElement("span");
    span.textContent = text;
    return span.innerHTML;
  }

  function initMaps() {
    if (typeof L === "undefined") { return; }
    document.querySelectorAll("[data-map]").forEach(function (box) {
      if (box.dataset.ready) { return; }
      var source = document.getElementById(box.dataset.map);
      if (!source) { return; }
      var points = JSON.parse(source.textContent);
      if (!points.length) { return; }
      box.dataset.ready = "1";
      box.hidden = false;
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
      addToggle(box, map);
    });
  }

  // A button to hide or show the map (the list beside it says the same).
  function addToggle(box, map) {
    if (!box.dataset.hideLabel) { return; }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "map-toggle";
    button.setAttribute("aria-controls", box.id);
    button.setAttribute("aria-expanded", "true");
    button.textContent = box.dataset.hideLabel;
    button.addEventListener("click", function () {
      var show = box.hidden;
      box.hidden = !show;
      button.setAttribute("aria-expanded", String(show));
      button.textContent = show ? box.dataset.hideLabel : box.dataset.showLabel;
      if (show) { map.invalidateSize(); }
    });
    box.parentNode.insertBefore(button, box);
  }

  window.omlotMaps = initMaps;
  initMaps();
})();
