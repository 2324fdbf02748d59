"""Time from `streamlit run dashboard.py` to the first rendered overview, on the bundled seeds.

    python benchmarks/dashboard_startup.py [--runs 3]

"Warm" means the tables are already built (data folder with a fresh manifest) and the files are
in the OS cache: the first launch below builds them and is reported apart. For each run a new
Streamlit server is launched and headless Chromium (Debian's, through the playwright package)
opens the overview; the clock stops when the metrics and the first chart have rendered. A reload
of the same page on the same server (Streamlit caches warm) is timed too.

Prints figures; asserts nothing. Target (issue 3): under 2 s with a warm cache.
"""
from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
READY = ("() => document.querySelectorAll('[data-testid=\"stMetric\"]').length >= 5 && "
         "document.querySelector('[data-testid=\"stPlotlyChart\"] .main-svg') && "
         "!document.querySelector('[data-testid=\"stStatusWidget\"]')")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def launch(data: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = dict(os.environ, NEWSLENS_DATA_DIR=str(data))
    env.pop("NEWSLENS_CORPUS", None)
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.headless", "true",
                             "--server.port", str(port), "--browser.gatherUsageStats", "false",
                             "--server.fileWatcherType", "none"],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return proc, f"http://127.0.0.1:{port}"


def wait_health(url: str, timeout: float = 60) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=1) as r:
                if r.read().strip() == b"ok":
                    return
        except OSError:
            time.sleep(0.02)
    raise TimeoutError(url)


def one_run(browser, data: Path) -> dict[str, float]:
    started = time.perf_counter()
    proc, url = launch(data)
    try:
        wait_health(url)
        healthy = time.perf_counter()
        page = browser.new_page(viewport={"width": 1440, "height": 1000})
        page.goto(url)
        page.wait_for_function(READY, timeout=120_000)
        rendered = time.perf_counter()
        page.reload()
        page.wait_for_function(READY, timeout=60_000)
        reloaded = time.perf_counter()
        page.close()
        return {"server_ready": healthy - started, "first_overview": rendered - started,
                "page_after_server_ready": rendered - healthy, "reload_warm": reloaded - rendered}
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("playwright is not installed: pip install playwright (no browser download needed)")
        return 1
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} not found: apt-get install chromium")
        return 1
    with tempfile.TemporaryDirectory(prefix="newslens-bench-") as tmp, sync_playwright() as p:
        data = Path(tmp) / "data"
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        cold = one_run(browser, data)  # builds the seed tables on the way
        print(f"first launch, tables built on the way: overview after {cold['first_overview']:.2f} s")
        runs = [one_run(browser, data) for _ in range(args.runs)]
        browser.close()
    print(f"warm cache (tables built), {args.runs} launches of `streamlit run dashboard.py`:")
    for key, label in (("server_ready", "server healthy after launch"),
                       ("page_after_server_ready", "overview rendered after server healthy"),
                       ("first_overview", "launch -> first rendered overview"),
                       ("reload_warm", "reload of the overview, same server")):
        values = [r[key] for r in runs]
        print(f"  {label:<40} median {statistics.median(values):5.2f} s  (min {min(values):.2f}, max {max(values):.2f})")
    median = statistics.median(r["first_overview"] for r in runs)
    print(f"target < 2 s from launch to first overview: {'met' if median < 2 else 'not met'} ({median:.2f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
