"""The pull-request CI templates (GitHub Actions, GitLab CI) are valid YAML and run exactly the
README's commands: nothing written twice that could drift apart."""

import re

import pytest
import yaml

from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "periksa.yml"
GITLAB = ROOT / ".gitlab-ci.yml"


def perintah_readme() -> dict[str, str]:
    """README commands by their bold label: a paragraph '**Label** (...):' then a one-line bash block."""
    teks = (ROOT / "README.md").read_text(encoding="utf-8")
    pola = r"\*\*(?P<label>[^*\n]+)\*\*[^\n]*\n(?:[^\n]+\n)*\n```bash\n(?P<perintah>[^\n]+)\n```"
    return {m["label"]: m["perintah"] for m in re.finditer(pola, teks)}


PERINTAH = perintah_readme()
PASANG = PERINTAH["Memasang dan membangun situs"]
PERIKSA = PERINTAH["Memeriksa data tanpa membangun situs"]
UJI = PERINTAH["Menjalankan seluruh pengujian"]
PERUBAHAN = PERINTAH["Meringkas perubahan data untuk peninjau"]
# CI runs the reviewers' summary against the base of the pull/merge request, not against "main".
_PERUBAHAN_CI = re.compile(re.escape(PERUBAHAN.rsplit(" ", 1)[0]) + r' "\$\w+" >{1,2} \S+')
# Debian packages and npm test tools the build and the tests need: one script, for .ci/run and both templates.
SISTEM = ".ci/siapkan"
# Words of the project's own commands: CI must not spell them out anywhere but in the README's commands.
_KATA_PERINTAH = re.compile(r"\b(pip|mkdocs|pytest|iki|apt-get)\b")


def test_perintah_readme_ditemukan():
    assert PASANG == "python3 -m venv .venv && .venv/bin/pip install -r requirements.txt && .venv/bin/mkdocs build --strict"
    assert UJI == ".venv/bin/python -m pytest"
    assert PERIKSA == ".venv/bin/python -m iki periksa"


def _urutan_perintah(baris: list[str]) -> list[str]:
    kenal = (SISTEM, PASANG, PERIKSA, UJI)
    baris = [PERUBAHAN if _PERUBAHAN_CI.search(b) else b for b in baris]
    lain = [b for b in baris if b not in kenal + (PERUBAHAN,)]
    assert not [b for b in lain if _KATA_PERINTAH.search(b)], f"perintah ditulis ulang, bukan dari README: {lain}"
    return [b for b in baris if b in kenal + (PERUBAHAN,)]


def test_paket_sistem_satu_daftar():
    """.ci/run prepares the machine through the same script as the CI templates."""
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert f"\n{SISTEM}\n" in run and "apt-get" not in run
    assert "apt-get install" in (ROOT / SISTEM).read_text(encoding="utf-8")


def test_github_actions():
    alur = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    pemicu = alur[True]  # YAML 1.1 reads the key `on` as true
    assert "pull_request" in pemicu and pemicu["push"] == {"branches": ["main"]}

    periksa = alur["jobs"]["periksa"]
    langkah = periksa["steps"]
    assert langkah[0]["uses"].startswith("actions/checkout@")
    assert langkah[0]["with"]["fetch-depth"] == 0  # full history: "last changed" dates
    assert _urutan_perintah([s["run"] for s in langkah if "run" in s]) == [SISTEM, PASANG, PERIKSA, PERUBAHAN, UJI]
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
    assert terbit["permissions"] == {"pages": "write", "id-token": "write"}
    assert [s["uses"].split("@")[0] for s in terbit["steps"]] == ["actions/deploy-pages"]


def test_gitlab_ci():
    ci = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    assert {"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'} in ci["workflow"]["rules"]
    assert ci["variables"]["GIT_DEPTH"] == "0"  # full history: "last changed" dates
    periksa = ci["periksa"]
    assert _urutan_perintah(periksa["script"]) == [SISTEM, PASANG, PERIKSA, PERUBAHAN, UJI]
    assert any('perubahan "$CI_MERGE_REQUEST_DIFF_BASE_SHA" > perubahan.md' in b for b in periksa["script"])
    assert periksa["artifacts"]["paths"] == ["perubahan.md", "site/"]
    assert periksa["artifacts"]["expose_as"] == "Ringkasan perubahan data"
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
