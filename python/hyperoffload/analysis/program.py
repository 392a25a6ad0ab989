"""A linear program order over a function, nested regions included.

Position 0 is the function's entry; its ops are numbered 1, 2, ... in
pre-order (an op before the ops nested in its regions, blocks in region
order). The payload regions of ``linalg`` ops are not descended into:
they are the scalar body of one computation, not program points. A region
op *covers* its body: ``end[p]`` is the last position
nested in op ``p`` (``p`` itself for an op without regions), and
``parent[p]`` the position of the op whose region holds ``p`` (0 for the
function body).

A ``func.call`` is one position; :meth:`ProgramOrder.callee` finds the
function it calls, looked up in the module holding the function (or the
``symbols`` op given instead, for a function taken out of its module).
"""

from __future__ import annotations

from mlir import ir

from hyperoffload._native import (
    LivenessWalk,
    OperationList,
    linalg_inputs,
    liveness_walk,
    loop_op_names,
)

# Ops whose regions may run more than once, as the C++ walk knows them.
LOOP_OPS = loop_op_names()


class ProgramOrder:
    """Positions of the ops of one function (see the module docstring),
    as the C++ walk (lib/Analysis/Liveness.cpp) numbers them; ``walk`` is that walk
    of ``function`` as it is now, if the caller made it."""

    def __init__(
        self,
        function: ir.Operation,
        walk: LivenessWalk | None = None,
        symbols: ir.Operation | None = None,
    ) -> None:
        walk = walk or liveness_walk(function)
        self.function = function
        # Where calls find their callees: the symbol table op given, else
        # the one holding the function (None for a detached function).
        self.symbols = symbols if symbols is not None else symbol_scope(function)
        self._callees: dict[str, ir.Operation] | None = None
        # Made into Python ops on first access (see OperationList).
        self.ops: OperationList = walk.operations
        self.ops[0] = function
        self.parent: list[int] = walk.parent
        self.end: list[int] = walk.end
        # Per position its op's name, and whether the walk entered its
        # regions (an op with regions, not linalg): read without a binding
        # call per op.
        self.names: list[str] = walk.op_names
        self.descends: list[int] = walk.descends
        self._token_offsets = walk.token_offsets
        self._token_defs = walk.token_defs
        # Positions of region ops whose bodies may repeat (loops, and ops
        # whose regions have several blocks, which may branch backwards).
        self.repeating: set[int] = {p for p, flag in enumerate(walk.repeating) if flag}
        # Linalg ops sharing what their cost follows from share a class
        # (-1: any other op); class_keys[c] is class c's operation_key.
        self.cost_class: list[int] = walk.cost_class
        self.class_keys: list[tuple[int, ...]] = walk.class_keys
        self._body: list[int] | None = None

    def body_positions(self) -> list[int]:
        """Positions of the function body's ops, in order (made once and
        shared: do not modify it)."""
        if self._body is None:
            self._body = [p for p in range(1, len(self.ops)) if self.parent[p] == 0]
        return self._body

    def defining_position(self, value: ir.Value) -> int | None:
        """The position of the op defining ``value``; None for a block
        argument or an op not in this order."""
        owner = value.owner
        if isinstance(owner, ir.Block):
            return None
        return self.position_of(owner.operation)

    def tokens(self, position: int) -> list[int]:
        """Positions of the ops defining the ``!cache.token`` operands of op
        ``position``, in operand order (-1: a block argument). A cache op
        defines one token, so its position names that token."""
        return self._token_defs[self._token_offsets[position] : self._token_offsets[position + 1]]

    def children(self, position: int) -> list[int]:
        """Positions of the ops directly in the regions of op ``position``
        (of the function body for 0), in order."""
        children = []
        child, last = position + 1, self.end[position]
        while child <= last:
            children.append(child)
            child = self.end[child] + 1
        return children

    def body_steps(self) -> list[int]:
        """Per position, its *step*: the index among :meth:`body_positions`
        of the body op holding it (0 for the entry; at ``end_position``, the
        number of body ops)."""
        steps = [0] * (len(self.ops) + 1)
        step = -1
        for position in range(1, len(self.ops)):
            if self.parent[position] == 0:
                step += 1
            steps[position] = step
        steps[len(self.ops)] = step + 1
        return steps

    @property
    def end_position(self) -> int:
        """The point after the last op: where the function returns."""
        return len(self.ops)

    def __len__(self) -> int:
        return len(self.ops) - 1

    def position_of(self, op: ir.Operation) -> int | None:
        """The position of ``op``, or None if it is not a program point of
        this order (added since, or nested in a linalg payload)."""
        # Position 0 is the function itself, not a program point.
        return self.ops.position(op) or None

    def carried_token(self, value: ir.Value) -> tuple[int, int] | None:
        """Where ``value``, a ``!cache.token``, is one an ``scf.for``
        carries across iterations: the loop's position and the iteration
        argument's number, whether ``value`` is that argument (in the body)
        or the loop's result; else None."""
        owner = value.owner
        if isinstance(owner, ir.Block):
            loop = owner.owner.operation
            if loop.name != "scf.for" or value.arg_number == 0:
                return None
            position = self.position_of(loop)
            return None if position is None else (position, value.arg_number - 1)
        position = self.position_of(owner.operation)
        if position is None or self.names[position] != "scf.for":
            return None
        return position, value.result_number

    def with_attribute(self, name: str) -> set[int]:
        """Positions of the ops carrying an attribute called ``name``
        (asked in C++, without making a Python op per position)."""
        return set(self.ops.with_attribute(name))

    def ancestors(self, position: int) -> list[int]:
        """Positions of the ops enclosing ``position``, innermost first,
        ending with 0 (the function)."""
        chain = []
        while position != 0:
            position = self.parent[position]
            chain.append(position)
        return chain

    def call_positions(self) -> list[int]:
        """Positions of the ``func.call`` ops, nested ones included."""
        if "func.call" not in self.names:
            return []
        return [p for p, name in enumerate(self.names) if name == "func.call"]

    def callee(self, position: int) -> ir.Operation | None:
        """The function with a body that the ``func.call`` at ``position``
        calls, or None (a declaration, a symbol not found, no symbols)."""
        if self._callees is None:
            self._callees = functions_by_name(self.symbols)
        symbol = callee_symbol(self.ops[position])
        return None if symbol is None else self._callees.get(symbol)

    def describe(self, position: int) -> str:
        """``#5 linalg.matmul``, ``entry`` or ``end``."""
        if position == 0:
            return "entry"
        if position >= self.end_position:
            return "end"
        return f"#{position} {self.names[position]}"


def symbol_scope(op: ir.Operation) -> ir.Operation | None:
    """The nearest ``builtin.module`` holding ``op``, or None (a detached
    op: the bindings raise ValueError for its parent)."""
    try:
        parent = op.parent
        while parent is not None:
            operation = parent.operation
            if operation.name == "builtin.module":
                return operation
            parent = operation.parent
    except ValueError:
        return None
    return None


def functions_by_name(symbols: ir.Operation | None) -> dict[str, ir.Operation]:
    """The ``func.func`` ops with a body directly in ``symbols``, by name."""
    if symbols is None:
        return {}
    functions = {}
    for op in symbols.regions[0].blocks[0].operations:
        operation = op.operation
        if operation.name == "func.func" and len(operation.regions[0].blocks):
            functions[ir.StringAttr(operation.attributes["sym_name"]).value] = operation
    return functions


def callee_symbol(call: ir.Operation) -> str | None:
    """The name a ``func.call`` calls (None for another op)."""
    if call.name != "func.call" or "callee" not in call.attributes:
        return None
    return ir.FlatSymbolRefAttr(call.attributes["callee"]).value


def callee_of(call: ir.Operation) -> ir.Operation | None:
    """The function with a body that ``call`` calls, looked up in the
    module holding it (for an op no :class:`ProgramOrder` gave)."""
    symbol = callee_symbol(call)
    if symbol is None:
        return None
    return functions_by_name(symbol_scope(call)).get(symbol)


def constant_int(value: ir.Value) -> int | None:
    """The value of an ``arith.constant`` integer or boolean, or of the
    splat of an integer tensor constant (``dense<0> : tensor<i32>``); None
    for any other value."""
    owner = value.owner
    if isinstance(owner, ir.Block):
        return None
    operation = owner.operation if hasattr(owner, "operation") else owner
    if operation.name != "arith.constant":
        return None
    attr = operation.attributes["value"]
    if isinstance(attr, ir.BoolAttr):
        return int(attr.value)
    if isinstance(attr, ir.IntegerAttr):
        return int(attr.value)
    if isinstance(attr, ir.DenseIntElementsAttr):
        elements = ir.DenseIntElementsAttr(attr)
        if elements.is_splat:
            return int(ir.IntegerAttr(elements.get_splat_value()).value)
    return None


def constant_trip_count(op: ir.Operation) -> int | None:
    """The trip count of an ``scf.for`` with constant bounds and step."""
    lower, upper, step = (constant_int(op.operands[i]) for i in range(3))
    if lower is None or upper is None or step is None or step <= 0:
        return None
    return max(0, -(-(upper - lower) // step))


# The iterations a loop whose trip count is not a constant is taken to run
# (an ``scf.for`` with dynamic bounds, an ``scf.while``): set by
# ``hyper-offload-pipeline{trip-count-bound=N}`` or by hand.
TRIP_COUNT_BOUND = "cache.trip_count_bound"


def set_trip_count_bound(op: ir.Operation, trips: int) -> None:
    """Record ``trips`` (0 at least) as loop ``op``'s
    ``cache.trip_count_bound``."""
    op.attributes[TRIP_COUNT_BOUND] = ir.IntegerAttr.get(
        ir.IntegerType.get_signless(64), max(0, trips)
    )


def trip_count(op: ir.Operation) -> int | None:
    """How many times the simulator and the cost model run loop ``op``'s
    body: an ``scf.for``'s constant trip count, else the loop's
    ``cache.trip_count_bound``; None where neither is known (the body then
    counts once). Streaming needs the exact count: it uses
    :func:`constant_trip_count`."""
    if op.name == "scf.for":
        trips = constant_trip_count(op)
        if trips is not None:
            return trips
    if TRIP_COUNT_BOUND in op.attributes:
        return max(0, ir.IntegerAttr(op.attributes[TRIP_COUNT_BOUND]).value)
    return None


# Ops that read a memref operand through whatever layout it has: op name ->
# the operand numbers they only read (``linalg`` inputs are checked apart).
_LAYOUT_FREE_READS = {"memref.load": (0,), "memref.copy": (0,), "memref.dim": (0,)}


def reads_any_layout(op: ir.Operation, operand_number: int) -> bool:
    """Whether ``op`` only reads its operand ``operand_number``, in a way
    that takes any layout: an input of a linalg op (the LinalgOp interface), the
    source of ``memref.load``, ``memref.copy`` or ``memref.dim``."""
    name = op.name
    if name in _LAYOUT_FREE_READS:
        return operand_number in _LAYOUT_FREE_READS[name]
    inputs = linalg_inputs(op)  # upstream's LinalgOp interface
    return inputs is not None and operand_number < inputs


def read_only_parameters(function: ir.Operation) -> list[int]:
    """The memref parameters of ``function`` (with a body) that it only
    reads, each use as :func:`reads_any_layout` allows."""
    block = function.regions[0].blocks[0]
    found = []
    for index, argument in enumerate(block.arguments):
        if isinstance(argument.type, ir.MemRefType) and all(
            reads_any_layout(_operation(use.owner), use.operand_number) for use in argument.uses
        ):
            found.append(index)
    return found


def _operation(owner: object) -> ir.Operation:
    return owner.operation if hasattr(owner, "operation") else owner  # type: ignore[return-value]
