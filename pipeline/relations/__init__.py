"""Typed relations: rules over tokens, entities and amounts, word lists in data/."""
