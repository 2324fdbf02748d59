"""newslens: news articles in, analyst tables out (quotes, figures, dates, weapons, entities)."""
__version__ = "0.1.0"
