"""The fuzzing harness of pelatihan: run ``python fuzz/fuzz.py --help``."""
