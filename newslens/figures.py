"""Placeholder until the figures extractor lands."""
from __future__ import annotations


def extract_figures(article, sentences):
    return []
