/* A table wider than its column scrolls sideways inside its box. Such a box must be
   reachable with the keyboard (Tab, then the arrow keys) and named for screen readers;
   a box that does not scroll stays out of the Tab order. */
(function () {
  "use strict"
  function tandai() {
    document.querySelectorAll(".iki-tabel, .md-typeset__scrollwrap").forEach(function (kotak) {
      if (kotak.scrollWidth > kotak.clientWidth + 1) {
        var judul = kotak.querySelector("caption")
        kotak.setAttribute("tabindex", "0")
        kotak.setAttribute("role", "region")
        kotak.setAttribute("aria-label", (judul ? judul.textContent.trim() + ": " : "") +
                           "tabel lebar, geser ke samping untuk melihat semua kolom")
      } else if (kotak.getAttribute("role") === "region") {
        kotak.removeAttribute("tabindex")
        kotak.removeAttribute("role")
        kotak.removeAttribute("aria-label")
      }
    })
  }
  addEventListener("load", tandai)
  addEventListener("resize", tandai)

  // The print button of a jabatan page (a listener, not an onclick attribute: the site's
  // Content-Security-Policy allows no inline script).
  document.querySelectorAll(".iki-tombol-cetak").forEach(function (tombol) {
    tombol.addEventListener("click", function () { print() })
  })
})()
