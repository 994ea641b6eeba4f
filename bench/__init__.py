"""relbook's benchmarks: each figure beside a floor measured in the same run (see README.md)."""
