"""End to end in a real browser: `streamlit run dashboard.py` on a fresh data folder, every page
opened in headless Debian Chromium, a filter changed, a CSV downloaded and checked, a table row
clicked through to the article reader, and a hostile article proven inert.

Screenshots of every page go to test-artifacts/ (gitignored) for a human to look at.
Skips only when Chromium or the playwright package is absent.
"""
from __future__ import annotations

import csv
import io
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
PAGES = {"overview": "", "quotes": "quotes", "figures": "figures", "weapons": "weapons", "reader": "reader"}
HOSTILE = ('<script>window.__nl_xss = 1</script>\n\nOfficials said 500 drones were delivered in March 2024. '
           '<img src=x onerror="window.__nl_xss = 2"> "We will not be silent," said minister Ana Ruiz.\n')

sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
    pytest.skip("Debian chromium is not installed", allow_module_level=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 40) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited early:\n{proc.stdout.read() if proc.stdout else ''}")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=1) as r:
                if r.read().strip() == b"ok":
                    return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError("streamlit did not become healthy")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    data = tmp_path_factory.mktemp("e2e-data")          # empty: the app must build it first
    extra = tmp_path_factory.mktemp("e2e-hostile")
    (extra / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    port = _free_port()
    env = dict(os.environ, NEWSLENS_DATA_DIR=str(data),
               NEWSLENS_CORPUS=os.pathsep.join([str(ROOT / "seeds"), str(extra)]))
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.headless", "true",
         "--server.port", str(port), "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, proc)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def page(server):
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        context = browser.new_context(viewport={"width": 1440, "height": 1000}, accept_downloads=True)
        pg = context.new_page()
        pg.set_default_timeout(30_000)
        yield pg
        browser.close()


def _settle(page) -> None:
    """Wait until Streamlit has finished running the script (no running indicator, app rendered)."""
    page.wait_for_selector('[data-testid="stAppViewContainer"]')
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]') && "
        "document.querySelector('[data-testid=\"stMainBlockContainer\"] h1')", timeout=30_000)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stSkeleton\"]')", timeout=30_000)
    page.wait_for_timeout(700)  # charts draw after the script finishes


def _shot(page, name: str) -> None:
    """Screenshot of the whole page: Streamlit scrolls inside its own container, so the viewport is
    stretched to the content's height first."""
    ARTIFACTS.mkdir(exist_ok=True)
    height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": 1440, "height": min(max(1000, int(height) + 40), 9000)})
    page.wait_for_timeout(400)
    page.screenshot(path=str(ARTIFACTS / f"e2e_{name}.png"))
    page.set_viewport_size({"width": 1440, "height": 1000})


def _open(page, url: str, path: str) -> None:
    page.goto(f"{url}/{path}")
    _settle(page)


def test_every_page_renders_in_chromium_without_errors(server, page):
    ARTIFACTS.mkdir(exist_ok=True)
    for name, path in PAGES.items():
        _open(page, server, path)
        assert page.locator('[data-testid="stException"]').count() == 0, f"{name} shows an exception"
        _shot(page, name)
    _open(page, server, "")
    assert page.locator('[data-testid="stMetric"]').count() >= 5
    assert page.locator('[data-testid="stPlotlyChart"]').count() >= 2
    with page.expect_download() as info:
        page.get_by_role("button", name="Download every filtered table").click()
    with zipfile.ZipFile(info.value.path()) as zf:
        names = zf.namelist()
        assert "README.txt" in names and len(names) == 8
        quotes = next(n for n in names if "_quotes_" in n)
        assert zf.read(quotes).decode("utf-8-sig").startswith("speaker,role,kind,quote,source,article")


def test_outlet_filter_narrows_rows_and_csv_holds_exactly_them(server, page):
    _open(page, server, "quotes")
    all_label = page.get_by_role("button", name="Download these").first.inner_text()
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.locator('[data-testid="stMultiSelect"]').filter(has_text="Outlet").click()
    page.get_by_role("option", name="The Korea Times").click()
    page.keyboard.press("Escape")
    page.get_by_text("where outlet is The Korea Times").first.wait_for()
    _settle(page)
    _shot(page, "quotes_filtered")
    button = page.get_by_role("button", name="Download these").first
    label = button.inner_text()
    assert label != all_label
    n = int(label.split("Download these")[1].split("rows")[0].replace(",", "").strip())
    with page.expect_download() as info:
        button.click()
    download = info.value
    assert "outlet-the-korea-times" in download.suggested_filename
    rows = list(csv.DictReader(io.StringIO(Path(download.path()).read_text(encoding="utf-8-sig"))))
    assert len(rows) == n > 0
    assert {r["source"] for r in rows} == {"The Korea Times"}
    assert all(r["sentence"] and r["article"] for r in rows)
    assert "outlet=The+Korea+Times" in page.url or "outlet=The%20Korea%20Times" in page.url


def test_clicking_a_row_opens_the_article_reader(server, page):
    _open(page, server, "weapons")
    grid = page.locator('[data-testid="stDataFrame"]').first
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 18, box["y"] + 35 + 18)  # the first row's selection cell
    page.wait_for_url("**/reader**")
    _settle(page)
    assert page.get_by_text("You opened this article from a table row").count() == 1
    assert page.locator(".nl-focus").count() >= 1
    _shot(page, "reader_from_click")
    # choosing a row in the reader's own table outlines that row instead
    rows = page.locator('[data-testid="stDataFrame"]').last
    rows.scroll_into_view_if_needed()
    box = rows.bounding_box()
    page.mouse.click(box["x"] + 18, box["y"] + 35 + 35 + 18)  # the second row's selection cell
    page.get_by_text("You opened this article from a table row").wait_for(state="detached")
    _settle(page)
    assert page.locator(".nl-focus").count() >= 1


def test_hostile_article_markup_stays_text(server, page):
    _open(page, server, "reader?doc=hostile")
    article = page.locator(".nl-article")
    article.wait_for()
    assert "<script>window.__nl_xss = 1</script>" in article.inner_text()
    assert page.evaluate("() => window.__nl_xss") is None
    assert page.locator('.nl-article img, .nl-article script').count() == 0
    _shot(page, "reader_hostile")


def test_a_shared_url_with_no_matches_shows_a_friendly_message(server, page):
    _open(page, server, "figures?q=nothing-matches-this")
    assert page.locator('[data-testid="stException"]').count() == 0
    page.get_by_text('No figures where text contains').first.wait_for()
    assert page.locator('[data-testid="stSidebar"] input[aria-label="Search the text"]').input_value() \
        == "nothing-matches-this"
    _shot(page, "figures_no_match")
