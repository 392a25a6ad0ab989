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

  - *absence rows*, per hot step ``k`` (one whose memory row holds the
    optimum of the rows so far; added in rounds, see ``_model``):
    ``y_gk in [0, x_g]`` says gap ``g`` is away
    during step ``k``; ``base_k - sum(size_g * y_gk) <= P``; away at a
    later hot step only if away at the one before (a gap is away over one
    run of steps from where it is freed); and per deadline ``d``:
    ``sum(transfer_g * y_gk for gaps due by d) <= engines * (d + s * T -
    start_{k+1})``: a buffer away during step ``k`` is fetched after
    step ``k + 1`` starts (its prefetch holds memory from its issue), so
    the copies of the buffers away at one step share the link from then
    to their uses. The gap rows alone let every buffer be away until its
    own latest start, as if each had the link to itself: on a 2-layer
    Qwen2-0.5B-shaped export at 512 tokens on GH200 they allowed 35.0% of
    peak cut within 1%, these rows 30.4% (and the pipeline reaches 28.0%).

  Every real plan with at most ``s`` slowdown satisfies these with 0/1
  values, so the LP optimum is a lower bound on its step-model peak (the
  planner's model: compute-time steps, static sizes).
- *Tied parameters* (``tied=``, groups of parameter names): each group's
  decisions equal (in the pool at entry all together or none). The
  straight-line program with a weight kind's layers tied bounds every plan
  of its ``lax.scan`` form, whose stacked parameter is in the pool whole or
  not at all (``tools/bench_forms.py --bounds``).
- *Integral bound*: the same program with ``x_g`` and ``y_gk`` in {0, 1}
  (a buffer moves whole; a gap whose copies cannot fit its window whole is
  never taken),
  solved by HiGHS's branch and bound under a time limit. Its proven dual
  bound is a lower bound on every such plan's peak at any moment of the
  search, and never below the LP's. Where a few large buffers share a
  saturated link, the LP's fractional copies (a third of a 256 MiB KV
  cache) make it looser: on 8-layer 32k-token decode on GH200 it allows a
  9.98% cut, whole buffers 9.89%.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import numpy as np

from hyperoffload.analysis.offload_plan import Gap, OffloadPlanner

# Columns the absence rows may add (two per gap and hot step at most), and
# the rounds of adding them; a memory row within this slack (in units of
# the unoffloaded peak) holds the optimum.
MAX_ABSENCE_COLUMNS = 60_000
ABSENCE_ROUNDS = 6
ABSENCE_STEPS_PER_ROUND = 8
_BINDING = 1e-7


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
    # 1 for the columns that are 0/1 in the integral program.
    integral: np.ndarray

    @property
    def columns(self) -> int:
        return len(self.upper)

    @property
    def objective(self) -> np.ndarray:
        """Minimise ``P``, the last column."""
        objective = np.zeros(self.columns)
        objective[-1] = 1.0
        return objective


def lp_peak_bound(
    planner: OffloadPlanner,
    slowdown: float,
    base_makespan_s: float,
    tied: Sequence[Sequence[str]] = (),
) -> int:
    """Smallest peak (bytes) the LP relaxation allows within ``slowdown``
    (with the parameters of each group of ``tied`` in the pool together or
    not at all, see :func:`peak_bounds`)."""
    built = _model(planner, slowdown, base_makespan_s, tied)
    if isinstance(built, int):
        return built
    model, relaxed = built
    return int(np.floor(relaxed * model.unit))


def integral_peak_bound(
    planner: OffloadPlanner, slowdown: float, base_makespan_s: float, time_limit_s: float = 20.0
) -> int:
    """The same program with each gap offloaded whole or not at all
    (``x_g`` in {0, 1}: a buffer moves whole), solved by HiGHS's branch and
    bound for at most ``time_limit_s``: the proven lower bound on its
    optimum when the time runs out, never below the LP bound."""
    return peak_bounds(planner, slowdown, base_makespan_s, time_limit_s)[1]


def peak_bounds(
    planner: OffloadPlanner,
    slowdown: float,
    base_makespan_s: float,
    time_limit_s: float = 20.0,
    tied: Sequence[Sequence[str]] = (),
) -> tuple[int, int]:
    """:func:`lp_peak_bound` and :func:`integral_peak_bound` together, from
    one program and one solve of its relaxation. ``tied``: groups of
    parameters (by name, ``%arg3``) each in the pool at entry together or
    not at all: the bounds of plans under that constraint (a stacked
    weight's layers, which a loop over them or a stacked parameter moves
    as one: the straight-line program with each weight kind tied bounds
    what any plan of its ``lax.scan`` form can reach)."""
    from scipy.optimize import Bounds, LinearConstraint, milp

    built = _model(planner, slowdown, base_makespan_s, tied)
    if isinstance(built, int):
        return built, built
    model, relaxed = built
    integrality = model.integral
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


def _relaxed_solution(model: _Model) -> np.ndarray:
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
    return np.asarray(result.x)


def _model(
    planner: OffloadPlanner,
    slowdown: float,
    base_makespan_s: float,
    tied: Sequence[Sequence[str]] = (),
) -> tuple[_Model, float] | int:
    """The program for ``planner``'s gaps with the absence rows of the
    steps where its relaxation peaks (see the module docstring) and the
    optimum of that relaxation, or the peak itself when there is nothing to
    offload.

    Rows are generated: solve, add the absence rows of (the hottest
    :data:`ABSENCE_STEPS_PER_ROUND` of) the steps whose memory row holds
    the optimum, solve again, while that raises the optimum, at most
    :data:`ABSENCE_ROUNDS` times and within :data:`MAX_ABSENCE_COLUMNS`.
    Any set of steps gives a bound, more steps a tighter one; where many
    steps hold the optimum (a plateau, as in decoding, where the link
    rows already bind) one round adds nothing and it stops."""
    model = _gap_model(planner, slowdown, base_makespan_s, tied)
    if isinstance(model, int):
        return model
    count = planner.steps.count
    stall = slowdown * base_makespan_s
    period = base_makespan_s or 1.0
    base = planner.base_profile()[:count]
    hot = np.zeros(0, dtype=np.int64)
    current = model
    solution = _relaxed_solution(current)
    for _ in range(ABSENCE_ROUNDS):
        # The first `count` rows are the gap rows' memory rows, one per step.
        slack = current.b_ub[:count] - current.A_ub[:count] @ solution
        binding = np.setdiff1d(np.flatnonzero(slack <= _BINDING), hot)
        if len(binding) == 0:
            break
        hottest = np.argsort(-base[binding], kind="stable")[:ABSENCE_STEPS_PER_ROUND]
        added = np.union1d(hot, binding[hottest])
        extended = _with_absence(planner, model, added, stall, period)
        if extended.columns > MAX_ABSENCE_COLUMNS + model.columns:
            break
        improved = _relaxed_solution(extended)
        risen = improved[-1] > solution[-1] * (1 + _BINDING)
        hot, current, solution = added, extended, improved
        if not risen:
            break  # no tighter: more steps of the same kind will not help
    return current, float(solution[-1])


def _gap_model(
    planner: OffloadPlanner,
    slowdown: float,
    base_makespan_s: float,
    tied: Sequence[Sequence[str]] = (),
) -> _Model | int:
    """The program over the gaps alone (one column per gap and ``P``), or
    the peak itself when there is nothing to offload; the entry gaps of
    the parameters of each group of ``tied`` equal."""
    from scipy.sparse import coo_matrix, vstack

    steps = planner.steps
    count = steps.count
    kept = _kept(planner)
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
    tied_pairs, tied_zero = _tied(planner, column, tied)
    pairs += tied_pairs
    upper[tied_zero] = 0.0
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
        integral=np.concatenate([np.ones(n), [0.0]]),
    )


def _tied(
    planner: OffloadPlanner, column: dict[int, int], tied: Sequence[Sequence[str]]
) -> tuple[list[tuple[int, int]], list[int]]:
    """For ``tied``: the column pairs to keep equal and the columns to fix
    at 0. A parameter's decision (in the pool at entry or not) is its entry
    gap's column or, where that frees nothing, its final gap's (the two are
    equal); one with neither frees nothing either way and constrains
    nothing. Per group, every decision equals the first; a group with a
    parameter the planner may not offload stays on the device whole. A
    name that is no parameter of the planner's is a ValueError."""
    count = planner.steps.count
    decision: dict[str, int | None] = {}
    movable: dict[str, bool] = {}
    for candidate in planner.candidates:
        if candidate.buffer.kind == "argument":
            movable[candidate.buffer.name] = candidate.reason is None
    for index, gap in enumerate(planner.gaps):
        candidate = planner.candidates[gap.candidate]
        if candidate.buffer.kind != "argument" or index not in column:
            continue
        if gap.after == -1 or gap.before >= count:
            decision.setdefault(candidate.buffer.name, column[index])
    pairs: list[tuple[int, int]] = []
    zero: list[int] = []
    for group in tied:
        unknown = [name for name in group if name not in movable]
        if unknown:
            raise ValueError(f"cannot tie {', '.join(unknown)}: not a parameter of the function")
        columns = [c for c in (decision.get(name) for name in group) if c is not None]
        if not all(movable[name] for name in group):
            zero.extend(columns)
        else:
            pairs.extend((columns[0], c) for c in columns[1:])
    return pairs, zero


def _kept(planner: OffloadPlanner) -> list[int]:
    """The planner's gaps that can free anything, one column each."""
    return [index for index, gap in enumerate(planner.gaps) if gap.free_from < gap.before]


def _with_absence(
    planner: OffloadPlanner, model: _Model, hot: np.ndarray, stall: float, period: float
) -> _Model:
    """``model`` (over the gaps) with the absence rows of the steps ``hot``
    (ascending). Columns: the gaps, ``y`` per (gap, hot step), the running
    copy time ``z`` per (hot step, deadline), ``P``; seconds in units of
    ``period``."""
    from scipy.sparse import coo_matrix, vstack

    steps = planner.steps
    count = steps.count
    times = steps.start
    gaps = [planner.gaps[index] for index in _kept(planner)]
    n = len(gaps)
    base = planner.base_profile()[:count].astype(float) / model.unit
    first = np.array([g.free_from for g in gaps], dtype=np.int64)
    last = np.array([_absent_until(planner, g, stall) for g in gaps], dtype=np.int64)
    # y: (gap, hot step) pairs, the step in the gap's absence span, by gap.
    lo = np.searchsorted(hot, first)
    hi = np.searchsorted(hot, last)
    y_gap = np.repeat(np.arange(n), np.maximum(hi - lo, 0))
    y_step = np.concatenate([np.arange(a, b) for a, b in zip(lo, hi, strict=True) if a < b] or [[]])
    y_step = y_step.astype(np.int64)
    m = len(y_gap)
    if m == 0:
        return model
    sizes = np.array([planner.candidates[g.candidate].buffer.size for g in gaps], dtype=float)
    transfer = np.array([g.transfer_s for g in gaps]) / period
    deadline = np.array([times[min(g.before, count)] for g in gaps])
    prefetched = np.array([g.transfer_s > 0 and g.before < count for g in gaps])
    # z: the pairs with a prefetch, grouped by (hot step, deadline), ascending.
    copying = np.flatnonzero(prefetched[y_gap])
    copying = copying[np.lexsort((deadline[y_gap[copying]], y_step[copying]))]
    key_step = y_step[copying]
    key_deadline = deadline[y_gap[copying]]
    opens = np.ones(len(copying), dtype=bool)
    opens[1:] = (key_step[1:] != key_step[:-1]) | (key_deadline[1:] != key_deadline[:-1])
    group = np.cumsum(opens) - 1
    groups = int(opens.sum())
    group_step = key_step[opens]
    group_deadline = key_deadline[opens]
    chained = np.flatnonzero(group_step[1:] == group_step[:-1]) + 1  # z_j follows z_{j-1}
    y = n + np.arange(m)
    z = n + m + np.arange(groups)
    columns = n + m + groups + 1
    peak = columns - 1
    follows = np.flatnonzero(y_gap[1:] == y_gap[:-1])
    blocks = [
        # Memory: base_k - sum(size_g * y_gk) - P <= 0 at each hot step.
        (y_step, y, -sizes[y_gap] / model.unit),
        (np.arange(len(hot)), np.full(len(hot), peak), -np.ones(len(hot))),
    ]
    limits = [-base[hot]]
    row = len(hot)
    # y_gk <= x_g; away at a later hot step only if at the one before (a
    # gap is away over one run of steps from where it is freed).
    blocks += [(row + np.arange(m), y, np.ones(m)), (row + np.arange(m), y_gap, -np.ones(m))]
    limits.append(np.zeros(m))
    row += m
    blocks += [
        (row + np.arange(len(follows)), y[follows + 1], np.ones(len(follows))),
        (row + np.arange(len(follows)), y[follows], -np.ones(len(follows))),
    ]
    limits.append(np.zeros(len(follows)))
    row += len(follows)
    # Link: sum(t_g * y_gk, deadline group j) + z_{k,j-1} - z_{k,j} <= 0,
    # with z_{k,j} bounded by the engines' time from the start of step
    # k + 1 to the deadline plus the stall.
    blocks += [
        (row + group, y[copying], transfer[y_gap[copying]]),
        (row + np.arange(groups), z, -np.ones(groups)),
        (row + chained, z[chained - 1], np.ones(len(chained))),
    ]
    limits.append(np.zeros(groups))
    row += groups
    engines = planner.hardware.copy_engines_per_direction
    start = times[np.minimum(hot[group_step] + 1, count)]
    room = np.maximum(engines * (group_deadline + stall - start) / period, 0.0)
    extra = coo_matrix(
        (
            np.concatenate([v for _, _, v in blocks]),
            (np.concatenate([r for r, _, _ in blocks]), np.concatenate([c for _, c, _ in blocks])),
        ),
        shape=(row, columns),
    )
    return _Model(
        A_ub=vstack([_widened(model.A_ub, n, columns), extra]).tocsr(),
        b_ub=np.concatenate([model.b_ub, *limits]),
        A_eq=None if model.A_eq is None else _widened(model.A_eq, n, columns).tocsr(),
        b_eq=model.b_eq,
        upper=np.concatenate([model.upper[:n], np.ones(m), room, [np.inf]]),
        unit=model.unit,
        integral=np.concatenate([np.ones(n + m), np.zeros(groups + 1)]),
    )


def _widened(matrix: object, n: int, columns: int) -> object:
    """The rows of ``matrix`` (over the gaps and ``P``, column ``n``) over
    ``columns`` columns, ``P`` last."""
    from scipy.sparse import coo_matrix

    old = matrix.tocoo()  # type: ignore[attr-defined]
    return coo_matrix(
        (old.data, (old.row, np.where(old.col == n, columns - 1, old.col))),
        shape=(old.shape[0], columns),
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
