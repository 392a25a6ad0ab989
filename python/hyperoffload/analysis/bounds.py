"""Limits no offload plan can beat, to measure plans against.

- *Memory bound*: the largest working set of a single op (the bytes of the
  distinct buffers one top-level op touches) must be on the device while
  it runs, whatever is offloaded.
- *Time bound*: a schedule takes at least its compute time and at least the
  time its copies occupy the link, ``max(compute, transfer / engines)`` per
  direction.
- *LP bound*: the smallest device-memory peak any plan over the planner's
  gaps can reach within a slowdown ``s``, relaxed to a linear program
  (solved with scipy's HiGHS). Variables ``x_g in [0, 1]`` say how much of
  gap ``g`` is offloaded, and ``P`` is the peak; minimise ``P`` subject to

  - per step ``k``: ``base_k - sum(size_g * x_g for gaps free at k) <= P``
    (a buffer is absent at most from its ``free_from`` step until its copy
    back must start: it holds device memory while the copy runs, so that is
    the use minus the copy time, later by at most the stall ``s * T``);
  - per gap: ``(writeback_g + transfer_g) * x_g <= window_g + s * T``
    (its copies fit between the use before and the use after, plus the
    stall the slowdown allows; ``T`` is the unoffloaded makespan);
  - per direction: ``sum(transfer_g * x_g) <= engines * (1 + s) * T``
    (copies fit on the link within the makespan);
  - per deadline ``t`` (the compute-time start of a gap's use after):
    ``sum(transfer_g * x_g for gaps due by t) <= engines * (t + s * T)``
    (prefetches run after the start and end before their use, which starts
    by its compute time plus the stall), and per start ``t`` of a
    write-back: ``sum(writeback_g * x_g for write-backs starting at or
    after t) <= engines * ((1 + s) * T - t)``;
  - ``x_g = x_h`` for a parameter's or global's first and last gap (it is
    remote at entry or not at all, as the planner applies them), and
    ``x_m <= x_g`` for a gap ``m`` between two of its uses (dropped and
    fetched back only if it is remote; it may stay on the device between
    two close uses while remote).

  Every real plan with at most ``s`` slowdown satisfies these with 0/1
  values, so the LP optimum is a lower bound on its step-model peak (the
  planner's model: compute-time steps, static sizes).
- *Integral bound*: the same program with ``x_g`` in {0, 1} (a buffer moves
  whole; a gap whose copies cannot fit its window whole is never taken),
  solved by HiGHS's branch and bound under a time limit. Its proven dual
  bound is a lower bound on every such plan's peak at any moment of the
  search, and never below the LP's. Where a few large buffers share a
  saturated link, the LP's fractional copies (a third of a 256 MiB KV
  cache) make it looser: on 8-layer 32k-token decode on GH200 it allows a
  10.0% cut, whole buffers 9.7%.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from hyperoffload.analysis.offload_plan import Gap, OffloadPlanner


def working_set_peak(planner: OffloadPlanner) -> int:
    """The largest bytes one top-level op touches (memory bound)."""
    steps = planner.steps
    per_step = np.zeros(steps.count + 1, dtype=np.int64)  # the last: the function's end
    for buffer in planner.liveness.buffers:
        if buffer.on_device:
            touched = {steps.step_of[u.position] for u in buffer.uses if u.effect != "free"}
            per_step[list(touched)] += buffer.size
    return int(per_step[: steps.count].max(initial=0))


def time_bound_s(compute_s: float, transfer_s: dict[str, float], engines: int) -> float:
    """``max(compute, transfer / engines)`` over the directions (time bound)."""
    return max([compute_s, *(t / max(1, engines) for t in transfer_s.values())])


@dataclasses.dataclass
class _Model:
    """The program ``min P`` over ``[x_0..x_{n-1}, P]`` (see the module
    docstring), bytes in units of ``unit``."""

    A_ub: object
    b_ub: np.ndarray
    A_eq: object | None
    b_eq: np.ndarray | None
    upper: np.ndarray
    unit: float

    @property
    def columns(self) -> int:
        return len(self.upper)

    @property
    def objective(self) -> np.ndarray:
        """Minimise ``P``, the last column."""
        objective = np.zeros(self.columns)
        objective[-1] = 1.0
        return objective


def lp_peak_bound(planner: OffloadPlanner, slowdown: float, base_makespan_s: float) -> int:
    """Smallest peak (bytes) the LP relaxation allows within ``slowdown``."""
    model = _model(planner, slowdown, base_makespan_s)
    if isinstance(model, int):
        return model
    return int(np.floor(_relaxed_optimum(model) * model.unit))


def integral_peak_bound(
    planner: OffloadPlanner, slowdown: float, base_makespan_s: float, time_limit_s: float = 20.0
) -> int:
    """The same program with each gap offloaded whole or not at all
    (``x_g`` in {0, 1}: a buffer moves whole), solved by HiGHS's branch and
    bound for at most ``time_limit_s``: the proven lower bound on its
    optimum when the time runs out, never below the LP bound."""
    return peak_bounds(planner, slowdown, base_makespan_s, time_limit_s)[1]


def peak_bounds(
    planner: OffloadPlanner, slowdown: float, base_makespan_s: float, time_limit_s: float = 20.0
) -> tuple[int, int]:
    """:func:`lp_peak_bound` and :func:`integral_peak_bound` together, from
    one program and one solve of its relaxation."""
    from scipy.optimize import Bounds, LinearConstraint, milp

    model = _model(planner, slowdown, base_makespan_s)
    if isinstance(model, int):
        return model, model
    relaxed = _relaxed_optimum(model)
    integrality = np.ones(model.columns)
    integrality[-1] = 0  # P
    # A gap whose copies cannot fit its window whole is never offloaded.
    upper = np.where(integrality == 1, np.floor(model.upper + 1e-9), model.upper)
    constraints = [LinearConstraint(model.A_ub, -np.inf, model.b_ub)]
    if model.A_eq is not None:
        constraints.append(LinearConstraint(model.A_eq, model.b_eq, model.b_eq))
    result = milp(
        model.objective,
        constraints=constraints,
        integrality=integrality,
        bounds=Bounds(np.zeros(model.columns), upper),
        options={"time_limit": time_limit_s, "disp": False},
    )
    proven = getattr(result, "mip_dual_bound", None)
    if result.status == 0 and result.fun is not None:
        proven = result.fun if proven is None else min(proven, result.fun)
    if proven is None or not np.isfinite(proven):
        proven = relaxed
    return int(np.floor(relaxed * model.unit)), int(np.floor(max(relaxed, proven) * model.unit))


def _relaxed_optimum(model: _Model) -> float:
    from scipy.optimize import linprog

    result = linprog(
        model.objective,
        A_ub=model.A_ub,
        b_ub=model.b_ub,
        A_eq=model.A_eq,
        b_eq=model.b_eq,
        bounds=list(zip(np.zeros(model.columns), model.upper, strict=True)),
        method="highs",
    )
    if result.status != 0:
        raise RuntimeError(f"LP bound: HiGHS did not solve the relaxation: {result.message}")
    return float(result.x[-1])


def _model(planner: OffloadPlanner, slowdown: float, base_makespan_s: float) -> _Model | int:
    """The program for ``planner``'s gaps, or the peak itself when there
    is nothing to offload."""
    from scipy.sparse import coo_matrix, vstack

    steps = planner.steps
    count = steps.count
    kept = [index for index, gap in enumerate(planner.gaps) if gap.free_from < gap.before]
    gaps = [planner.gaps[index] for index in kept]
    column = {index: position for position, index in enumerate(kept)}  # planner gap -> column
    base = planner.base_profile()[:count].astype(float)
    if not gaps or count == 0:
        return int(base.max()) if count else 0
    # Bytes in units of the unoffloaded peak, seconds in units of the
    # makespan: HiGHS fails on rows that mix 1e10 and 1e-4.
    unit = float(base.max()) or 1.0
    period = base_makespan_s or 1.0
    base = base / unit
    sizes = np.array([planner.candidates[g.candidate].buffer.size for g in gaps], dtype=float)
    sizes /= unit
    n = len(gaps)
    # Columns: x_0..x_{n-1}, P.  Memory rows: -size_g * x_g (g free at k) - P <= -base_k.
    stall = slowdown * base_makespan_s
    rows, cols, values = [], [], []
    for index, gap in enumerate(gaps):
        first, last = gap.free_from, _absent_until(planner, gap, stall)
        span = np.arange(first, last)
        rows.append(span)
        cols.append(np.full(len(span), index))
        values.append(np.full(len(span), -sizes[index]))
    rows.append(np.arange(count))
    cols.append(np.full(count, n))
    values.append(np.full(count, -1.0))
    memory = coo_matrix(
        (np.concatenate(values), (np.concatenate(rows), np.concatenate(cols))),
        shape=(count, n + 1),
    )
    engines = planner.hardware.copy_engines_per_direction
    link_rows = np.zeros((2, n + 1))
    link_rows[0, :n] = [g.transfer_s / period for g in gaps]
    link_rows[1, :n] = [g.writeback_s / period for g in gaps]
    link_limit = np.full(2, engines * (1 + slowdown))
    prefix, prefix_limit = _link_prefixes(planner, gaps, stall, period, engines)
    # Per-gap windows as variable bounds: x_g <= (window + stall) / copy time.
    upper = np.ones(n + 1)
    upper[n] = np.inf
    for index, gap in enumerate(gaps):
        copy = gap.transfer_s + gap.writeback_s
        if copy <= 0:
            continue
        start = 0 if gap.after < 0 else gap.after + 1
        window = steps.time_between(start, min(gap.before, count))
        upper[index] = min(1.0, (window + stall) / copy)
    # Gaps the planner applies together: a parameter's or global's first
    # and last move together (it is remote at entry or not at all); a gap
    # between two of its uses needs them (only a remote buffer can be
    # dropped and fetched back) but is not needed by them: the planner may
    # keep the buffer on the device between two close uses.
    pairs, needs = [], []
    for index in column:
        for member in planner.partners(index):
            if member == index or member not in column:
                continue
            if index in planner.partners(member):
                if member > index:
                    pairs.append((column[index], column[member]))
            else:
                needs.append((column[index], column[member]))  # x_index <= x_member
    equal = None
    if pairs:
        equal_rows = np.repeat(np.arange(len(pairs)), 2)
        equal_cols = np.array(pairs, dtype=np.int64).reshape(-1)
        equal_values = np.tile([1.0, -1.0], len(pairs))
        equal = coo_matrix(
            (equal_values, (equal_rows, equal_cols)), shape=(len(pairs), n + 1)
        ).tocsr()
    implied = coo_matrix((0, n + 1))
    if needs:
        need_rows = np.repeat(np.arange(len(needs)), 2)
        need_cols = np.array(needs, dtype=np.int64).reshape(-1)
        need_values = np.tile([1.0, -1.0], len(needs))
        implied = coo_matrix((need_values, (need_rows, need_cols)), shape=(len(needs), n + 1))
    return _Model(
        A_ub=vstack([memory, coo_matrix(link_rows), prefix, implied]).tocsr(),
        b_ub=np.concatenate([-base, link_limit, prefix_limit, np.zeros(len(needs))]),
        A_eq=equal,
        b_eq=np.zeros(len(pairs)) if pairs else None,
        upper=upper,
        unit=unit,
    )


def _link_prefixes(
    planner: OffloadPlanner, gaps: list[Gap], stall: float, period: float, engines: int
) -> tuple[object, np.ndarray]:
    """Rows ``sum(transfer_g * x_g for gaps due by t) <= engines * (t + stall)``
    for each deadline ``t`` (the start of a gap's use after, in compute
    time), and ``sum(writeback_g * x_g for gaps whose use before ends at or
    after t) <= engines * ((1 + s) T - t)`` for each such ``t``, in units
    of the makespan ``T = period``. A prefetch runs after the function
    starts and ends before its use, which starts by its compute time plus
    the stall; a write-back starts after its use before ends and ends by
    the makespan: so the copies due by ``t`` share the engines over
    ``[0, t + stall]``, and those starting after ``t`` over ``[t, (1 + s) T]``."""
    from scipy.sparse import coo_matrix

    steps = planner.steps
    count = steps.count
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    values: list[np.ndarray] = []
    limits: list[float] = []
    due = [
        (float(steps.times[g.before]), index, g.transfer_s)
        for index, g in enumerate(gaps)
        if g.transfer_s > 0 and g.before < count
    ]
    makespan = period + stall
    starting = [
        (float(steps.times[g.after + 1]), index, g.writeback_s)
        for index, g in enumerate(gaps)
        if g.writeback_s > 0 and g.after >= 0
    ]
    for items, reverse, room in (
        (due, False, lambda t: t + stall),
        (starting, True, lambda t: makespan - t),
    ):
        # One row per distinct time, with every copy up to it in that order.
        items.sort(reverse=reverse)
        for end in range(len(items)):
            if end + 1 < len(items) and items[end + 1][0] == items[end][0]:
                continue
            members = items[: end + 1]
            rows.append(np.full(len(members), len(limits)))
            cols.append(np.array([index for _, index, _ in members]))
            values.append(np.array([seconds / period for _, _, seconds in members]))
            limits.append(engines * room(items[end][0]) / period)
    n = len(gaps)
    if not limits:
        return coo_matrix((0, n + 1)), np.zeros(0)
    matrix = coo_matrix(
        (np.concatenate(values), (np.concatenate(rows), np.concatenate(cols))),
        shape=(len(limits), n + 1),
    )
    return matrix, np.array(limits)


def _absent_until(planner: OffloadPlanner, gap: Gap, stall: float) -> int:
    """The step up to which ``gap``'s buffer can be absent: its copy back
    holds device memory while it runs, so it starts by the use minus the
    copy time, or later by at most the stall the slowdown allows."""
    if gap.before >= planner.steps.count:
        return planner.steps.count
    return planner.latest_start(gap, gap.transfer_s - stall)
