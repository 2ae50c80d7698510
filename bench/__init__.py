"""Benchmarks of the suite: `make bench` (bench/run.py). See bench/README.md."""
