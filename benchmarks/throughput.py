"""Words per CPU-second of the whole build, against quantulum3 on the same texts.

    python benchmarks/throughput.py [--source ../shared/data/ukraine-media] [--quantulum-articles 300]

1. Builds every table (all extractors, loading and Parquet writing included) from the
   ukraine-media CSV exports in this one process (serial engine), timed with
   `time.process_time()`: CPU seconds of one process, so the figure is per CPU.
2. Times each stage separately on the same articles (sentence splitting, topics, each
   extractor) so a regression points at its module.
3. Runs quantulum3 (`pip install quantulum3`, the `bench` extra) over the same article texts,
   numbers only, also with `time.process_time()`. quantulum3 manages about 5,000 words per
   CPU-second, so by default it runs on an evenly spaced sample of articles (all of them with
   `--quantulum-articles 0`); its rate is per word, so a sample gives the same figure faster.
   If quantulum3 cannot be imported, the issue's reference figure (~5,000 words per CPU-second
   on these texts) is printed instead, labelled as such.

Prints figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import inspect
import sys
import tempfile
import time
import warnings
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pyarrow.parquet as pq  # noqa: E402

from newslens import pipeline, topics  # noqa: E402
from newslens.corpus import load_corpus  # noqa: E402
from newslens.sentences import split_sentences  # noqa: E402

DEFAULT_SOURCE = ROOT.parent / "shared" / "data" / "ukraine-media"
QUANTULUM_REFERENCE_WPS = 5_000
TARGET_RATIO = 100


def serial_build(source: Path, out: Path):
    """Run pipeline.build in this process; returns (report, cpu seconds, wall seconds)."""
    kwargs = {}
    params = inspect.signature(pipeline.build).parameters
    if "engine" in params:
        kwargs["engine"] = "serial"
    if "jobs" in params:
        kwargs["jobs"] = 1
    cpu, wall = time.process_time(), time.perf_counter()
    report = pipeline.build([source], out, **kwargs)
    return report, time.process_time() - cpu, time.perf_counter() - wall


def stage_times(articles) -> dict[str, float]:
    """CPU seconds per stage over all articles (each stage run exactly as the pipeline does)."""
    spent: dict[str, float] = defaultdict(float)
    clock = time.process_time
    for article in articles:
        t = clock()
        sentences = split_sentences(article)
        spent["sentences"] += clock() - t
        t = clock()
        topics.label_sentences(article, sentences)
        spent["topics"] += clock() - t
        for name, extract in pipeline.EXTRACTORS.items():
            t = clock()
            try:
                extract(article, sentences)
            except Exception:  # noqa: BLE001 - a failing extractor is the pipeline's report
                pass
            spent[name] += clock() - t
    return dict(spent)


def quantulum_rate(texts: list[str]) -> tuple[float, int, float] | None:
    """(words per CPU-second, words, cpu seconds) of quantulum3 over `texts`; None if absent."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser
    except Exception as exc:  # noqa: BLE001 - any import failure means "not available"
        print(f"quantulum3: cannot import ({type(exc).__name__}: {exc})")
        return None
    parser.parse("warm-up: 3 tanks and 155mm shells cost $4.7 billion")  # loads its unit tables
    words = sum(len(t.split()) for t in texts)
    cpu = time.process_time()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for text in texts:
            parser.parse(text)
    took = time.process_time() - cpu
    return words / took, words, took


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    ap.add_argument("--quantulum-articles", type=int, default=300,
                    help="evenly spaced articles for quantulum3 (0: all)")
    ap.add_argument("--no-stages", action="store_true", help="skip the per-stage breakdown")
    args = ap.parse_args(argv)
    if not args.source.exists():
        print(f"no corpus at {args.source}")
        return 1

    with tempfile.TemporaryDirectory() as tmp:
        report, cpu, wall = serial_build(args.source, Path(tmp))
        arts = pq.read_table(Path(tmp) / "articles.parquet", columns=["n_words", "text"])
        texts = arts.column("text").to_pylist()
        words = sum(arts.column("n_words").to_pylist())
    ours = words / cpu
    print(f"newslens build (serial, all extractors, load + write included): {report.articles:,} articles, "
          f"{words:,} words in {cpu:.2f} CPU-s ({wall:.2f} s wall) = {ours:,.0f} words/CPU-s")
    print("  rows: " + ", ".join(f"{k} {v:,}" for k, v in report.rows.items()))

    if not args.no_stages:
        articles, _ = load_corpus([args.source])
        cpu_load = time.process_time()
        load_corpus([args.source])
        cpu_load = time.process_time() - cpu_load
        stages = stage_times(articles)
        print(f"  stages (CPU-s): load {cpu_load:.2f}, " +
              ", ".join(f"{k} {v:.2f}" for k, v in sorted(stages.items(), key=lambda kv: -kv[1])))

    n = len(texts)
    sample = texts if args.quantulum_articles <= 0 or args.quantulum_articles >= n else \
        [texts[i * n // args.quantulum_articles] for i in range(args.quantulum_articles)]
    got = quantulum_rate(sample)
    if got is None:
        ref, label = QUANTULUM_REFERENCE_WPS, "REFERENCE FIGURE from the issue, not measured here"
        print(f"quantulum3: {ref:,} words/CPU-s ({label})")
    else:
        ref, qwords, qcpu = got
        print(f"quantulum3 (numbers only, measured now on {len(sample):,} of the same {n:,} articles): "
              f"{qwords:,} words in {qcpu:.2f} CPU-s = {ref:,.0f} words/CPU-s")
    ratio = ours / ref
    print(f"ratio: {ratio:,.1f}x quantulum3 (target >= {TARGET_RATIO}x: "
          f"{'met' if ratio >= TARGET_RATIO else f'not met, {TARGET_RATIO / ratio:.1f}x short'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
