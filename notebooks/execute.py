#!/usr/bin/python3
"""Executes the analysts' notebooks headless and checks what they show (called by notebooks/run).

    execute.py --kernel NAME --out DIR --expect FILE [--startup-timeout S] [--cell-timeout S] NOTEBOOK...
    execute.py --check NOTEBOOK...      refuse notebooks committed with outputs
    execute.py --strip NOTEBOOK...      remove outputs and execution counts in place

Each notebook runs in a fresh kernel whose working directory is the notebook's folder. A kernel that does not
answer within the start-up timeout is shut down and the notebook is run once more in a new kernel. The executed
copy is written to --out (also when it fails). A notebook fails when a cell raises an error, or when its outputs
lack a figure or a chart that the expectations file requires; each failure is one line on stderr naming the
notebook and the cell. Exit code: 0 all passed, 1 some notebook failed, 2 bad usage.
"""
import argparse
import json
import os
import tempfile
import re
import sys
import time
from pathlib import Path

import nbformat

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def fail_line(notebook, message):
    print(f"notebooks: {notebook}: {message}", file=sys.stderr, flush=True)


def committed_outputs(nb):
    """The (cell number, what) of every code cell that carries outputs or an execution count."""
    found = []
    for index, cell in enumerate(nb.cells, start=1):
        if cell.cell_type != "code":
            continue
        if cell.get("outputs"):
            found.append((index, f"{len(cell.outputs)} output(s)"))
        elif cell.get("execution_count") is not None:
            found.append((index, "an execution count"))
    return found


def strip(nb):
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    return nb


def texts(nb):
    """Every text a reader sees in the outputs, one string per output, ANSI colours removed."""
    for index, cell in enumerate(nb.cells, start=1):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream":
                yield index, ANSI.sub("", output.get("text", ""))
            for mime, value in output.get("data", {}).items():
                if mime.startswith("text/"):
                    yield index, ANSI.sub("", value if isinstance(value, str) else "".join(value))


def images(nb):
    return [index for index, cell in enumerate(nb.cells, start=1)
            for output in cell.get("outputs", []) if "image/png" in output.get("data", {})]


def figure_pattern(figure):
    # a figure as a whole number: "423" is not found in "1.423" nor in "4231"
    return re.compile(r"(?<![\w.,])" + re.escape(figure) + r"(?!\w|[.,]\d)")


def error_cell(nb):
    for index, cell in enumerate(nb.cells, start=1):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                lines = [ANSI.sub("", line).strip() for line in output.get("traceback", [])]
                detail = next((line for line in lines if line and not line.startswith("---")), "")
                evalue = ANSI.sub("", output.get("evalue", "")).strip()
                summary = " ".join(part for part in (output.get("ename", "error") + ":", evalue or detail) if part)
                return index, summary[:300]
    return None


def client_class():
    from jupyter_core.utils import run_sync
    from nbclient import NotebookClient

    class Client(NotebookClient):
        """Knows whether its kernel answered, so that only a kernel that never started is retried."""
        started = False

        async def async_start_new_kernel_client(self):
            kc = await super().async_start_new_kernel_client()
            self.started = True
            return kc

        async def _async_cleanup_kernel(self):
            # nbclient also registers this at exit, when a failed start has already cleaned up
            if self.km is not None:
                await super()._async_cleanup_kernel()

        # nbclient binds its at-exit cleanup to its own coroutine at class level: bind it to the one above
        _cleanup_kernel = run_sync(_async_cleanup_kernel)

    return Client


def execute(path, kernel, startup_timeout, cell_timeout, attempts, log):
    """Runs a notebook in a fresh kernel; another fresh kernel when one does not start, up to `attempts`.
    Returns (nb, error)."""
    from nbclient.exceptions import CellExecutionError, CellTimeoutError

    client_type = client_class()
    for attempt in range(1, attempts + 1):
        # each kernel its own resolver cache: a kernel still shutting down holds its cache, and a new kernel that
        # waits for it answers nothing until then
        os.environ["RJK_MIMA_CACHE"] = tempfile.mkdtemp(prefix="mima-", dir=str(Path(log.name).parent))
        nb = nbformat.read(path, as_version=4)
        # a kernel is stopped at once when its notebook is done: one still shutting down slows the next one's start
        client = client_type(nb, kernel_name=kernel, timeout=cell_timeout, startup_timeout=startup_timeout,
                                shutdown_kernel="immediate",
                                allow_errors=False, record_timing=False,
                                resources={"metadata": {"path": str(path.parent)}})
        try:
            # the kernel's own log (one line per message it handles) goes to a file, not the terminal
            client.execute(stdout=log, stderr=log)
            return nb, None
        except CellTimeoutError as e:
            return nb, f"a cell ran longer than {cell_timeout} s: {str(e).splitlines()[0] if str(e) else ''}"
        except CellExecutionError:
            return nb, "cell error"
        except RuntimeError as e:
            # jupyter_client: "Kernel didn't respond in N seconds" / "Kernel died before replying to kernel_info"
            if client.started:
                return nb, f"the kernel stopped: {e}"
            if attempt < attempts:
                print(f"notebooks: {path.name}: the kernel did not start ({e}); trying again in a new kernel",
                      file=sys.stderr, flush=True)
                continue
            return nb, f"the kernel did not start in {attempts} attempts: {e}"
    return nb, "the kernel did not start"


def run(args):
    expectations = json.loads(Path(args.expect).read_text(encoding="utf-8"))["notebooks"]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    failed = 0
    for name in args.notebooks:
        path = Path(name).resolve()
        nb = nbformat.read(path, as_version=4)
        dirty = committed_outputs(nb)
        if dirty:
            failed += 1
            cell, what = dirty[0]
            fail_line(path.name, f"cell {cell} was committed with {what}: notebooks are committed without outputs "
                                 f"(notebooks/run --strip)")
            continue
        expected = expectations.get(path.name)
        if expected is None:
            failed += 1
            fail_line(path.name, f"no expectations in {args.expect}: add the figures and charts it must show")
            continue
        started = time.monotonic()
        with open(out / (path.stem + ".kernel.log"), "w") as log:
            nb, error = execute(path, args.kernel, args.startup_timeout, args.cell_timeout, args.attempts, log)
        nbformat.write(nb, out / path.name)
        problems = []
        cell = error_cell(nb)
        if cell:
            problems.append(f"cell {cell[0]} failed: {cell[1]}")
        elif error:
            problems.append(error)
        else:
            seen = list(texts(nb))
            for figure in expected.get("figures", []):
                pattern = figure_pattern(figure["text"])
                if not any(pattern.search(text) for _, text in seen):
                    problems.append(f"expected figure {figure['text']} ({figure['what']}) is missing from the outputs")
            charts = images(nb)
            if len(charts) < expected.get("charts", 0):
                problems.append(f"expected {expected['charts']} chart(s) (image/png outputs), found {len(charts)}")
        if problems:
            failed += 1
            for problem in problems:
                fail_line(path.name, problem)
        else:
            print(f"notebooks: {path.name}: ok in {time.monotonic() - started:.0f} s "
                  f"({len(expected.get('figures', []))} figures, {len(images(nb))} charts) -> {out / path.name}", flush=True)
    total = len(args.notebooks)
    print(f"notebooks: {total - failed} passed, {failed} failed", flush=True)
    return 1 if failed else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="only refuse notebooks committed with outputs")
    parser.add_argument("--strip", action="store_true", help="remove outputs and execution counts in place")
    parser.add_argument("--kernel")
    parser.add_argument("--out")
    parser.add_argument("--expect")
    parser.add_argument("--startup-timeout", type=int, default=45)
    parser.add_argument("--attempts", type=int, default=4, help="fresh kernels to try when one does not start")
    parser.add_argument("--cell-timeout", type=int, default=300)
    parser.add_argument("notebooks", nargs="+")
    args = parser.parse_args()
    if args.strip:
        for name in args.notebooks:
            nb = nbformat.read(name, as_version=4)
            nbformat.write(strip(nb), name)
            print(f"notebooks: {name}: outputs removed")
        return 0
    if args.check:
        dirty = 0
        for name in args.notebooks:
            found = committed_outputs(nbformat.read(name, as_version=4))
            if found:
                dirty += 1
                fail_line(Path(name).name, f"cell {found[0][0]} was committed with {found[0][1]}: notebooks are committed "
                                           f"without outputs (notebooks/run --strip)")
        return 1 if dirty else 0
    if not (args.kernel and args.out and args.expect):
        parser.print_usage(sys.stderr)
        return 2
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
