"""Command line: `python -m newslens build INPUT... --out DIR`."""
from __future__ import annotations

import argparse
import sys
import time

from .pipeline import build


def _progress(done: int, total: int, doc_id: str) -> None:
    width = 30
    filled = int(width * done / max(1, total))
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {doc_id[:40]:<40}")
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def cmd_build(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    report = build(args.inputs, args.out, progress=None if args.quiet else _progress)
    took = time.perf_counter() - started
    print(f"built {report.articles} articles into {args.out} in {took:.1f}s")
    for name, n in report.rows.items():
        if name != "articles":
            print(f"  {name:<10} {n:>8} rows")
    if report.unchanged:
        print(f"  {report.unchanged} unchanged articles reused (same content hash)")
    for doc_id, dup in report.duplicates:
        print(f"  duplicate: {doc_id} has the same text as {dup}; kept once")
    for path, reason in report.skipped:
        print(f"  skipped {path}: {reason}")
    for doc_id, error in report.failures:
        print(f"  extractor failed on {doc_id}: {error}")
    return 0 if report.articles else 1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="newslens", description="Turn news articles into analyst tables.")
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build", help="extract tables from files or folders of articles")
    b.add_argument("inputs", nargs="+", help="files or folders (.txt, .md)")
    b.add_argument("--out", required=True, help="output folder for the Parquet tables")
    b.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    b.set_defaults(fn=cmd_build)
    args = ap.parse_args(argv)
    return args.fn(args)
