"""newslens dashboard: `streamlit run dashboard.py`.

Builds the tables first when they are missing or stale (content hashes), then shows the shared
sidebar filters and the page picked in the navigation (scripts in pages/, helpers in
newslens_app/).

`streamlit run` finds `app` below and serves this script through it, so the server can warm up
at start: a thread loads the tables and prepares the overview while the browser is still loading
Streamlit's JavaScript (see benchmarks/dashboard_startup.py). Each visitor's run executes this
file as `__main__` and only calls `run_app()`.
"""
from __future__ import annotations

import sys
import threading
from contextlib import asynccontextmanager

import streamlit as st


def _warm_up() -> None:
    # Short GIL slices while warming: the server thread keeps answering the browser's requests
    # for Streamlit's JavaScript instead of waiting 5 ms for the lock after every read.
    previous = sys.getswitchinterval()
    sys.setswitchinterval(0.0005)
    try:
        from newslens_app.ui import warm_up
        warm_up()
    except Exception as exc:  # noqa: BLE001 - the first run simply does the work itself
        print(f"newslens: warm-up skipped ({type(exc).__name__}: {exc})", file=sys.stderr)
    finally:
        sys.setswitchinterval(previous)


@asynccontextmanager
async def _lifespan(_app):
    threading.Thread(target=_warm_up, name="newslens-warm-up", daemon=True).start()
    yield


app = st.App(__file__, lifespan=_lifespan)

if __name__ == "__main__":
    from newslens_app.ui import run_app

    run_app()
