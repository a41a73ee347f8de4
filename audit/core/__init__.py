"""The core: what every stage may use and nothing stage-specific (the value grammar and the
plain readers on it, addresses, working days, YAML loading). It imports no stage."""
