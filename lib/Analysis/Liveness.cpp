//===- Liveness.cpp - The buffer-liveness walk, in C++ --------------------===//
//
// The walk behind hyperoffload.analysis.liveness.BufferLiveness: program
// positions, root buffers, aliases, uses with their effects, free points,
// last uses and escapes. The rules are those of the Python module's
// docstring; Python turns these arrays into its objects and adds what needs
// Python (sizes, memory spaces, diagnostics). Doing the walk here saves a
// binding call per operand, result and effect on every op.
//
//===----------------------------------------------------------------------===//

#include "hyperoffload/Analysis/Effects.h"
#include "hyperoffload/Analysis/OperationKey.h"
#include "hyperoffload-c/Cache.h"
#include "hyperoffload/Dialect/Cache/CacheTypes.h"

#include "mlir/CAPI/IR.h"
#include "mlir/IR/AsmState.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Operation.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/CallInterfaces.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "mlir/Interfaces/LoopLikeInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Interfaces/ViewLikeInterface.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/raw_ostream.h"

#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

using namespace mlir;

namespace {

/// Ops whose regions may run more than once (Python's program.LOOP_OPS
/// reads them from hyperoffloadLoopOpNames).
const char *const loopOpNames[] = {
    "scf.for",    "scf.while",       "scf.parallel", "scf.forall",
    "affine.for", "affine.parallel", "async.execute"};

bool isLoopOp(StringRef name) { return llvm::is_contained(loopOpNames, name); }

/// Whether `op`'s regions may run more than once: any LoopLikeOpInterface
/// op (another dialect's loops too) or one of the names above
/// (`async.execute` is not a loop but its body may overlap what follows).
bool isLoop(Operation *op) {
  return isa<LoopLikeOpInterface>(op) || isLoopOp(op->getName().getStringRef());
}

/// The buffer a view op's memref results alias: the view source of a
/// ViewLikeOpInterface op (any dialect's), or the first operand of
/// `memref.transpose` (a view that does not implement the interface in
/// MLIR 22); null for other ops.
Value viewSource(Operation *op) {
  if (auto view = dyn_cast<ViewLikeOpInterface>(op))
    return view.getViewSource();
  if (op->getName().getStringRef() == "memref.transpose" &&
      op->getNumOperands() > 0)
    return op->getOperand(0);
  return nullptr;
}

bool descendsInto(Operation *op) {
  return op->getNumRegions() > 0 &&
         !op->getName().getStringRef().starts_with("linalg.");
}

enum EffectBits : unsigned {
  Read = HyperoffloadAccessRead,
  Write = HyperoffloadAccessWrite,
  Alloc = HyperoffloadAccessAlloc,
  Free = HyperoffloadAccessFree,
  Unknown = HyperoffloadAccessUnknown,
};

/// The effect of a use with these effects (Use.effect in liveness.py).
int effectLabel(unsigned bits) {
  if (bits & Unknown)
    return HyperoffloadUseUnknown;
  if (bits & Free)
    return HyperoffloadUseFree;
  if ((bits & Read) && (bits & Write))
    return HyperoffloadUseReadWrite;
  if (bits & Alloc) {
    if (bits & Read)
      return HyperoffloadUseAllocRead;
    if (bits & Write)
      return HyperoffloadUseAllocWrite;
    return HyperoffloadUseAlloc;
  }
  if (bits & Read)
    return HyperoffloadUseRead;
  if (bits & Write)
    return HyperoffloadUseWrite;
  return HyperoffloadUseNone;
}

/// The EffectBits of a HyperoffloadEffectKind.
unsigned effectBit(int kind) {
  switch (kind) {
  case HyperoffloadEffectRead:
    return Read;
  case HyperoffloadEffectAllocate:
    return Alloc;
  case HyperoffloadEffectFree:
    return Free;
  default:
    return Write;
  }
}

using RootList = SmallVector<int32_t, 2>;

/// A memref value defined outside an op and accessed inside its regions,
/// with what the nested ops may do to it (EffectBits).
using CapturedAccess = std::pair<Value, unsigned>;

struct Use {
  int64_t position;
  int8_t effect;
};

struct CalleeEffects;

} // namespace

struct HyperoffloadLiveness {
  explicit HyperoffloadLiveness(Operation *function,
                                CalleeEffects *callees = nullptr);
  ~HyperoffloadLiveness();

  void run();

  HyperoffloadLivenessArrays arrays() const;

private:
  void visitRegions(Operation *op, int64_t position);
  int32_t newRoot(Value value, int kind, int64_t position, StringRef name = {});
  RootList rootsOfOperands(Operation *op);
  void defineResults(Operation *op, int64_t position,
                     ArrayRef<hyperoffload::MemoryEffect> effects);
  void recordUses(Operation *op, int64_t position, int status,
                  ArrayRef<hyperoffload::MemoryEffect> effects,
                  ArrayRef<CapturedAccess> captured);
  void collectCaptured(Operation *op, SmallVectorImpl<CapturedAccess> &out);
  void aliasBlockArguments(Operation *op, const RootList &roots);
  RootList entryRoots(RegionBranchOpInterface branch, Value input);
  void aliasEntryArguments(RegionBranchOpInterface branch);
  void forwardToParent(Operation *terminator);
  void settleRegionResults(int64_t position);
  void recordTokens();
  bool callEffects(CallOpInterface call,
                   SmallVectorImpl<hyperoffload::MemoryEffect> &out);
  SmallVector<unsigned> parameterBits() const;
  int32_t nameId(Operation *op);
  int32_t costClass(Operation *op);

  Operation *function;
  // What the functions this one calls do to their parameters: shared with
  // the walks of those functions; owned by the outermost walk.
  std::unique_ptr<CalleeEffects> ownCallees;
  CalleeEffects *callees;

  // The program order.
  std::vector<Operation *> ops;
  std::vector<int64_t> parent, end;
  std::vector<uint8_t> repeating, descends;
  std::vector<int32_t> positionName;
  std::string opNames;
  llvm::DenseMap<const void *, int32_t> opNameIds;

  // Linalg ops by what their cost follows from (OperationKey.h).
  std::vector<int32_t> positionCostClass;
  llvm::DenseMap<ArrayRef<uint64_t>, int32_t> costClassIds;
  std::deque<SmallVector<uint64_t, 16>> costClassStorage;
  std::vector<int64_t> costClassKeyOffsets{0};
  std::vector<uint64_t> costClassKeys;

  // Roots and aliases.
  llvm::DenseMap<Value, RootList> roots;
  // Region-branch ops walked into whose memref results alias what their
  // terminators yield: (op's last nested position, op, its position), the
  // innermost last; settled (opaque roots for results nothing reached)
  // once the walk leaves the op.
  SmallVector<std::tuple<int64_t, Operation *, int64_t>, 4> pendingResults;
  llvm::StringMap<int32_t> globals;
  std::vector<int32_t> rootKind;
  std::vector<const void *> rootType, rootValue;
  std::vector<int64_t> definedAt, freedAt, freedBy, lastUse;
  std::vector<uint8_t> escapes;
  std::string rootNames;
  std::vector<std::vector<Use>> uses;
  // Per position, the positions of the ops defining its token operands.
  std::vector<int64_t> tokenOffsets, tokenDefs;

  // Every use again, in program order: position, root, EffectBits.
  std::vector<int64_t> accessPosition;
  std::vector<int32_t> accessRoot;
  std::vector<uint8_t> accessBits;

  // Flattened for the caller.
  std::vector<int64_t> useOffsets, usePosition;
  std::vector<int8_t> useEffect;
  std::vector<const void *> values;
  std::vector<int64_t> valueRootOffsets;
  std::vector<int32_t> valueRoots;
};

namespace {
/// What each function a walk's calls reach may do to its parameters
/// (EffectBits per parameter, from the walk of its body), found once per
/// outermost walk. A function whose walk is under way (recursion) has no
/// entry yet: its calls are unknown.
struct CalleeEffects {
  SymbolTableCollection symbols;
  llvm::DenseMap<Operation *, std::optional<SmallVector<unsigned>>> bits;
};
} // namespace

HyperoffloadLiveness::HyperoffloadLiveness(Operation *function,
                                           CalleeEffects *shared)
    : function(function), callees(shared) {
  if (!callees) {
    ownCallees = std::make_unique<CalleeEffects>();
    callees = ownCallees.get();
  }
}

HyperoffloadLiveness::~HyperoffloadLiveness() = default;

/// Per entry-block argument of the walked function, everything its uses
/// may do to it (0 for an argument that is not a memref).
SmallVector<unsigned> HyperoffloadLiveness::parameterBits() const {
  SmallVector<unsigned> result;
  if (function->getNumRegions() == 0 || function->getRegion(0).empty())
    return result;
  llvm::DenseMap<int32_t, unsigned> byRoot;
  for (auto [root, bits] : llvm::zip(accessRoot, accessBits))
    byRoot[root] |= bits;
  for (BlockArgument argument : function->getRegion(0).front().getArguments()) {
    auto it = roots.find(argument);
    unsigned bits = 0;
    if (it != roots.end())
      for (int32_t root : it->second)
        bits |= byRoot.lookup(root);
    result.push_back(bits);
  }
  return result;
}

/// The effects of `call` on its operands: what its callee (a function with
/// a body, found in the symbol table above the call) does to the parameter
/// each operand is passed to. False where that is not known: a callee
/// declared only, not found (a detached function), still being walked
/// (recursion), or one that may free a parameter or does what it does not
/// say; the call's effects are then unknown, as for any op that declares
/// none.
bool HyperoffloadLiveness::callEffects(
    CallOpInterface call, SmallVectorImpl<hyperoffload::MemoryEffect> &out) {
  auto callee = dyn_cast_if_present<FunctionOpInterface>(
      call.resolveCallableInTable(&callees->symbols));
  if (!callee || callee.isExternal())
    return false;
  auto known = callees->bits.find(callee);
  if (known == callees->bits.end()) {
    callees->bits[callee] = std::nullopt; // under way
    HyperoffloadLiveness walk(callee, callees);
    walk.run();
    SmallVector<unsigned> bits = walk.parameterBits();
    std::optional<SmallVector<unsigned>> summary;
    if (llvm::none_of(bits, [](unsigned b) { return b & (Unknown | Free); }))
      summary = std::move(bits);
    known = callees->bits.insert_or_assign(callee, std::move(summary)).first;
  }
  if (!known->second)
    return false;
  const SmallVector<unsigned> &bits = *known->second;
  MutableOperandRange arguments = call.getArgOperandsMutable();
  if (arguments.size() != bits.size())
    return false;
  for (auto [index, operandBits] : llvm::enumerate(bits)) {
    int operand =
        static_cast<int>(arguments[index].getOperandNumber());
    if (operandBits & Read)
      out.push_back({HyperoffloadEffectRead, operand, -1});
    if (operandBits & Write)
      out.push_back({HyperoffloadEffectWrite, operand, -1});
  }
  return true;
}

int32_t HyperoffloadLiveness::nameId(Operation *op) {
  const void *key = op->getName().getAsOpaquePointer();
  auto [it, inserted] =
      opNameIds.try_emplace(key, static_cast<int32_t>(opNameIds.size()));
  if (inserted) {
    opNames += op->getName().getStringRef();
    opNames.push_back('\0');
  }
  return it->second;
}

int32_t HyperoffloadLiveness::costClass(Operation *op) {
  if (!op->getName().getStringRef().starts_with("linalg."))
    return -1;
  SmallVector<uint64_t, 32> items;
  hyperoffload::operationKey(op, items);
  auto it = costClassIds.find(ArrayRef<uint64_t>(items));
  if (it != costClassIds.end())
    return it->second;
  // A new class: its key is kept where the map's ArrayRef can point.
  int32_t id = static_cast<int32_t>(costClassIds.size());
  costClassStorage.emplace_back(items.begin(), items.end());
  costClassIds[ArrayRef<uint64_t>(costClassStorage.back())] = id;
  costClassKeys.insert(costClassKeys.end(), items.begin(), items.end());
  costClassKeyOffsets.push_back(static_cast<int64_t>(costClassKeys.size()));
  return id;
}

void HyperoffloadLiveness::visitRegions(Operation *op, int64_t position) {
  for (Region &region : op->getRegions()) {
    if (!region.empty() && !llvm::hasSingleElement(region))
      repeating[position] = 1;
    for (Block &block : region) {
      for (Operation &child : block) {
        int64_t childPosition = static_cast<int64_t>(ops.size());
        ops.push_back(&child);
        parent.push_back(position);
        end.push_back(childPosition);
        repeating.push_back(isLoop(&child) ? 1 : 0);
        bool descend = descendsInto(&child);
        descends.push_back(descend ? 1 : 0);
        positionName.push_back(nameId(&child));
        positionCostClass.push_back(costClass(&child));
        if (descend) {
          visitRegions(&child, childPosition);
          end[childPosition] = static_cast<int64_t>(ops.size()) - 1;
        }
      }
    }
  }
}

// Only a global's name is known here; the others are the printer's, which
// numbers every value of the function: the caller asks for them with
// hyperoffloadPrintValueNames only if it needs them.
int32_t HyperoffloadLiveness::newRoot(Value value, int kind, int64_t position,
                                      StringRef name) {
  rootNames += name;
  rootNames.push_back('\0');
  rootKind.push_back(kind);
  rootType.push_back(value.getType().getAsOpaquePointer());
  rootValue.push_back(value.getAsOpaquePointer());
  definedAt.push_back(position);
  freedAt.push_back(static_cast<int64_t>(ops.size()));
  freedBy.push_back(-1);
  lastUse.push_back(-1);
  escapes.push_back(0);
  uses.emplace_back();
  return static_cast<int32_t>(rootKind.size()) - 1;
}

RootList HyperoffloadLiveness::rootsOfOperands(Operation *op) {
  RootList result;
  for (Value operand : op->getOperands()) {
    auto it = roots.find(operand);
    if (it == roots.end())
      continue;
    for (int32_t root : it->second)
      if (!llvm::is_contained(result, root))
        result.push_back(root);
  }
  return result;
}

void HyperoffloadLiveness::defineResults(
    Operation *op, int64_t position,
    ArrayRef<hyperoffload::MemoryEffect> effects) {
  llvm::SmallDenseSet<int, 4> allocated;
  for (const hyperoffload::MemoryEffect &effect : effects)
    if (effect.kind == HyperoffloadEffectAllocate && effect.result >= 0)
      allocated.insert(effect.result);
  StringRef name = op->getName().getStringRef();
  for (OpResult result : op->getResults()) {
    // Unranked results (a cast to `memref<*xf32>` for a print call) alias
    // what they view; only ranked ones can be new roots (a size).
    if (!isa<BaseMemRefType>(result.getType()))
      continue;
    bool ranked = isa<MemRefType>(result.getType());
    if (name == "memref.get_global") {
      auto symbol = op->getAttrOfType<FlatSymbolRefAttr>("name");
      StringRef key = symbol ? symbol.getValue() : StringRef();
      auto it = globals.find(key);
      int32_t root;
      if (it == globals.end()) {
        std::string global = ("@" + key).str();
        root = newRoot(result, HyperoffloadRootGlobal, position, global);
        globals[key] = root;
      } else {
        root = it->second;
      }
      roots[result] = {root};
    } else if (name == "memref.alloc") {
      roots[result] = {newRoot(result, HyperoffloadRootAlloc, position)};
    } else if (name == "memref.alloca") {
      roots[result] = {newRoot(result, HyperoffloadRootAlloca, position)};
    } else if (name == "cache.prefetch") {
      roots[result] = {newRoot(result, HyperoffloadRootPrefetch, position)};
    } else if (allocated.contains(result.getResultNumber())) {
      if (ranked)
        roots[result] = {newRoot(result, HyperoffloadRootAllocated, position)};
    } else if (descendsInto(op) && isa<RegionBranchOpInterface>(op)) {
      // What flows in from the op to its results (a loop's init value of
      // the same index, when it may run no iteration); what the
      // terminators yield is added as the walk meets them (forwardToParent).
      roots[result] = entryRoots(cast<RegionBranchOpInterface>(op), result);
    } else if (Value source = viewSource(op)) {
      auto it = roots.find(source);
      roots[result] = it == roots.end() ? RootList() : it->second;
    } else {
      RootList operandRoots = rootsOfOperands(op);
      if (!operandRoots.empty())
        roots[result] = operandRoots;
      else if (ranked)
        roots[result] = {newRoot(result, HyperoffloadRootOpaque, position)};
    }
  }
}

/// The memref operands a region terminator (`scf.yield`, `scf.condition`)
/// passes to its parent's results alias those results.
void HyperoffloadLiveness::forwardToParent(Operation *terminator) {
  auto branch = dyn_cast<RegionBranchOpInterface>(terminator->getParentOp());
  auto yield = dyn_cast<RegionBranchTerminatorOpInterface>(terminator);
  if (!branch || !yield || !descendsInto(branch))
    return;
  SmallVector<RegionSuccessor, 2> successors;
  branch.getSuccessorRegions(RegionBranchPoint(yield), successors);
  if (!llvm::any_of(successors, [](const RegionSuccessor &successor) {
        return successor.isParent();
      }))
    return;
  OperandRange forwarded = yield.getSuccessorOperands(
      RegionSuccessor(branch.getOperation(), branch->getResults()));
  for (auto [value, result] : llvm::zip(forwarded, branch->getResults())) {
    if (!isa<BaseMemRefType>(result.getType()))
      continue;
    auto from = roots.find(value);
    if (from == roots.end())
      continue;
    RootList &into = roots[result];
    for (int32_t root : from->second)
      if (!llvm::is_contained(into, root))
        into.push_back(root);
  }
}

/// Results of the pending region-branch ops the walk has left (before
/// `position`) that nothing reached get an opaque root each.
void HyperoffloadLiveness::settleRegionResults(int64_t position) {
  while (!pendingResults.empty() &&
         std::get<0>(pendingResults.back()) < position) {
    auto [last, op, at] = pendingResults.pop_back_val();
    for (OpResult result : op->getResults()) {
      if (!isa<MemRefType>(result.getType()))
        continue; // an unranked result nothing reached stays unknown
      RootList &list = roots[result];
      if (list.empty())
        list = {newRoot(result, HyperoffloadRootOpaque, at)};
    }
  }
}

/// The roots of the operand that the op passes, on entry, to `input` (a
/// result, or a block argument of one of its regions), if the interface
/// says which; else those of all its operands.
RootList HyperoffloadLiveness::entryRoots(RegionBranchOpInterface branch,
                                          Value input) {
  SmallVector<RegionSuccessor, 2> successors;
  branch.getSuccessorRegions(RegionBranchPoint::parent(), successors);
  bool toResults = isa<OpResult>(input);
  for (const RegionSuccessor &successor : successors) {
    if (successor.isParent() != toResults)
      continue;
    if (!toResults && successor.getSuccessor() !=
                          cast<BlockArgument>(input).getOwner()->getParent())
      continue;
    OperandRange operands = branch.getEntrySuccessorOperands(successor);
    for (auto [operand, target] :
         llvm::zip(operands, successor.getSuccessorInputs())) {
      if (target != input)
        continue;
      auto it = roots.find(operand);
      return it == roots.end() ? RootList() : it->second;
    }
  }
  // Results the op does not pass anything to on entry (an scf.if's, a
  // while's) start empty; arguments no entry value reaches alias all.
  return toResults ? RootList() : rootsOfOperands(branch);
}

/// Block arguments the op passes values to on entry (a loop's iteration
/// arguments) alias the operand of their own index only.
void HyperoffloadLiveness::aliasEntryArguments(RegionBranchOpInterface branch) {
  for (Region &region : branch->getRegions())
    for (Block &block : region)
      for (BlockArgument argument : block.getArguments())
        if (isa<BaseMemRefType>(argument.getType()))
          roots[argument] = entryRoots(branch, argument);
}

void HyperoffloadLiveness::aliasBlockArguments(Operation *op,
                                               const RootList &rootList) {
  for (Region &region : op->getRegions())
    for (Block &block : region)
      for (BlockArgument argument : block.getArguments())
        if (isa<BaseMemRefType>(argument.getType()))
          roots[argument] = rootList;
}

/// Memref values the ops nested in `op`'s regions use although they are
/// defined above it (an embedding table a `linalg.generic` payload
/// `memref.load`s), with the effects those ops declare on them: only for
/// ops the walk does not descend into, whose nested ops get no position.
void HyperoffloadLiveness::collectCaptured(
    Operation *op, SmallVectorImpl<CapturedAccess> &out) {
  SmallVector<hyperoffload::MemoryEffect, 4> nestedEffects;
  op->walk<WalkOrder::PreOrder>([&](Operation *nested) {
    if (nested == op)
      return;
    bool effectsKnown = false;
    int status = HyperoffloadEffectsDeclared;
    for (OpOperand &operand : nested->getOpOperands()) {
      // Values defined inside `op` were never walked, so have no roots:
      // a value with roots is defined above.
      if (!roots.contains(operand.get()))
        continue;
      if (!effectsKnown) {
        nestedEffects.clear();
        status = hyperoffload::collectMemoryEffects(nested, nestedEffects);
        effectsKnown = true;
      }
      unsigned bits = status == HyperoffloadEffectsUnknown ? Unknown : 0;
      int index = static_cast<int>(operand.getOperandNumber());
      for (const hyperoffload::MemoryEffect &effect : nestedEffects)
        if (effect.operand == index)
          bits |= effectBit(effect.kind);
      out.push_back({operand.get(), bits});
    }
  });
}

void HyperoffloadLiveness::recordUses(
    Operation *op, int64_t position, int status,
    ArrayRef<hyperoffload::MemoryEffect> effects,
    ArrayRef<CapturedAccess> captured) {
  bool unknown = status == HyperoffloadEffectsUnknown;
  SmallVector<std::pair<int32_t, unsigned>, 4> perRoot;
  auto addRoots = [&](Value value, unsigned bits) {
    auto it = roots.find(value);
    if (it == roots.end())
      return;
    for (int32_t root : it->second) {
      auto *entry = llvm::find_if(
          perRoot, [&](const auto &item) { return item.first == root; });
      if (entry == perRoot.end()) {
        perRoot.push_back({root, 0});
        entry = perRoot.end() - 1;
      }
      entry->second |= bits;
    }
  };
  for (OpOperand &operand : op->getOpOperands()) {
    unsigned operandBits = unknown ? Unknown : 0;
    int index = static_cast<int>(operand.getOperandNumber());
    for (const hyperoffload::MemoryEffect &effect : effects)
      if (effect.operand == index)
        operandBits |= effectBit(effect.kind);
    addRoots(operand.get(), operandBits);
  }
  // A nested op's access to a buffer from above is the region op's.
  for (const CapturedAccess &access : captured)
    addRoots(access.first, access.second);
  if (perRoot.empty())
    return;
  // Uses inside loops (or multi-block regions) of buffers defined outside
  // them last until the end of the loop.
  SmallVector<int64_t, 4> extended(perRoot.size(), -1);
  for (int64_t ancestor = position; ancestor != 0;) {
    ancestor = parent[ancestor];
    if (!repeating[ancestor])
      continue;
    for (auto [index, item] : llvm::enumerate(perRoot)) {
      if (ancestor == 0 || definedAt[item.first] < ancestor)
        extended[index] = std::max(
            extended[index] < 0 ? position : extended[index], end[ancestor]);
    }
  }
  bool isReturn = op->getName().getStringRef() == "func.return";
  for (auto [index, item] : llvm::enumerate(perRoot)) {
    int32_t root = item.first;
    int label = effectLabel(item.second);
    uses[root].push_back({position, static_cast<int8_t>(label)});
    accessPosition.push_back(position);
    accessRoot.push_back(root);
    accessBits.push_back(static_cast<uint8_t>(item.second));
    if (label == HyperoffloadUseFree) {
      if (freedBy[root] < 0) {
        freedAt[root] = position;
        freedBy[root] = position;
      }
      continue;
    }
    int64_t last = extended[index] < 0 ? position : extended[index];
    lastUse[root] =
        std::max<int64_t>(std::max<int64_t>(lastUse[root], 0), last);
    if (isReturn)
      escapes[root] = 1;
  }
}

void HyperoffloadLiveness::recordTokens() {
  auto isToken = [](Type type) {
    return isa<hyperoffload::cache::TokenType>(type);
  };
  // Token results first: a block may use a token defined in a block that
  // follows it in the region.
  llvm::DenseMap<Operation *, int64_t> definers;
  for (int64_t position = 1, e = static_cast<int64_t>(ops.size()); position < e;
       ++position)
    if (llvm::any_of(ops[position]->getResultTypes(), isToken))
      definers[ops[position]] = position;
  tokenOffsets.assign(1, 0);
  for (Operation *op : ops) {
    for (Value operand : op->getOperands()) {
      if (!isToken(operand.getType()))
        continue;
      auto it = definers.find(operand.getDefiningOp());
      tokenDefs.push_back(it == definers.end() ? -1 : it->second);
    }
    tokenOffsets.push_back(static_cast<int64_t>(tokenDefs.size()));
  }
}

void HyperoffloadLiveness::run() {
  ops.push_back(function);
  parent.push_back(0);
  end.push_back(0);
  repeating.push_back(0);
  descends.push_back(1);
  positionName.push_back(nameId(function));
  positionCostClass.push_back(-1);
  visitRegions(function, 0);
  end[0] = static_cast<int64_t>(ops.size()) - 1;

  // The entry block's memref arguments (a function's parameters) are roots.
  if (function->getNumRegions() > 0 && !function->getRegion(0).empty())
    for (BlockArgument argument : function->getRegion(0).front().getArguments())
      if (isa<MemRefType>(argument.getType()))
        roots[argument] = {newRoot(argument, HyperoffloadRootArgument, 0)};

  SmallVector<hyperoffload::MemoryEffect, 8> effects;
  SmallVector<CapturedAccess, 4> captured;
  for (int64_t position = 1, e = static_cast<int64_t>(ops.size()); position < e;
       ++position) {
    Operation *op = ops[position];
    bool descend = descends[position];
    settleRegionResults(position);
    if (op->hasTrait<OpTrait::IsTerminator>() && op->getNumOperands() > 0)
      forwardToParent(op);
    captured.clear();
    if (!descend && op->getNumRegions() > 0)
      collectCaptured(op, captured);
    bool hasMemrefOperand =
        !captured.empty() || llvm::any_of(op->getOperands(), [&](Value v) {
          return roots.contains(v);
        });
    bool hasMemrefResult = llvm::any_of(
        op->getResultTypes(), [](Type t) { return isa<BaseMemRefType>(t); });
    if (!hasMemrefOperand && !hasMemrefResult) {
      if (descend)
        aliasBlockArguments(op, {});
      continue;
    }
    effects.clear();
    int status = HyperoffloadEffectsDeclared;
    auto call = dyn_cast<CallOpInterface>(op);
    if (!call || !callEffects(call, effects)) {
      effects.clear();
      status = hyperoffload::collectMemoryEffects(op, effects);
    }
    if (hasMemrefResult) {
      defineResults(op, position, effects);
      if (descend && isa<RegionBranchOpInterface>(op))
        pendingResults.push_back({end[position], op, position});
    }
    if (hasMemrefOperand)
      recordUses(op, position, status, effects, captured);
    if (descend) {
      // A region-branch op says what reaches each argument; any other op's
      // arguments may alias everything it takes.
      if (auto branch = dyn_cast<RegionBranchOpInterface>(op))
        aliasEntryArguments(branch);
      else
        aliasBlockArguments(op, rootsOfOperands(op));
    }
  }

  settleRegionResults(static_cast<int64_t>(ops.size()));
  recordTokens();

  int64_t endPosition = static_cast<int64_t>(ops.size());
  for (size_t root = 0; root < escapes.size(); ++root) {
    if (escapes[root]) {
      lastUse[root] = endPosition;
      freedAt[root] = endPosition;
      freedBy[root] = -1;
    }
  }

  useOffsets.push_back(0);
  for (const std::vector<Use> &rootUses : uses) {
    for (const Use &use : rootUses) {
      usePosition.push_back(use.position);
      useEffect.push_back(use.effect);
    }
    useOffsets.push_back(static_cast<int64_t>(usePosition.size()));
  }
  valueRootOffsets.push_back(0);
  for (const auto &[value, rootList] : roots) {
    if (rootList.empty())
      continue;
    values.push_back(value.getAsOpaquePointer());
    valueRoots.insert(valueRoots.end(), rootList.begin(), rootList.end());
    valueRootOffsets.push_back(static_cast<int64_t>(valueRoots.size()));
  }
}

HyperoffloadLivenessArrays HyperoffloadLiveness::arrays() const {
  HyperoffloadLivenessArrays result;
  result.numPositions = static_cast<int64_t>(ops.size());
  result.operations = reinterpret_cast<const void *const *>(ops.data());
  result.parent = parent.data();
  result.end = end.data();
  result.repeating = repeating.data();
  result.descends = descends.data();
  result.positionName = positionName.data();
  result.opNames = opNames.data();
  result.opNamesSize = static_cast<int64_t>(opNames.size());
  result.positionCostClass = positionCostClass.data();
  result.numCostClasses = static_cast<int64_t>(costClassIds.size());
  result.costClassKeyOffsets = costClassKeyOffsets.data();
  result.costClassKeys = costClassKeys.data();
  result.numRoots = static_cast<int64_t>(rootKind.size());
  result.rootKind = rootKind.data();
  result.rootType = rootType.data();
  result.rootValue = rootValue.data();
  result.rootDefinedAt = definedAt.data();
  result.rootFreedAt = freedAt.data();
  result.rootFreedBy = freedBy.data();
  result.rootLastUse = lastUse.data();
  result.rootEscapes = escapes.data();
  result.rootNames = rootNames.data();
  result.rootNamesSize = static_cast<int64_t>(rootNames.size());
  result.useOffsets = useOffsets.data();
  result.usePosition = usePosition.data();
  result.useEffect = useEffect.data();
  result.numValues = static_cast<int64_t>(values.size());
  result.values = values.data();
  result.valueRootOffsets = valueRootOffsets.data();
  result.valueRoots = valueRoots.data();
  result.tokenOffsets = tokenOffsets.data();
  result.tokenDefs = tokenDefs.data();
  result.numAccesses = static_cast<int64_t>(accessPosition.size());
  result.accessPosition = accessPosition.data();
  result.accessRoot = accessRoot.data();
  result.accessBits = accessBits.data();
  return result;
}

HyperoffloadLiveness *hyperoffloadLivenessAnalyse(MlirOperation function) {
  auto *liveness = new HyperoffloadLiveness(unwrap(function));
  liveness->run();
  return liveness;
}

HyperoffloadLivenessArrays
hyperoffloadLivenessGetArrays(const HyperoffloadLiveness *liveness) {
  return liveness->arrays();
}

void hyperoffloadLivenessDestroy(HyperoffloadLiveness *liveness) {
  delete liveness;
}

void hyperoffloadPrintValueNames(MlirOperation scope, const void *const *values,
                                 int64_t count, MlirStringCallback callback,
                                 void *userData) {
  // Without assumeVerified the AsmState would verify the whole scope first.
  AsmState state(unwrap(scope), OpPrintingFlags().assumeVerified());
  std::string joined;
  llvm::raw_string_ostream os(joined);
  for (int64_t i = 0; i < count; ++i) {
    Value::getFromOpaquePointer(values[i]).printAsOperand(os, state);
    os << '\0';
  }
  callback(mlirStringRefCreate(joined.data(), joined.size()), userData);
}

void hyperoffloadLoopOpNames(MlirStringCallback callback, void *userData) {
  std::string joined;
  for (const char *name : loopOpNames) {
    if (!joined.empty())
      joined.push_back(',');
    joined += name;
  }
  callback(mlirStringRefCreate(joined.data(), joined.size()), userData);
}
