"""``relbook --self-test`` says ok per step, and fails (exit 1) when one step breaks."""

import io

from relbook import self_test
from relbook.__main__ import main


def test_every_step_passes_on_a_working_installation(qapp, capsys):
    assert main(["--self-test"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line[:4] for line in lines[:5]] == ["ok  "] * 5
    assert "lunar birthday" in lines[1] and "the birthday on" in lines[2]
    assert lines[-1].endswith("self-test: all steps passed")


def test_a_broken_step_is_named_and_the_others_still_run(qapp, monkeypatch):
    import relbook.exchange.vcard as vcard

    def broken(*_args, **_kwargs):
        raise OSError("disk unplugged")

    monkeypatch.setattr(vcard, "export_vcards", broken)
    out = io.StringIO()
    assert self_test.run_self_test(out) == 1
    text = out.getvalue()
    assert "FAIL export the contact and read it back: OSError: disk unplugged" in text
    assert "ok   render the main window offscreen" in text
    assert text.rstrip().endswith("1 step(s) failed")


def test_it_speaks_the_system_language():
    import os
    import subprocess
    import sys

    env = {**os.environ, "LANG": "zh_CN.UTF-8", "LC_ALL": "", "QT_QPA_PLATFORM": "offscreen"}
    env.pop("LANGUAGE", None)
    run = subprocess.run(
        [sys.executable, "-m", "relbook", "--self-test"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    lines = run.stdout.splitlines()
    assert lines[1].startswith("ok   添加一位农历生日的联系人: 农历生日")
    assert lines[-1].endswith("自检：全部通过")
