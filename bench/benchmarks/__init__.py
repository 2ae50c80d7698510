"""The benchmarks: one module each, found by bench/registry.py. See bench/README.md."""
