"""python -m audit: the same as the contract-audit command."""

from audit.cli import main

main()
