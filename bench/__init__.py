"""Benchmarks: run each as `python -m bench.<name>`; figures are printed, not asserted."""
