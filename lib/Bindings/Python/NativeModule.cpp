//===- NativeModule.cpp - nanobind module hyperoffload._native ------------===//
//
// The Python face of the library's C API (include/hyperoffload-c), as
// upstream's out-of-tree dialects bind theirs: typed MLIR handles through
// mlir/Bindings/Python/NanobindAdaptors.h, numpy arrays in and out, the C
// enums and the cache types and attributes defined once here.
//
// Ops and values met in bulk (every op of a function, every use of a
// buffer) are not made into Python objects until asked for: the liveness
// walk hands them over in an OperationList (and ValueList), and the batched
// rewriting primitives take and give an op as its index there. Python sees
// typed handles and bounds-checked indices, never a pointer; the pointers
// (identities) stay in this file and the C API's arrays.
//
// This file is compiled with RTTI and exceptions (nanobind needs both) and
// includes only C API headers: the C++ of MLIR and of the dialect stays in
// libHyperOffloadCache.so, built without them as the wheel's MLIR is.
//
//===----------------------------------------------------------------------===//

#include "hyperoffload-c/Cache.h"
#include "hyperoffload-c/Passes.h"
#include "hyperoffload-c/Planner.h"

#include "mlir-c/IR.h"
#include "mlir/Bindings/Python/Nanobind.h"
#include "mlir/Bindings/Python/NanobindAdaptors.h"
#include <nanobind/stl/filesystem.h>
#include <nanobind/stl/optional.h>
#include <nanobind/stl/pair.h>
#include <nanobind/stl/string.h>
#include <nanobind/stl/tuple.h>
#include <nanobind/stl/vector.h>
#include <nanobind/stl/variant.h>

#include <dlfcn.h>

#include <filesystem>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace nb = nanobind;
using namespace nb::literals;

namespace {

//===----------------------------------------------------------------------===//
// Identities
//===----------------------------------------------------------------------===//

uint64_t identity(const void *pointer) {
  return static_cast<uint64_t>(reinterpret_cast<uintptr_t>(pointer));
}

/// `address`, refused where null (no op or value has that identity).
uint64_t checked(uint64_t address, const char *what) {
  if (!address)
    throw std::invalid_argument(std::string("null ") + what + " identity");
  return address;
}

/// The identities of `ops`, for the C API's arrays.
std::vector<uint64_t> identities(const std::vector<MlirOperation> &ops) {
  std::vector<uint64_t> found;
  found.reserve(ops.size());
  for (MlirOperation op : ops)
    found.push_back(identity(op.ptr));
  return found;
}

MlirOperation operationFrom(uint64_t address) {
  return MlirOperation{
      reinterpret_cast<void *>(static_cast<uintptr_t>(checked(address, "operation")))};
}

MlirValue valueFrom(uint64_t address) {
  return MlirValue{
      reinterpret_cast<const void *>(static_cast<uintptr_t>(checked(address, "value")))};
}

MlirStringRef stringRef(std::string_view text) {
  return mlirStringRefCreate(text.data(), text.size());
}

/// A C callback appending the string it is given to a std::string.
void appendString(MlirStringRef text, void *userData) {
  static_cast<std::string *>(userData)->append(text.data, text.length);
}

/// Splits `text` at `separator`, dropping empty pieces when asked.
std::vector<std::string> split(const std::string &text, char separator,
                               bool dropEmpty) {
  std::vector<std::string> pieces;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(separator, start);
    if (end == std::string::npos)
      end = text.size();
    if (!dropEmpty || end > start)
      pieces.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return pieces;
}

/// NUL-terminated strings packed back to back (`size` bytes in all).
nb::list packedStrings(const char *data, int64_t size) {
  nb::list out;
  if (!data || size <= 0)
    return out;
  const char *end = data + size;
  for (const char *p = data; p < end;) {
    size_t length = std::char_traits<char>::length(p);
    out.append(nb::str(p, length));
    p += length + 1;
  }
  return out;
}

//===----------------------------------------------------------------------===//
// Arrays
//===----------------------------------------------------------------------===//

template <typename T>
using Array = nb::ndarray<nb::numpy, T, nb::ndim<1>, nb::c_contig>;
template <typename T>
using ArrayIn = nb::ndarray<const T, nb::ndim<1>, nb::c_contig, nb::device::cpu>;

/// A fresh numpy array of `count` elements.
template <typename T>
std::pair<Array<T>, T *> newArray(int64_t count) {
  T *data = new T[count > 0 ? count : 1];
  nb::capsule owner(data, [](void *p) noexcept { delete[] static_cast<T *>(p); });
  return {Array<T>(data, {static_cast<size_t>(count)}, owner), data};
}

/// `count` elements at `data` as a Python list of ints.
template <typename T>
nb::list intList(const T *data, int64_t count) {
  nb::list out;
  for (int64_t i = 0; i < count; ++i)
    out.append(nb::int_(data[i]));
  return out;
}

/// numpy.ascontiguousarray, looked up once and never released (a static
/// object would be released after the interpreter is gone).
nb::handle contiguousArray() {
  static PyObject *function =
      nb::object(nb::module_::import_("numpy").attr("ascontiguousarray"))
          .release()
          .ptr();
  return function;
}

/// `value` as a contiguous one-dimensional numpy array of `dtype` (a copy
/// only where it is not one already).
nb::object asArray(nb::handle value, const char *dtype) {
  return contiguousArray()(value, "dtype"_a = dtype);
}

template <typename T>
ArrayIn<T> view(nb::handle array, const char *what) {
  ArrayIn<T> out;
  if (!nb::try_cast(array, out))
    throw std::invalid_argument(std::string(what) +
                                ": expected a contiguous one-dimensional array");
  return out;
}

//===----------------------------------------------------------------------===//
// OperationList and the liveness walk
//===----------------------------------------------------------------------===//

/// `index` into a list of `count` items, counting from the end when
/// negative (as Python does); an IndexError saying `what` when out of range.
size_t checkedIndex(int64_t index, size_t count, const char *what) {
  int64_t size = static_cast<int64_t>(count);
  if (index < 0)
    index += size;
  if (index < 0 || index >= size)
    throw nb::index_error(what);
  return static_cast<size_t>(index);
}

/// The owner of a use: an index into an OperationList, or an op not in it.
using Owner = std::variant<int64_t, MlirOperation>;

/// Operations by identity, each made into a Python op on first access:
/// making one for every op of a large function costs more than most
/// analyses read. Assigning an index replaces its op.
class OperationList {
public:
  explicit OperationList(std::vector<uint64_t> identities)
      : identities(std::move(identities)), made(this->identities.size()) {}

  size_t size() const { return identities.size(); }

  nb::object get(int64_t index) {
    size_t at = checkedIndex(index);
    nb::object &op = made[at];
    if (!op.is_valid())
      op = nb::cast(operationFrom(identities[at]));
    return op;
  }

  nb::list slice(const nb::slice &range) {
    auto [start, stop, step, length] = range.compute(identities.size());
    nb::list out;
    for (size_t i = 0; i < length; ++i)
      out.append(get(static_cast<int64_t>(start + i * step)));
    return out;
  }

  void set(int64_t index, nb::object op) {
    made[checkedIndex(index)] = std::move(op);
  }

  /// The index of `op`, if it is in the list (the table is made on first
  /// use).
  std::optional<int64_t> position(MlirOperation op) {
    if (positions.empty())
      for (size_t i = 0; i < identities.size(); ++i)
        positions.emplace(identities[i], static_cast<int64_t>(i));
    auto found = positions.find(identity(op.ptr));
    if (found == positions.end())
      return std::nullopt;
    return found->second;
  }

  /// The uses of `value` in use-list order, as (owner, operand number):
  /// the owner is its index where it is in the list (no Python op made),
  /// else the op.
  std::vector<std::pair<Owner, int32_t>> uses(MlirValue value) {
    std::vector<uint64_t> owners(8);
    std::vector<int32_t> numbers(8);
    int64_t count =
        hyperoffloadValueUses(value, owners.data(), numbers.data(), 8);
    if (count > 8) {
      owners.resize(count);
      numbers.resize(count);
      hyperoffloadValueUses(value, owners.data(), numbers.data(), count);
    }
    std::vector<std::pair<Owner, int32_t>> out;
    out.reserve(count);
    for (int64_t i = 0; i < count; ++i) {
      MlirOperation owner = operationFrom(owners[i]);
      if (std::optional<int64_t> at = position(owner))
        out.emplace_back(*at, numbers[i]);
      else
        out.emplace_back(owner, numbers[i]);
    }
    return out;
  }

  /// Makes `value` operand `number` of `owner` for each (owner, number) of
  /// `uses`, owners as uses() gives them.
  void setOperands(const std::vector<std::pair<Owner, int32_t>> &uses,
                   MlirValue value) {
    if (uses.empty())
      return;
    std::vector<uint64_t> owners;
    std::vector<int32_t> numbers;
    for (const auto &[owner, number] : uses) {
      owners.push_back(resolve(owner));
      numbers.push_back(number);
    }
    hyperoffloadSetOperands(owners.data(), numbers.data(),
                            static_cast<int64_t>(owners.size()), value);
  }

  /// Moves the op at index `first` right before the op at index `second`
  /// for each pair of `moves`, in order.
  void moveBefore(const std::vector<std::pair<int64_t, int64_t>> &moves) {
    std::vector<uint64_t> ops, anchors;
    for (auto [op, anchor] : moves) {
      ops.push_back(identities[checkedIndex(op)]);
      anchors.push_back(identities[checkedIndex(anchor)]);
    }
    hyperoffloadMoveBefore(ops.data(), anchors.data(),
                           static_cast<int64_t>(ops.size()));
  }

  /// The indices of the ops carrying an attribute called `name`.
  std::vector<int64_t> withAttribute(std::string_view name) const {
    std::vector<uint8_t> has(identities.size());
    hyperoffloadOpsWithAttribute(identities.data(),
                                 static_cast<int64_t>(identities.size()),
                                 stringRef(name), has.data());
    std::vector<int64_t> indices;
    for (size_t i = 0; i < has.size(); ++i)
      if (has[i])
        indices.push_back(static_cast<int64_t>(i));
    return indices;
  }

private:
  size_t checkedIndex(int64_t index) const {
    return ::checkedIndex(index, identities.size(),
                          "operation index out of range");
  }

  uint64_t resolve(const Owner &owner) const {
    if (std::holds_alternative<int64_t>(owner))
      return identities[checkedIndex(std::get<int64_t>(owner))];
    return identity(std::get<MlirOperation>(owner).ptr);
  }

  std::vector<uint64_t> identities;
  std::vector<nb::object> made;
  std::unordered_map<uint64_t, int64_t> positions;
};

/// Values, each made into a Python value when asked for.
class ValueList {
public:
  explicit ValueList(std::vector<MlirValue> values)
      : values(std::move(values)) {}

  size_t size() const { return values.size(); }

  MlirValue get(int64_t index) const {
    return values[checkedIndex(index, values.size(),
                               "value index out of range")];
  }

private:
  std::vector<MlirValue> values;
};

/// The root buffers each memref value of a walk may point into.
class ValueRoots {
public:
  void add(const void *value, nb::tuple roots) {
    table.emplace(identity(value), std::move(roots));
  }

  /// The indices of the roots `value` may point into (none if unknown).
  nb::tuple get(MlirValue value) const {
    auto found = table.find(identity(value.ptr));
    return found == table.end() ? nb::tuple() : found->second;
  }

private:
  std::unordered_map<uint64_t, nb::tuple> table;
};

/// What hyperoffloadLivenessAnalyse found, as Python lists (documented on
/// the class binding below).
struct LivenessWalk {
  nb::object operations, parent, end, repeating, descends,
      opNames, costClass, classKeys, kinds, types, definedAt, freedAt,
      freedBy, lastUse, escapes, values, names, useOffsets, usePositions,
      useEffects, roots, tokenOffsets, tokenDefs, accessPosition, accessRoot,
      accessBits;
};

/// Frees a liveness analysis however the walk below leaves.
struct LivenessOwner {
  HyperoffloadLiveness *liveness;
  ~LivenessOwner() { hyperoffloadLivenessDestroy(liveness); }
};

LivenessWalk livenessWalk(MlirOperation function) {
  LivenessOwner owner{hyperoffloadLivenessAnalyse(function)};
  HyperoffloadLivenessArrays a = hyperoffloadLivenessGetArrays(owner.liveness);
  int64_t count = a.numPositions;
  int64_t roots = a.numRoots;
  LivenessWalk walk;

  std::vector<uint64_t> identities(count);
  for (int64_t i = 0; i < count; ++i)
    identities[i] = identity(a.operations[i]);
  walk.operations = nb::cast(OperationList(std::move(identities)));

  nb::list opNames = packedStrings(a.opNames, a.opNamesSize);
  nb::list positionNames;
  for (int64_t i = 0; i < count; ++i)
    positionNames.append(opNames[a.positionName[i]]);
  walk.opNames = positionNames;

  walk.parent = intList(a.parent, count);
  walk.end = intList(a.end, count);
  walk.repeating = intList(a.repeating, count);
  walk.descends = intList(a.descends, count);
  walk.costClass = intList(a.positionCostClass, count);
  nb::list classKeys;
  for (int64_t c = 0; c < a.numCostClasses; ++c) {
    int64_t begin = a.costClassKeyOffsets[c];
    int64_t size = a.costClassKeyOffsets[c + 1] - begin;
    classKeys.append(nb::tuple(intList(a.costClassKeys + begin, size)));
  }
  walk.classKeys = classKeys;

  walk.kinds = intList(a.rootKind, roots);
  nb::dict typeObjects;
  nb::list types;
  for (int64_t r = 0; r < roots; ++r) {
    nb::int_ key(identity(a.rootType[r]));
    if (!typeObjects.contains(key))
      typeObjects[key] = nb::cast(MlirType{a.rootType[r]});
    types.append(typeObjects[key]);
  }
  walk.types = types;
  walk.definedAt = intList(a.rootDefinedAt, roots);
  walk.freedAt = intList(a.rootFreedAt, roots);
  walk.freedBy = intList(a.rootFreedBy, roots);
  walk.lastUse = intList(a.rootLastUse, roots);
  walk.escapes = intList(a.rootEscapes, roots);
  std::vector<MlirValue> rootValues;
  for (int64_t r = 0; r < roots; ++r)
    rootValues.push_back(MlirValue{a.rootValue[r]});
  walk.values = nb::cast(ValueList(std::move(rootValues)));
  walk.names = packedStrings(a.rootNames, a.rootNamesSize);
  walk.useOffsets = intList(a.useOffsets, roots + 1);
  int64_t uses = a.useOffsets[roots];
  walk.usePositions = intList(a.usePosition, uses);
  walk.useEffects = intList(a.useEffect, uses);

  ValueRoots valueRoots;
  for (int64_t v = 0; v < a.numValues; ++v) {
    int64_t begin = a.valueRootOffsets[v];
    int64_t size = a.valueRootOffsets[v + 1] - begin;
    valueRoots.add(a.values[v], nb::tuple(intList(a.valueRoots + begin, size)));
  }
  walk.roots = nb::cast(std::move(valueRoots));
  walk.tokenOffsets = intList(a.tokenOffsets, count + 1);
  walk.tokenDefs = intList(a.tokenDefs, a.tokenOffsets[count]);
  walk.accessPosition = intList(a.accessPosition, a.numAccesses);
  walk.accessRoot = intList(a.accessRoot, a.numAccesses);
  walk.accessBits = intList(a.accessBits, a.numAccesses);
  return walk;
}

//===----------------------------------------------------------------------===//
// The planner's loops
//===----------------------------------------------------------------------===//

/// The per-step and per-gap inputs of plan_gaps (hyperoffload-c/Planner.h),
/// held as contiguous numpy arrays of the C types.
struct PlanGaps {
  nb::object stepStart, baseProfile, after, before, freeFrom, transfer,
      writeback, nbytes, members, forced;
};

PlanGaps makePlanGaps(nb::handle stepStart, nb::handle baseProfile,
                      nb::handle after, nb::handle before, nb::handle freeFrom,
                      nb::handle transfer, nb::handle writeback,
                      nb::handle nbytes, nb::handle members,
                      nb::handle forced) {
  PlanGaps gaps{asArray(stepStart, "float64"),
                asArray(baseProfile, "int64"),
                asArray(after, "int64"),
                asArray(before, "int64"),
                asArray(freeFrom, "int64"),
                asArray(transfer, "float64"),
                asArray(writeback, "float64"),
                asArray(nbytes, "int64"),
                contiguousArray()(members, "dtype"_a = "int64"),
                asArray(forced, "uint8")};
  size_t count = nb::len(gaps.after);
  if (nb::len(gaps.baseProfile) != nb::len(gaps.stepStart) ||
      nb::cast<nb::tuple>(gaps.members.attr("shape")).size() != 2 ||
      nb::len(gaps.members) != count ||
      (count && nb::cast<size_t>(gaps.members.attr("shape")[1]) != 3))
    throw std::invalid_argument("plan_gaps: arrays of inconsistent lengths");
  std::pair<const char *, nb::object *> perGap[] = {
      {"before", &gaps.before},       {"free_from", &gaps.freeFrom},
      {"transfer", &gaps.transfer},   {"writeback", &gaps.writeback},
      {"nbytes", &gaps.nbytes},       {"forced", &gaps.forced}};
  for (auto &[name, array] : perGap)
    if (nb::len(*array) != count)
      throw std::invalid_argument("plan_gaps: " + std::string(name) + " has " +
                                  std::to_string(nb::len(*array)) + " gaps");
  return gaps;
}

/// What plan_gaps chose.
struct GapPlan {
  bool feasible;
  nb::object prefetchAt, freeFrom, exposed, profile;
  int64_t failedStep, failedBytes;
};

int32_t indexOf(const char *what, std::string_view value,
                std::initializer_list<std::string_view> choices) {
  int32_t index = 0;
  std::string known;
  for (std::string_view choice : choices) {
    if (choice == value)
      return index;
    known += (index ? ", '" : "'") + std::string(choice) + "'";
    ++index;
  }
  throw std::invalid_argument("plan_gaps: unknown " + std::string(what) + " '" +
                              std::string(value) + "' (expected one of " +
                              known + ")");
}

GapPlan planGaps(const PlanGaps &gaps, int64_t budget,
                 std::string_view strategy, std::string_view order,
                 std::string_view placement, int64_t distanceThreshold,
                 int64_t prefetchDistance, int64_t lazyOptions) {
  auto stepStart = view<double>(gaps.stepStart, "step_start");
  auto baseProfile = view<int64_t>(gaps.baseProfile, "base_profile");
  auto after = view<int64_t>(gaps.after, "after");
  auto before = view<int64_t>(gaps.before, "before");
  auto freeFrom = view<int64_t>(gaps.freeFrom, "free_from");
  auto transfer = view<double>(gaps.transfer, "transfer");
  auto writeback = view<double>(gaps.writeback, "writeback");
  auto nbytes = view<int64_t>(gaps.nbytes, "nbytes");
  auto forced = view<uint8_t>(gaps.forced, "forced");
  nb::ndarray<const int64_t, nb::ndim<2>, nb::c_contig, nb::device::cpu>
      members;
  if (!nb::try_cast(gaps.members, members))
    throw std::invalid_argument("plan_gaps: members is not a (gaps, 3) array");
  int64_t steps = static_cast<int64_t>(stepStart.shape(0)) - 1;
  int64_t count = static_cast<int64_t>(after.shape(0));

  HyperoffloadPlanInput input{};
  input.numSteps = steps;
  input.stepStart = stepStart.data();
  input.baseProfile = baseProfile.data();
  input.numGaps = count;
  input.gapAfter = after.data();
  input.gapBefore = before.data();
  input.gapFreeFrom = freeFrom.data();
  input.gapTransfer = transfer.data();
  input.gapWriteback = writeback.data();
  input.gapBytes = nbytes.data();
  input.gapMembers = members.data();
  input.gapForced = forced.data();
  input.budget = budget;
  input.strategy = indexOf("strategy", strategy, {"ours", "on-demand", "distance"});
  input.order = indexOf("order", order, {"largest", "streaming"});
  input.placement = indexOf("placement", placement, {"room", "ideal"});
  input.distanceThreshold = distanceThreshold;
  input.prefetchDistance = prefetchDistance;
  input.lazyOptions = lazyOptions;

  auto [prefetchAt, prefetchData] = newArray<int64_t>(count);
  auto [freeFromOut, freeFromData] = newArray<int64_t>(count);
  auto [exposed, exposedData] = newArray<double>(count);
  auto [profile, profileData] = newArray<int64_t>(steps + 1);
  HyperoffloadPlanOutput output{prefetchData, freeFromData, exposedData,
                                profileData, 0, 0};
  bool feasible = hyperoffloadPlanGaps(&input, &output);
  return GapPlan{feasible,
                 nb::cast(prefetchAt),
                 nb::cast(freeFromOut),
                 nb::cast(exposed),
                 nb::cast(profile),
                 output.failedStep,
                 output.failedBytes};
}

/// The transfers place_transfers places (hyperoffload-c/Planner.h).
struct Transfers {
  nb::object step, lower, firstUse, wait, freeAt, nbytes, seconds;
};

Transfers makeTransfers(nb::handle step, nb::handle lower, nb::handle firstUse,
                        nb::handle wait, nb::handle freeAt, nb::handle nbytes,
                        nb::handle seconds) {
  Transfers transfers{asArray(step, "int64"),     asArray(lower, "int64"),
                      asArray(firstUse, "int64"), asArray(wait, "int64"),
                      asArray(freeAt, "int64"),   asArray(nbytes, "int64"),
                      asArray(seconds, "float64")};
  size_t count = nb::len(transfers.step);
  std::pair<const char *, nb::object *> columns[] = {
      {"lower", &transfers.lower},     {"first_use", &transfers.firstUse},
      {"wait", &transfers.wait},       {"free_at", &transfers.freeAt},
      {"nbytes", &transfers.nbytes},   {"seconds", &transfers.seconds}};
  for (auto &[name, array] : columns)
    if (nb::len(*array) != count)
      throw std::invalid_argument("place_transfers: " + std::string(name) +
                                  " has " + std::to_string(nb::len(*array)) +
                                  " entries");
  return transfers;
}

std::pair<nb::object, nb::object>
placeTransfers(nb::handle stepStartIn, nb::handle profileIn,
               const Transfers &transfers, std::optional<int64_t> budget,
               int64_t maxInflight) {
  // Updated in place: never a converted copy.
  nb::ndarray<int64_t, nb::ndim<1>, nb::c_contig, nb::device::cpu> profile;
  if (!nb::try_cast(profileIn, profile, /*convert=*/false))
    throw std::invalid_argument(
        "place_transfers: profile must be a contiguous int64 array");
  nb::object startsObject = asArray(stepStartIn, "float64");
  auto starts = view<double>(startsObject, "step_start");
  int64_t steps = static_cast<int64_t>(starts.shape(0)) - 1;
  if (static_cast<int64_t>(profile.shape(0)) != steps + 1)
    throw std::invalid_argument(
        "place_transfers: profile and step starts differ in length");
  auto step = view<int64_t>(transfers.step, "step");
  auto lower = view<int64_t>(transfers.lower, "lower");
  auto firstUse = view<int64_t>(transfers.firstUse, "first_use");
  auto wait = view<int64_t>(transfers.wait, "wait");
  auto freeAt = view<int64_t>(transfers.freeAt, "free_at");
  auto nbytes = view<int64_t>(transfers.nbytes, "nbytes");
  auto seconds = view<double>(transfers.seconds, "seconds");
  int64_t count = static_cast<int64_t>(step.shape(0));
  std::pair<const char *, const int64_t *> bounded[] = {
      {"step", step.data()},       {"lower", lower.data()},
      {"first_use", firstUse.data()}, {"wait", wait.data()},
      {"free_at", freeAt.data()}};
  for (auto &[name, data] : bounded)
    for (int64_t i = 0; i < count; ++i)
      if (data[i] < 0 || data[i] > steps)
        throw std::invalid_argument("place_transfers: " + std::string(name) +
                                    " out of the steps");

  HyperoffloadPlaceInput input{};
  input.numSteps = steps;
  input.stepStart = starts.data();
  input.numTransfers = count;
  input.step = step.data();
  input.lower = lower.data();
  input.firstUse = firstUse.data();
  input.wait = wait.data();
  input.freeAt = freeAt.data();
  input.bytes = nbytes.data();
  input.seconds = seconds.data();
  input.budget = budget.value_or(-1);
  input.maxInflight = maxInflight;
  auto [point, pointData] = newArray<int64_t>(count);
  auto [begin, beginData] = newArray<double>(count);
  hyperoffloadPlaceTransfers(&input, profile.data(), pointData, beginData);
  return {nb::cast(point), nb::cast(begin)};
}

//===----------------------------------------------------------------------===//
// Passes in upstream's registry
//===----------------------------------------------------------------------===//

/// The Python side of one registered pass. Never freed: the registry keeps
/// it for the life of the process.
struct PythonPass {
  nb::object describe, run, check;
};

bool runPythonPass(MlirStringRef, MlirStringRef options, MlirOperation op,
                   void *userData) {
  nb::gil_scoped_acquire gil;
  auto *pass = static_cast<PythonPass *>(userData);
  try {
    return nb::cast<bool>(pass->run(nb::str(options.data, options.length),
                                    nb::cast(op)));
  } catch (nb::python_error &error) {
    // The Python side reports its own failures; this is a bug in it.
    error.restore();
    PyErr_Print();
    return false;
  }
}

bool checkPythonPass(MlirStringRef, MlirStringRef options,
                     MlirStringCallback errorCallback, void *errorUserData,
                     void *userData) {
  nb::gil_scoped_acquire gil;
  auto *pass = static_cast<PythonPass *>(userData);
  std::string message;
  try {
    nb::object error = pass->check(nb::str(options.data, options.length));
    if (error.is_none())
      return true;
    message = nb::cast<std::string>(error);
  } catch (nb::python_error &error) {
    message = error.what();
  }
  errorCallback(stringRef(message), errorUserData);
  return false;
}

void describePythonPass(MlirStringRef, MlirStringCallback description,
                        void (*option)(MlirStringRef, MlirStringRef,
                                       MlirStringRef, bool, void *),
                        void *describeUserData, void *userData) {
  nb::gil_scoped_acquire gil;
  auto *pass = static_cast<PythonPass *>(userData);
  try {
    auto [summary, options] =
        nb::cast<std::pair<std::string, nb::list>>(pass->describe());
    description(stringRef(summary), describeUserData);
    for (nb::handle entry : options) {
      auto [name, help, defaultValue, isFlag] =
          nb::cast<std::tuple<std::string, std::string, std::string, bool>>(
              entry);
      option(stringRef(name), stringRef(help), stringRef(defaultValue), isFlag,
             describeUserData);
    }
  } catch (nb::python_error &error) {
    error.restore();
    PyErr_Print();
  }
}

void registerPythonPass(std::string_view argument, std::string_view name,
                        std::string_view description, nb::object describe,
                        nb::object run, nb::object check) {
  auto *pass = new PythonPass{std::move(describe), std::move(run),
                              std::move(check)};
  HyperoffloadPassCallbacks callbacks{runPythonPass, checkPythonPass,
                                      describePythonPass};
  hyperoffloadRegisterPass(stringRef(argument), stringRef(name),
                           stringRef(description), callbacks, pass);
}

//===----------------------------------------------------------------------===//
// Loading
//===----------------------------------------------------------------------===//

/// Where the C library this module was linked against was loaded from.
std::filesystem::path libraryPath() {
  Dl_info info;
  if (!dladdr(reinterpret_cast<const void *>(&hyperoffloadCacheLibraryIdentity),
              &info) ||
      !info.dli_fname)
    throw std::runtime_error("cannot locate libHyperOffloadCache.so");
  return info.dli_fname;
}

/// Refuses to run a second copy of this module in one process (two
/// installations of the package): the record lives on `mlir._mlir_libs`,
/// which exists once per process.
void recordThisCopy(nb::module_ &m) {
  nb::module_ libs = nb::module_::import_("mlir._mlir_libs");
  nb::object here = nb::str(libraryPath().c_str());
  const char *record = "_hyperoffload_cache_library";
  if (nb::hasattr(libs, record)) {
    nb::object recorded = libs.attr(record);
    if (!recorded.equal(here)) {
      std::string message =
          "the cache dialect library is already loaded from " +
          nb::cast<std::string>(nb::str(recorded)) +
          "; refusing to load a second copy from " +
          nb::cast<std::string>(here) +
          " (two copies of one dialect abort MLIR). Import hyperoffload from "
          "one installation only.";
      PyErr_SetString(PyExc_ImportError, message.c_str());
      throw nb::python_error();
    }
  }
  nb::setattr(libs, record, here);
}

} // namespace

NB_MODULE(_native, m) {
  m.doc() = "The compiled part of hyperoffload: the C API of "
            "libHyperOffloadCache.so for Python (private; use "
            "hyperoffload.dialects.cache and the passes).";
  recordThisCopy(m);

  //===--------------------------------------------------------------------===//
  // Enums (hyperoffload-c/Cache.h): arithmetic, so they compare with the
  // plain ints the bulk functions return.
  //===--------------------------------------------------------------------===//
  nb::enum_<MlirDiagnosticSeverity>(m, "Severity", nb::is_arithmetic(),
                                    "Severity of emit_diagnostic.")
      .value("ERROR", MlirDiagnosticError)
      .value("WARNING", MlirDiagnosticWarning)
      .value("REMARK", MlirDiagnosticRemark);
  nb::enum_<HyperoffloadEffectKind>(m, "EffectKind", nb::is_arithmetic(),
                                    "Kind of one memory effect.")
      .value("READ", HyperoffloadEffectRead)
      .value("WRITE", HyperoffloadEffectWrite)
      .value("ALLOCATE", HyperoffloadEffectAllocate)
      .value("FREE", HyperoffloadEffectFree);
  nb::enum_<HyperoffloadEffectsStatus>(m, "EffectsStatus", nb::is_arithmetic(),
                                       "What an op declares of its effects.")
      .value("DECLARED", HyperoffloadEffectsDeclared)
      .value("RECURSIVE", HyperoffloadEffectsRecursive)
      .value("UNKNOWN", HyperoffloadEffectsUnknown);
  nb::enum_<HyperoffloadRemoteAccess>(
      m, "RemoteAccess", nb::is_arithmetic(),
      "Why an operand in the pool is an access to pool memory.")
      .value("DECLARED", HyperoffloadRemoteAccessDeclared)
      .value("UNKNOWN", HyperoffloadRemoteAccessUnknown)
      .value("CAST", HyperoffloadRemoteAccessCast);
  nb::enum_<HyperoffloadRootKind>(m, "RootKind", nb::is_arithmetic(),
                                  "Kind of a root buffer.")
      .value("ARGUMENT", HyperoffloadRootArgument)
      .value("ALLOC", HyperoffloadRootAlloc)
      .value("ALLOCA", HyperoffloadRootAlloca)
      .value("GLOBAL", HyperoffloadRootGlobal)
      .value("PREFETCH", HyperoffloadRootPrefetch)
      .value("ALLOCATED", HyperoffloadRootAllocated)
      .value("OPAQUE", HyperoffloadRootOpaque);
  nb::enum_<HyperoffloadUseEffect>(m, "UseEffect", nb::is_arithmetic(),
                                   "Effect of one use of a root buffer.")
      .value("NONE", HyperoffloadUseNone)
      .value("READ", HyperoffloadUseRead)
      .value("WRITE", HyperoffloadUseWrite)
      .value("READ_WRITE", HyperoffloadUseReadWrite)
      .value("FREE", HyperoffloadUseFree)
      .value("UNKNOWN", HyperoffloadUseUnknown)
      .value("ALLOC", HyperoffloadUseAlloc)
      .value("ALLOC_READ", HyperoffloadUseAllocRead)
      .value("ALLOC_WRITE", HyperoffloadUseAllocWrite);
  nb::enum_<HyperoffloadAccessBit>(m, "AccessBit", nb::is_arithmetic(),
                                   nb::is_flag(),
                                   "What one op may do to a root buffer.")
      .value("READ", HyperoffloadAccessRead)
      .value("WRITE", HyperoffloadAccessWrite)
      .value("ALLOC", HyperoffloadAccessAlloc)
      .value("FREE", HyperoffloadAccessFree)
      .value("UNKNOWN", HyperoffloadAccessUnknown);

  //===--------------------------------------------------------------------===//
  // The dialect, its types and attributes
  //===--------------------------------------------------------------------===//
  m.def(
      "register_dialect",
      [](MlirDialectRegistry registry) {
        if (!hyperoffloadCacheRegisterDialect(registry)) {
          PyErr_SetString(
              PyExc_ImportError,
              "the MLIR dialect registry already holds a 'cache' dialect from "
              "another copy of the library; refusing to register a second one");
          throw nb::python_error();
        }
      },
      "registry"_a, "Insert the cache dialect into `registry`.");
  m.def("library_path", &libraryPath,
        "Path of the loaded dialect library (libHyperOffloadCache.so).");
  m.def(
      "plugin_path",
      []() {
        return libraryPath().parent_path() / "libHyperOffloadCachePlugin.so";
      },
      "Path of the `mlir-opt --load-dialect-plugin` library beside it.");

  mlir::python::nanobind_adaptors::mlir_type_subclass(
      m, "TokenType", hyperoffloadTypeIsAToken, hyperoffloadTokenTypeGetTypeID)
      .def_classmethod(
          "get",
          [](nb::object cls, MlirContext context) {
            return cls(hyperoffloadTokenTypeGet(context));
          },
          "cls"_a, "context"_a.none() = nb::none(),
          "The `!cache.token` type.");
  mlir::python::nanobind_adaptors::mlir_attribute_subclass(
      m, "RemoteMemorySpaceAttr", hyperoffloadAttributeIsARemoteMemorySpace,
      hyperoffloadRemoteMemorySpaceAttrGetTypeID)
      .def_classmethod(
          "get",
          [](nb::object cls, MlirContext context) {
            return cls(hyperoffloadRemoteMemorySpaceAttrGet(context));
          },
          "cls"_a, "context"_a.none() = nb::none(),
          "The `#cache.remote` memory-space attribute.");

  //===--------------------------------------------------------------------===//
  // Parsing, dialects, diagnostics
  //===--------------------------------------------------------------------===//
  m.def(
      "parse_source",
      [](std::string_view source, std::string_view sourceName,
         MlirContext context) -> std::optional<MlirModule> {
        MlirModule module = hyperoffloadParseSourceString(
            context, stringRef(source), stringRef(sourceName));
        if (mlirModuleIsNull(module))
          return std::nullopt;
        return module;
      },
      "source"_a, "source_name"_a, "context"_a,
      "Parse `source` as mlir-opt does (an implicit top-level module), "
      "locations naming `source_name`; None where parsing or verification "
      "failed (the diagnostics went to the context's handlers).");
  m.def(
      "loop_op_names",
      []() {
        std::string names;
        hyperoffloadLoopOpNames(appendString, &names);
        nb::list out;
        for (const std::string &name : split(names, ',', true))
          out.append(nb::str(name.c_str()));
        return nb::frozenset(out);
      },
      "Names of the ops whose regions the liveness walk treats as loops.");
  m.def(
      "available_dialects",
      [](MlirContext context) {
        std::string names;
        hyperoffloadGetAvailableDialects(context, appendString, &names);
        return split(names, ',', true);
      },
      "context"_a, "Names of every dialect registered in `context`, sorted.");
  m.def(
      "emit_diagnostic",
      [](MlirLocation location, MlirDiagnosticSeverity severity,
         std::string_view message) {
        hyperoffloadEmitDiagnostic(location, severity, stringRef(message));
      },
      "location"_a, "severity"_a, "message"_a,
      "Emit a diagnostic of `severity` at `location`.");
  m.def("set_print_op_on_diagnostic",
        &hyperoffloadContextSetPrintOpOnDiagnostic, "context"_a, "enable"_a,
        "Whether diagnostics on an op get a note that prints the op.");

  //===--------------------------------------------------------------------===//
  // Queries on one op
  //===--------------------------------------------------------------------===//
  m.def(
      "memory_effects",
      [](MlirOperation op) {
        std::vector<std::tuple<int, int, int>> effects;
        int status = hyperoffloadGetMemoryEffects(
            op,
            [](int kind, int operand, int result, void *user) {
              static_cast<std::vector<std::tuple<int, int, int>> *>(user)
                  ->emplace_back(kind, operand, result);
            },
            &effects);
        return std::make_pair(status, effects);
      },
      "op"_a,
      "The memory effects `op` declares (upstream MemoryEffectOpInterface): "
      "(an EffectsStatus, [(EffectKind, operand index or -1, result index "
      "or -1)]).");
  m.def(
      "operation_key",
      [](MlirOperation op) {
        std::vector<uint64_t> key(64);
        int count = hyperoffloadOperationKey(op, key.data(), 64);
        if (count > 64) {
          key.resize(count);
          hyperoffloadOperationKey(op, key.data(), count);
        }
        return nb::tuple(intList(key.data(), count));
      },
      "op"_a,
      "What `op`'s cost follows from (name, attributes, operand types and "
      "aliasing, the ops of its regions) as identities of uniqued objects: "
      "equal keys mean equal costs within one context.");
  m.def(
      "region_op_names",
      [](MlirOperation op) {
        std::string names;
        hyperoffloadRegionOpNames(op, appendString, &names);
        return split(names, ',', true);
      },
      "op"_a, "Names of the ops directly in the blocks of `op`'s regions.");
  m.def(
      "linalg_loop_ranges",
      [](MlirOperation op) -> std::optional<std::vector<std::optional<int64_t>>> {
        std::vector<int64_t> ranges(16);
        int count = hyperoffloadLinalgStaticLoopRanges(op, ranges.data(), 16);
        if (count < 0)
          return std::nullopt;
        if (count > 16) {
          ranges.resize(count);
          hyperoffloadLinalgStaticLoopRanges(op, ranges.data(), count);
        }
        std::vector<std::optional<int64_t>> out;
        for (int i = 0; i < count; ++i)
          out.push_back(ranges[i] == INT64_MIN ? std::nullopt
                                               : std::optional(ranges[i]));
        return out;
      },
      "op"_a,
      "Static loop ranges of a linalg op (None for a dynamic one), or None "
      "if `op` is not a linalg op.");
  m.def(
      "linalg_inputs",
      [](MlirOperation op) -> std::optional<int> {
        int inputs = hyperoffloadLinalgNumInputs(op);
        if (inputs < 0)
          return std::nullopt;
        return inputs;
      },
      "op"_a,
      "How many leading operands of a linalg op (upstream's LinalgOp "
      "interface) are inputs, or None if `op` is not one (its regions, if "
      "any, are then program rather than a payload).");
  m.def(
      "remote_accesses",
      [](MlirOperation root) {
        std::vector<std::tuple<MlirOperation, int32_t, int32_t>> found;
        hyperoffloadFindRemoteAccesses(
            root,
            [](uint64_t op, int32_t operand, int32_t reason, void *user) {
              static_cast<
                  std::vector<std::tuple<MlirOperation, int32_t, int32_t>> *>(
                  user)
                  ->emplace_back(operationFrom(op), operand, reason);
            },
            &found);
        return found;
      },
      "root"_a,
      "Every access to #cache.remote memory nested in `root`: (op, "
      "operand number, RemoteAccess), in pre-order.");
  m.def(
      "first_tensor_definition",
      [](MlirOperation root) -> std::optional<MlirOperation> {
        MlirOperation found = hyperoffloadFirstTensorDefinition(root);
        if (mlirOperationIsNull(found))
          return std::nullopt;
        return found;
      },
      "root"_a,
      "The first op in `root` (pre-order, `root` included for its block "
      "arguments) that defines a tensor value, if any.");
  m.def("strip_remote_space", &hyperoffloadStripRemoteSpace, "root"_a,
        "Drop the #cache.remote memory space from every type in `root`.");

  //===--------------------------------------------------------------------===//
  // Crash reports (drivers only)
  //===--------------------------------------------------------------------===//
  m.def(
      "install_crash_handler",
      [](std::string_view input) {
        hyperoffloadInstallCrashHandler(stringRef(input));
      },
      "input_name"_a,
      "On a crash, write one line naming `input_name` and the stage running, "
      "and exit with status 1.");
  m.def(
      "set_crash_stage",
      [](std::string_view stage) { hyperoffloadSetCrashStage(stringRef(stage)); },
      "stage"_a, "What the driver does now, as the crash handler names it.");
  m.def("track_stages", &hyperoffloadPassManagerTrackStages, "pass_manager"_a,
        "Make `pass_manager` record each pass it starts, for the handler.");

  //===--------------------------------------------------------------------===//
  // The batched rewriting primitives
  //===--------------------------------------------------------------------===//
  m.def(
      "build_prefetch",
      [](MlirOperation anchor, MlirValue source,
         const std::vector<MlirValue> &dependencies) {
        std::vector<uint64_t> tokens;
        for (MlirValue token : dependencies)
          tokens.push_back(identity(token.ptr));
        uint64_t results[2] = {0, 0};
        hyperoffloadBuildPrefetch(anchor, source, tokens.data(),
                                  static_cast<int64_t>(tokens.size()), results);
        return std::make_pair(valueFrom(results[0]), valueFrom(results[1]));
      },
      "anchor"_a, "source"_a, "dependencies"_a,
      "Build `cache.prefetch` of `source` after `dependencies` (tokens) "
      "right before `anchor`: its buffer and its token.");
  m.def(
      "build_evict",
      [](MlirOperation anchor, MlirValue buffer,
         std::optional<MlirValue> destination) -> std::optional<MlirValue> {
        MlirValue token = hyperoffloadBuildEvict(
            anchor, buffer, destination ? *destination : MlirValue{nullptr});
        if (mlirValueIsNull(token))
          return std::nullopt;
        return token;
      },
      "anchor"_a, "buffer"_a, "destination"_a.none() = nb::none(),
      "Build `cache.evict` of `buffer` (written back into `destination` if "
      "given) right before `anchor`: its token.");
  m.def(
      "build_wait",
      [](MlirOperation anchor, const std::vector<MlirValue> &tokens) {
        std::vector<uint64_t> identities;
        for (MlirValue token : tokens)
          identities.push_back(identity(token.ptr));
        hyperoffloadBuildWait(anchor, identities.data(),
                              static_cast<int64_t>(identities.size()));
      },
      "anchor"_a, "tokens"_a,
      "Build `cache.wait` on `tokens` right before `anchor`.");
  m.def(
      "pipeline_loop",
      [](MlirOperation loop, const std::vector<MlirOperation> &firstStage,
         const std::vector<MlirOperation> &firstStageLast, bool warmStart,
         std::optional<MlirOperation> firstStageAfter, int64_t distance,
         bool guarded) -> std::optional<MlirOperation> {
        std::vector<uint64_t> early = identities(firstStage);
        std::vector<uint64_t> late = identities(firstStageLast);
        MlirOperation pipelined = hyperoffloadPipelineLoop(
            loop, early.data(), static_cast<int64_t>(early.size()),
            late.data(), static_cast<int64_t>(late.size()), warmStart,
            firstStageAfter.value_or(MlirOperation{nullptr}), distance,
            guarded);
        if (mlirOperationIsNull(pipelined))
          return std::nullopt;
        return pipelined;
      },
      "loop"_a, "first_stage"_a, "first_stage_last"_a, "warm_start"_a = false,
      "first_stage_after"_a.none() = nb::none(), "distance"_a = 1,
      "guarded"_a = false,
      "Software-pipeline the scf.for `loop` (upstream's "
      "scf::pipelineForLoop): the body ops `first_stage` run `distance` "
      "iterations ahead of the others, `first_stage_last` one ahead; in the "
      "new body the former come first (or right after the body op "
      "`first_stage_after`), the latter last. With `warm_start` the first "
      "iteration is peeled off first and the prologue's copies run during "
      "it. With `guarded`, bounds known only at run time are taken, the "
      "prologue and epilogue unpredicated: the caller guards the loop to "
      "run at least once per stage (and the peeled iteration). The new "
      "loop, or None where upstream declines.");
  m.def(
      "peel_loop_front",
      [](MlirOperation loop, int64_t count) -> std::optional<MlirOperation> {
        MlirOperation rest = hyperoffloadPeelLoopFront(loop, count);
        if (mlirOperationIsNull(rest))
          return std::nullopt;
        return rest;
      },
      "loop"_a, "count"_a,
      "Peel the first `count` iterations off the scf.for `loop` (upstream's "
      "scf::peelForLoopFirstIteration, each peeled iteration inlined), in "
      "program order before it. The loop of the remaining iterations, or "
      "None (nothing changed) where the bounds are not constants or it runs "
      "`count` times or fewer.");
  //===--------------------------------------------------------------------===//
  // Passes in upstream's registry
  //===--------------------------------------------------------------------===//
  m.def("register_pass", &registerPythonPass, "argument"_a, "name"_a,
        "description"_a, "describe"_a, "run"_a, "check"_a,
        "Register a pass called `argument` in MLIR's pass registry, so "
        "upstream's pipeline parser (PassManager.parse) knows it. It runs on "
        "builtin.module only. describe() gives (its description, its options as "
        "[(name, description, default value, is_flag)]), asked once when first needed; check(options) returns an error message or "
        "None; run(options, module) returns whether it succeeded, having "
        "emitted its diagnostics. `options` is the option text given.");
  m.def(
      "register_pass_pipeline",
      [](std::string_view argument, std::string_view description,
         std::string_view pipeline) {
        hyperoffloadRegisterPassPipeline(stringRef(argument),
                                         stringRef(description),
                                         stringRef(pipeline));
      },
      "argument"_a, "description"_a, "pipeline"_a,
      "Register a pipeline called `argument` standing for `pipeline` (the "
      "elements of a builtin.module pipeline); it takes no options.");
  m.def(
      "is_registered_pass",
      [](std::string_view argument) {
        return hyperoffloadIsRegisteredPass(stringRef(argument));
      },
      "argument"_a,
      "Whether MLIR's registry holds a pass or pipeline called `argument`.");
  m.def(
      "parse_pass_pipeline",
      [](MlirPassManager passManager, std::string_view pipeline,
         bool anchored) -> std::optional<std::pair<bool, std::string>> {
        std::string message;
        bool aborted = false;
        MlirLogicalResult result;
        {
          // Our passes' option checks take the GIL back themselves.
          nb::gil_scoped_release release;
          result = hyperoffloadParsePassPipeline(
              mlirPassManagerGetAsOpPassManager(passManager),
              stringRef(pipeline), anchored, appendString, &message, &aborted);
        }
        if (mlirLogicalResultIsSuccess(result))
          return std::nullopt;
        return std::make_pair(aborted, message);
      },
      "pass_manager"_a, "pipeline"_a, "anchored"_a,
      "Parse `pipeline` into `pass_manager` with upstream's parser: the "
      "anchored form `op(elements)` replaces its passes, otherwise the "
      "elements are appended. None on success, else (aborted, message): "
      "`aborted` where upstream ended the process while building it (caught "
      "here; the message is upstream's fatal error).");
  m.def(
      "pass_manager_passes",
      [](MlirPassManager passManager) {
        std::vector<std::pair<std::string, std::string>> passes;
        hyperoffloadOpPassManagerForEachPass(
            mlirPassManagerGetAsOpPassManager(passManager),
            [](MlirStringRef argument, MlirStringRef text, void *userData) {
              static_cast<std::vector<std::pair<std::string, std::string>> *>(
                  userData)
                  ->emplace_back(std::string(argument.data, argument.length),
                                 std::string(text.data, text.length));
            },
            &passes);
        return passes;
      },
      "pass_manager"_a,
      "The passes directly in `pass_manager` as (argument, text): upstream's "
      "textual form of each; the argument is empty for an op's nested pass "
      "manager (`func.func(...)`).");

  //===--------------------------------------------------------------------===//
  // The liveness walk
  //===--------------------------------------------------------------------===//
  nb::class_<OperationList>(
      m, "OperationList",
      "Operations by identity, each made into a Python op on first access. "
      "Assigning an index replaces its op.")
      .def("__len__", &OperationList::size)
      .def("__getitem__", &OperationList::get, "index"_a)
      .def("__getitem__", &OperationList::slice, "index"_a)
      .def("__setitem__", &OperationList::set, "index"_a, "op"_a)
      .def("position", &OperationList::position, "op"_a,
           "The index of `op`, or None if it is not in the list.")
      .def("uses", &OperationList::uses, "value"_a,
           "The uses of `value` in use-list order, as (owner, operand "
           "number): the owner its index where it is in the list (no Python "
           "op made), else the op.")
      .def("set_operands", &OperationList::setOperands, "uses"_a, "value"_a,
           "Make `value` operand `number` of `owner` for each (owner, number) "
           "of `uses`, owners as uses() gives them.")
      .def("move_before", &OperationList::moveBefore, "moves"_a,
           "Move the op at index `op` right before the op at index `anchor` "
           "for each (op, anchor) of `moves`, in order.")
      .def("with_attribute", &OperationList::withAttribute, "name"_a,
           "The indices of the ops carrying an attribute called `name`.");

  nb::class_<ValueList>(m, "ValueList",
                        "Values, each made into a Python value when asked for.")
      .def("__len__", &ValueList::size)
      .def("__getitem__", &ValueList::get, "index"_a);

  nb::class_<ValueRoots>(
      m, "ValueRoots",
      "The root buffers (indices) each memref value of a walk may point into.")
      .def("get", &ValueRoots::get, "value"_a,
           "The indices of the roots `value` may point into (none if it is "
           "not a value the walk saw).");

  nb::class_<LivenessWalk>(
      m, "LivenessWalk",
      "What the C++ liveness walk found, as Python lists. Per program "
      "position: operations, parent, end, repeating, descends, "
      "op_names, cost_class (-1: not a linalg op; class_keys[c] is class c's "
      "operation_key). Per root buffer: kinds (RootKind), types, defined_at, "
      "freed_at, freed_by (-1: the end), last_use (-1: none), escapes, "
      "values (a ValueList), names (a global's @symbol, else empty) and its "
      "uses: entries use_offsets[r] up to use_offsets[r + 1] of "
      "use_positions and use_effects (UseEffect). roots (ValueRoots) maps "
      "values to root indices. The !cache.token operands of position p "
      "are entries token_offsets[p] up to token_offsets[p + 1] of "
      "token_defs (-1: a block argument). The accesses are the uses again in "
      "program order: access_position, access_root, access_bits (AccessBit).")
      .def_ro("operations", &LivenessWalk::operations)
      .def_ro("parent", &LivenessWalk::parent)
      .def_ro("end", &LivenessWalk::end)
      .def_ro("repeating", &LivenessWalk::repeating)
      .def_ro("descends", &LivenessWalk::descends)
      .def_ro("op_names", &LivenessWalk::opNames)
      .def_ro("cost_class", &LivenessWalk::costClass)
      .def_ro("class_keys", &LivenessWalk::classKeys)
      .def_ro("kinds", &LivenessWalk::kinds)
      .def_ro("types", &LivenessWalk::types)
      .def_ro("defined_at", &LivenessWalk::definedAt)
      .def_ro("freed_at", &LivenessWalk::freedAt)
      .def_ro("freed_by", &LivenessWalk::freedBy)
      .def_ro("last_use", &LivenessWalk::lastUse)
      .def_ro("escapes", &LivenessWalk::escapes)
      .def_ro("values", &LivenessWalk::values)
      .def_ro("names", &LivenessWalk::names)
      .def_ro("use_offsets", &LivenessWalk::useOffsets)
      .def_ro("use_positions", &LivenessWalk::usePositions)
      .def_ro("use_effects", &LivenessWalk::useEffects)
      .def_ro("roots", &LivenessWalk::roots)
      .def_ro("token_offsets", &LivenessWalk::tokenOffsets)
      .def_ro("token_defs", &LivenessWalk::tokenDefs)
      .def_ro("access_position", &LivenessWalk::accessPosition)
      .def_ro("access_root", &LivenessWalk::accessRoot)
      .def_ro("access_bits", &LivenessWalk::accessBits);
  m.def("liveness_walk", &livenessWalk, "function"_a,
        "Run the C++ liveness walk over `function` (a func.func with a "
        "body).");
  m.def(
      "value_names",
      [](MlirOperation scope, const std::vector<MlirValue> &named) {
        if (named.empty())
          return nb::list();
        std::vector<const void *> values;
        for (MlirValue value : named)
          values.push_back(value.ptr);
        std::string packed;
        hyperoffloadPrintValueNames(scope, values.data(),
                                    static_cast<int64_t>(values.size()),
                                    appendString, &packed);
        return packedStrings(packed.data(),
                             static_cast<int64_t>(packed.size()));
      },
      "scope"_a, "values"_a,
      "The names the printer gives `values`, "
      "all inside `scope` (an op isolated from above), numbering `scope` "
      "once. Call it before changing the IR they were read from.");

  //===--------------------------------------------------------------------===//
  // The planner's loops
  //===--------------------------------------------------------------------===//
  nb::class_<PlanGaps>(
      m, "PlanGaps",
      "The per-step and per-gap inputs of plan_gaps (hyperoffload-c/"
      "Planner.h), made contiguous arrays of the C types; members is "
      "(gaps, 3): gaps applied together, ascending, -1 padded.")
      .def(nb::new_(&makePlanGaps), "step_start"_a, "base_profile"_a,
           "after"_a, "before"_a, "free_from"_a, "transfer"_a, "writeback"_a,
           "nbytes"_a, "members"_a, "forced"_a)
      .def_ro("step_start", &PlanGaps::stepStart)
      .def_ro("base_profile", &PlanGaps::baseProfile)
      .def_ro("after", &PlanGaps::after)
      .def_ro("before", &PlanGaps::before)
      .def_ro("free_from", &PlanGaps::freeFrom)
      .def_ro("transfer", &PlanGaps::transfer)
      .def_ro("writeback", &PlanGaps::writeback)
      .def_ro("nbytes", &PlanGaps::nbytes)
      .def_ro("members", &PlanGaps::members)
      .def_ro("forced", &PlanGaps::forced);
  nb::class_<GapPlan>(
      m, "GapPlan",
      "What plan_gaps chose: per gap the prefetch step (-1: kept on the "
      "device), first free step and exposed seconds; bytes per step; and "
      "when infeasible, the peak step with no option left and its bytes.")
      .def_ro("feasible", &GapPlan::feasible)
      .def_ro("prefetch_at", &GapPlan::prefetchAt)
      .def_ro("free_from", &GapPlan::freeFrom)
      .def_ro("exposed", &GapPlan::exposed)
      .def_ro("profile", &GapPlan::profile)
      .def_ro("failed_step", &GapPlan::failedStep)
      .def_ro("failed_bytes", &GapPlan::failedBytes);
  m.def("plan_gaps", &planGaps, "gaps"_a, "budget"_a, nb::kw_only(),
        "strategy"_a, "order"_a, "placement"_a, "distance_threshold"_a,
        "prefetch_distance"_a, "lazy_options"_a,
        "Run the planner's choice loop (hyperoffloadPlanGaps) over `gaps`.");
  nb::class_<Transfers>(
      m, "Transfers",
      "The transfers place_transfers places, in placing order: per transfer "
      "its current step, the lowest step it may move to, the steps of its "
      "first use, its wait and its buffer's free, its bytes and its copy "
      "seconds.")
      .def(nb::new_(&makeTransfers), "step"_a, "lower"_a, "first_use"_a,
           "wait"_a, "free_at"_a, "nbytes"_a, "seconds"_a)
      .def_ro("step", &Transfers::step)
      .def_ro("lower", &Transfers::lower)
      .def_ro("first_use", &Transfers::firstUse)
      .def_ro("wait", &Transfers::wait)
      .def_ro("free_at", &Transfers::freeAt)
      .def_ro("nbytes", &Transfers::nbytes)
      .def_ro("seconds", &Transfers::seconds);
  m.def("place_transfers", &placeTransfers, "step_start"_a, "profile"_a,
        "transfers"_a, "budget"_a.none(), "max_inflight"_a,
        "Run the placement loop of cache-schedule-transfers "
        "(hyperoffloadPlaceTransfers): each transfer's issue step and copy "
        "start. `profile` (contiguous int64, one entry per step start) is "
        "updated in place.");
}
