"""Store: SQLAlchemy tables and the only database code."""
