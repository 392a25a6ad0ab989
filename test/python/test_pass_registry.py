"""The pass registry, typed options and the naming conventions of passes."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Literal

import pytest
from hyperoffload.transforms import ModulePass, OptionError, get_all_passes, get_pass
from hyperoffload.transforms.pass_base import split_option_text

REPO = Path(__file__).resolve().parents[2]


def test_registry_is_lazy() -> None:
    code = textwrap.dedent(
        """
        import sys
        from hyperoffload.transforms.registry import get_all_passes, get_pass
        passes = get_all_passes()
        assert "cache-strip-transfers" in passes
        assert "hyperoffload.transforms.strip_transfers" not in sys.modules
        assert get_pass("cache-strip-transfers").__name__ == "StripTransfersPass"
        assert "hyperoffload.transforms.strip_transfers" in sys.modules
        print("lazy")
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "lazy"


PASS_NAMES = sorted(n for n in get_all_passes() if n.startswith("cache-"))


def test_pipelines_follow_the_naming_convention() -> None:
    # Pipelines are named as upstream's are (`*-pipeline`): module and class
    # follow the name, and the test file carries it.
    pipelines = sorted(n for n in get_all_passes() if not n.startswith("cache-"))
    assert pipelines == ["hyper-offload-pipeline"]
    pass_class = get_pass("hyper-offload-pipeline")
    assert pass_class.__name__ == "HyperOffloadPipelinePass"
    assert pass_class.__module__ == "hyperoffload.transforms.hyper_offload_pipeline"
    assert (REPO / "test" / "Transforms" / "hyper-offload-pipeline.mlir").is_file()


@pytest.mark.parametrize("name", PASS_NAMES)
def test_pass_follows_the_naming_convention(name: str) -> None:
    match = re.fullmatch(r"cache-([a-z]+)-([a-z]+(?:-[a-z]+)*)", name)
    assert match, f"{name} is not cache-<verb>-<noun>"
    verb, noun = match.groups()
    pass_class = get_pass(name)
    assert pass_class.name == name
    words = [verb, *noun.split("-")]
    assert pass_class.__name__ == "".join(w.capitalize() for w in words) + "Pass"
    assert pass_class.__module__ == "hyperoffload.transforms." + "_".join(words)
    assert (REPO / "test" / "Transforms" / f"{'-'.join(words)}.mlir").is_file()


@pytest.mark.parametrize("name", sorted(get_all_passes()))
def test_pass_is_documented(name: str) -> None:
    pass_class = get_pass(name)
    assert pass_class.summary.endswith(".")
    module_doc = sys.modules[pass_class.__module__].__doc__ or ""
    assert module_doc.startswith(f"``{name}``:")
    assert "Before:" in module_doc and "After:" in module_doc
    assert "Conservative:" in module_doc
    assert "becomes::" in module_doc, "a before -> after IR example"


@dataclasses.dataclass(frozen=True)
class _OptionsPass(ModulePass):
    """A pass with one option of each supported type."""

    name = "cache-test-options"
    summary = "Has options."

    count: int = dataclasses.field(default=2, metadata={"help": "a count"})
    ratio: float = 0.5
    enabled: bool = False
    label: str = "x"
    mode: Literal["fast", "slow"] = "fast"
    kinds: tuple[str, ...] = ("params",)

    def run(self, module: object) -> None:
        pass


def test_options_describe_themselves() -> None:
    infos = {info.name: info for info in _OptionsPass.options()}
    assert list(infos) == ["count", "ratio", "enabled", "label", "mode", "kinds"]
    assert infos["count"].type_name == "int" and infos["count"].help == "a count"
    assert infos["mode"].type_name == "fast|slow"
    assert infos["kinds"].type_name == "list of string"
    assert infos["kinds"].format_default() == "params"


@pytest.mark.parametrize(
    "text",
    [
        "count=4 ratio=0.25 enabled=true label=abc mode=slow kinds=params,globals",
        "count=4,ratio=0.25,enabled=true,label=abc,mode=slow,kinds=params,globals",
        "count=0x4 ratio=.25 enabled=1 label='abc' mode=slow kinds={params,globals}",
    ],
)
def test_option_text_parses_in_every_spelling(text: str) -> None:
    built = _OptionsPass.from_option_text(text)
    assert built == _OptionsPass(4, 0.25, True, "abc", "slow", ("params", "globals"))


@pytest.mark.parametrize(
    "built",
    [
        _OptionsPass(count=7, kinds=("a", "b")),
        _OptionsPass(4, 0.25, True, "two words", "slow", ("params", "globals")),
        _OptionsPass(enabled=False, ratio=1e-3),
        _OptionsPass(),
    ],
)
def test_pipeline_text_round_trips(built: _OptionsPass) -> None:
    """What pipeline_text() prints parses back to the same pass."""
    text = built.pipeline_text()
    name, _, options = text.partition("{")
    assert name == "cache-test-options"
    assert _OptionsPass.from_option_text(options.removesuffix("}")) == built


def test_pipeline_text_prints_only_changed_options() -> None:
    assert _OptionsPass(count=7, kinds=("a", "b")).pipeline_text() == (
        "cache-test-options{count=7 kinds=a,b}"
    )
    assert _OptionsPass().pipeline_text() == "cache-test-options"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("nope=1", "no such option 'nope' for pass 'cache-test-options' (options: count, ratio"),
        (
            "count=many",
            "invalid value for option 'count' of pass 'cache-test-options': "
            "expected an integer, got 'many'",
        ),
        ("ratio=fast", "expected a number, got 'fast'"),
        ("enabled=maybe", "expected true or false, got 'maybe'"),
        ("mode=medium", "expected one of fast, slow, got 'medium'"),
        ("count", "option 'count' of pass 'cache-test-options' needs a value"),
        ("label='abc", "unterminated quote"),
    ],
)
def test_bad_option_text_is_an_option_error(text: str, message: str) -> None:
    with pytest.raises(OptionError, match=re.escape(message)):
        _OptionsPass.from_option_text(text)


def test_split_option_text_keeps_list_values_together() -> None:
    assert split_option_text("a=1,b=x,y c=2") == ["a=1", "b=x,y", "c=2"]
    assert split_option_text("  ") == []
    assert split_option_text('s="with space" t={n=1 m=2}') == ["s=with space", "t=n=1 m=2"]
