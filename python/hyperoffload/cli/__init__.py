"""Command-line tools of HyperOffload-MLIR."""
