"""Python op classes for the dialects of HyperOffload-MLIR."""
