"""Corpus: bring your own articles (upload files or name a folder), build them, then pick the
new corpus in the sidebar beside the seeds.

Uploaded files go through `newslens.uploads.save_uploads` (type allowlist, size limit,
sanitised names) into data/corpora/<name>/uploads/; a folder is read where it is. The build is
`newslens_app.corpora.build_corpus` (the same freshness manifest as the sidebar's corpora) and
its summary lines are the CLI's, so a skipped file reads the same everywhere.
"""
from __future__ import annotations

from pathlib import Path

import streamlit as st

from newslens.cli import summary_lines
from newslens.uploads import ALLOWED_SUFFIXES, MAX_UPLOAD_BYTES, save_uploads
from newslens_app import corpora
from newslens_app.ui import clear_filters

st.title("Bring your own corpus")
st.caption("Upload saved web pages, text files or CSV/JSONL exports (one article per row), or point at "
           "a folder on this machine. The corpus is built once, then appears in the sidebar's Corpus "
           "menu beside the bundled seeds.")


def _show(name: str) -> None:
    """Callback: select the corpus in the sidebar (runs before the next run draws the sidebar)."""
    st.session_state["corpus"] = name
    clear_filters()


MAX_FOLDER_FILES = 200_000   # a guard against pointing at "/" or a home folder by mistake
MAX_SUMMARY_LINES = 300


def _too_many_files(path: Path) -> bool:
    for i, _ in enumerate(path.rglob("*")):
        if i >= MAX_FOLDER_FILES:
            return True
    return False


def _build(corpus: corpora.Corpus) -> None:
    bar = st.progress(0.0, text="Reading files…")

    def progress(done: int, total: int, doc_id: str) -> None:
        bar.progress(done / max(1, total), text=f"Extracting {done} of {total} articles ({doc_id})")

    try:
        report = corpora.build_corpus(corpus, progress=progress)
    except Exception as exc:  # noqa: BLE001 - shown to the user; the previous tables stay intact
        bar.empty()
        st.error(f"The build failed and the previous tables were kept: {type(exc).__name__}: {exc}")
        return
    bar.empty()
    st.session_state["corpus_built"] = (corpus.name, corpus.label, report.articles, summary_lines(report))


name = st.text_input("Corpus name", key="cp_name", max_chars=60, placeholder="e.g. Ukraine media 2022",
                     help="Letters, digits, spaces and dashes; it names the folder under data/corpora/.")
upload_tab, folder_tab = st.tabs(["Upload files", "Folder on this machine"])
with upload_tab:
    files = st.file_uploader("Articles", type=[s.lstrip(".") for s in ALLOWED_SUFFIXES],
                             accept_multiple_files=True, key="cp_files",
                             help=f"Up to {MAX_UPLOAD_BYTES // (1024 * 1024)} MB per file.")
    upload_clicked = st.button("Build from the uploaded files", key="cp_build_upload", type="primary",
                               disabled=not files)
with folder_tab:
    folder = st.text_input("Folder", key="cp_folder", placeholder="/path/to/articles",
                           help="Every .txt, .md, .html, .csv and .jsonl file under it (sub-folders too).")
    folder_clicked = st.button("Build from this folder", key="cp_build_folder", type="primary",
                               disabled=not (folder or "").strip())

if upload_clicked or folder_clicked:
    cleaned = corpora.safe_name(name or "")
    if not (name or "").strip():
        st.error("Give the corpus a name first.")
    elif cleaned == corpora.DEFAULT_NAME:
        st.error(f"“{corpora.DEFAULT_NAME}” is the bundled corpus; choose another name.")
    elif upload_clicked:
        dest = corpora.data_dir() / "corpora" / cleaned / "uploads"
        saved, rejected = save_uploads([(f.name, f.getvalue()) for f in files or []], dest)
        for file_name, reason in rejected:
            st.warning(f"Not uploaded: {file_name}: {reason}")
        if saved:
            _build(corpora.register_corpus(cleaned, [dest], label=name.strip()))
        else:
            st.error("None of the files could be used.")
    else:
        path = Path(folder.strip()).expanduser()
        if not path.is_dir():
            st.error(f"No folder at {path}.")
        elif _too_many_files(path):
            st.error(f"{path} holds more than {MAX_FOLDER_FILES:,} files; point at the folder that "
                     "holds the articles.")
        else:
            _build(corpora.register_corpus(cleaned, [path], label=name.strip()))

built = st.session_state.get("corpus_built")
if built:
    corpus_id, label, n_articles, lines = built
    if n_articles:
        st.success(f"**{label}**: {n_articles:,} articles built.")
        st.button(f"Show {label} now", key="cp_show", on_click=_show, args=(corpus_id,),
                  icon=":material/visibility:")
    else:
        st.error(f"**{label}**: no article could be read; see why below.")
    st.markdown("**Build summary**")
    shown = [line.strip() for line in lines[:MAX_SUMMARY_LINES]]
    if len(lines) > MAX_SUMMARY_LINES:
        shown.append(f"... and {len(lines) - MAX_SUMMARY_LINES:,} more lines")
    st.code("\n".join(shown) or "nothing to report", language=None)

st.subheader("Corpora")
rows = []
for c in corpora.list_corpora():
    manifest = corpora.read_manifest(c.table_dir)
    rows.append({"Corpus": c.label, "Articles": manifest.get("articles"),
                 "Skipped": len(manifest.get("skipped", [])) if manifest else None,
                 "Inputs": "; ".join(str(p) for p in c.inputs)})
st.dataframe(rows, hide_index=True, width="stretch")
