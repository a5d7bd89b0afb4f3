/* Bahasa Indonesia for the site's search. Generated at build time by the iki package
   (iki/pencarian.py); do not edit the copy in site/.

   Material's search worker loads this file for the language "id" and calls lunr.id.
   Indexing: every word is indexed with its root word(s) at the same position (so a
   match on a root highlights the word), an abbreviation with the words of its long
   form, the first word of a long form with its abbreviation.
   Searching: each typed word also looks for its roots; a word that is in no page
   (a typo) looks for its neighbours within one or two letters. */
(function () {
  "use strict"
  if (lunr.id) return  /* loaded once per worker, even if the worker is set up again */

  var AKAR = {{ akar | tojson }}
  var PERLUASAN = {{ perluasan | tojson }}
  var FRASA = {{ frasa | tojson }}
  var OPTIONAL = lunr.Query.presence.OPTIONAL

  function akarDari(kata) {
    return AKAR.hasOwnProperty(kata) ? AKAR[kata].split(" ") : []
  }

  function frasaDi(tokens, i) {
    return FRASA.filter(function (f) {
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
        hasil.push(token.clone(function () { return t }))
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
     under the typed word, so the result list does not call it missing. */
  var query = lunr.Index.prototype.query
  lunr.Index.prototype.query = function (fn) {
    var index = this, asal = {}
    var hasil = query.call(this, function (q) {
      fn.call(q, q)
      var diketik = q.clauses.map(function (klausa) {
        return klausa.term.replace(/^\*|\*$/g, "")
      })
      q.clauses.slice().forEach(function (klausa, c) {
        var kata = diketik[c]
        if (klausa.presence !== OPTIONAL || !kata) return
        var akar = AKAR.hasOwnProperty(kata) ? akarDari(kata) : akarBaru(index, kata)
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
            if (!diketik.some(function (k) { return s.indexOf(k) === 0 })) asal[s] = kata
          })
        })
      })
    })
    hasil.forEach(function (h) {
      var md = h.matchData.metadata
      Object.keys(md).forEach(function (s) {
        if (!asal.hasOwnProperty(s)) return
        var ke = md[asal[s]] = md[asal[s]] || {}
        Object.keys(md[s]).forEach(function (kolom) {
          var tujuan = ke[kolom] = ke[kolom] || {}
          Object.keys(md[s][kolom]).forEach(function (kunci) {
            tujuan[kunci] = (tujuan[kunci] || []).concat(md[s][kolom][kunci])
          })
        })
        delete md[s]
      })
      /* A word and its roots share one position: mark it once. */
      var dilihat = {}
      Object.keys(md).forEach(function (s) {
        Object.keys(md[s]).forEach(function (kolom) {
          var lihat = dilihat[kolom] = dilihat[kolom] || {}
          if (md[s][kolom].position)
            md[s][kolom].position = md[s][kolom].position.filter(function (p) {
              return lihat[p] ? false : (lihat[p] = true)
            })
        })
      })
    })
    return hasil
  }
})()
