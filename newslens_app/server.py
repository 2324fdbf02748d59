"""What the dashboard's server does when it starts (dashboard.py's `st.App` lifespan): warm the
caches in a thread, and open a browser tab as `streamlit run` does for a plain script.

Imports nothing heavy at module level: dashboard.py imports this before the server listens.
"""
from __future__ import annotations

import asyncio
import sys
import threading
from contextlib import asynccontextmanager


def warm_up_in_background() -> threading.Thread:
    """Start `ui.warm_up` (tables and the unfiltered overview into Streamlit's caches) in a daemon
    thread; the first visitor's run then finds them ready. Does not wait for it."""
    thread = threading.Thread(target=_warm_up, name="newslens-warm-up", daemon=True)
    thread.start()
    return thread


def _warm_up() -> None:
    # Short GIL slices while warming: the server thread keeps answering the browser's requests
    # for Streamlit's JavaScript instead of waiting up to 5 ms for the lock after every read.
    previous = sys.getswitchinterval()
    sys.setswitchinterval(0.0005)
    try:
        from .ui import warm_up
        warm_up()
    except Exception as exc:  # noqa: BLE001 - the first run simply does the work itself
        print(f"newslens: warm-up skipped ({type(exc).__name__}: {exc})", file=sys.stderr)
    finally:
        sys.setswitchinterval(previous)


def browser_url() -> str | None:
    """The URL `streamlit run` would open in a browser tab, or None when headless (servers, CI,
    no display). Served through `st.App`, Streamlit leaves opening it to the app."""
    from streamlit import config
    from streamlit.web.server import server_util

    if config.get_option("server.headless"):
        return None
    if config.is_manually_set("browser.serverAddress"):
        address = config.get_option("browser.serverAddress")
    elif config.is_manually_set("server.address"):
        address = server_util.get_display_address(config.get_option("server.address"))
    else:
        address = "localhost"
    return server_util.get_url(address)


@asynccontextmanager
async def lifespan(_app):
    """dashboard.py's `st.App(..., lifespan=lifespan)`: warm up, open the tab, serve."""
    warm_up_in_background()
    url = browser_url()
    if url:
        from streamlit import cli_util
        asyncio.get_running_loop().call_soon(cli_util.open_browser, url)
    yield
