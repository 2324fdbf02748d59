"""Which corpora the dashboard can show, and whether their tables are fresh.

A *corpus* is a name, the input files or folders it is built from, and the folder its tables
live in. The bundled seeds are the default corpus (tables in `data/`); any other built corpus
lives in `data/corpora/<name>/` with a `corpus.json` saying where its inputs are. The upload /
folder page (issue 5) only has to call `register_corpus(...)` and `build_corpus(...)`; the
sidebar's corpus selector lists whatever `list_corpora()` finds.

Freshness is decided by content: `manifest.json` beside the tables records the sha256 of every
input file and a fingerprint of the extraction code. Size and mtime only decide whether a file
needs re-hashing, never whether it changed. Tables written by the CLI (`newslens build`, which
logs `build.json` instead) are trusted without a rebuild when their build log, the build id
stamped in every table and the per-article content hashes match the current inputs and
extractor version. This module does not import Streamlit.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = "manifest.json"
CORPUS_FILE = "corpus.json"
DEFAULT_NAME = "seeds"
_PACKAGE = ROOT / "newslens"


@dataclass(frozen=True)
class Corpus:
    name: str
    label: str
    inputs: tuple[Path, ...]
    table_dir: Path


@dataclass(frozen=True)
class Status:
    fresh: bool
    reason: str                   # why a build is needed ("" when fresh)
    version: str                  # the data version key: changes whenever the tables would
    files: dict = field(default_factory=dict, compare=False, hash=False)


def data_dir() -> Path:
    """Folder of the default corpus's tables: $NEWSLENS_DATA_DIR or ./data."""
    return Path(os.environ.get("NEWSLENS_DATA_DIR") or ROOT / "data")


def default_inputs() -> tuple[Path, ...]:
    """Inputs of the default corpus: $NEWSLENS_CORPUS (os.pathsep-separated) or ./seeds."""
    raw = os.environ.get("NEWSLENS_CORPUS")
    if raw:
        return tuple(Path(p) for p in raw.split(os.pathsep) if p)
    return (ROOT / "seeds",)


def safe_name(name: str) -> str:
    """A corpus name usable as one folder name: letters, digits, '-', '_' (no path tricks)."""
    cleaned = re.sub(r"[^A-Za-z0-9_-]+", "-", name.strip()).strip("-_")[:60]
    return cleaned or "corpus"


def list_corpora() -> list[Corpus]:
    """The default corpus first, then every registered corpus under data/corpora/, by name."""
    base = data_dir()
    corpora = [Corpus(DEFAULT_NAME, "Bundled seeds" if default_inputs() == (ROOT / "seeds",)
                      else "Default corpus", default_inputs(), base)]
    folder = base / "corpora"
    if folder.is_dir():
        for child in sorted(folder.iterdir()):
            spec = child / CORPUS_FILE
            if not spec.is_file():
                continue
            try:
                meta = json.loads(spec.read_text(encoding="utf-8"))
                inputs = tuple(Path(p) for p in meta.get("inputs", []))
            except (OSError, ValueError, TypeError):
                continue
            corpora.append(Corpus(child.name, str(meta.get("label") or child.name), inputs, child))
    return corpora


def get_corpus(name: str | None) -> Corpus:
    corpora = list_corpora()
    return next((c for c in corpora if c.name == name), corpora[0])


def register_corpus(name: str, inputs: Iterable[str | Path], *, label: str | None = None) -> Corpus:
    """Record a new corpus (inputs stay where they are); it then appears in `list_corpora()`.

    Does not build it: call `build_corpus` next (the dashboard does so when it is selected)."""
    folder = data_dir() / "corpora" / safe_name(name)
    folder.mkdir(parents=True, exist_ok=True)
    paths = [str(Path(p).resolve()) for p in inputs]
    _write_atomic(folder / CORPUS_FILE, json.dumps({"label": label or name, "inputs": paths}, indent=1))
    return Corpus(folder.name, label or name, tuple(Path(p) for p in paths), folder)


def code_fingerprint() -> str:
    """Hash of the extraction code and lexicons: new extractors make old tables stale."""
    h = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*")):
        if path.suffix in (".py", ".yaml", ".yml") and "__pycache__" not in path.parts:
            h.update(str(path.relative_to(_PACKAGE)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def _input_files(inputs: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for p in inputs:
        if p.is_dir():
            files.extend(c for c in sorted(p.rglob("*")) if c.is_file() and not c.name.startswith("."))
        elif p.is_file():
            files.append(p)
    return files


def _file_sha(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def read_manifest(table_dir: Path) -> dict:
    try:
        return json.loads((table_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def fingerprint_inputs(corpus: Corpus, *, previous: dict | None = None) -> dict[str, dict]:
    """{path: {size, mtime_ns, sha256}} for every input file; re-hashes only files whose size or
    mtime differ from `previous` (a manifest's "files"), so a warm check costs a few stat calls."""
    previous = previous or {}
    out: dict[str, dict] = {}
    for path in _input_files(corpus.inputs):
        st = path.stat()
        key = str(path)
        old = previous.get(key)
        if old and old.get("size") == st.st_size and old.get("mtime_ns") == st.st_mtime_ns:
            out[key] = old
        else:
            out[key] = {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "sha256": _file_sha(path)}
    return out


def _version(files: dict[str, dict], code: str) -> str:
    h = hashlib.sha256(code.encode())
    for key in sorted(files):
        h.update(key.encode())
        h.update(files[key]["sha256"].encode())
    return h.hexdigest()[:16]


TABLE_NAMES = ("articles", "sentences", "quotes", "figures", "dates", "weapons", "entities")


def status(corpus: Corpus) -> Status:
    """Are this corpus's tables present and built from the current inputs and code?

    A corpus registered without inputs is a folder of tables built elsewhere (say by
    `newslens build` on a bigger machine): it is used as it is, never rebuilt, and its version
    follows the table files themselves."""
    if not corpus.inputs:
        return _prebuilt_status(corpus)
    manifest = read_manifest(corpus.table_dir)
    files = fingerprint_inputs(corpus, previous=manifest.get("files"))
    code = code_fingerprint()
    version = _version(files, code)
    missing = [t for t in TABLE_NAMES if not (corpus.table_dir / f"{t}.parquet").is_file()]
    if missing:
        return Status(False, "no tables yet" if len(missing) == len(TABLE_NAMES)
                      else f"missing tables: {', '.join(missing)}", version, files)
    log = read_build_log(corpus.table_dir)
    rewritten = bool(manifest.get("build_id")) and manifest.get("build_id") != log.get("build_id")
    if not manifest or rewritten or manifest.get("version") != version:
        adopted = _adopt_cli_build(corpus, log, files=files, code=code, version=version)
        if adopted is not None:
            return adopted
    if not manifest:
        return Status(False, "tables have no manifest (built outside the dashboard)", version, files)
    if rewritten:
        return Status(False, "the tables were rebuilt outside the dashboard from other inputs or code",
                      version, files)
    if manifest.get("version") != version:
        old = {k: v["sha256"] for k, v in manifest.get("files", {}).items()}
        new = {k: v["sha256"] for k, v in files.items()}
        if old != new:
            changed = sorted(set(old.items()) ^ set(new.items()))
            return Status(False, f"{len({k for k, _ in changed})} input file(s) changed", version, files)
        return Status(False, "the extraction code changed", version, files)
    return Status(True, "", version, files)


def read_build_log(table_dir: Path) -> dict:
    """The CLI's `build.json` in `table_dir` ({} when absent or unreadable)."""
    from newslens.incremental import BUILD_LOG
    try:
        log = json.loads((table_dir / BUILD_LOG).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return log if isinstance(log, dict) else {}


# (table folder, build id, data version) of CLI builds already found not to match, so a stale
# folder is not re-read on every freshness check
_NOT_ADOPTED: set[tuple[str, str, str]] = set()


def _adopt_cli_build(corpus: Corpus, log: dict, *, files: dict[str, dict], code: str,
                     version: str) -> Status | None:
    """When the tables are a complete `newslens build` of exactly the current inputs by the
    current extractors, write the manifest the dashboard would have written and return a fresh
    status; otherwise None. Does not build anything."""
    build_id = str(log.get("build_id") or "")
    key = (str(corpus.table_dir), build_id, version)
    if not build_id or key in _NOT_ADOPTED:
        return None
    if not _same_as_cli_build(corpus, log):
        _NOT_ADOPTED.add(key)
        return None
    manifest = {"version": version, "code": code, "built_at": time.time(), "build_id": build_id,
                "adopted_from": "build.json", "inputs": [str(p) for p in corpus.inputs], "files": files,
                **{k: log.get(k) for k in ("articles", "rows", "skipped", "failures")}}
    _write_atomic(corpus.table_dir / MANIFEST, json.dumps(manifest, indent=1))
    return Status(True, "", version, files)


def _same_as_cli_build(corpus: Corpus, log: dict) -> bool:
    """Compare content, not dates: the log's extractor version is the current one, every table
    carries the log's build id, and the articles read from the inputs now (after the build's
    de-duplication) have the doc_ids, text hashes and metadata the articles table holds. Paths
    are compared resolved, so `newslens build seeds` and the app's absolute seeds folder agree."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from newslens import incremental
    from newslens.corpus import load_corpus

    current_version = incremental.extractor_version()
    if log.get("extractor_version") != current_version:
        return False
    try:
        for name in TABLE_NAMES:
            meta = pq.read_schema(corpus.table_dir / f"{name}.parquet").metadata or {}
            if (meta.get(incremental.BUILD_KEY) != str(log["build_id"]).encode()
                    or meta.get(incremental.VERSION_KEY) != current_version.encode()):
                return False
        cols = ["doc_id", "sha256", "chrome", *incremental._META_FIELDS]
        rows = pq.read_table(corpus.table_dir / "articles.parquet", columns=cols).to_pylist()
        articles, _ = load_corpus(corpus.inputs)
    except (OSError, KeyError, ValueError, pa.ArrowException):
        return False

    def key(values: dict) -> tuple:
        return incremental._meta_key({**values, "path": os.path.realpath(values["path"] or "")})

    built = {row["doc_id"]: key(row) for row in rows}
    now = {a.doc_id: key({"sha256": a.sha256, "chrome": [list(s) for s in a.chrome],
                          **{f: getattr(a, f) for f in incremental._META_FIELDS}})
           for a in incremental.deduplicate(articles).articles}
    return len(rows) == len(built) and built == now


def _prebuilt_status(corpus: Corpus) -> Status:
    paths = [corpus.table_dir / f"{t}.parquet" for t in TABLE_NAMES]
    missing = [p.stem for p in paths if not p.is_file()]
    if missing:
        return Status(False, f"missing tables ({', '.join(missing)}) and no inputs to build them from", "")
    h = hashlib.sha256()
    for p in paths:
        st = p.stat()
        h.update(f"{p.name}:{st.st_size}:{st.st_mtime_ns}".encode())
    return Status(True, "", "tables-" + h.hexdigest()[:16])


def build_corpus(corpus: Corpus, *, progress: Callable[[int, int, str], None] | None = None,
                 current: Status | None = None):
    """Build the tables, then write the manifest (last, so a failed build stays stale).

    Returns the pipeline's BuildReport. Does not catch build errors: the caller shows them."""
    from newslens.pipeline import build  # imported here: the registry itself needs no pipeline

    current = current or status(corpus)
    corpus.table_dir.mkdir(parents=True, exist_ok=True)
    started = time.time()
    report = build([str(p) for p in corpus.inputs], corpus.table_dir, progress=progress)
    manifest = {"version": current.version, "code": code_fingerprint(), "built_at": started,
                "build_id": read_build_log(corpus.table_dir).get("build_id"),
                "inputs": [str(p) for p in corpus.inputs], "files": current.files,
                "articles": report.articles, "rows": report.rows,
                "skipped": [list(s) for s in report.skipped],
                "failures": [list(f) for f in report.failures]}
    _write_atomic(corpus.table_dir / MANIFEST, json.dumps(manifest, indent=1))
    return report


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.replace(tmp, path)
