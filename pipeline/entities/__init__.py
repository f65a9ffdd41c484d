"""Entities stage (NER): gazetteers and patterns as data, fused with the trained stanza model."""
