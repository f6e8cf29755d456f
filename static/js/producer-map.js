/* Progressive enhancement of the profile's latitude/longitude inputs with a Leaflet map.
   Without JavaScript (or without tiles) the number inputs work on their own. */
(function () {
  "use strict";
  var box = document.getElementById("position-map");
  if (!box || typeof L === "undefined") { return; }
  var latInput = document.getElementById(box.dataset.latInput);
  var lonInput = document.getElementById(box.dataset.lonInput);
  if (!latInput || !lonInput) { return; }
  function parse(value) { var n = parseFloat(String(value).replace(",", ".")); return isNaN(n) ? null : n; }
  var lat = parse(latInput.value) ?? parse(box.dataset.defaultLat);
  var lon = parse(lonInput.value) ?? parse(box.dataset.defaultLon);
  if (lat === null || lon === null) { return; }
  box.hidden = false;
  var help = document.getElementById("position-map-help");
  if (help) { help.hidden = false; }
  var map = L.map(box, { scrollWheelZoom: false }).setView([lat, lon], 13);
  L.tileLayer(box.dataset.tiles, { maxZoom: 18, attribution: box.dataset.attribution }).addTo(map);
  var marker = L.marker([lat, lon], { draggable: true, keyboard: true, title: box.getAttribute("aria-label") }).addTo(map);
  function write(latlng) {
    latInput.value = latlng.lat.toFixed(5);
    lonInput.value = latlng.lng.toFixed(5);
  }
  marker.on("dragend", function () { write(marker.getLatLng()); });
  map.on("click", function (event) { marker.setLatLng(event.latlng); write(event.latlng); });
  function follow() {
    var a = parse(latInput.value), b = parse(lonInput.value);
    if (a !== null && b !== null) { marker.setLatLng([a, b]); map.panTo([a, b]); }
  }
  latInput.addEventListener("change", follow);
  lonInput.addEventListener("change", follow);
})();
