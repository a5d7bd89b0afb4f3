/* Bahasa Indonesia for the site's search. Generated at build time by the iki package
   (iki/pencarian.py); do not edit the copy in site/.

   Material's search worker loads this file for the language "id" and calls lunr.id.
   Indexing: every word is indexed with its root word(s) at the same position (so a
   match on a root highlights the word), an abbreviation with the words of its long
   form, the first word of a long form with its abbreviation.
   Searching: each typed word also looks for its roots; a word that is in no page
   (a typo) looks for its neighbours within one or two letters.
   Ranking, in tiers that no score within a tier can cross:
     6. a page whose name (title) holds every typed word (exactly, by root or abbreviation);
     5. all typed words exactly as typed, next to each other in the typed order;
     4. all typed words exactly;
     3. all typed words, some only through their roots or abbreviations;
     2. some of the typed words (the more, the higher);
     1. only neighbours of typed words (typos).
   A root or abbreviation indexed beside a word carries the word's position plus TURUNAN,
   so a match tells whether the page has the typed word itself; the mark is taken off
   before Material sees the positions. */
(function () {
  "use strict"
  if (lunr.id) return  /* loaded once per worker, even if the worker is set up again */

  var AKAR = {{ akar | tojson }}
  var PERLUASAN = {{ perluasan | tojson }}
  /* Long forms by their first word: [words, abbreviation] */
  var FRASA = {}, SEMUA_FRASA = {{ frasa | tojson }}
  SEMUA_FRASA.forEach(function (f) { (FRASA[f[0][0]] = FRASA[f[0][0]] || []).push(f) })
  var OPTIONAL = lunr.Query.presence.OPTIONAL
  var MAKSIMUM = {{ maksimum | tojson }}  /* pages in the result list */
  var SOROT = {{ sorot | tojson }}  /* pages whose matched words are marked */
  var AWALAN_MINIMUM = {{ awalan_minimum | tojson }}  /* letters before a typed word matches as a prefix */
  /* Material's positions are signed 32-bit integers: one plus 2^32 is 2^31 or more. */
  var TURUNAN = 4294967296
  function diturunkan(p) { return p >= 2147483648 }
  var SALAH = 1, AKAR_ = 2, PERSIS = 3  /* how a typed word matched a page */

  function akarDari(kata) {
    return AKAR.hasOwnProperty(kata) ? AKAR[kata].split(" ") : []
  }

  function frasaDi(tokens, i) {
    var awal = tokens[i].toString()
    return (FRASA.hasOwnProperty(awal) ? FRASA[awal] : []).filter(function (f) {
      return f[0].every(function (kata, j) {
        return tokens[i + j] !== undefined && tokens[i + j].toString() === kata
      })
    }).map(function (f) { return f[1] })
  }

  function indonesia(token, i, tokens) {
    var kata = token.toString()
    var tambahan = akarDari(kata).concat(frasaDi(tokens, i))
    if (PERLUASAN.hasOwnProperty(kata))
      tambahan = tambahan.concat(PERLUASAN[kata].split(" "))
    var hasil = [token], sudah = {}
    sudah[kata] = true
    tambahan.forEach(function (t) {
      if (!sudah[t]) {
        sudah[t] = true
        var turunan = token.clone(function () { return t })
        turunan.metadata = Object.assign({}, token.metadata, { position: token.metadata.position + TURUNAN })
        hasil.push(turunan)
      }
    })
    return hasil
  }
  lunr.Pipeline.registerFunction(indonesia, "indonesia")

  lunr.id = function () {
    this.pipeline.reset()
    this.pipeline.add(indonesia)
    this.searchPipeline.reset()
  }

  /* A typed word that is in no page has no entry in AKAR: strip the affixes below
     (prefix, the letter its nasal replaced, suffix) and keep the readings that are
     words or roots of the site ("penimbangan" -> timbang). */
  var AWALAN = [["memper", ""], ["diper", ""], ["keber", ""], ["pember", ""], ["meng", ""],
    ["meng", "k"], ["peng", ""], ["peng", "k"], ["meny", "s"], ["peny", "s"], ["mem", "p"],
    ["mem", ""], ["pem", "p"], ["pem", ""], ["men", "t"], ["men", ""], ["pen", "t"], ["pen", ""],
    ["per", ""], ["ber", ""], ["ter", ""], ["me", ""], ["pe", ""], ["be", ""], ["di", ""],
    ["ke", ""], ["se", ""], ["", ""]]
  var AKHIRAN = ["nya", "kan", "an", "i", ""]

  function akarBaru(index, kata) {
    var hasil = []
    AWALAN.forEach(function (a) {
      if (kata.indexOf(a[0]) !== 0) return
      AKHIRAN.forEach(function (k) {
        var dasar = a[1] + kata.slice(a[0].length, kata.length - k.length)
        if ((a[0] || k) && kata.slice(-k.length || kata.length) === k && dasar.length >= 3
            && index.invertedIndex[dasar] && hasil.indexOf(dasar) < 0)
          hasil.push(dasar)
      })
    })
    return hasil
  }

  function istilah(index, klausa) {
    return lunr.TokenSet.fromClause(klausa).intersect(index.tokenSet).toArray()
  }

  /* Extra clauses for the typed words; the index terms they reach are reported
     under the typed word, so the result list does not call it missing. `jalur[c]`
     records, for the typed word of clause c, how each index term was reached. */
  var query = lunr.Index.prototype.query
  lunr.Index.prototype.query = function (fn) {
    var index = this, asal = {}, diketik = [], jalur = []
    var hasil = query.call(this, function (q) {
      fn.call(q, q)
      diketik = q.clauses.map(function (klausa) {
        return klausa.term.replace(/^\*|\*$/g, "")
      })
      q.clauses.slice().forEach(function (klausa, c) {
        var kata = diketik[c], jalan = jalur[c] = {}
        if (!kata) return
        /* One or two letters as a prefix reach most of the index, at the cost of
           seconds in a large one, for no useful order: they are matched as words. */
        if (kata.length < AWALAN_MINIMUM && klausa.term !== kata) {
          klausa.term = kata
          klausa.wildcard = lunr.Query.wildcard.NONE
        }
        istilah(index, klausa).forEach(function (s) { jalan[s] = PERSIS })
        if (klausa.presence !== OPTIONAL) return
        var akar = (AKAR.hasOwnProperty(kata) ? akarDari(kata) : akarBaru(index, kata))
          .filter(function (a) { return a !== kata })
        var tambahan = akar.map(function (a) {
          return { term: a, wildcard: klausa.wildcard }
        })
        var dikenal = [klausa].concat(tambahan.map(function (t) {
          return { term: t.term + (t.wildcard ? "*" : "") }
        })).some(function (k) { return istilah(index, k).length })
        if (kata.length >= 5 || !dikenal && kata.length >= 4)
          tambahan.push({ term: kata, editDistance: !dikenal && kata.length >= 8 ? 2 : 1,
                          wildcard: lunr.Query.wildcard.NONE, boost: dikenal ? 0.3 : 0.8 })
        tambahan.forEach(function (t) {
          var baru = { term: t.term, fields: klausa.fields, boost: klausa.boost * (t.boost || 0.8),
                       usePipeline: false, wildcard: t.wildcard, presence: OPTIONAL }
          if (t.editDistance) baru.editDistance = t.editDistance
          q.clause(baru)
          istilah(index, baru).forEach(function (s) {
            if (!jalan[s]) jalan[s] = t.editDistance ? SALAH : AKAR_
            if (!diketik.some(function (k) { return s.indexOf(k) === 0 })) asal[s] = kata
          })
        })
      })
    })
    var kata = diketik.filter(function (k) { return k })
    var tertinggi = hasil.reduce(function (m, h) { return Math.max(m, h.score) }, 0) || 1
    var halaman = {}
    hasil.forEach(function (h) {
      var ke = h.ref.split("#")[0]
      ;(halaman[ke] = halaman[ke] || []).push(kecocokan(index, h, diketik, jalur))
    })
    var tingkat = {}
    Object.keys(halaman).forEach(function (ke) { tingkat[ke] = peringkat(halaman[ke]) })
    hasil.forEach(function (h) {
      h.score = tingkat[h.ref.split("#")[0]] * (1 + h.score / tertinggi / 2)
    })
    if (kata.length) hasil.sort(function (a, b) { return b.score - a.score })
    /* Material copies, marks and sends every result it is given, which costs seconds
       when thousands of pages match: it is given the best MAKSIMUM pages (their
       sections with them), and marks the words in the first SOROT. */
    var urutan = {}, jumlah = 0
    hasil = hasil.filter(function (h) {
      var ke = h.ref.split("#")[0]
      if (!urutan.hasOwnProperty(ke)) urutan[ke] = jumlah++
      return urutan[ke] < MAKSIMUM
    })
    hasil.forEach(function (h) {
      rapikan(h, asal, urutan[h.ref.split("#")[0]] < SOROT)
    })
    return hasil
  }

  /* The matches of one result as Material reads them: an index term reached from a
     typed word is reported under the typed word, a word and its roots share one
     position (marked once), and without `sorot` no position is left to mark. Made
     afresh: lunr's match data holds objects of the index itself (MatchData.add keeps
     them uncopied), and changing those would change every later search. */
  function rapikan(h, asal, sorot) {
    var md = h.matchData.metadata, baru = {}
    function gabung(ke, s) {
      var tujuan = baru[ke] = baru[ke] || {}
      Object.keys(md[s]).forEach(function (kolom) {
        var kini = tujuan[kolom] = tujuan[kolom] || {}
        Object.keys(md[s][kolom]).forEach(function (kunci) {
          kini[kunci] = (kini[kunci] || []).concat(md[s][kolom][kunci])
        })
      })
    }
    Object.keys(md).forEach(function (s) { if (!asal.hasOwnProperty(s)) gabung(s, s) })
    Object.keys(md).forEach(function (s) { if (asal.hasOwnProperty(s)) gabung(asal[s], s) })
    var dilihat = {}
    Object.keys(baru).forEach(function (s) {
      Object.keys(baru[s]).forEach(function (kolom) {
        var lihat = dilihat[kolom] = dilihat[kolom] || {}
        if (baru[s][kolom].position)
          baru[s][kolom].position = !sorot ? [] : baru[s][kolom].position.map(function (p) {
            return diturunkan(p) ? p - TURUNAN : p
          }).filter(function (p) {
            return lihat[p] ? false : (lihat[p] = true)
          })
      })
    })
    h.matchData.metadata = baru
  }

  /* How one result (a page, or one section of it) matches each typed word: the best
     way (PERSIS, AKAR_, SALAH or 0), the positions of its exact matches, and how the
     page's name (title) matches. */
  function kecocokan(index, h, diketik, jalur) {
    var md = h.matchData.metadata, terakhir = diketik.length - 1
    var kata = [], judul = true, persisJudul = true, istilahJudul = {}
    /* Positions tell whether words stand next to each other: of no use for one word. */
    var berposisi = diketik.filter(function (k) { return k }).length > 1
    diketik.forEach(function (k, c) {
      if (!k) return
      var tingkat = 0, diJudul = 0, posisi = []
      Object.keys(md).forEach(function (s) {
        var lewat = jalur[c][s]
        if (!lewat) return
        Object.keys(md[s]).forEach(function (kolom) {
          var semua = md[s][kolom].position || []
          var t = lewat === PERSIS && (s === k || c === terakhir)
            && semua.some(function (p) { return !diturunkan(p) }) ? PERSIS
            : lewat === SALAH ? SALAH : AKAR_
          tingkat = Math.max(tingkat, t)
          if (kolom === "title" && t >= AKAR_) {
            diJudul = Math.max(diJudul, t)
            istilahJudul[s] = true
          }
          if (t === PERSIS && berposisi)
            semua.forEach(function (p) { if (!diturunkan(p)) posisi.push([kolom, p]) })
        })
      })
      judul = judul && diJudul >= AKAR_
      persisJudul = persisJudul && diJudul === PERSIS
      kata.push({ tingkat: tingkat, posisi: posisi })
    })
    var vektor = index.fieldVectors["title/" + h.ref]
    return {
      kata: kata,
      nama: judul && kata.length > 0 && h.ref.indexOf("#") < 0,
      persisJudul: persisJudul,
      judulBerurutan: berurutan(kata.map(function (k) {
        return { posisi: k.posisi.filter(function (p) { return p[0] === "title" }) }
      })),
      bagianJudul: vektor ? Math.min(1, Object.keys(istilahJudul).length / Math.max(1, vektor.elements.length / 2)) : 0
    }
  }

  /* The tier of a page (see the top of this file) from the matches of all its results,
     as a factor: 1000 per tier, more than anything within a tier can multiply (lunr's
     score 1.5, Material's boost 5; in the name tier: name as typed 1.5, words in typed
     order 2, share of the name's words that match 11). */
  function peringkat(semua) {
    var n = semua[0].kata.length
    if (!n) return 1
    var tingkat = semua[0].kata.map(function (_, c) {
      return Math.max.apply(null, semua.map(function (m) { return m.kata[c].tingkat }))
    })
    var lengkap = tingkat.every(function (t) { return t >= AKAR_ })
    var nama = semua.filter(function (m) { return m.nama })[0]
    if (lengkap && nama)
      return Math.pow(1000, 6) * (nama.persisJudul ? 1.5 : 1) * (n > 1 && nama.judulBerurutan ? 2 : 1)
        * (1 + 10 * nama.bagianJudul)
    if (tingkat.every(function (t) { return t === PERSIS }))
      return Math.pow(1000, n > 1 && semua.some(function (m) { return berurutan(m.kata) }) ? 5 : 4)
    if (lengkap) return Math.pow(1000, 3)
    var sebagian = tingkat.filter(function (t) { return t >= AKAR_ }).length
    return sebagian ? Math.pow(1000, 2) * (1 + sebagian / n) : 1000
  }

  /* Whether the typed words stand next to each other, in order, somewhere in one field
     (positions count tokens and tags within one block of text). */
  function berurutan(cocok) {
    return cocok.length > 1 && cocok[0].posisi.some(function (awal) {
      var kini = awal
      return cocok.slice(1).every(function (k) {
        var lanjut = k.posisi.filter(function (p) {
          var jarak = (p[1] & 1048575) - (kini[1] & 1048575)
          return p[0] === kini[0] && p[1] >>> 20 === kini[1] >>> 20 && jarak >= 1 && jarak <= 3
        })[0]
        return lanjut ? (kini = lanjut) : false
      })
    })
  }
})()
