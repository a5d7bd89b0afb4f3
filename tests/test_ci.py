"""The README's two commands (`./pasang`, then the tests), `.ci/run` and the pull-request CI
templates (GitHub Actions, GitLab CI): valid, and running exactly the README's commands, nothing
written twice that could drift apart. The same holds for the CI job, allowed to fail, that builds
the site with ProperDocs: it runs the README's labelled command."""

import os
import re
import subprocess

import pytest
import yaml

from conftest import PASANG, PERIKSA, PERINTAH, ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "periksa.yml"
GITLAB = ROOT / ".gitlab-ci.yml"
UJI = PERINTAH["Menjalankan seluruh pengujian"]
PERUBAHAN = PERINTAH["Meringkas perubahan data untuk peninjau"]
PROPERDOCS = PERINTAH["Membangun situs dengan ProperDocs"]
# CI runs the reviewers' summary against the base of the pull/merge request, not against "main".
_PERUBAHAN_CI = re.compile(re.escape(PERUBAHAN.rsplit(" ", 1)[0]) + r' "\$\w+" >{1,2} \S+')
PASANG_SKRIP = ROOT / "pasang"
# Words of the project's own commands: CI must not spell them out anywhere but in the README's commands.
_KATA_PERINTAH = re.compile(r"\b(pip|mkdocs|pytest|iki|apt-get)\b")


def test_perintah_readme_ditemukan():
    assert PASANG == "./pasang"
    assert UJI == ".venv/bin/python -m pytest"
    assert PERIKSA == ".venv/bin/python -m iki periksa"
    assert "-r requirements-properdocs.txt" in PROPERDOCS and "properdocs build --strict" in PROPERDOCS


def test_modul_proyek_sudah_dikompilasi():
    """After ./pasang the project's modules are compiled: a build does not compile them again, even
    where PYTHONDONTWRITEBYTECODE keeps Python from writing what it compiled."""
    import importlib.util

    import iki.model
    import macros

    for modul in (iki.model, macros):
        assert os.path.isfile(importlib.util.cache_from_source(modul.__file__)), modul.__name__


def test_properdocs_dikunci():
    """ProperDocs is installed from a file of fixed versions: requirements.txt, and ProperDocs itself."""
    baris = [b for b in (ROOT / "requirements-properdocs.txt").read_text(encoding="utf-8").splitlines()
             if b.strip() and not b.startswith("#")]
    assert baris[0] == "-r requirements.txt"
    assert all(re.fullmatch(r"[A-Za-z0-9_.-]+==[\w.]+", b) for b in baris[1:]) and "properdocs==" in baris[1]


def _urutan_perintah(baris: list[str]) -> list[str]:
    kenal = (PASANG, PERIKSA, UJI, PROPERDOCS)
    baris = [PERUBAHAN if _PERUBAHAN_CI.search(b) else b for b in baris]
    lain = [b for b in baris if b not in kenal + (PERUBAHAN,)]
    assert not [b for b in lain if _KATA_PERINTAH.search(b)], f"perintah ditulis ulang, bukan dari README: {lain}"
    return [b for b in baris if b in kenal + (PERUBAHAN,)]


def test_ci_run_adalah_dua_perintah_readme():
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    perintah = [b for b in run if b and not b.startswith(("#", "set ", "cd "))]
    assert perintah == [PASANG, UJI]
    assert os.access(ROOT / ".ci" / "run", os.X_OK) and os.access(PASANG_SKRIP, os.X_OK)


def paket_sistem() -> dict[str, str]:
    """The one list of system packages (the PAKET array of ./pasang): package -> why."""
    teks = PASANG_SKRIP.read_text(encoding="utf-8")
    daftar = re.search(r"^PAKET=\(\n(.*?)^\)", teks, flags=re.M | re.S)[1]
    return dict(re.fullmatch(r" +(\S+) +# (.+)", b).groups() for b in daftar.splitlines())


def test_satu_daftar_paket_sistem_beserta_alasannya():
    paket = paket_sistem()
    assert {"chromium", "nginx", "default-jre-headless", "npm", "git", "fonts-liberation"} <= set(paket)
    assert all(len(alasan) > 10 for alasan in paket.values())
    # Nothing else in the repository installs system packages.
    for berkas in (".ci/run", ".github/workflows/periksa.yml", ".gitlab-ci.yml"):
        assert "apt-get" not in (ROOT / berkas).read_text(encoding="utf-8")


# Packages ./pasang recognises by a command rather than by dpkg's record.
_PERINTAH_PAKET = {"python3-venv": "python3", "default-jre-headless": "java", "git": "git", "chromium": "chromium",
                   "nginx": "nginx", "npm": "npm"}


def _pasang_tiruan(tmp_path, uid: int, terpasang: set[str]) -> tuple[subprocess.CompletedProcess, list[str]]:
    """Run ./pasang with stand-ins for id, dpkg-query, apt-get (which records its arguments and
    fails on install, so nothing after it runs) and the commands of the installed packages, and
    no sudo on the PATH."""
    bin_ = tmp_path / "bin"
    bin_.mkdir()
    catatan = tmp_path / "apt.log"
    tiruan = {
        "id": f"echo {uid}",
        "dpkg-query": "case \" $* \" in " + "".join(f"*\" {p} \"*) printf installed ;; " for p in terpasang)
                      + "*) exit 1 ;; esac",
        "apt-get": f'echo "$*" >> {catatan}; [ "$1" = update ]',
    }
    tiruan.update({_PERINTAH_PAKET[p]: "exit 0" for p in terpasang if p in _PERINTAH_PAKET})
    for nama, isi in tiruan.items():
        (bin_ / nama).write_text(f"#!/bin/sh\n{isi}\n")
        (bin_ / nama).chmod(0o755)
    (bin_ / "env").symlink_to("/usr/bin/env")
    hasil = subprocess.run(["/bin/bash", str(PASANG_SKRIP)], capture_output=True, text=True,
                           env={"PATH": str(bin_), "HOME": str(tmp_path)})
    return hasil, catatan.read_text().splitlines() if catatan.exists() else []


def test_pasang_tanpa_root_menulis_perintah_apt(tmp_path):
    terpasang = {"git", "fonts-liberation", "default-jre-headless"}
    kurang = [p for p in paket_sistem() if p not in terpasang]
    hasil, apt = _pasang_tiruan(tmp_path, 1000, terpasang)
    assert hasil.returncode == 1 and apt == []
    assert hasil.stderr == (
        f"pasang: paket sistem berikut belum terpasang: {' '.join(kurang)}.\n"
        "Jalankan perintah ini sebagai root (atau minta administrator menjalankannya), lalu jalankan ./pasang lagi:\n"
        f"  apt-get update && apt-get install -y {' '.join(kurang)}\n")


def test_pasang_sebagai_root_memasang_yang_kurang(tmp_path):
    terpasang = {"npm", "python3-venv", "fonts-dejavu-core"}
    kurang = [p for p in paket_sistem() if p not in terpasang]
    hasil, apt = _pasang_tiruan(tmp_path, 0, terpasang)
    assert hasil.returncode == 1  # the stand-in apt-get fails on install: nothing after it runs
    assert apt == ["update -qq", f"install -y -qq {' '.join(kurang)}"]
    assert f"pasang: memasang paket sistem: {' '.join(kurang)}" in hasil.stdout
    assert set(_PERINTAH_PAKET) < set(paket_sistem())


def test_github_actions():
    alur = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    pemicu = alur[True]  # YAML 1.1 reads the key `on` as true
    assert "pull_request" in pemicu and pemicu["push"] == {"branches": ["main"]}

    periksa = alur["jobs"]["periksa"]
    langkah = periksa["steps"]
    assert langkah[0]["uses"].startswith("actions/checkout@")
    assert langkah[0]["with"]["fetch-depth"] == 0  # full history: "last changed" dates
    assert _urutan_perintah([s["run"] for s in langkah if "run" in s]) == [PASANG, PERIKSA, PERUBAHAN, UJI]
    (ringkasan,) = [s for s in langkah if _PERUBAHAN_CI.search(s.get("run", ""))]
    assert ringkasan["run"].endswith('"$BASIS" >> "$GITHUB_STEP_SUMMARY"')
    assert ringkasan["env"] == {"BASIS": "${{ github.event.pull_request.base.sha }}"}
    assert "github.event_name == 'pull_request'" in ringkasan["if"]
    # The checker still explains the problems when the build has already failed on them.
    assert next(s for s in langkah if s.get("run") == PERIKSA)["if"] == "${{ !cancelled() }}"

    di_main = "github.event_name == 'push' && github.ref == 'refs/heads/main'"
    (unggah,) = [s for s in langkah if s.get("uses", "").startswith("actions/upload-pages-artifact@")]
    assert unggah["with"] == {"path": "site"} and unggah["if"] == di_main
    assert langkah.index(unggah) > [s.get("run") for s in langkah].index(UJI)
    terbit = alur["jobs"]["terbitkan"]
    assert terbit["needs"] == "periksa" and terbit["if"] == di_main

    # ProperDocs: its own job, on the same machine as the checks, allowed to fail, publishing nothing.
    properdocs = alur["jobs"]["properdocs"]
    assert properdocs["continue-on-error"] is True
    assert (properdocs["runs-on"], properdocs["container"]) == (periksa["runs-on"], periksa["container"])
    assert properdocs["steps"][0] == langkah[0]
    assert _urutan_perintah([s["run"] for s in properdocs["steps"] if "run" in s]) == [PASANG, PROPERDOCS]
    assert [s for s in properdocs["steps"] if "uses" in s] == [langkah[0]]
    assert terbit["permissions"] == {"pages": "write", "id-token": "write"}
    assert [s["uses"].split("@")[0] for s in terbit["steps"]] == ["actions/deploy-pages"]


def test_gitlab_ci():
    ci = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    assert {"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'} in ci["workflow"]["rules"]
    assert ci["variables"]["GIT_DEPTH"] == "0"  # full history: "last changed" dates
    periksa = ci["periksa"]
    assert _urutan_perintah(periksa["script"]) == [PASANG, PERIKSA, PERUBAHAN, UJI]
    assert any('perubahan "$CI_MERGE_REQUEST_DIFF_BASE_SHA" > perubahan.md' in b for b in periksa["script"])
    assert periksa["artifacts"]["paths"] == ["perubahan.md", "site/"]
    assert periksa["artifacts"]["expose_as"] == "Ringkasan perubahan data"
    properdocs = ci["properdocs"]
    assert properdocs["allow_failure"] is True and properdocs["stage"] == periksa["stage"]
    assert _urutan_perintah(properdocs["script"]) == [PASANG, PROPERDOCS] == properdocs["script"]
    assert "artifacts" not in properdocs
    pages = ci["pages"]
    assert pages["needs"] == ["periksa"] and pages["script"] == ["mv site public"]
    assert pages["artifacts"]["paths"] == ["public"]
    assert pages["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]


@pytest.mark.parametrize("templat", [".github/pull_request_template.md", ".gitlab/merge_request_templates/Default.md"])
def test_templat_pull_request(templat):
    teks = (ROOT / templat).read_text(encoding="utf-8")
    butir = re.findall(r"^- \[ \] (.+)$", teks, flags=re.M)
    assert 3 <= len(butir) <= 6
    assert any(f"`{PERIKSA}`" in b for b in butir)
    assert "CONTRIBUTING.md" in teks
