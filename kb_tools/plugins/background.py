"""Work a build can hand to a second CPU core: linting and indexing read the Markdown sources,
so they need not wait for MkDocs to render pages, and need not slow it down.

A forked child process runs the job while the build renders pages; :meth:`Job.result`
waits for it. The child inherits the job (its function, arguments and everything they
hold, such as compiled rule packs) from the fork instead of receiving a pickled copy;
only the result travels back. Without ``fork`` (Windows) the job runs at once, here.
"""

from __future__ import annotations

import itertools
import multiprocessing

_JOBS: dict[int, tuple] = {}
_NUMBERS = itertools.count()


def _run(number: int):
    fn, args = _JOBS[number]
    return fn(*args)


class Job:
    def __init__(self, fn, *args):
        self._pool = None
        if "fork" not in multiprocessing.get_all_start_methods():
            self._value = fn(*args)
            return
        self._number = next(_NUMBERS)
        _JOBS[self._number] = (fn, args)
        self._pool = multiprocessing.get_context("fork").Pool(1)  # forks now: the child sees _JOBS as it is
        self._pending = self._pool.apply_async(_run, (self._number,))

    def result(self):
        if self._pool is None:
            return self._value
        try:
            return self._pending.get()
        finally:
            self._close(self._pool.close)

    def cancel(self) -> None:
        if self._pool is not None:
            self._close(self._pool.terminate)

    def _close(self, stop) -> None:
        stop()
        self._pool.join()
        self._pool = None
        _JOBS.pop(self._number, None)
