"""The one error type for a user's mistake in an input file (it always names the file and
line), and the exit statuses of the ``kb`` commands."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0
    FINDINGS = 1
    INPUT_ERROR = 2


class InputError(Exception):
    """A mistake in a file the user wrote (registry, front matter, config).

    ``str()`` gives ``path:line: message``, the form editors and CI logs link to.
    """

    def __init__(self, path: str, line: int | None, message: str):
        self.path = str(path)
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"

    def __reduce__(self):
        # Raised in a worker process (kb lint --jobs, the build's background pass), it must
        # reach the parent whole: the default pickling would call __init__ with one argument.
        return (InputError, (self.path, self.line, self.message))
