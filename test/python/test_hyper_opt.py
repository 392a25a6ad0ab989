"""hyper-opt's guarantees that no lit test can reach: a pass that breaks
the IR is caught even with --verify-each=false."""

from __future__ import annotations

from pathlib import Path

import pytest
from hyperoffload.cli import hyper_opt
from hyperoffload.transforms.strip_transfers import StripTransfersPass
from mlir import ir

SOURCE = """
func.func @f(%a: memref<4xf32>) {
  return
}
"""


def _break_signature(self: StripTransfersPass, module: ir.Operation) -> None:
    """A pass gone wrong: the function type no longer matches its block."""
    del self
    function = module.regions[0].blocks[0].operations[0].operation
    function.attributes["function_type"] = ir.TypeAttr.get(ir.FunctionType.get([], []))


@pytest.mark.parametrize("verify_each", ["true", "false"])
def test_invalid_output_is_never_written(
    verify_each: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(StripTransfersPass, "run", _break_signature)
    source = tmp_path / "in.mlir"
    source.write_text(SOURCE)
    output = tmp_path / "out.mlir"
    code = hyper_opt.run(
        [str(source), "--cache-strip-transfers", f"--verify-each={verify_each}", "-o", str(output)]
    )
    err = capsys.readouterr().err
    assert code == 1
    assert not output.exists()
    assert "entry block must have 0 arguments to match function signature" in err
    if verify_each == "false":
        assert "the pipeline's output does not verify" in err
