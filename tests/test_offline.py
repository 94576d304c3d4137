"""Linting never touches the network: every socket is refused in a fresh process, caches are empty."""

import json
import subprocess
import sys
import textwrap

PAGES = {
    "en.md": "Pursuant to your request, we refund you. The thermoblock is new.\n",
    "ru.md": "---\nlang: ru\n---\nДанный документ подтверждает оплату.\n",
    "hr.md": "---\nlang: hr\n---\nSukladno Vašem zahtjevu vraćamo novac.\n",
    "sl.md": "---\nlang: sl\n---\nObveščamo vas, da smo vrnili denar.\n",
    "he.md": "---\nlang: he\n---\nהננו להודיעך כי הכסף הוחזר.\n",
    "fa.md": "---\nlang: fa\n---\nبه اطلاع می‌رساند که وجه بازگردانده شد.\n",
}

GUARD = textwrap.dedent("""
    import socket, sys

    def refuse(*args, **kwargs):
        sys.stderr.write("network access attempted while linting\\n")  # seen even if the error is caught
        raise OSError("network access attempted while linting")

    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    socket.create_connection = refuse
    socket.getaddrinfo = refuse
    from kb_tools.cli import main
    code = main(["lint", *sys.argv[1:], "--format", "json", "--jobs", "1"])
    assert "nltk" not in sys.modules and "textstat" not in sys.modules, "a downloading library was imported"
    sys.exit(code)
""")


def test_lint_runs_offline_in_every_language(tmp_path):
    for name, text in PAGES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    result = subprocess.run([sys.executable, "-c", GUARD, *sorted(PAGES)], capture_output=True, text=True,
                            cwd=tmp_path, env=env)
    assert "network access attempted" not in result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 1  # findings, not a crash
    codes = {(d["path"], d["code"]) for d in json.loads(result.stdout)["diagnostics"]}
    for name in PAGES:
        assert (name, "KB101") in codes, name
    assert ("en.md", "KB203") in codes  # wordfreq's data was loaded (from the package, not the network)
    assert list((tmp_path / "cache" / "kb_tools").glob("words-en-large-*.txt"))
