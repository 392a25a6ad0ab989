# -*- Python -*-
"""lit configuration of HyperOffload-MLIR.

Runs against the installed package: `hyper-opt` and the interpreter are the
ones of the Python running lit, FileCheck and mlir-opt come from the pinned
LLVM/MLIR wheels.
"""

import os
import shutil
import sys
from pathlib import Path

import lit.formats
import llvm
import mlir

config.name = "HyperOffload"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".mlir"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.test_source_root, "..", "build", "lit")
config.excludes = ["python", "robustness", "lit.cfg.py", "Inputs"]

python = sys.executable
bin_dir = Path(python).parent
llvm_bin = Path(next(iter(llvm.__path__))) / "bin"
mlir_bin = Path(next(iter(mlir.__path__))) / "bin"

hyper_opt = shutil.which("hyper-opt", path=str(bin_dir)) or shutil.which("hyper-opt")
if hyper_opt is None:
    lit_config.fatal("hyper-opt not found: install the package first (pip install .)")

from hyperoffload import _native  # noqa: E402

config.environment["PATH"] = os.pathsep.join(
    [str(bin_dir), str(llvm_bin), str(mlir_bin), config.environment.get("PATH", "")]
)
config.environment["FILECHECK_OPTS"] = "-enable-var-scope --allow-unused-prefixes=false"
config.environment["PYTHONUNBUFFERED"] = "1"

config.substitutions.append(("%PYTHON", python))
config.substitutions.append(("%hyper-opt", hyper_opt))
config.substitutions.append(("%cache_plugin", str(_native.plugin_path())))
config.substitutions.append(("%mlir-opt", str(mlir_bin / "mlir-opt")))
config.substitutions.append(("%mlir-translate", str(mlir_bin / "mlir-translate")))
config.substitutions.append(("%FileCheck", str(llvm_bin / "FileCheck")))
config.substitutions.append(("%inputs", os.path.join(config.test_source_root, "Inputs")))
