"""``hyper-opt --report/--trace/--memory-plot`` and the statistics of our
passes: liveness and simulation of every function, before and after the
pipeline."""

from __future__ import annotations

import dataclasses
import json

from mlir import ir

from hyperoffload.analysis.liveness import BufferLiveness, LivenessError
from hyperoffload.cli.diagnostics import (
    Diag,
    resolve_location,
)
from hyperoffload.cli.options import Options, UsageError
from hyperoffload.hardware import HardwareProfile, ProfileError, load_profile
from hyperoffload.output import write_text
from hyperoffload.sim.plot import plot_memory
from hyperoffload.sim.report import function_report, summary_text
from hyperoffload.sim.simulator import SimulationError, SimulationResult, simulate, simulate_paths
from hyperoffload.sim.trace import write_trace
from hyperoffload.sizes import parse_bytes
from hyperoffload.transforms import pass_base
from hyperoffload.transforms.pipeline import PipelineStage, instantiate


@dataclasses.dataclass
class Inspection:
    """Liveness and simulation of every function, for --report, --trace and
    --memory-plot, before and after the pipeline."""

    hardware: HardwareProfile
    budget: int | None
    dynamic_dim_bound: int | None
    compare: bool
    reports: list[dict[str, object]] = dataclasses.field(default_factory=list)
    simulations: list[SimulationResult] = dataclasses.field(default_factory=list)
    plans: dict[str, object] = dataclasses.field(default_factory=dict)

    def analyse(
        self, module: ir.Module, diags: list[Diag] | None = None
    ) -> list[tuple[BufferLiveness, SimulationResult]]:
        """Liveness and simulation of each function with a body. One that
        cannot be analysed (a dynamic stride, say) is left out of the
        reports alone: with ``diags``, a warning there says why, and its
        report entry carries the message."""
        results = []
        for op in module.body.operations:
            operation = op.operation
            if operation.name != "func.func" or not len(operation.regions[0].blocks):
                continue
            try:
                liveness = BufferLiveness(operation, dynamic_dim_bound=self.dynamic_dim_bound)
                results.append((liveness, simulate(operation, self.hardware, liveness=liveness)))
            except (LivenessError, SimulationError) as err:
                if diags is None:
                    continue
                name = ir.StringAttr(operation.attributes["sym_name"]).value
                message = f"the report leaves @{name} out: {err.message}"
                location = resolve_location(err.location)
                diags.append(Diag("warning", location, str(err.location), message, []))
                self.reports.append({"name": name, "error": err.message})
        return results

    def record(
        self,
        after: list[tuple[BufferLiveness, SimulationResult]],
        before: dict[str, dict[str, object]],
    ) -> None:
        for liveness, simulation in after:
            previous = before.get(liveness.name) if self.compare else None
            plan = self.plans.get(liveness.name)
            budget = self.budget
            if isinstance(plan, dict) and "before" in plan:
                # The offload pipeline's own view of the function it was
                # given (after any passes before it, e.g. bufferization),
                # on the hardware it planned for, and its budget.
                previous = plan["before"]
                if budget is None and plan.get("budget_bytes") is not None:
                    budget = plan["budget_bytes"]
            try:
                paths = simulate_paths(liveness.function, self.hardware, liveness)
            except SimulationError:
                paths = []  # the default path simulated; a forced one did not
            entry = function_report(liveness, simulation, previous, budget, paths)
            if plan is not None:
                entry["plan"] = plan
            self.reports.append(entry)
            self.simulations.append(simulation)

    def write(self, opts: Options) -> None:
        document = {
            "hardware": self.hardware.name,
            "budget_bytes": self.budget,
            "functions": self.reports,
        }
        if opts.report is not None:
            write_text(opts.report, json.dumps(document, indent=2) + "\n")
        if opts.summary is not None:
            write_text(opts.summary, summary_text(document, self.hardware.name))
        if opts.trace is not None:
            write_trace(self.simulations, opts.trace)
        if opts.memory_plot is not None:
            plot_memory(self.simulations, opts.memory_plot, self.budget)


def plan_statistics(instances: list[pass_base.ModulePass]) -> dict[str, object]:
    """Per function, the statistics our passes kept (JSON-ready)."""
    found: dict[str, object] = {}
    for instance in instances:
        for name, value in getattr(instance, "statistics", {}).items():
            found[name] = dataclasses.asdict(value) if dataclasses.is_dataclass(value) else value
    return found


def statistics_report(instances: list[pass_base.ModulePass]) -> str:
    """Our passes' statistics in the style of --mlir-pass-statistics."""
    lines = []
    for instance in instances:
        stats = getattr(instance, "statistics", {})
        if not stats:
            continue
        lines.append(f"{type(instance).__name__} ({instance.name})")
        for function, value in stats.items():
            data = dataclasses.asdict(value) if dataclasses.is_dataclass(value) else value
            plan = data.get("plan") or data
            lines.append(f"  @{function}")
            # Every number the pass kept for the function, in its order
            # (names, tables and the plan's decisions are for --report).
            for key, value in data.items():
                if isinstance(value, int | float) and not isinstance(value, bool):
                    lines.append(f"    (S) {value} {key}")
            for kind, amount in (plan.get("offloaded_bytes") or {}).items():
                lines.append(f"    (S) {amount} offloaded-bytes-{kind}")
            for key in ("transfers", "estimated_exposed_s", "planned_peak"):
                if key in plan:
                    lines.append(f"    (S) {plan[key]} {key}")
            for decision in plan.get("decisions", []):
                if not decision.get("offloaded"):
                    lines.append(
                        f"    kept {decision['buffer']} ({decision['size_bytes']} bytes): "
                        f"{decision['reason']}"
                    )
    if not lines:
        return ""
    rule = "===" + "-" * 73 + "==="
    header = [rule, "                    ... HyperOffload pass statistics ...", rule]
    return "\n".join(header + lines) + "\n"


def make_inspection(opts: Options, stages: list[PipelineStage]) -> Inspection | None:
    if not opts.inspecting:
        return None
    for flag in ("report", "summary"):
        if getattr(opts, flag) == "-" and opts.output == "-":
            raise UsageError(f"--{flag}=- writes to standard output: give the IR a file with -o")
    try:
        hardware = load_profile(opts.hw or _pipeline_hw(stages) or "h100-pcie")
    except ProfileError as err:
        raise UsageError(str(err)) from None
    try:
        budget = parse_bytes(opts.budget) if opts.budget is not None else None
    except ValueError as err:
        raise UsageError(f"invalid --budget: {err}") from None
    bound = None
    if opts.dynamic_dim_bound is not None:
        try:
            bound = pass_base._parse_int(opts.dynamic_dim_bound)
        except ValueError as err:
            raise UsageError(f"invalid --dynamic-dim-bound: {err}") from None
    return Inspection(hardware, budget, bound, compare=bool(stages))


def _pipeline_hw(stages: list[PipelineStage]) -> str | None:
    """The ``hw=`` of the last hyper-offload-pipeline among ``stages``
    (the profile it planned for), if any."""
    found = None
    for stage in stages:
        if stage.name == "hyper-offload-pipeline":
            found = getattr(instantiate(stage), "hw", None) or found
    return found
