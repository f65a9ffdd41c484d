"""A Ctrl-C that an import turns into another error (numpy wraps the interrupted import of its C
parts in an ImportError) still ends the command as interrupted: one line, exit 130. Without a Ctrl-C
the same error is raised as itself."""
import os
import signal
import time

import pytest

from pipeline import cli


def _import_broken_by_ctrl_c(argv):
    try:
        os.kill(os.getpid(), signal.SIGINT)       # the handler raises KeyboardInterrupt here, at the latest
        time.sleep(5)                              # in the sleep
    except KeyboardInterrupt:
        raise ImportError("PyCapsule_Import could not import module \"datetime\"")
    return 0


def test_an_import_broken_by_ctrl_c_is_an_interrupt(monkeypatch, capsys):
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        pytest.skip("SIGINT is ignored in this process (a shell's background job): no Ctrl-C can arrive")
    monkeypatch.setattr(cli, "_main", _import_broken_by_ctrl_c)
    assert cli.main(["run", "corpus"]) == cli.EXIT_INTERRUPTED
    out, err = capsys.readouterr()
    assert out == "" and err == "interrupted\n"
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler   # the handler is given back


def test_an_import_error_without_ctrl_c_is_raised(monkeypatch):
    def broken(argv):
        raise ImportError("no module named x")
    monkeypatch.setattr(cli, "_main", broken)
    with pytest.raises(ImportError):
        cli.main(["run", "corpus"])
