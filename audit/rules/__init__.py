"""Rules: rules/*.yaml -> Rule (schema), and clause x rule -> Term (spaCy matching, values)."""
