"""Timeline simulation of scheduled functions, and its exports."""

from hyperoffload.sim.simulator import (
    SimulationError,
    SimulationResult,
    TransferRecord,
    simulate,
)

__all__ = ["SimulationError", "SimulationResult", "TransferRecord", "simulate"]
