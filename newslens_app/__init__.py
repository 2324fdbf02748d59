"""The dashboard's shared helpers: corpus registry, filtered views, highlighting, UI widgets.

Only `ui.py` and `server.py` (what the server does at start) import Streamlit; the other modules are plain pandas so they can be tested (and
reused by a future DuckDB-backed data layer) without a running app. Nothing here parses article
text: it reads the tables that `newslens build` writes.
"""
