"""newslens dashboard: `streamlit run dashboard.py`.

Builds the tables first when they are missing or stale (content hashes), then shows the shared
sidebar filters and the page picked in the navigation (scripts in pages/, helpers in
newslens_app/).

`streamlit run` finds `app` below and serves this script through it, so the server can warm up
at start (newslens_app/server.py): a thread loads the tables and prepares the overview while the
browser is still loading Streamlit's JavaScript (see benchmarks/dashboard_startup.py). Each
visitor's run executes this file as `__main__` and only calls `run_app()`.
"""
import streamlit as st

from newslens_app.server import lifespan

app = st.App(__file__, lifespan=lifespan)

if __name__ == "__main__":
    from newslens_app.ui import run_app

    run_app()
