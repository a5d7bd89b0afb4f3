/* Search results narrowed by unit kerja and jenis jabatan, without a page reload.
   Each jabatan's result carries two tags (iki/pencarian.py): its unit, then its jenis.
   The choices come from assets/saring-cari.json, written by the iki plugin at build time.
   Without JavaScript there is no search box either; the Daftar Jabatan table and the
   unit pages are the plain lists. No library, nothing loaded from elsewhere. */
(function () {
  "use strict";

  var skrip = document.currentScript;
  if (!skrip || !window.fetch) return;
  var dasar = skrip.src.replace(/assets\/saring-cari\.js(\?.*)?$/, "");

  function pilih(bar, label, kunci, nilai) {
    var bungkus = document.createElement("div");
    bungkus.className = "iki-saring-cari-kendali";
    var l = document.createElement("label");
    l.textContent = label;
    var el = document.createElement("select");
    l.htmlFor = el.id = "iki-saring-cari-" + kunci;
    [""].concat(nilai).forEach(function (n) {
      var opsi = document.createElement("option");
      opsi.value = n;
      opsi.textContent = n || "Semua";
      el.appendChild(opsi);
    });
    bungkus.appendChild(l);
    bungkus.appendChild(el);
    bar.appendChild(bungkus);
    return el;
  }

  function pasang(pilihan) {
    var wadah = document.querySelector(".md-search-result");
    var daftar = wadah && wadah.querySelector(".md-search-result__list");
    if (!daftar || wadah.querySelector(".iki-saring-cari")) return;
    var bar = document.createElement("div");
    bar.className = "iki-saring-cari";
    bar.setAttribute("role", "group");
    bar.setAttribute("aria-label", "Saring hasil pencarian");
    var unit = pilih(bar, "Unit kerja", "unit", pilihan.unit);
    var jenis = pilih(bar, "Jenis jabatan", "jenis", pilihan.jenis);
    var status = document.createElement("p");
    status.className = "iki-saring-cari-status";
    status.setAttribute("aria-live", "polite");
    bar.appendChild(status);
    wadah.insertBefore(bar, daftar);

    function terapkan() {
      var semua = 0, tampil = 0;
      Array.prototype.forEach.call(daftar.children, function (butir) {
        var tanda = Array.prototype.map.call(
          butir.querySelectorAll(".md-search-result__article .md-tag"),
          function (t) { return t.textContent.trim(); });
        var cocok = (!unit.value || tanda[0] === unit.value) && (!jenis.value || tanda[1] === jenis.value);
        butir.hidden = !cocok;
        semua += 1;
        if (cocok) tampil += 1;
      });
      /* The search lists the best pilihan.hasil_maksimum pages only (iki/pencarian.py):
         Material's count then equals it, and the note says the list was cut. */
      var jumlah = meta ? parseInt(meta.textContent, 10) : NaN;
      status.textContent = [
        unit.value || jenis.value ? "Menampilkan " + tampil + " dari " + semua + " hasil yang sudah dimuat." : "",
        jumlah === pilihan.hasil_maksimum ? "Hanya " + jumlah + " hasil paling cocok yang ditampilkan; " +
          "tambahkan kata untuk mempersempit pencarian." : ""
      ].filter(Boolean).join(" ");
    }
    var meta = wadah.querySelector(".md-search-result__meta");
    [unit, jenis].forEach(function (el) { el.addEventListener("change", terapkan); });
    new MutationObserver(terapkan).observe(daftar, { childList: true });
    if (meta) new MutationObserver(terapkan).observe(meta, { childList: true, characterData: true, subtree: true });
  }

  fetch(dasar + "assets/saring-cari.json")
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (pilihan) { if (pilihan) pasang(pilihan); });
})();
