"""Deterministic sample data for the contract audit: contract PDFs, ERP exports, answer key.

Run `python sample_gen/generate.py [--out-dir DIR]`; the same run twice gives identical files.
"""
