"""``cache-verify-schedule``: check the schedule rules and the memory budget.

Checks every function against the rules of cache IR that are about program
order rather than single ops (the op verifiers cover those):
a prefetched buffer is used only after a wait covers its token; nothing is
used after its evict; a write-back's destination is not read before the
write-back's token is waited; no op other than the transfers reads or
writes ``#cache.remote`` memory, at any depth (a load in a ``linalg.generic``
payload from a buffer captured from above is reported at the load); every
prefetched buffer is evicted on every path
(:mod:`hyperoffload.analysis.schedule_rules`). With ``budget=``, also
simulates each function on ``hw`` and checks its device-memory peak.

Before: any cache IR. After: the same IR; each violation is an error at
the offending op and the pass fails.

Conservative: control flow is followed through ``scf`` regions only (a
multi-block region holding cache ops is reported); a token waited in one
branch of an ``scf.if`` only counts after it when waited in both; a loop
body is checked from the state before the loop.

Example::

    func.func @f(%w: memref<64xf32, #cache.remote>, %o: memref<64xf32>) {
      %d, %t = cache.prefetch %w : memref<64xf32, #cache.remote> -> memref<64xf32>
      linalg.copy ins(%d : memref<64xf32>) outs(%o : memref<64xf32>)
      %e = cache.evict %d : memref<64xf32>
      return
    }

becomes:: (the same IR, and)

    error: uses prefetched buffer %result before a cache.wait covers its token
"""

from __future__ import annotations

import dataclasses

from mlir import ir

from hyperoffload.analysis.liveness import BufferLiveness, LivenessError
from hyperoffload.analysis.schedule_rules import check_schedule
from hyperoffload.hardware import ProfileError, load_profile
from hyperoffload.sim.simulator import SimulationError, simulate
from hyperoffload.sizes import format_bytes
from hyperoffload.transforms.budget import Budget
from hyperoffload.transforms.pass_base import (
    ModulePass,
    budget_option,
    dynamic_dim_bound_option,
    functions_option,
    hw_option,
)


@dataclasses.dataclass(frozen=True)
class VerifySchedulePass(ModulePass):
    """Check the schedule rules, and the simulated peak against a budget."""

    name = "cache-verify-schedule"
    summary = "Check the schedule rules of cache IR and the simulated peak against a budget."

    budget: str = budget_option()
    hw: str = hw_option()
    dynamic_dim_bound: int = dynamic_dim_bound_option()
    functions: tuple[str, ...] = functions_option()

    def run(self, module: ir.Operation) -> None:
        budget = self._budget(module)
        failed = False
        for function in self.selected_functions(module):
            tensors = self.tensor_problem(function) if budget is not None else None
            if tensors is not None:
                # A budget on values nobody has allocated cannot be checked.
                self.emit_error(tensors[0], f"cannot check the budget: {tensors[1]}")
                failed = True
                continue
            for violation in check_schedule(function):
                self.emit_error(violation.location, violation.message)
                failed = True
            if budget is not None:
                failed |= not self._check_budget(function, budget)
        if failed:
            raise self.failure(module, "schedule verification failed")

    def _budget(self, module: ir.Operation) -> Budget | None:
        if not self.budget:
            return None
        try:
            return Budget.parse(self.budget)
        except ValueError as err:
            raise self.fail(module, f"invalid budget: {err}") from None

    def _check_budget(self, function: ir.Operation, budget: Budget) -> bool:
        bound = self.dynamic_dim_bound or None
        try:
            hardware = load_profile(self.hw)
            limit = budget.resolve(function, bound)
            liveness = BufferLiveness(function, dynamic_dim_bound=bound)
            result = simulate(function, hardware, liveness=liveness, timeline=False)
        except ProfileError as err:
            self.emit_error(function, str(err))
            return False
        except (LivenessError, SimulationError) as err:
            self.emit_error(err.location, err.message)
            return False
        if result.peak_bytes <= limit:
            return True
        self.emit_error(
            function,
            f"simulated device-memory peak {result.peak_bytes} bytes "
            f"({format_bytes(result.peak_bytes)}) exceeds the budget of {limit} bytes "
            f"({budget}) at t={result.peak_time_s:.6g} s ({result.peak_op})",
        )
        return False
