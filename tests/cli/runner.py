"""Run ``relbook`` in-process and capture what it prints."""

from relbook.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    """(exit code, standard output, standard error) of ``relbook argv...``."""
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err
