"""Contracts: PDF -> pages -> clauses, linked to ERP customers, amendments marked."""
