"""Contract-compliance audit: contract PDFs + ERP exports -> each owner's deviations."""

__version__ = "0.1.0"
