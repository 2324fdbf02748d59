"""Command line: `python -m newslens build INPUT... --out DIR` and `export DIR --to CSVDIR`."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .corpus import MAX_FILE_BYTES
from .pipeline import TABLES, build


def _progress(done: int, total: int, doc_id: str) -> None:
    width = 30
    filled = int(width * done / max(1, total))
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {doc_id[:40]:<40}")
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def cmd_build(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    report = build(args.inputs, args.out, progress=None if args.quiet else _progress,
                   max_bytes=int(args.max_file_mb * 1024 * 1024), reuse=not args.no_reuse,
                   engine=args.engine, jobs=args.jobs, scheduler=args.scheduler)
    took = time.perf_counter() - started
    print(f"built {report.articles} articles into {args.out} in {took:.1f}s")
    for line in summary_lines(report):
        print(line)
    return 0 if report.articles else 1


def summary_lines(report) -> list[str]:
    """The build summary after the first line: rows per table, then one line per article reused,
    duplicate, renamed, skipped or failed (the dashboard shows the same lines)."""
    lines: list[str] = []
    for name, n in report.rows.items():
        if name != "articles":
            lines.append(f"  {name:<10} {n:>8} rows")
    if report.unchanged:
        lines.append(f"  {report.unchanged} unchanged articles reused (same content hash)")
    for doc_id, dup in report.duplicates:
        lines.append(f"  duplicate: {doc_id} has the same text as {dup}; kept once")
    for old, new, path in getattr(report, "renamed", []):
        lines.append(f"  renamed: {path} is {new} (another article already has the id {old})")
    for path, reason in report.skipped:
        lines.append(f"  skipped {path}: {reason}")
    for doc_id, error in report.failures:
        lines.append(f"  extractor failed on {doc_id}: {error}")
    for note in getattr(report, "notes", []):
        lines.append(f"  note: {note}")
    return lines


def cmd_export(args: argparse.Namespace) -> int:
    """One CSV per table, through the shared formula-safe writer."""
    import pandas as pd

    from .export import write_safe_csv

    src, dest = Path(args.dir), Path(args.to)
    found = [name for name in TABLES if (src / f"{name}.parquet").is_file()]
    if not found:
        print(f"no tables in {src} (run `newslens build ... --out {src}` first)", file=sys.stderr)
        return 1
    for name in found:
        df = pd.read_parquet(src / f"{name}.parquet", dtype_backend="numpy_nullable")  # ints stay ints
        write_safe_csv(df, dest / f"{name}.csv")
        print(f"  {name:<10} {len(df):>8} rows -> {dest / f'{name}.csv'}")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from .eval import main as eval_main
    return eval_main(args.gold, args.pred)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="newslens", description="Turn news articles into analyst tables.")
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build", help="extract tables from files or folders of articles")
    b.add_argument("inputs", nargs="+", help="files or folders (.txt, .md, .html, .htm, .csv, .tsv, .jsonl)")
    b.add_argument("--out", required=True, help="output folder for the Parquet tables")
    b.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    b.add_argument("--max-file-mb", type=float, default=MAX_FILE_BYTES / 1024 / 1024,
                   help="skip a one-article file (or a CSV row) larger than this (default %(default)g)")
    b.add_argument("--no-reuse", action="store_true",
                   help="extract every article again instead of reusing unchanged ones")
    b.add_argument("--jobs", "-j", type=int, default=None,
                   help="worker processes (default: all cores; 1 runs in this process)")
    b.add_argument("--engine", choices=("process", "serial", "dask"), default="process",
                   help="where extraction runs: a process pool (default), this process, or a Dask "
                        "cluster (needs the dask extra; a local cluster unless --scheduler is given)")
    b.add_argument("--scheduler", default=None, metavar="ADDRESS",
                   help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (implies --engine dask)")
    b.set_defaults(fn=cmd_build)
    e = sub.add_parser("export", help="write the tables of a build as CSV files (formula-safe)")
    e.add_argument("dir", help="folder holding the Parquet tables")
    e.add_argument("--to", required=True, help="folder for the CSV files (one per table)")
    e.set_defaults(fn=cmd_export)
    v = sub.add_parser("eval", help="score built tables against gold annotations (brat .ann or JSON)")
    v.add_argument("gold", help="gold folder: brat standoff (text/ + attributions/, or .ann beside .txt) "
                                "or JSON files in the seed-gold format")
    v.add_argument("--pred", required=True, help="folder holding the built Parquet tables")
    v.set_defaults(fn=cmd_eval)
    args = ap.parse_args(argv)
    if getattr(args, "scheduler", None):
        args.engine = "dask"
    if getattr(args, "jobs", None) is not None and args.jobs < 1:
        ap.error("--jobs must be at least 1")
    return args.fn(args)
