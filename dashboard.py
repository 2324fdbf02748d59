"""newslens dashboard: `streamlit run dashboard.py`.

Builds the tables first when they are missing or stale (content hashes), then shows the shared
sidebar filters and the page picked in the navigation (scripts in pages/, helpers in
newslens_app/).
"""
from newslens_app.ui import run_app

run_app()
