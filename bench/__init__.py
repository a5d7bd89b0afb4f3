"""Benchmark of the site build on synthetic data: `python -m bench` (see bench/HASIL.md)."""
