"""The pytest plugin behind every kata: which code the tests see, and the guards that keep tests honest.

Targets. Tests import the learner's module plainly (`from katas.<track>.<kata>.<exercise> import f`).
A meta-path finder decides what that name resolves to:
  * default            the learner's file in katas/ (a fresh checkout fails every test);
  * --solutions        solutions/<track>/<kata>/<exercise>.py for every exercise;
  * --pitfall ID       the solutions, except one exercise replaced by one wrong solution;
  * kata verify        all of the above in ONE session: each test file is imported once per target.

Guards, for every test: no real network (loopback is fine), no blocking sleep or sync HTTP inside the
event loop, no coroutine left un-awaited, no httpx.AsyncClient left open, and a time limit whose
failure names the asyncio tasks that were still waiting and where.
"""

from __future__ import annotations

import ast
import asyncio
import importlib.abc
import importlib.machinery
import importlib.util
import ipaddress
import os
import signal
import socket
import sys
import threading
import time
import traceback
import types
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from katakit import catalog as catalog_mod
from katakit.catalog import Catalog, CatalogError, Exercise, Pitfall

# --------------------------------------------------------------------------------------------------
# Targets and the import redirect


@dataclass(frozen=True)
class Target:
    """What `katas.<track>.<kata>.<exercise>` resolves to while a test module is imported."""

    kind: str  # "stub" | "solution" | "pitfall"
    label: str  # node name in verify mode: "stub", "solution", "solution-again", "pitfall:<id>"
    pitfall: Pitfall | None = None

    def redirects(self, cat: Catalog) -> dict[str, Path]:
        if self.kind == "stub":
            return {ex.module: ex.stub for ex in cat.exercises}
        files = {ex.module: ex.solution for ex in cat.exercises}
        if self.pitfall is not None:
            files[self.pitfall.exercise.module] = self.pitfall.path
        return files


STUB = Target("stub", "stub")
SOLUTION = Target("solution", "solution")


_CODE: dict[tuple[str, int, int], types.CodeType] = {}


def _cached_code(path: Path, compile_it: Any) -> types.CodeType:
    """Compile each version of a file once per process: verify imports the same files once per target."""
    stat = path.stat()
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    code = _CODE.get(key)
    if code is None:
        code = _CODE[key] = compile_it()
    return code


class CachedLoader(importlib.machinery.SourceFileLoader):
    def get_code(self, fullname: str) -> types.CodeType:
        path = Path(self.get_filename(fullname))
        return _cached_code(path, lambda: super(CachedLoader, self).get_code(fullname))


class Redirector(importlib.abc.MetaPathFinder):
    """Resolves exercise module names to the file of the active target."""

    def __init__(self) -> None:
        self.files: dict[str, Path] = {}

    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> Any:
        file = self.files.get(fullname)
        if file is None:
            return None
        return importlib.util.spec_from_file_location(
            fullname, file, loader=CachedLoader(fullname, str(file))
        )


REDIRECTOR = Redirector()


@contextmanager
def activated(target: Target, cat: Catalog) -> Iterator[None]:
    """Import under `target`, leaving sys.modules as it was for exercise modules afterwards."""

    # exercise modules, and the reference modules pitfalls import (`solutions.<track>.<kata>.<exercise>`)
    names = [*cat.by_module, *(f"solutions{m.removeprefix('katas')}" for m in cat.by_module)]
    saved = {name: sys.modules.pop(name) for name in names if name in sys.modules}
    previous = REDIRECTOR.files
    REDIRECTOR.files = target.redirects(cat)
    try:
        yield
    finally:
        for name in names:
            sys.modules.pop(name, None)
        sys.modules.update(saved)
        REDIRECTOR.files = previous


def import_problem(ex: Exercise, root: Path) -> str | None:
    """Import the exercise module as the active target sees it; describe the error, if any, in one block."""
    try:
        importlib.import_module(ex.module)
    except Exception as exc:  # the learner's file may raise anything at import time
        frames = traceback.extract_tb(exc.__traceback__)
        where = ""
        if isinstance(exc, SyntaxError) and exc.filename:
            where = f"{catalog_mod.relative(exc.filename, root)}:{exc.lineno}: "
        else:
            own = [f for f in frames if "importlib" not in f.filename and "katakit" not in f.filename]
            if own:
                where = f"{catalog_mod.relative(own[-1].filename, root)}:{own[-1].lineno}: "
        detail = exc.msg if isinstance(exc, SyntaxError) else str(exc)
        return (
            f"{where}{type(exc).__name__}: {detail}\n"
            f"The module {ex.module} could not be imported, so none of its tests can run yet. "
            "Fix this error first; the other exercises are not affected."
        )
    return None


def test_names(path: Path) -> list[str]:
    """Test function names in file order, read without importing the file."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except SyntaxError:
        return ["test_file_imports"]
    names: list[str] = []
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test"):
            names.append(node.name)
        elif isinstance(node, ast.ClassDef) and node.name.startswith("Test"):
            names += [
                f"{node.name}::{sub.name}"
                for sub in node.body
                if isinstance(sub, (ast.FunctionDef, ast.AsyncFunctionDef)) and sub.name.startswith("test")
            ]
    return names or ["test_file_imports"]


# --------------------------------------------------------------------------------------------------
# Collection


class ExerciseImportError(Exception):
    """The learner's module could not be imported; every test of the exercise reports it."""


class BrokenExerciseItem(pytest.Item):
    """Stands in for one test of an exercise whose module does not import."""

    def __init__(self, *, message: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.message = message
        self.originalname = self.name.split("::")[-1]

    def runtest(self) -> None:
        raise ExerciseImportError(self.message)

    def repr_failure(self, excinfo: Any, style: Any = None) -> str:
        return self.message

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, self.name


def _broken_items(parent: pytest.Collector, message: str) -> list[pytest.Item]:
    return [
        BrokenExerciseItem.from_parent(parent, name=name, message=message)
        for name in test_names(Path(parent.path))
    ]


def imported_exercises(path: Path, cat: Catalog, own: Exercise) -> list[Exercise]:
    """The exercises a test file imports (its own first), read from its import statements."""
    found = [own]
    for name in catalog_mod.kata_imports(path):
        ex = cat.by_module.get(name)
        if ex is not None and ex not in found:
            found.append(ex)
    return found


def first_import_problem(path: Path, cat: Catalog, own: Exercise) -> str | None:
    for ex in imported_exercises(path, cat, own):
        problem = import_problem(ex, cat.root)
        if problem:
            return problem
    return None


class ExerciseModule(pytest.Module):
    """A kata test file, run against the target chosen on the command line."""

    exercise: Exercise

    def collect(self) -> Any:
        state: KataState = self.config.stash[STATE]
        problem = first_import_problem(Path(self.path), state.catalog, self.exercise)
        if problem:
            return _broken_items(self, problem)
        return super().collect()


class TargetModule(pytest.Module):
    """In verify mode: the same test file imported once more, against one target."""

    exercise: Exercise
    target: Target
    only: tuple[str, ...] = ()  # for a pitfall, the tests its docstring names

    def _getobj(self) -> types.ModuleType:
        state: KataState = self.config.stash[STATE]
        name = f"{self.exercise.module.rsplit('.', 1)[0]}.test_{self.exercise.id}[{self.target.label}]"
        path = Path(self.path)
        with activated(self.target, state.catalog):
            module = types.ModuleType(name)
            module.__file__ = str(path)
            sys.modules[name] = module
            try:
                exec(_cached_code(path, lambda: _rewritten(path, self.config)), module.__dict__)
            except Exception as exc:
                raise self.CollectError(
                    f"{self.path} failed to import for {self.target.label}: {exc!r}"
                ) from exc
        return module

    def collect(self) -> Any:
        state: KataState = self.config.stash[STATE]
        with activated(self.target, state.catalog):
            problem = first_import_problem(Path(self.path), state.catalog, self.exercise)
        if problem:
            items: list[Any] = _broken_items(self, problem)
        else:
            items = list(super().collect())
        if self.only:
            items = [it for it in items if _matches(it, self.only)]
        return items


def _matches(node: Any, names: tuple[str, ...]) -> bool:
    original = getattr(node, "originalname", node.name)
    return (
        node.name in names
        or original in names
        or any(isinstance(node, pytest.Class) and n.startswith(f"{node.name}::") for n in names)
    )


def _rewritten(path: Path, config: pytest.Config) -> types.CodeType:
    """The test file compiled with pytest's assertion rewriting (plain compile if its internals moved)."""
    try:
        from _pytest.assertion.rewrite import _rewrite_test

        return _rewrite_test(path, config)[1]
    except (ImportError, TypeError):  # pragma: no cover
        return compile(path.read_bytes(), str(path), "exec", dont_inherit=True)


class VerifyFile(pytest.File):
    """In verify mode: one test file, fanned out to every target it must be checked against."""

    exercise: Exercise

    def collect(self) -> Iterator[pytest.Collector]:
        ex = self.exercise
        targets: list[tuple[Target, tuple[str, ...]]] = [
            (SOLUTION, ()),
            (Target("solution", "solution-again"), ()),
            (STUB, ()),
        ]
        targets += [(Target("pitfall", f"pitfall:{p.id}", p), tuple(p.rejected_by)) for p in ex.pitfalls]
        for target, only in targets:
            module = TargetModule.from_parent(
                self, path=self.path, name=target.label, nodeid=f"{self.nodeid}::{target.label}"
            )
            module.exercise, module.target, module.only = ex, target, only
            yield module


# --------------------------------------------------------------------------------------------------
# Plugin state and hooks


@dataclass
class KataState:
    catalog: Catalog
    target: Target | None  # None in verify mode
    verify: Any = None  # the verify session object, when run by `kata verify`


STATE = pytest.StashKey[KataState]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("kata", "kata targets")
    group.addoption("--solutions", action="store_true", help="run the tests against the reference solutions")
    group.addoption("--pitfall", metavar="ID", help="run the tests against one pitfall (a wrong solution)")
    parser.addini("kata_output_cap", "bytes of captured output kept per test", default="4000")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "allow_unclosed_clients: this test may leave httpx clients open")
    plugins = config.pluginmanager.get_plugins()
    verify = next((p for p in plugins if getattr(p, "is_kata_verify", False) is True), None)
    try:
        cat = catalog_mod.load(Path(str(config.rootpath)))
        target: Target | None = None
        if verify is None:
            target = STUB
            if config.getoption("pitfall"):
                target = Target("pitfall", "pitfall", cat.pitfall(config.getoption("pitfall")))
            elif config.getoption("solutions"):
                target = SOLUTION
    except CatalogError as exc:
        raise pytest.UsageError(str(exc)) from None
    config.stash[STATE] = KataState(catalog=cat, target=target, verify=verify)
    if config.pluginmanager.is_blocked("terminal"):
        # driven by the `kata` CLI, which prints only the crash message and location: skip the costly
        # source-context formatting of every failure (most of verify's failures are expected ones)
        config.option.tbstyle = "line"
    # looptime's pytest_pyfunc_call asks the policy for the loop even in sync tests; on Python 3.11 that
    # creates a main-thread loop nobody closes, and its ResourceWarning (an error here) then lands in a
    # random later test once an async test drops it. Marking the loop as set makes the policy say "none".
    asyncio.get_event_loop_policy().set_event_loop(None)
    if REDIRECTOR not in sys.meta_path:
        sys.meta_path.insert(0, REDIRECTOR)
    REDIRECTOR.files = target.redirects(cat) if target else {}
    _install_guards()


def pytest_unconfigure(config: pytest.Config) -> None:
    REDIRECTOR.files = {}


def pytest_pycollect_makemodule(module_path: Path, parent: pytest.Collector) -> Any:
    state = parent.config.stash.get(STATE, None)
    if state is None:
        return None
    ex = state.catalog.exercise_for_test(Path(module_path))
    if ex is None:
        return None
    if state.target is None:
        node: Any = VerifyFile.from_parent(parent, path=module_path)
    else:
        node = ExerciseModule.from_parent(parent, path=module_path)
    node.exercise = ex
    return node


# --------------------------------------------------------------------------------------------------
# Guards


class RealNetworkBlocked(Exception):
    """A test tried to reach a host that is not this machine."""


class BlockingCallInEventLoop(Exception):
    """A blocking call ran on the event loop's thread while the loop was running."""


class AsyncHygieneError(AssertionError):
    """Async code was left in a state that would leak or misbehave in production."""


_NETWORK_MESSAGE = (
    "Real network access is blocked in the katas (tried to reach {host!r}). Tests must be deterministic "
    "and offline: talk to the fake vendor, httpx.MockTransport, ASGITransport or a server on 127.0.0.1."
)


def _is_local(host: Any) -> bool:
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode(errors="replace")
    host = str(host).strip("[]")
    if host in ("localhost", "") or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


_blocking_seen: list[str] = []
_open_clients: list[Any] | None = None
_guards_installed = False


def _in_running_loop() -> bool:
    return asyncio._get_running_loop() is not None


def _install_guards() -> None:
    global _guards_installed
    if _guards_installed:
        return
    _guards_installed = True

    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex
    real_getaddrinfo = socket.getaddrinfo

    def _check(sock: socket.socket, address: Any) -> None:
        if sock.family in (socket.AF_INET, socket.AF_INET6) and not _is_local(address[0]):
            raise RealNetworkBlocked(_NETWORK_MESSAGE.format(host=address[0]))

    def connect(self: socket.socket, address: Any) -> None:
        _check(self, address)
        return real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        _check(self, address)
        return real_connect_ex(self, address)

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if not _is_local(host):
            raise RealNetworkBlocked(_NETWORK_MESSAGE.format(host=host))
        return real_getaddrinfo(host, *args, **kwargs)

    socket.socket.connect = connect  # type: ignore[method-assign]
    socket.socket.connect_ex = connect_ex  # type: ignore[method-assign]
    socket.getaddrinfo = getaddrinfo

    real_sleep = time.sleep

    def sleep(seconds: float) -> None:
        if _in_running_loop():
            message = (
                f"time.sleep({seconds!r}) ran inside the event loop: it freezes every other task for that "
                "long. In async code use `await asyncio.sleep(...)` (or the injected sleep)."
            )
            _blocking_seen.append(message)
            raise BlockingCallInEventLoop(message)
        real_sleep(seconds)

    time.sleep = sleep

    import httpx

    real_send = httpx.Client.send

    def send(self: httpx.Client, *args: Any, **kwargs: Any) -> Any:
        if _in_running_loop() and type(self) is httpx.Client:
            message = (
                "A synchronous httpx.Client call ran inside the event loop: it blocks every other task until "
                "the response arrives. In async code use httpx.AsyncClient and `await`."
            )
            _blocking_seen.append(message)
            raise BlockingCallInEventLoop(message)
        return real_send(self, *args, **kwargs)

    httpx.Client.send = send  # type: ignore[method-assign]

    real_init = httpx.AsyncClient.__init__

    def init(self: httpx.AsyncClient, *args: Any, **kwargs: Any) -> None:
        real_init(self, *args, **kwargs)
        if _open_clients is not None:
            _open_clients.append(self)

    httpx.AsyncClient.__init__ = init  # type: ignore[method-assign]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: Any) -> Any:
    global _open_clients
    _open_clients = []
    _blocking_seen.clear()
    try:
        return (yield)
    finally:
        _open_clients = None


def never_awaited_message(caught: list[warnings.WarningMessage]) -> str | None:
    """A learner-friendly explanation of the first "coroutine ... was never awaited" warning, if any."""
    for w in caught:
        text = str(w.message)
        if "was never awaited" in text:
            name = text.split("'")[1] if text.count("'") >= 2 else "an async function"
            name = name.rsplit(".", 1)[-1]
            return (
                f"A coroutine was created but never awaited: {name}(). Calling an async function only builds "
                "a coroutine object; nothing runs until you `await` it (or wrap it in a task)."
            )
    return None


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Any:
    with warnings.catch_warnings(record=True) as caught:
        warnings.filterwarnings("always", message=r".*was never awaited", category=RuntimeWarning)
        try:
            result = yield
        finally:
            import gc

            gc.collect(0)
    for w in caught:
        if "was never awaited" not in str(w.message):
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    message = never_awaited_message(caught)
    if message:
        pytest.fail(message, pytrace=False)
    if _blocking_seen:
        pytest.fail(_blocking_seen[0], pytrace=False)
    return result


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: Any) -> Any:
    result = yield
    if _open_clients and not item.get_closest_marker("allow_unclosed_clients"):
        still_open = [c for c in _open_clients if not c.is_closed]
        if still_open:
            pytest.fail(
                f"{len(still_open)} httpx.AsyncClient(s) created during this test were never closed. An open "
                "client keeps its pooled connections; use `async with httpx.AsyncClient(...) as client:` or "
                "`await client.aclose()` when you are done (in a lifespan: on shutdown).",
                pytrace=False,
            )
    return result


# --------------------------------------------------------------------------------------------------
# Time limit: pytest-timeout's limit, with a report of where each asyncio task was waiting


def describe_tasks(loop: asyncio.AbstractEventLoop | None) -> str:
    """One line per pending task of `loop`: its name, where it is suspended, and the innermost line of
    project code (katas/, solutions/) on the way there, which is usually the line to look at."""
    if loop is None:
        return "  no event loop was running (a blocking call or a busy loop in synchronous code?)"
    root = str(catalog_mod.ROOT) + "/"
    lines = []
    for task in asyncio.all_tasks(loop):
        coro: Any = task.get_coro()
        where, ours = "?", ""
        while coro is not None:
            frame = getattr(coro, "cr_frame", None) or getattr(coro, "gi_frame", None)
            if frame is not None:
                where = f"{catalog_mod.relative(frame.f_code.co_filename, catalog_mod.ROOT)}:{frame.f_lineno} in {frame.f_code.co_name}"
                if frame.f_code.co_filename.startswith((root + "katas/", root + "solutions/")):
                    ours = where
            coro = getattr(coro, "cr_await", None) or getattr(coro, "gi_yieldfrom", None)
        via = f" (your code: {ours})" if ours and ours != where else ""
        lines.append(f"  task {task.get_name()!r} waiting at {where}{via}")
    return "\n".join(sorted(lines)) or "  (no tasks pending)"


def _loop_of_this_test() -> asyncio.AbstractEventLoop | None:
    """The running loop; or, when the limit strikes between loop runs (teardown), an open loop."""
    loop = asyncio._get_running_loop()
    if loop is not None:
        return loop
    import gc

    open_loops = [
        o for o in gc.get_objects() if isinstance(o, asyncio.AbstractEventLoop) and not o.is_closed()
    ]
    return ([lp for lp in open_loops if lp.is_running()] or open_loops or [None])[-1]


@pytest.hookimpl(tryfirst=True)
def pytest_timeout_set_timer(item: pytest.Item, settings: Any) -> bool | None:
    if not hasattr(signal, "SIGALRM") or threading.current_thread() is not threading.main_thread():
        return None  # let pytest-timeout use its thread method

    def handler(signum: int, frame: Any) -> None:
        # Re-arm: code that swallows exceptions (a bare `except:` around an await, a task that ignores
        # cancellation) may eat this one; keep interrupting until the test's teardown is over.
        signal.setitimer(signal.ITIMER_REAL, 0.5)
        loop = _loop_of_this_test()
        pytest.fail(
            f"Time limit of {settings.timeout:g}s exceeded: the test did not finish, so something waits "
            f"forever (a lock, a semaphore, an event nobody sets, a task that ignores cancellation, a "
            f"blocking call).\nasyncio tasks still waiting:\n{describe_tasks(loop)}",
            pytrace=False,
        )

    signal.signal(signal.SIGALRM, handler)
    signal.setitimer(signal.ITIMER_REAL, settings.timeout)
    item.stash[_TIMER] = True
    if os.environ.get("KATA_TRACE"):
        print(f"[kata] start {item.nodeid}", file=sys.__stderr__, flush=True)
    return True


@pytest.hookimpl(tryfirst=True)
def pytest_timeout_cancel_timer(item: pytest.Item) -> bool | None:
    if item.stash.get(_TIMER, False):
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
        item.stash[_TIMER] = False
        return True
    return None


_TIMER = pytest.StashKey[bool]()
