// The complaint form: services of the chosen agency only, and the phone's position on request.
(function () {
  "use strict";
  var agency = document.getElementById("agency");
  var service = document.getElementById("service");
  if (agency && service) {
    var filter = function () {
      service.querySelectorAll("optgroup").forEach(function (group) {
        var match = !agency.value || group.getAttribute("data-agency") === agency.value;
        group.hidden = !match;
        group.disabled = !match;
      });
      var picked = service.options[service.selectedIndex];
      if (picked && picked.parentNode.disabled) { service.value = ""; }
    };
    agency.addEventListener("change", filter);
    filter();
  }
  var box = document.querySelector("[data-role=location]");
  if (!box || !navigator.geolocation) { return; }
  var button = box.querySelector("[data-role=locate]");
  var text = box.querySelector("[data-role=location-text]");
  var lat = box.querySelector("input[name=latitude]");
  var lon = box.querySelector("input[name=longitude]");
  var unlocate = box.querySelector("[data-role=unlocate]");
  var included = function (yes) {
    button.hidden = yes;
    unlocate.hidden = !yes;
  };
  included(lat.value !== "");
  button.addEventListener("click", function () {
    text.textContent = "Meminta izin lokasi dari ponsel…";
    navigator.geolocation.getCurrentPosition(function (position) {
      lat.value = position.coords.latitude.toFixed(5);
      lon.value = position.coords.longitude.toFixed(5);
      text.textContent = "Lokasi disertakan: " + lat.value + ", " + lon.value;
      included(true);
    }, function () {
      lat.value = "";
      lon.value = "";
      text.textContent = "Lokasi tidak disertakan (izin ditolak atau tidak tersedia).";
      included(false);
    }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
  });
  unlocate.addEventListener("click", function () {
    lat.value = "";
    lon.value = "";
    text.textContent = "Lokasi tidak disertakan.";
    included(false);
  });
})();
