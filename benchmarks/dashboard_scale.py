"""How fast the dashboard's data layer answers on a large build, and what the pages cost now.

    python benchmarks/dashboard_scale.py --tables /tmp/newslens-scale-100k

Two measurements, each in its own child process so its memory is its own:

* `query`: newslens.query.Store (DuckDB over the Parquet files) doing what a page does on
  first load (headline counts for every table, rows per outlet, topics, dates per month, the
  first page of quotes) and on a filter change (one outlet and one topic: the same queries
  again, filtered); first-page time includes opening the store.
* `app`: the Streamlit dashboard (dashboard.py's `run_app`) through AppTest on the same tables,
  registered as a prebuilt corpus in a temporary data folder. Every page (or `--page`) in its
  own fresh process: the first render (cold caches, as a user opening that page first sees
  it), the same page again, and two filter changes (one outlet, then another), each with wall
  and CPU seconds and where they went (each newslens_app.scaled query function, Plotly figure
  building, Streamlit's chart and table calls); the rest is Streamlit and the sidebar.

Targets from the issue (100,000 articles): first page under 3 s, a filter change under 300 ms,
memory under 2 GB. Peak memory is the child's maximum RSS. Prints figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
TABLES = ("articles", "sentences", "quotes", "figures", "dates", "weapons", "entities")


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_query(tables: Path) -> dict:
    from newslens.query import Filters, Store

    def first_page(store: Store, f: Filters) -> dict:
        return {"counts": store.counts(f),
                "by_outlet": store.count_by("quotes", "outlet", f),
                "topics": store.count_by("sentences", "topics", f, limit=20),
                "months": store.count_by("dates", "month", f),
                "speakers": store.count_by("quotes", "speaker", f, limit=20),
                "page": store.page("quotes", f, columns=["quote_id", "outlet", "published", "speaker", "text"],
                                   order_by=["published"], descending=True, limit=100)}

    t = time.perf_counter()
    store = Store(tables)
    base = first_page(store, Filters())
    first = time.perf_counter() - t
    outlets = store.distinct("articles", "outlet")
    topics = list(base["topics"]["topics"][:1])
    t = time.perf_counter()
    warm = first_page(store, Filters())
    warm_s = time.perf_counter() - t
    flt = Filters.make(outlets=outlets[:1], topics=topics)
    t = time.perf_counter()
    filtered = first_page(store, flt)
    change = time.perf_counter() - t
    t = time.perf_counter()
    store.count("sentences", Filters.make(search="artillery"))
    search = time.perf_counter() - t
    return {"first_page_s": first, "same_page_again_s": warm_s, "filter_change_s": change,
            "text_search_s": search, "peak_mb": _peak_mb(),
            "rows": {k: store.num_rows(k) for k in TABLES},
            "filtered_counts": filtered["counts"], "filter": {"outlets": outlets[:1], "topics": topics}}


PAGES = ("overview", "quotes", "figures", "weapons", "reader")


class _Clock:
    """Wall and CPU seconds spent inside the wrapped functions (the data layer, the chart
    builders, Streamlit's element calls), so a page's time splits into where it goes."""

    def __init__(self) -> None:
        self.spent: dict[str, list[float]] = {}

    def wrap(self, owner, name: str, label: str) -> None:
        fn = getattr(owner, name)

        def timed(*args, **kwargs):
            w, c = time.perf_counter(), time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                acc = self.spent.setdefault(label, [0.0, 0.0])
                acc[0] += time.perf_counter() - w
                acc[1] += time.process_time() - c
        setattr(owner, name, timed)

    def take(self) -> dict[str, list[float]]:
        out, self.spent = self.spent, {}
        return out


def run_app(tables: Path, timeout: float, page: str) -> dict:
    """One page in a fresh process: first render (cold caches: the store and its index are
    built here), the same page again, then two filter changes (one outlet, then another)."""
    from streamlit.testing.v1 import AppTest
    data = Path(tempfile.mkdtemp(prefix="newslens-dash-"))
    os.environ["NEWSLENS_DATA_DIR"] = str(data)
    os.environ.pop("NEWSLENS_CORPUS", None)
    import streamlit as st

    from newslens_app import charts, corpora, scaled
    clock = _Clock()
    # pages call scaled.x / charts.x / st.x at run time, so wrapping the module attributes times them
    for name in [n for n in dir(scaled) if not n.startswith("_") and callable(getattr(scaled, n))
                 and getattr(getattr(scaled, n), "__module__", "") == scaled.__name__]:
        clock.wrap(scaled, name, f"scaled.{name}")
    for name in [n for n in dir(charts) if not n.startswith("_") and callable(getattr(charts, n))
                 and getattr(getattr(charts, n), "__module__", "") == charts.__name__]:
        clock.wrap(charts, name, "figures (plotly)")
    for name in ("plotly_chart", "dataframe"):
        clock.wrap(st, name, f"st.{name}")
    corpus = corpora.register_corpus("scale", [], label="Scale benchmark")
    for name in TABLES:
        (corpus.table_dir / f"{name}.parquet").symlink_to(tables.resolve() / f"{name}.parquet")
    at = AppTest.from_string(f"from newslens_app.ui import run_app\nrun_app(default={page!r})",
                             default_timeout=timeout)
    at.session_state["corpus"] = "scale"
    runs: list[dict] = []

    def timed_run(what: str) -> None:
        w, c = time.perf_counter(), time.process_time()
        at.run()
        runs.append({"run": what, "wall_s": time.perf_counter() - w, "cpu_s": time.process_time() - c,
                     "parts": clock.take(), "errors": [str(e.value)[:200] for e in at.exception]})

    timed_run("first render")
    timed_run("same page again")
    outlets = next((w.options for w in at.multiselect if w.key == "f_outlets"), [])
    for outlet in outlets[:2]:
        at.multiselect(key="f_outlets").set_value([outlet])
        timed_run(f"filter change (outlet {outlet})")
    return {"page": page, "runs": runs, "peak_mb": _peak_mb()}


def _child(part: str, args, page: str = "overview") -> dict:
    cmd = [sys.executable, __file__, "--tables", str(args.tables), "--part", part, "--timeout", str(args.timeout),
           "--page", page]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        return {"error": (done.stderr or done.stdout).strip().splitlines()[-3:]}
    return json.loads(lines[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tables", type=Path, default=Path("/tmp/newslens-scale-100k"))
    ap.add_argument("--part", choices=("query", "app", "both"), default="both")
    ap.add_argument("--timeout", type=float, default=600.0, help="AppTest timeout per run (s)")
    ap.add_argument("--page", action="append", choices=PAGES,
                    help="page(s) to time in the app part (default: every page)")
    args = ap.parse_args(argv)
    if not (args.tables / "articles.parquet").is_file():
        print(f"no tables in {args.tables}: run benchmarks/scale_build.py first")
        return 1
    if args.part == "query":
        print(json.dumps(run_query(args.tables), default=str))
        return 0
    if args.part == "app" and os.environ.get("_NEWSLENS_CHILD"):
        print(json.dumps(run_app(args.tables, args.timeout, (args.page or ["overview"])[0]), default=str))
        return 0
    os.environ["_NEWSLENS_CHILD"] = "1"
    q = _child("query", args) if args.part in ("query", "both") else None
    if q is None:
        pass
    elif "error" in q:
        print("query layer failed:", *q["error"], sep="\n  ")
    else:
        rows = ", ".join(f"{k} {v:,}" for k, v in q["rows"].items())
        print(f"tables in {args.tables}: {rows}")
        print(f"query layer (newslens.query, DuckDB over Parquet), filter {q['filter']}:")
        print(f"  first page (open + 11 queries)  {q['first_page_s'] * 1000:8.0f} ms   (target < 3000 ms)")
        print(f"  same page again                 {q['same_page_again_s'] * 1000:8.0f} ms")
        print(f"  filter change (same queries)    {q['filter_change_s'] * 1000:8.0f} ms   (target < 300 ms)")
        print(f"  substring search over sentences {q['text_search_s'] * 1000:8.0f} ms")
        print(f"  peak memory                     {q['peak_mb']:8.0f} MB   (target < 2048 MB)")
    if args.part in ("app", "both"):
        if not (ROOT / "dashboard.py").is_file():
            print("dashboard: dashboard.py not there yet; nothing to measure")
            return 0
        print("dashboard (AppTest, each page in a fresh process; wall under the load average below, "
              "CPU-s = process time):")
        for page in args.page or PAGES:
            a = _child("app", args, page)
            if "error" in a:
                print(f"  {page}: failed:", *a["error"], sep="\n    ")
                continue
            print(f"  {page}  (peak memory {a['peak_mb']:,.0f} MB, target < 2048 MB)")
            for r in a["runs"]:
                target = {"first render": "  (target < 3000 ms)", "same page again": ""}.get(r["run"], "  (target < 300 ms)")
                print(f"    {r['run']:<34} {r['wall_s'] * 1000:7.0f} ms wall {r['cpu_s']:6.2f} CPU-s{target}")
                parts = ", ".join(f"{k} {v[0] * 1000:.0f} ms / {v[1]:.2f} CPU-s" for k, v in sorted(r["parts"].items()))
                if parts:
                    print(f"      inside: {parts}")
                for e in r["errors"]:
                    print(f"      exception: {e}")
        print(f"  load average (1, 5, 15 min) at the end: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
