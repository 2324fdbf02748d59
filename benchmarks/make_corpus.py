"""Generate a large synthetic corpus by recombining real sentences, for scale benchmarks.

    python benchmarks/make_corpus.py --articles 100000 --out /tmp/corpus100k

Sentences come from the ukraine-media CSV exports in ../shared (read at run time, never copied
into the repository), split with newslens's own splitter. Each generated article is a title
taken from a real headline, then paragraphs of 1-4 real sentences drawn at random, about
`--words` words long on average (580 + a title by default: 100,000 articles is about 60 million
words).
Articles are `.txt` files in folders of 1,000 with a `sources.csv` manifest (outlet, title,
published), so the build reads them with the plain-text loader. The output depends only on
`--seed` and the source data.

It does not make the text coherent: quotes, numbers and names are real sentences in a random
order, which is what the extractors' speed depends on, not what an analyst would read.
"""
from __future__ import annotations

import argparse
import csv
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newslens.sentences import paragraphs, split_paragraph  # noqa: E402

DEFAULT_SOURCE = ROOT.parent / "shared" / "data" / "ukraine-media"
PER_FOLDER = 1000


def load_pool(source: Path) -> tuple[list[str], list[tuple[str, str, str]]]:
    """(sentences, [(outlet, title, date)]) from every CSV export in `source`."""
    csv.field_size_limit(1 << 30)
    sentences: list[str] = []
    meta: list[tuple[str, str, str]] = []
    for path in sorted(source.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                row = {(k or "").strip().lower(): v or "" for k, v in row.items()}
                text = row.get("text", "").replace("\r\n", "\n").replace("\r", "\n")
                for _pid, s, e in paragraphs(text):
                    sentences.extend(text[a:b] for a, b in split_paragraph(text, s, e))
                title = " ".join(row.get("title", "").split())
                if title:
                    meta.append((path.stem, title, row.get("date", "")[:10]))
    if not sentences:
        raise SystemExit(f"no sentences found under {source} (need the ukraine-media CSVs)")
    return sentences, meta


def make_article(rng: random.Random, sentences: list[str], words: int) -> str:
    """One article body: paragraphs of 1-4 random sentences, stopping at about `words` words."""
    target = rng.randint(words // 2, words * 3 // 2)
    paras: list[list[str]] = [[]]
    size = rng.randint(1, 4)
    n = 0
    while n < target:
        if len(paras[-1]) == size:
            paras.append([])
            size = rng.randint(1, 4)
        sentence = sentences[rng.randrange(len(sentences))]
        paras[-1].append(sentence)
        n += len(sentence.split())
    return "\n\n".join(" ".join(p) for p in paras) + "\n"


def generate(out: Path, *, articles: int, words: int, seed: int, source: Path) -> tuple[int, int]:
    """Write the corpus; returns (articles, words)."""
    sentences, meta = load_pool(source)
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    total_words = 0
    for folder_start in range(0, articles, PER_FOLDER):
        folder = out / f"part{folder_start // PER_FOLDER:04d}"
        folder.mkdir(exist_ok=True)
        manifest = []
        for i in range(folder_start, min(articles, folder_start + PER_FOLDER)):
            outlet, title, date = meta[rng.randrange(len(meta))]
            text = make_article(rng, sentences, words)
            total_words += len(text.split())
            name = f"gen{i:07d}.txt"
            (folder / name).write_text(f"{title}\n\n{text}", encoding="utf-8")
            manifest.append({"file": name, "outlet": outlet, "title": title, "published": date})
        with (folder / "sources.csv").open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=["file", "outlet", "title", "published"])
            writer.writeheader()
            writer.writerows(manifest)
    return articles, total_words


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--words", type=int, default=580, help="mean words per article body (plus a title)")
    ap.add_argument("--seed", type=int, default=20241127)
    ap.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    ap.add_argument("--out", type=Path, default=Path("/tmp/corpus100k"))
    args = ap.parse_args(argv)
    if ROOT in args.out.resolve().parents or args.out.resolve() == ROOT:
        ap.error("write the corpus outside the repository (it is derived from shared data)")
    started = time.perf_counter()
    n, words = generate(args.out, articles=args.articles, words=args.words, seed=args.seed,
                        source=args.source)
    print(f"wrote {n:,} articles, {words:,} words to {args.out} in {time.perf_counter() - started:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
