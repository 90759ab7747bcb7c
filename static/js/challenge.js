// Proof of work for a form holding a [data-challenge-status] element (humena/core/challenge.py,
// ALTCHA's scheme): take a challenge from our own server, find its number on this device with the
// browser's own SHA-256, and put the solution in the form's hidden "challenge" field. Nothing is
// sent to anyone else. Without JavaScript the form goes without a solution and the server decides
// (a petition: accepted, less often; sign-up: refused, with an explanation on the page).
(function () {
  "use strict";
  var BATCH = 1000; // hashes in flight at once: fast, and the page stays responsive

  function bytesOf(hex) {
    var bytes = new Uint8Array(hex.length / 2);
    for (var i = 0; i < bytes.length; i++) { bytes[i] = parseInt(hex.substr(i * 2, 2), 16); }
    return bytes;
  }

  function matches(buffer, target) {
    var bytes = new Uint8Array(buffer);
    if (bytes.length !== target.length) { return false; }
    for (var i = 0; i < bytes.length; i++) { if (bytes[i] !== target[i]) { return false; } }
    return true;
  }

  async function solve(challenge) {
    var encoder = new TextEncoder();
    var target = bytesOf(challenge.challenge);
    for (var start = 0; start <= challenge.maxnumber; start += BATCH) {
      var end = Math.min(start + BATCH, challenge.maxnumber + 1);
      var work = [];
      for (var n = start; n < end; n++) {
        work.push(crypto.subtle.digest("SHA-256", encoder.encode(challenge.salt + n)));
      }
      var digests = await Promise.all(work);
      for (var i = 0; i < digests.length; i++) {
        if (matches(digests[i], target)) { return start + i; }
      }
    }
    return null;
  }

  async function fetchChallenge(url) {
    var response = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } });
    if (!response.ok) { throw new Error("challenge: " + response.status); }
    var challenge = await response.json();
    // Valid until the expiry in its salt, by the server's clock (its Date header), less a minute.
    var expires = Number(new URLSearchParams(challenge.salt.split("?")[1] || "").get("expires"));
    var serverNow = Date.parse(response.headers.get("Date") || "") || Date.now();
    var lifetime = expires * 1000 - serverNow - 60000;
    challenge.staleAt = Date.now() + (isFinite(lifetime) ? lifetime : 300000);
    return challenge;
  }

  function enhance(status) {
    var form = status.closest("form");
    var input = form && form.querySelector('input[name="challenge"]');
    if (!input || !window.crypto || !crypto.subtle || !window.fetch) { return; }
    var staleAt = 0;
    var running = null;
    var letThrough = false;

    function say(key) { status.textContent = status.getAttribute("data-" + key); }

    function run() {
      if (input.value && Date.now() < staleAt) { return Promise.resolve(); }
      if (!running) {
        input.value = "";
        say("working");
        running = fetchChallenge(status.getAttribute("data-url"))
          .then(function (challenge) {
            return solve(challenge).then(function (number) {
              if (number === null) { throw new Error("challenge: no solution"); }
              input.value = btoa(JSON.stringify({
                algorithm: challenge.algorithm,
                challenge: challenge.challenge,
                number: number,
                salt: challenge.salt,
                signature: challenge.signature
              }));
              staleAt = challenge.staleAt;
              say("done");
            });
          })
          .catch(function () { input.value = ""; say("failed"); })
          .finally(function () { running = null; });
      }
      return running;
    }

    // Start when someone begins to fill the form: readers who never sign spend nothing.
    form.addEventListener("focusin", function () { run(); }, { once: true });
    form.addEventListener("submit", function (event) {
      if (letThrough || (input.value && Date.now() < staleAt)) { letThrough = false; return; }
      event.preventDefault();
      var button = event.submitter || null;
      if (button) { button.disabled = true; }
      run().then(function () {
        if (button) { button.disabled = false; }
        letThrough = true; // solved or not, the server has the last word
        if (form.requestSubmit) { form.requestSubmit(button); } else { form.submit(); }
      });
    });
  }

  document.querySelectorAll("[data-challenge-status]").forEach(enhance);
}());
