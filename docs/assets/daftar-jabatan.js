/* Daftar jabatan: sort by column and filter, on top of a table that is complete without this script.
   No library, nothing loaded from elsewhere. Applies to every table inside [data-iki-tabel-urut]. */
(function () {
  "use strict";

  function teksSel(baris, kolom) {
    var sel = baris.cells[kolom];
    return sel.hasAttribute("data-urut") ? sel.getAttribute("data-urut") : sel.textContent.trim();
  }

  function pasang(wadah) {
    var tabel = wadah.querySelector("table");
    if (!tabel || tabel.hasAttribute("data-iki-siap")) return;
    tabel.setAttribute("data-iki-siap", "");
    var tbody = tabel.tBodies[0];
    var semua = Array.prototype.slice.call(tbody.rows);
    var kepala = Array.prototype.slice.call(tabel.tHead.rows[0].cells);
    var urutTeks = new Intl.Collator("id", { sensitivity: "base", numeric: true });

    /* -- filter controls ------------------------------------------------- */
    var id = tabel.id || "tabel";
    var saring = document.createElement("div");
    saring.className = "iki-saring";
    saring.setAttribute("role", "search");
    saring.setAttribute("aria-label", "Saring daftar jabatan");

    function kendali(label, el, kunci) {
      var bungkus = document.createElement("div");
      bungkus.className = "iki-saring-kendali";
      var l = document.createElement("label");
      l.textContent = label;
      l.htmlFor = el.id = id + "-" + kunci;
      bungkus.appendChild(l);
      bungkus.appendChild(el);
      saring.appendChild(bungkus);
      return el;
    }

    var cari = document.createElement("input");
    cari.type = "search";
    cari.placeholder = "mis. penyuluh, keuangan";
    cari.autocomplete = "off";
    kendali("Cari nama jabatan", cari, "cari");

    function pilihan(label, kunci, kolom) {
      var pilih = document.createElement("select");
      var semuaOpsi = document.createElement("option");
      semuaOpsi.value = "";
      semuaOpsi.textContent = "Semua";
      pilih.appendChild(semuaOpsi);
      var terlihat = {};
      semua.forEach(function (baris) {
        var nilai = baris.getAttribute("data-" + kunci);
        if (nilai && !terlihat[nilai]) {
          terlihat[nilai] = true;
          var opsi = document.createElement("option");
          opsi.value = nilai;
          opsi.textContent = baris.cells[kolom].textContent.trim();
          pilih.appendChild(opsi);
        }
      });
      return kendali(label, pilih, kunci);
    }
    var pilihUnit = pilihan("Unit kerja", "unit", 1);
    var pilihJenis = pilihan("Jenis", "jenis", 2);

    var status = document.createElement("p");
    status.className = "iki-saring-status";
    status.setAttribute("aria-live", "polite");
    saring.appendChild(status);
    wadah.parentNode.insertBefore(saring, wadah);

    function terapkan() {
      var kata = cari.value.trim().toLocaleLowerCase("id");
      var tampil = 0;
      semua.forEach(function (baris) {
        var cocok = (!kata || baris.cells[0].textContent.toLocaleLowerCase("id").indexOf(kata) !== -1) &&
          (!pilihUnit.value || baris.getAttribute("data-unit") === pilihUnit.value) &&
          (!pilihJenis.value || baris.getAttribute("data-jenis") === pilihJenis.value);
        baris.hidden = !cocok;
        if (cocok) tampil += 1;
      });
      status.textContent = "Menampilkan " + tampil + " dari " + semua.length + " jabatan.";
    }
    [cari, pilihUnit, pilihJenis].forEach(function (el) {
      el.addEventListener("input", terapkan);
      el.addEventListener("change", terapkan);
    });

    /* -- sorting --------------------------------------------------------- */
    kepala.forEach(function (th, kolom) {
      var tombol = document.createElement("button");
      tombol.type = "button";
      tombol.className = "iki-urut";
      while (th.firstChild) tombol.appendChild(th.firstChild);
      var tanda = document.createElement("span");
      tanda.className = "iki-urut-tanda";
      tanda.setAttribute("aria-hidden", "true");
      tombol.appendChild(tanda);
      tombol.title = "Urutkan menurut kolom ini";
      th.appendChild(tombol);
      tombol.addEventListener("click", function () {
        var naik = th.getAttribute("aria-sort") !== "ascending";
        kepala.forEach(function (lain) { lain.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", naik ? "ascending" : "descending");
        var angka = th.getAttribute("data-jenis-urut") === "angka";
        var urut = semua.slice().sort(function (a, b) {
          var x = teksSel(a, kolom), y = teksSel(b, kolom);
          var hasil = angka ? parseFloat(x) - parseFloat(y) : urutTeks.compare(x, y);
          if (hasil === 0) hasil = semua.indexOf(a) - semua.indexOf(b); // stable: decree order
          else if (!naik) hasil = -hasil;
          return hasil;
        });
        urut.forEach(function (baris) { tbody.appendChild(baris); });
      });
    });

    terapkan();
  }

  function mulai() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-iki-tabel-urut]"), pasang);
  }
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(mulai); // Material's instant navigation, if ever enabled
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mulai);
  } else {
    mulai();
  }
})();
