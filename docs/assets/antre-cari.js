/* One search at a time. Material's search box sends the worker a query at every keystroke,
   and the worker answers them in turn: on a site of thousands of jabatan a query takes a few
   hundred milliseconds, so the answer to the last keystroke waited behind every earlier one.
   Here a query goes to the worker only once it has answered the previous one, and of the
   queries typed meanwhile only the newest goes. Relies on Material's messages to its search
   worker (mkdocs-material 9.8.1: a query is {type: 2, data}, an answer {type: 3}), checked by
   tests/test_ketergantungan_mkdocs.py. No library, nothing loaded from elsewhere. */
(function () {
  "use strict";

  if (!window.Worker) return;
  var KUERI = 2, JAWABAN = 3;
  var kirim = Worker.prototype.postMessage;

  function antrean(worker) {
    if (!worker.ikiAntrean) {
      var a = worker.ikiAntrean = { sibuk: false, berikut: null };
      worker.addEventListener("message", function (e) {
        if (!e.data || e.data.type !== JAWABAN) return;
        a.sibuk = false;
        if (a.berikut) {
          var pesan = a.berikut;
          a.berikut = null;
          worker.postMessage(pesan);
        }
      });
    }
    return worker.ikiAntrean;
  }

  Worker.prototype.postMessage = function (pesan) {
    if (!pesan || pesan.type !== KUERI) return kirim.apply(this, arguments);
    var a = antrean(this);
    if (a.sibuk) {
      a.berikut = pesan;
      return;
    }
    a.sibuk = true;
    kirim.apply(this, arguments);
  };
})();
