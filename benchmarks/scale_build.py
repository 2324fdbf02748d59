"""Build a large synthetic corpus from the command line and measure the whole process tree.

    python benchmarks/scale_build.py --articles 100000 --corpus /tmp/corpus100k --jobs 2

Generates the corpus with make_corpus.py when the folder does not exist, then runs
`python -m newslens build CORPUS --out OUT --jobs J --no-reuse -q` as a child process and
samples it and all its descendants (pool workers) twice a second with psutil. Prints wall time,
CPU time (user + system of the whole tree, from the kernel's accounting of waited children),
words per second, and peak memory of the tree both as the sum of RSS (an upper bound: pages a
forked worker shares with its parent are counted in both) and as the sum of PSS (shared pages
split between the processes sharing them: the memory the tree really occupies).

Targets from the issue (this 2-core machine, 100,000 articles, about 60 million words): under
10 minutes and under 4 GB. Prints figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _tree(proc):
    try:
        return [proc, *proc.children(recursive=True)]
    except Exception:  # noqa: BLE001 - the process may have just exited
        return [proc]


def measure(cmd: list[str], *, interval: float = 0.5, cwd: Path = ROOT) -> dict:
    """Run `cmd`, sampling the process tree's memory; returns the figures."""
    import psutil
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    child = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    proc = psutil.Process(child.pid)
    peak_rss = peak_pss = 0
    peak_procs = 0
    cpu_seen: dict[int, float] = {}
    while child.poll() is None:
        rss = pss = 0
        procs = _tree(proc)
        for p in procs:
            try:
                mem = p.memory_full_info()
                rss += mem.rss
                pss += getattr(mem, "pss", mem.rss)
                t = p.cpu_times()
                cpu_seen[p.pid] = t.user + t.system
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                continue
        peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
        peak_procs = max(peak_procs, len(procs))
        time.sleep(interval)
    output = child.stdout.read() if child.stdout else ""
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"returncode": child.returncode, "output": output, "wall": wall,
            # Kernel accounting covers every waited descendant; the sampled sum is a floor for
            # descendants that were never waited for (it misses their last half second).
            "cpu": max(cpu, sum(cpu_seen.values())),
            "peak_rss": peak_rss, "peak_pss": peak_pss, "peak_procs": peak_procs}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=100_000, help="corpus size to generate if missing")
    ap.add_argument("--corpus", type=Path, default=None, help="default /tmp/corpus<N>")
    ap.add_argument("--out", type=Path, default=None, help="default /tmp/newslens-scale-<N>")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--engine", default="process", choices=("process", "serial", "dask"))
    ap.add_argument("--seed", type=int, default=20241127)
    ap.add_argument("--package-root", type=Path, default=ROOT,
                    help="folder holding the newslens package to run (default: this checkout)")
    args = ap.parse_args(argv)
    label = f"{args.articles // 1000}k" if args.articles % 1000 == 0 else str(args.articles)
    corpus = args.corpus or Path(f"/tmp/corpus{label}")
    out = args.out or Path(f"/tmp/newslens-scale-{label}")

    if not corpus.exists():
        print(f"generating {args.articles:,} articles into {corpus} ...", flush=True)
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"),
                        "--articles", str(args.articles), "--out", str(corpus),
                        "--seed", str(args.seed)], check=True)

    cmd = [sys.executable, "-m", "newslens", "build", str(corpus), "--out", str(out),
           "--jobs", str(args.jobs), "--engine", args.engine, "--no-reuse", "-q"]
    print("running: " + " ".join(cmd), flush=True)
    load_before = os.getloadavg()[0]
    got = measure(cmd, cwd=args.package_root)
    print(got["output"].rstrip())
    if got["returncode"] != 0:
        print(f"build failed with exit code {got['returncode']}")
        return 1

    import pyarrow.parquet as pq
    words = sum(pq.read_table(out / "articles.parquet", columns=["n_words"]).column("n_words").to_pylist())
    articles = pq.ParquetFile(out / "articles.parquet").metadata.num_rows
    size = sum(p.stat().st_size for p in out.glob("*.parquet"))
    wall, cpu = got["wall"], got["cpu"]
    gb = 1024 ** 3
    print(f"\nscale build: {articles:,} articles, {words:,} words, --jobs {args.jobs} --engine {args.engine} "
          f"on {os.cpu_count()} cores (load average before: {load_before:.1f})")
    print(f"  wall        {wall:8.1f} s      ({words / wall:,.0f} words/s)")
    print(f"  CPU         {cpu:8.1f} s      ({words / cpu:,.0f} words/CPU-s, whole process tree)")
    print(f"  peak memory {got['peak_pss'] / gb:8.2f} GB PSS ({got['peak_rss'] / gb:.2f} GB summed RSS, "
          f"{got['peak_procs']} processes)")
    print(f"  output      {size / 1024 ** 2:8.1f} MB of Parquet in {out}")
    if words:
        scale = 60_000_000 / words
        print(f"  at 60M words (100k articles) this rate means ~{wall * scale / 60:.1f} min wall "
              f"(target < 10 min); memory target < 4 GB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
