"""The `kxplan` command: what must hold before anything heavy is imported and after the command
has run. Ctrl-C at any moment is one line and exit 130, never a traceback (during start-up, here;
while a command runs, in `handler.handled`, after its `finally` blocks have cleaned up). A closed
standard output (`kxplan review | head -1`) ends the output, not the command: the exit code is
the one a complete output would have had."""

from __future__ import annotations

import gc
import io
import os
import signal
import sys
from typing import Any, TextIO

INTERRUPTED = 130  # ExitCode.INTERRUPTED, which this module cannot import yet: it is heavy


def main() -> None:
    # A run is short, and what it builds (a national tree's values and results) has no cycles
    # to collect: the collector's passes over those objects would cost a third of a check.
    gc.disable()
    signal.signal(signal.SIGINT, _interrupted_at_start)
    from kxplan.cli.app import app  # typer, rich, pydantic: most of the start-up

    signal.signal(signal.SIGINT, signal.default_int_handler)  # now `handled` says it
    for stream in (sys.stdout, sys.stderr):  # a GBK or ASCII terminal has no ✔: shown as ?
        encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("_", "-")
        if not encoding.startswith("utf") and isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace")
    sys.stdout = Pipe(sys.stdout)
    try:
        app()
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # on the way out: nothing left to stop
        sys.stdout.flush()  # here, not at exit, where a closed pipe is a warning and exit 120


def _interrupted_at_start(signum: int, frame: Any) -> None:
    """Ctrl-C before the commands are loaded: nothing is open yet, so leave at once."""
    try:
        from kxplan.text import lang_of, tr

        line = tr("interrupted", lang_of(sys.argv[1:]))
    except Exception:  # Ctrl-C came while the words themselves were being imported
        line = "^C"
    os.write(2, f"kxplan: {line}\n".encode())
    os._exit(INTERRUPTED)


class Pipe:
    """Standard output that a reader may close (`| head -1`): from then on what is written goes
    to /dev/null, and the command goes on to its end and its own exit code."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            self._closed()
            return len(text)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            self._closed()

    def _closed(self) -> None:
        # The file descriptor, not only the stream: Python's own flush at exit writes there too.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, self._stream.fileno())
        os.close(devnull)

    def __getattr__(self, name: str) -> Any:  # isatty, fileno, encoding, buffer…
        return getattr(self._stream, name)
