"""Data files (TSV) of the sentence splitter and tokenizer; read through pipeline.text.wordlists."""
