"""What the dashboard's server does at start: the warm-up thread and the browser tab that
`streamlit run` opens for a plain script but leaves to an `st.App`."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest
from streamlit import config

from newslens_app import server, ui

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("options, manual, expected", [
    ({"server.headless": True}, set(), None),                                    # CI, servers: no tab
    ({"server.headless": False, "browser.serverPort": 8600}, set(), "http://localhost:8600"),
    ({"server.headless": False, "browser.serverPort": 8601, "browser.serverAddress": "dash.example"},
     {"browser.serverAddress"}, "http://dash.example:8601"),
])
def test_the_browser_tab_opens_only_with_a_display(monkeypatch, options, manual, expected):
    real = config.get_option
    monkeypatch.setattr(config, "get_option", lambda key: options[key] if key in options else real(key))
    monkeypatch.setattr(config, "is_manually_set", lambda key: key in manual)
    assert server.browser_url() == expected


def test_the_warm_up_thread_runs_ui_warm_up_and_survives_its_failure(monkeypatch, capsys):
    calls = []

    def failing():
        calls.append("warm_up")
        raise OSError("disk gone")

    monkeypatch.setattr(ui, "warm_up", failing)
    server.warm_up_in_background().join(timeout=30)
    assert calls == ["warm_up"] and "warm-up skipped (OSError: disk gone)" in capsys.readouterr().err


def test_dashboard_py_declares_the_app_streamlit_run_serves():
    # `streamlit run` serves a script through st.App only when it finds the assignment (by AST)
    from streamlit.web.server.app_discovery import discover_asgi_app
    found = discover_asgi_app(ROOT / "dashboard.py")
    assert found.is_asgi_app and found.app_name == "app"
    assert "lifespan" in ast.unparse(ast.parse((ROOT / "dashboard.py").read_text()))
