// The initiatives map: clustered points from our GeoJSON endpoint over either a configured tile
// server or, by default, self-hosted country outlines (so no request leaves the site).
(function () {
  "use strict";
  var element = document.getElementById("initiative-map");
  if (!element || !window.L) { return; }
  var map = L.map(element, { zoomControl: true, worldCopyJump: true, minZoom: 2, maxZoom: 12 })
    .setView([28, 20], 3);
  var tiles = element.dataset.tiles;
  if (tiles) {
    L.tileLayer(tiles, { maxZoom: 18, attribution: element.dataset.attribution || "" }).addTo(map);
  } else {
    fetch(element.dataset.countries, { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (countries) {
        L.geoJSON(countries, {
          style: { color: "#7a8a87", weight: 1, fillColor: "#eef6f4", fillOpacity: 1 },
          interactive: false
        }).addTo(map).bringToBack();
      });
  }
  var clusters = L.markerClusterGroup({ showCoverageOnHover: false });
  fetch(element.dataset.geojson, { credentials: "same-origin" })
    .then(function (response) { return response.json(); })
    .then(function (collection) {
      var layer = L.geoJSON(collection, {
        pointToLayer: function (feature, latlng) {
          // Circle markers: no icon images to fetch, and they scale cleanly.
          return L.circleMarker(latlng, {
            radius: 8, color: "#07443c", weight: 2, fillColor: "#0b5d52", fillOpacity: 0.85
          });
        },
        onEachFeature: function (feature, marker) {
          var link = document.createElement("a");
          link.href = feature.properties.url;
          link.textContent = feature.properties.title;
          var place = document.createElement("div");
          place.textContent = feature.properties.city;
          var popup = document.createElement("div");
          popup.appendChild(link);
          popup.appendChild(place);
          marker.bindPopup(popup);
        }
      });
      clusters.addLayer(layer);
      map.addLayer(clusters);
      if (collection.features.length) { map.fitBounds(clusters.getBounds(), { maxZoom: 8, padding: [20, 20] }); }
    });
}());
