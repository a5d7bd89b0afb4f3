"""JavaScript and CSS templates have an environment of their own: nothing is HTML-escaped, and every
value goes in as JSON that stays inert anywhere it is pasted."""

import json
import shutil
import subprocess

import pytest
from jinja2 import Template

from iki import pencarian, render
from iki.render import JSON, json_aman

# Text that would break out of a JavaScript string, a <script> element or an HTML attribute.
MUATAN_SKRIP = "</script><script>alert('x')</script> && \u2028\u2029 \" \\ {{ 7*7 }} é"


def test_json_aman_tanpa_karakter_berbahaya():
    teks = json_aman({"b": MUATAN_SKRIP, "a": [1, 2.5, None, True]})
    assert isinstance(teks, JSON)
    assert json.loads(teks) == {"b": MUATAN_SKRIP, "a": [1, 2.5, None, True]}
    assert teks.isascii() and not set("<>&'") & set(teks)
    assert teks.index('"a"') < teks.index('"b"')  # keys sorted: the same data, the same bytes


def test_sama_dengan_tojson_jinja():
    """The bytes of Jinja's own tojson (which the script was rendered with before), so the built
    files did not change."""
    data = {"kata": MUATAN_SKRIP, "daftar": [["a", "b"], "c"]}
    assert json_aman(data) == Template("{{ x | tojson }}", autoescape=True).render(x=data)


def test_templat_skrip_hanya_mencetak_json():
    with pytest.raises(TypeError, match="tojson"):
        render._env_skrip.from_string("var x = {{ x }}").render(x="a")
    assert render._env_skrip.from_string("var x = {{ x | tojson }} && y").render(x="a&b") == 'var x = "a\\u0026b" && y'


def test_templat_skrip_tidak_memakai_lingkungan_html(monkeypatch):
    dipakai = []
    monkeypatch.setattr(render._env, "get_template", lambda nama: dipakai.append(nama))
    render.render("formulir.css")
    render.render("lunr.id.js", akar={}, perluasan={}, frasa=[], maksimum=1, sorot=1, awalan_minimum=3)
    assert dipakai == []


@pytest.mark.skipif(not shutil.which("node"), reason="node tidak terpasang")
def test_skrip_pencarian_dengan_muatan_tetap_javascript(tmp_path):
    indeks = {"config": {"separator": r"[\s\-]+"}, "docs": [{"location": "", "title": MUATAN_SKRIP, "text": MUATAN_SKRIP}]}
    singkatan = [pencarian.Singkatan(singkatan="SKA", kepanjangan=[MUATAN_SKRIP])]
    _, skrip = pencarian.lengkapi_indeks(indeks, singkatan)
    assert "</script" not in skrip and "alert('x')" not in skrip
    (tmp_path / "lunr.id.js").write_text(skrip, encoding="utf-8")
    cek = subprocess.run(["node", "--check", str(tmp_path / "lunr.id.js")], capture_output=True, text=True)
    assert cek.returncode == 0, cek.stderr
