"""Hardware profiles: the figures the cost model and the simulator use.

A profile is a TOML file in this directory (or anywhere, given by path)::

    name = "h100-pcie"
    description = "..."
    source = "where each figure comes from"
    device_memory = "80 GiB"          # bytes, or a size with a unit
    hbm_bandwidth = 2.0e12            # bytes/s
    pool_to_device_bandwidth = 64e9   # bytes/s, per copy engine
    device_to_pool_bandwidth = 64e9   # bytes/s, per copy engine
    transfer_latency = 8e-6           # seconds added to every transfer
    copy_engines_per_direction = 1

    [peak_flops]                      # FLOP/s (dense), by element type
    f16 = 756e12
    default = 51e12                   # any element type not listed

    [op_seconds]                      # optional: measured times of linalg ops,
    "linalg.matmul {...} (memref<...>, ...) []" = 1.2e-3   # by op_signature()

``hw=`` options accept a profile name (``available_profiles()``) or a path.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import tomllib
from pathlib import Path

from mlir import ir

from hyperoffload.sizes import parse_bytes

_DIR = Path(__file__).resolve().parent

_REQUIRED = {
    "name": str,
    "description": str,
    "source": str,
    "device_memory": (int, str),
    "hbm_bandwidth": (int, float),
    "pool_to_device_bandwidth": (int, float),
    "device_to_pool_bandwidth": (int, float),
    "transfer_latency": (int, float),
    "copy_engines_per_direction": int,
    "peak_flops": dict,
}


class ProfileError(ValueError):
    """A profile cannot be found or is malformed."""


@dataclasses.dataclass(frozen=True)
class HardwareProfile:
    name: str
    description: str
    source: str
    device_memory: int
    hbm_bandwidth: float
    pool_to_device_bandwidth: float
    device_to_pool_bandwidth: float
    transfer_latency: float
    copy_engines_per_direction: int
    peak_flops: dict[str, float]
    # Measured seconds of linalg ops by op_signature(); the cost model uses
    # them instead of the roofline (tools/bench_gpu.py --calibrate ops).
    op_seconds: dict[str, float] = dataclasses.field(default_factory=dict)

    def peak_for(self, element_type: ir.Type | None) -> float:
        """Peak FLOP/s for arithmetic on ``element_type``."""
        key = str(element_type) if element_type is not None else "default"
        return self.peak_flops.get(key, self.peak_flops["default"])

    def transfer_seconds(self, nbytes: int, to_device: bool) -> float:
        """Time one copy engine takes to move ``nbytes``."""
        bandwidth = self.pool_to_device_bandwidth if to_device else self.device_to_pool_bandwidth
        return self.transfer_latency + nbytes / bandwidth

    def with_compute_scaled(self, factor: float, note: str) -> HardwareProfile:
        """This profile with every peak FLOP/s and the HBM bandwidth times
        ``factor`` (so every roofline op time divided by it); the links are
        unchanged. ``note`` is appended to the source."""
        if factor <= 0:
            raise ProfileError(f"compute scale must be positive, got {factor}")
        return dataclasses.replace(
            self,
            name=f"{self.name}-scaled",
            source=f"{self.source} {note}",
            hbm_bandwidth=self.hbm_bandwidth * factor,
            peak_flops={k: v * factor for k, v in self.peak_flops.items()},
        )

    def with_op_seconds(self, op_seconds: dict[str, float], note: str) -> HardwareProfile:
        """This profile with measured op times (see ``op_seconds``) added to
        any it has; ``note`` is appended to the source."""
        if any(not seconds >= 0 for seconds in op_seconds.values()):
            raise ProfileError("measured op times must be non-negative")
        return dataclasses.replace(
            self,
            name=f"{self.name}-measured",
            source=f"{self.source} {note}",
            op_seconds={**self.op_seconds, **op_seconds},
        )

    def to_toml(self) -> str:
        """The profile as a TOML file that :func:`load_profile` reads back."""

        # JSON's string escapes are all TOML basic-string escapes.
        text = functools.partial(json.dumps, ensure_ascii=False)
        lines = [
            f"name = {text(self.name)}",
            f"description = {text(self.description)}",
            f"source = {text(self.source)}",
            f"device_memory = {self.device_memory}",
            f"hbm_bandwidth = {self.hbm_bandwidth!r}",
            f"pool_to_device_bandwidth = {self.pool_to_device_bandwidth!r}",
            f"device_to_pool_bandwidth = {self.device_to_pool_bandwidth!r}",
            f"transfer_latency = {self.transfer_latency!r}",
            f"copy_engines_per_direction = {self.copy_engines_per_direction}",
            "",
            "[peak_flops]",
            *(f"{text(k)} = {v!r}" for k, v in self.peak_flops.items()),
        ]
        if self.op_seconds:
            lines += ["", "[op_seconds]"]
            lines += [f"{text(k)} = {v!r}" for k, v in self.op_seconds.items()]
        return "\n".join(lines) + "\n"


def available_profiles() -> list[str]:
    """Names of the profiles shipped with the package."""
    return sorted(path.stem for path in _DIR.glob("*.toml"))


def load_profile(name_or_path: str) -> HardwareProfile:
    """Load a shipped profile by name, or a TOML file by path."""
    path = Path(name_or_path)
    if not (path.suffix == ".toml" or path.exists()):
        path = _DIR / f"{name_or_path}.toml"
        if not path.is_file():
            raise ProfileError(
                f"unknown hardware profile '{name_or_path}' "
                f"(known: {', '.join(available_profiles())}; or give a path to a .toml file)"
            )
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise ProfileError(f"cannot read hardware profile {path}: {err.strerror}") from None
    except tomllib.TOMLDecodeError as err:
        raise ProfileError(f"hardware profile {path} is not valid TOML: {err}") from None
    return _from_dict(data, str(path))


def _from_dict(data: dict[str, object], where: str) -> HardwareProfile:
    unknown = set(data) - set(_REQUIRED) - {"op_seconds"}
    if unknown:
        raise ProfileError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    for key, expected in _REQUIRED.items():
        if key not in data:
            raise ProfileError(f"{where}: missing field '{key}'")
        if not isinstance(data[key], expected) or isinstance(data[key], bool):
            raise ProfileError(f"{where}: field '{key}' has the wrong type")
    peak = {str(k): float(v) for k, v in dict(data["peak_flops"]).items()}  # type: ignore[call-overload]
    if "default" not in peak:
        raise ProfileError(f"{where}: [peak_flops] needs a 'default' entry")
    numbers = {
        key: float(data[key])  # type: ignore[arg-type]
        for key in (
            "hbm_bandwidth",
            "pool_to_device_bandwidth",
            "device_to_pool_bandwidth",
            "transfer_latency",
        )
    }
    if any(value <= 0 for key, value in numbers.items() if key != "transfer_latency") or any(
        value <= 0 for value in peak.values()
    ):
        raise ProfileError(f"{where}: bandwidths and peaks must be positive")
    if numbers["transfer_latency"] < 0:
        raise ProfileError(f"{where}: transfer_latency must not be negative")
    engines = int(data["copy_engines_per_direction"])  # type: ignore[call-overload]
    if engines < 1:
        raise ProfileError(f"{where}: copy_engines_per_direction must be at least 1")
    measured = data.get("op_seconds", {})
    if not isinstance(measured, dict) or any(
        isinstance(v, bool) or not isinstance(v, (int, float)) or v < 0 for v in measured.values()
    ):
        raise ProfileError(f"{where}: [op_seconds] must map op signatures to seconds >= 0")
    memory = data["device_memory"]
    device_memory = parse_bytes(memory) if isinstance(memory, str) else int(memory)  # type: ignore[arg-type]
    return HardwareProfile(
        name=str(data["name"]),
        description=str(data["description"]),
        source=str(data["source"]),
        device_memory=device_memory,
        copy_engines_per_direction=engines,
        peak_flops=peak,
        op_seconds={str(k): float(v) for k, v in measured.items()},
        **numbers,
    )
