"""snipcheck's Python worker: runs the python blocks of one page (or of one isolated block).

It speaks one JSON object a line with snipcheck: a request on stdin, its answer on the protocol
channel (the process's original stdout; blocks that write to file descriptor 1 reach stderr).
Requests, in order: `open` (the page's file, conninfo and mode), then `run` for each block, then
`end`. The worker only reports what happened, at Markdown lines; snipcheck judges it.
"""

import ast
import asyncio
import contextlib
import gc
import io
import json
import linecache
import os
import re
import sys
import time
import traceback
import warnings

import psycopg
import psycopg_pool

CO_COROUTINE = 0x0080
# Coroutine origins name the frames that created a never-awaited coroutine.
ORIGIN_DEPTH = 32
ORIGIN_FRAME = re.compile(r'File "(?P<file>.*)", line (?P<line>\d+)')
PLAIN_WITH = re.compile(r"'(?P<type>Async\w+)' object does not support the context manager protocol")
PLAIN_FOR = re.compile(r"'(?P<type>Async\w+)' object is not iterable")
# methods of psycopg's async objects that return a coroutine (what an `await` is for)
COROUTINE_METHODS = {
    "execute", "executemany", "fetchone", "fetchmany", "fetchall", "commit", "rollback", "close",
    "getconn", "putconn", "open", "wait", "check", "resize", "set_autocommit", "set_isolation_level",
    "set_read_only", "set_deferrable", "scroll",
}
# one connection opened up front, as many more as the blocks take
POOL_SIZE = 10
ASYNC_CONTEXTS = {"connection", "cursor", "transaction", "pipeline", "copy"}


class Page:
    """The state of one page: its namespace, event loop, pool and what the detectors saw."""

    def __init__(self, file, conninfo, mode):
        self.file = file
        self.conninfo = conninfo
        self.mode = mode
        self.namespace = {"__name__": "__main__", "conninfo": conninfo}
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(self.loop)
        self.source = []  # the page's code lines, by Markdown line, for tracebacks
        self.block_lines = (0, 0)  # Markdown lines of the running block
        self.findings = []  # of the running block
        self.taken = {}  # pooled connection -> Markdown line that took it
        self.connected = {}  # connection a block opened itself -> Markdown line
        self.async_names = set()  # names the static checks know hold psycopg's async objects
        self.async_functions = set()  # `async def` functions of the page
        self.pool = None

    def open_pool(self):
        if self.mode == "async":
            self.pool = psycopg_pool.AsyncConnectionPool(self.conninfo, min_size=1, max_size=POOL_SIZE, open=False)
            self.loop.run_until_complete(self.pool.open(wait=True, timeout=30))
            self.async_names.add("pool")
        else:
            self.pool = psycopg_pool.ConnectionPool(self.conninfo, min_size=1, max_size=POOL_SIZE, open=False)
            self.pool.open(wait=True, timeout=30)
        self.track_pool(self.pool)
        self.namespace["pool"] = self.pool

    def track_pool(self, pool):
        """Records which line took each connection, so a leak is charged to it."""
        getconn, putconn = pool.getconn, pool.putconn
        page = self

        if isinstance(pool, psycopg_pool.AsyncConnectionPool):
            async def tracked_getconn(timeout=None):
                line = page.caller_line()
                conn = await getconn(timeout)
                page.taken[conn] = line
                return conn

            async def tracked_putconn(conn):
                page.returned(conn)
                await putconn(conn)
        else:
            def tracked_getconn(timeout=None):
                line = page.caller_line()
                conn = getconn(timeout)
                page.taken[conn] = line
                return conn

            def tracked_putconn(conn):
                page.returned(conn)
                putconn(conn)
        pool.getconn, pool.putconn = tracked_getconn, tracked_putconn

    def returned(self, conn):
        line = self.taken.pop(conn, None)
        if line is not None and in_transaction(conn):
            self.add(finding("open-transaction", line, 1,
                "the connection taken here goes back to the pool inside an open transaction "
                "(the pool rolls it back: its work is lost)",
                "commit or roll back before giving it back, or use `with pool.connection() as conn:`, "
                "which commits at its end"))

    def add(self, found):
        """Records a finding once: the static checks and the run may see the same misuse at the same line."""
        for seen in self.findings:
            if seen["rule"] == found["rule"] and seen["line"] == found["line"]:
                # the run's words (it names the type), the code's column (a warning knows only the line)
                seen["column"] = max(seen["column"], found["column"])
                return
        self.findings.append(found)

    def caller_line(self):
        """The Markdown line of the innermost frame of the page's code that is on the stack (0 when none)."""
        frame = sys._getframe(1)
        while frame is not None:
            if frame.f_code.co_filename == self.file:
                return frame.f_lineno
            frame = frame.f_back
        return 0

    def in_running_block(self, line):
        return self.block_lines[0] <= line <= self.block_lines[1]

    def remember_source(self, first_line, code):
        lines = code.split("\n")
        needed = first_line + len(lines)
        self.source.extend([""] * (needed - len(self.source)))
        for i, text in enumerate(lines):
            self.source[first_line + i] = text + "\n"
        # line n of the page is entry n - 1
        linecache.cache[self.file] = (0, None, self.source[1:], self.file)


PAGE = None


def finding(rule, line, column, message, hint):
    return {"rule": rule, "line": line, "column": column, "message": message, "hint": hint}


def in_transaction(conn):
    status = conn.info.transaction_status
    return status in (psycopg.pq.TransactionStatus.INTRANS, psycopg.pq.TransactionStatus.INERROR)


def running_loop():
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


def block_caller():
    """The frame of the page's code that called the detector's caller, or None for psycopg's own calls."""
    frame = sys._getframe(2)
    if PAGE is None or frame.f_code.co_filename != PAGE.file:
        return None
    return frame


def in_coroutine_function(frame):
    # a block with top-level await is compiled as a coroutine too: its top level is how a page waits
    return frame.f_code.co_flags & CO_COROUTINE and frame.f_code.co_name != "<module>"


def column(frame):
    """The 1-based column of the frame's current call, as Python 3.11 records it."""
    positions = list(frame.f_code.co_positions())
    index = frame.f_lasti // 2
    start = positions[index][2] if index < len(positions) else None
    return (start or 0) + 1


def blocking_call(what, frame):
    if running_loop() is not None and in_coroutine_function(frame):
        PAGE.add(finding("blocking-in-event-loop", frame.f_lineno, column(frame),
            f"`{what}` blocks the event loop: it runs inside a coroutine",
            "await the async form instead (`await asyncio.sleep(...)`, psycopg's `AsyncConnection`)"))


def sync_psycopg(what, frame):
    if running_loop() is not None:
        PAGE.add(finding("sync-api-in-async", frame.f_lineno, column(frame),
            f"`{what}` is psycopg's blocking API, used in async code",
            "use the async API: `await psycopg.AsyncConnection.connect(...)`, `AsyncConnectionPool`"))
        blocking_call(what, frame)


def install_detectors():
    sleep = time.sleep

    def detected_sleep(seconds):
        frame = block_caller()
        if frame is not None:
            blocking_call("time.sleep", frame)
        sleep(seconds)
    time.sleep = detected_sleep

    sync_connect = psycopg.Connection.connect.__func__

    def detected_connect(cls, *args, **kwargs):
        frame = block_caller()
        if frame is not None:
            sync_psycopg("psycopg.connect", frame)
        conn = sync_connect(cls, *args, **kwargs)
        if frame is not None:
            PAGE.connected[conn] = frame.f_lineno
        return conn
    psycopg.Connection.connect = classmethod(detected_connect)

    async_connect = psycopg.AsyncConnection.connect.__func__

    async def detected_async_connect(cls, *args, **kwargs):
        line = PAGE.caller_line() if PAGE else 0
        conn = await async_connect(cls, *args, **kwargs)
        if line:
            PAGE.connected[conn] = line
        return conn
    psycopg.AsyncConnection.connect = classmethod(detected_async_connect)

    for cls, name in ((psycopg.Cursor, "execute"), (psycopg.Connection, "execute")):
        original = getattr(cls, name)

        def detected_execute(self, *args, __original=original, __what=f"{cls.__name__}.{name}", **kwargs):
            frame = block_caller()
            if frame is not None:
                sync_psycopg(__what, frame)
            return __original(self, *args, **kwargs)
        setattr(cls, name, detected_execute)

    pool_init = psycopg_pool.ConnectionPool.__init__

    def detected_pool(self, *args, **kwargs):
        frame = block_caller()
        if frame is not None:
            sync_psycopg("ConnectionPool", frame)
        pool_init(self, *args, **kwargs)
    psycopg_pool.ConnectionPool.__init__ = detected_pool


class StaticChecks(ast.NodeVisitor):
    """What the code shows without running: psycopg's async objects used without `async with` or `await`.

    Only names whose value is known to be async are judged (the page's async `pool`, and what
    `async with` or `await` bound from it); anything else stays silent.
    """

    def __init__(self, page):
        self.page = page
        self.findings = []

    def known_async(self, node):
        if isinstance(node, ast.Name):
            return node.id in self.page.async_names
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            return node.func.attr in ASYNC_CONTEXTS and self.known_async(node.func.value)
        return False

    def visit_AsyncFunctionDef(self, node):
        self.page.async_functions.add(node.name)
        self.visit_FunctionDef(node)

    def visit_FunctionDef(self, node):
        # a parameter may hold anything: inside the function, its name says nothing
        arguments = node.args
        names = {a.arg for a in arguments.posonlyargs + arguments.args + arguments.kwonlyargs}
        names |= {a.arg for a in (arguments.vararg, arguments.kwarg) if a is not None}
        hidden = names & self.page.async_names
        self.page.async_names -= hidden
        self.generic_visit(node)
        self.page.async_names |= hidden

    def visit_With(self, node):
        for item in node.items:
            if self.known_async(item.context_expr):
                self.findings.append(finding("sync-api-in-async", node.lineno, node.col_offset + 1,
                    "a plain `with` on psycopg's async object: it needs `async with`",
                    "use `async with`"))
            if isinstance(item.optional_vars, ast.Name):
                self.page.async_names.discard(item.optional_vars.id)
        self.generic_visit(node)

    def visit_AsyncWith(self, node):
        for item in node.items:
            if isinstance(item.optional_vars, ast.Name):
                if self.known_async(item.context_expr):
                    self.page.async_names.add(item.optional_vars.id)
                else:
                    self.page.async_names.discard(item.optional_vars.id)
        self.generic_visit(node)

    def visit_For(self, node):
        if self.known_async(node.iter):
            self.findings.append(finding("sync-api-in-async", node.lineno, node.col_offset + 1,
                "a plain `for` over psycopg's async cursor: it needs `async for`", "use `async for`"))
        self.generic_visit(node)

    def visit_Assign(self, node):
        value = node.value.value if isinstance(node.value, ast.Await) else node.value
        # `conn = await pool.getconn()` binds an async connection; any other await binds what we cannot tell
        taken = isinstance(node.value, ast.Await) and isinstance(value, ast.Call) \
            and isinstance(value.func, ast.Attribute) and value.func.attr == "getconn" \
            and self.known_async(value.func.value)
        for target in node.targets:
            if isinstance(target, ast.Name):
                if taken or not isinstance(node.value, ast.Await) and self.known_async(value):
                    self.page.async_names.add(target.id)
                else:
                    self.page.async_names.discard(target.id)
        self.generic_visit(node)

    def visit_Expr(self, node):
        call = node.value
        if isinstance(call, ast.Call):
            func = call.func
            unawaited = (isinstance(func, ast.Attribute) and func.attr in COROUTINE_METHODS
                         and self.known_async(func.value)) \
                or (isinstance(func, ast.Name)
                    and func.id in self.page.async_functions)
            if unawaited:
                self.findings.append(unawaited_finding(node.lineno, node.col_offset + 1, ast.unparse(func)))
        self.generic_visit(node)


def unawaited_finding(line, column, name):
    return finding("unawaited-coroutine", line, column,
        f"the coroutine `{name}(...)` returns is never awaited: nothing of it runs",
        "write `await` before the call (in sync code, run it with `asyncio.run(...)`)")


def unawaited_from(message):
    """The finding of a `coroutine ... was never awaited` warning, at the page line that created it."""
    text = str(message)
    name = re.match(r"coroutine '([^']*)' was never awaited", text)
    if name is None or PAGE is None:
        return None
    lines = [int(m.group("line")) for m in ORIGIN_FRAME.finditer(text) if m.group("file") == PAGE.file]
    if not lines:
        return None
    # most recent call last: prefer the running block's own line
    mine = [line for line in lines if PAGE.in_running_block(line)]
    return unawaited_finding((mine or lines)[-1], 1, name.group(1))


def error_of(exc):
    """The exception as the worker reports it: its names (for `fails=`), message, Markdown position, traceback."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == PAGE.file]
    where = frames[-1] if frames else None
    names = []
    for cls in type(exc).__mro__:
        names.append(cls.__name__)
        names.append(f"{cls.__module__}.{cls.__qualname__}")
    lines = ["Traceback (most recent call last):\n"] + traceback.format_list(frames) \
        + traceback.format_exception_only(type(exc), exc)
    column = getattr(where, "colno", None)
    return {
        "type": type(exc).__name__, "names": names, "message": f"{type(exc).__name__}: {exc}",
        "line": where.lineno if where else 0, "column": (column or 0) + 1, "traceback": "".join(lines),
    }


def misuse_of(exc, error):
    """psycopg's async object used with a plain `with` or `for`: the misuse explains the TypeError."""
    if not isinstance(exc, TypeError) or not error["line"]:
        return None
    text = str(exc)
    match = PLAIN_WITH.search(text)
    if match:
        return finding("sync-api-in-async", error["line"], error["column"],
            f"a plain `with` on psycopg's `{match.group('type')}`: it needs `async with`", "use `async with`")
    match = PLAIN_FOR.search(text)
    if match:
        return finding("sync-api-in-async", error["line"], error["column"],
            f"a plain `for` over psycopg's `{match.group('type')}`: it needs `async for`", "use `async for`")
    return None


def run(request):
    first_line, code = request["first_line"], request["code"]
    PAGE.remember_source(first_line, code)
    PAGE.block_lines = (first_line, first_line + code.count("\n"))
    PAGE.findings = []
    stdout, stderr = io.StringIO(), io.StringIO()
    answer = {"status": "passed"}
    started = time.monotonic()
    try:
        tree = compile(code, PAGE.file, "exec", flags=ast.PyCF_ONLY_AST | ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
        ast.increment_lineno(tree, first_line - 1)
        checks = StaticChecks(PAGE)
        checks.visit(tree)
        compiled = compile(tree, PAGE.file, "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
    except SyntaxError as exc:
        return {"status": "compile", "error": {
            "message": f"{type(exc).__name__}: {exc.msg}", "line": (exc.lineno or 1) + first_line - 1,
            "column": exc.offset or 1, "names": [], "type": type(exc).__name__, "traceback": ""},
            "findings": PAGE.findings, "stdout": "", "stderr": "", "millis": 0}
    if not request.get("no_run"):
        namespace = dict(PAGE.namespace) if request.get("adds_nothing") else PAGE.namespace
        with warnings.catch_warnings(record=True) as caught, \
                contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            warnings.simplefilter("always")
            try:
                result = eval(compiled, namespace)
                if compiled.co_flags & CO_COROUTINE:
                    PAGE.loop.run_until_complete(result)
            except BaseException as exc:  # SystemExit and KeyboardInterrupt are the block's failures too
                error = error_of(exc)
                answer = {"status": "exception", "error": error}
                misuse = misuse_of(exc, error)
                if misuse:
                    PAGE.add(misuse)
                del exc
            gc.collect()
        for warning in caught:
            unawaited = unawaited_from(warning.message)
            if unawaited:
                PAGE.add(unawaited)
            else:
                stderr.write(warnings.formatwarning(warning.message, warning.category, warning.filename,
                                                    warning.lineno, warning.line))
    # what the run saw says more (it names the object's type) than the code's finding of the same misuse
    for found in checks.findings:
        PAGE.add(found)
    answer.update({"findings": PAGE.findings, "stdout": stdout.getvalue(), "stderr": stderr.getvalue(),
                   "millis": int((time.monotonic() - started) * 1000)})
    return answer


def end():
    """The page's end: what it left behind (connections never given back, open transactions), then cleanup."""
    PAGE.block_lines = (0, 0)
    PAGE.findings = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        PAGE.namespace.clear()
        gc.collect()
    for warning in caught:
        unawaited = unawaited_from(warning.message)
        if unawaited:
            PAGE.add(unawaited)
    for conn, line in list(PAGE.taken.items()):
        PAGE.add(finding("connection-leak", line, 1,
            "the connection taken from the pool here is never given back",
            "give it back with `pool.putconn(conn)` (await it on an async pool), or take it with "
            "`with pool.connection() as conn:` (`async with` on an async pool)"))
        if in_transaction(conn):
            PAGE.add(finding("open-transaction", line, 1,
                "the connection taken here is still inside an open transaction when the page ends",
                "commit or roll back, or use `with pool.connection() as conn:`, which commits at its end"))
    for conn, line in PAGE.connected.items():
        if not conn.closed and in_transaction(conn):
            PAGE.add(finding("open-transaction", line, 1,
                "the connection opened here is still inside an open transaction when the page ends",
                "commit or roll back, or use `with conn.transaction():`, or `autocommit=True`"))
    findings = PAGE.findings
    close_page()
    return {"findings": findings}


def close_page():
    for conn in list(PAGE.taken) + list(PAGE.connected):
        with contextlib.suppress(Exception):
            result = conn.close()
            if asyncio.iscoroutine(result):
                PAGE.loop.run_until_complete(result)
    if PAGE.pool is not None:
        with contextlib.suppress(Exception):
            result = PAGE.pool.close(timeout=5)
            if asyncio.iscoroutine(result):
                PAGE.loop.run_until_complete(result)


def main():
    global PAGE
    protocol = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)  # what a block writes to the file descriptor itself cannot break the protocol
    sys.stdout = io.TextIOWrapper(os.fdopen(1, "wb"), encoding="utf-8", line_buffering=True)
    sys.set_coroutine_origin_tracking_depth(ORIGIN_DEPTH)
    install_detectors()
    for line in sys.stdin:
        request = json.loads(line)
        op = request["op"]
        if op == "open":
            PAGE = Page(request["file"], request["conninfo"], request["mode"])
            try:
                PAGE.open_pool()
                answer = {"ok": True}
            except Exception as exc:
                answer = {"ok": False, "message": f"{type(exc).__name__}: {exc}"}
        elif op == "run":
            answer = run(request)
        else:
            answer = end()
        protocol.write(json.dumps(answer) + "\n")
        protocol.flush()
        if op == "end":
            return


if __name__ == "__main__":
    main()
