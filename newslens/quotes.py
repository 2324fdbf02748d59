"""Placeholder until the quotes extractor lands."""
from __future__ import annotations


def extract_quotes(article, sentences):
    return []
