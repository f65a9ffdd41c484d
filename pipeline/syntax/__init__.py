"""Stage `syntax`: one analysis of each sentence (chunks, verb groups with their features, clauses,
attribution), aligned to tokens, entities and amounts; read by `relations` and serialized by `triples`."""
