"""hindi-extract: Hindi (Devanagari) briefings and news -> analyst tables."""
__version__ = "0.1.0"
