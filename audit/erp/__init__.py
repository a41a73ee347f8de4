"""ERP: exports -> validated DataFrames (mapping, formats, validation)."""
