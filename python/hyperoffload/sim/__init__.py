"""Timeline simulation of scheduled functions, and its exports."""

from hyperoffload.sim.simulator import (
    BranchPath,
    SimulationError,
    SimulationResult,
    TransferRecord,
    branch_points,
    simulate,
    simulate_paths,
)

__all__ = [
    "BranchPath",
    "SimulationError",
    "SimulationResult",
    "TransferRecord",
    "branch_points",
    "simulate",
    "simulate_paths",
]
