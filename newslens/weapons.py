"""Placeholder until the weapons extractor lands."""
from __future__ import annotations


def extract_weapons(article, sentences):
    return []
