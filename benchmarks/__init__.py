"""Benchmarks: throughput next to the spaCy parse, and quality next to textacy.

Run them as modules from the repository root (``python -m benchmarks.throughput``,
``python -m benchmarks.textacy_baseline``); see ``benchmarks/README.md``.
"""
