//===- CAPI.cpp - C API of the cache dialect library ----------------------===//
//
// This library is linked against the MLIR copy inside the Python wheel
// (libMLIRPythonCAPI.so), so the dialect it registers is the one every
// `mlir.ir.Context` uses.
//
//===----------------------------------------------------------------------===//

#include "hyperoffload/Analysis/Effects.h"
#include "hyperoffload/Analysis/OperationKey.h"
#include "hyperoffload-c/Cache.h"
#include "hyperoffload/Dialect/Cache/CacheDialect.h"
#include "hyperoffload/Dialect/Cache/CacheOps.h"
#include "hyperoffload/Dialect/Cache/CacheTypes.h"

#include "mlir-c/Diagnostics.h"
#include "mlir/CAPI/IR.h"
#include "mlir/CAPI/Support.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/IR/AttrTypeSubElements.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Interfaces/CallInterfaces.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/MemOpInterfaces.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Interfaces/ViewLikeInterface.h"
#include "mlir/Parser/Parser.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/SourceMgr.h"

#include <mutex>

using namespace mlir;

namespace {
/// Registries this copy of the library inserted the dialect into.
std::mutex registeredMutex;
llvm::DenseSet<DialectRegistry *> &registeredRegistries() {
  static llvm::DenseSet<DialectRegistry *> registries;
  return registries;
}
int identityAnchor;
} // namespace

bool hyperoffloadCacheRegisterDialect(MlirDialectRegistry cRegistry) {
  DialectRegistry *registry = unwrap(cRegistry);
  std::lock_guard<std::mutex> lock(registeredMutex);
  if (registeredRegistries().contains(registry))
    return true;
  if (registry->getDialectAllocator(
          hyperoffload::cache::CacheDialect::getDialectNamespace()))
    return false;
  registry->insert<hyperoffload::cache::CacheDialect>();
  registeredRegistries().insert(registry);
  return true;
}

const void *hyperoffloadCacheLibraryIdentity(void) { return &identityAnchor; }

bool hyperoffloadTypeIsAToken(MlirType type) {
  return isa<hyperoffload::cache::TokenType>(unwrap(type));
}

MlirType hyperoffloadTokenTypeGet(MlirContext context) {
  return wrap(hyperoffload::cache::TokenType::get(unwrap(context)));
}

MlirTypeID hyperoffloadTokenTypeGetTypeID(void) {
  return wrap(TypeID::get<hyperoffload::cache::TokenType>());
}

bool hyperoffloadAttributeIsARemoteMemorySpace(MlirAttribute attr) {
  return isa<hyperoffload::cache::RemoteMemorySpaceAttr>(unwrap(attr));
}

MlirAttribute hyperoffloadRemoteMemorySpaceAttrGet(MlirContext context) {
  return wrap(hyperoffload::cache::RemoteMemorySpaceAttr::get(unwrap(context)));
}

MlirTypeID hyperoffloadRemoteMemorySpaceAttrGetTypeID(void) {
  return wrap(TypeID::get<hyperoffload::cache::RemoteMemorySpaceAttr>());
}

MlirModule hyperoffloadParseSourceString(MlirContext context,
                                         MlirStringRef source,
                                         MlirStringRef sourceName) {
  ParserConfig config(unwrap(context));
  OwningOpRef<ModuleOp> module =
      parseSourceString<ModuleOp>(unwrap(source), config, unwrap(sourceName));
  return wrap(module.release());
}

void hyperoffloadGetAvailableDialects(MlirContext context,
                                      MlirStringCallback callback,
                                      void *userData) {
  std::vector<StringRef> names = unwrap(context)->getAvailableDialects();
  llvm::sort(names);
  std::string joined = llvm::join(names, ",");
  callback(wrap(StringRef(joined)), userData);
}

void hyperoffloadEmitDiagnostic(MlirLocation location, int severity,
                                MlirStringRef message) {
  Location loc = unwrap(location);
  switch (severity) {
  case MlirDiagnosticWarning:
    emitWarning(loc) << unwrap(message);
    return;
  case MlirDiagnosticRemark:
    emitRemark(loc) << unwrap(message);
    return;
  default:
    emitError(loc) << unwrap(message);
    return;
  }
}

void hyperoffloadContextSetPrintOpOnDiagnostic(MlirContext context,
                                               bool enable) {
  unwrap(context)->printOpOnDiagnostic(enable);
}

int hyperoffload::collectMemoryEffects(Operation *op,
                                       SmallVectorImpl<MemoryEffect> &out) {
  auto effectOp = dyn_cast<MemoryEffectOpInterface>(op);
  if (!effectOp) {
    if (op->hasTrait<OpTrait::HasRecursiveMemoryEffects>())
      return HyperoffloadEffectsRecursive;
    return HyperoffloadEffectsUnknown;
  }
  SmallVector<MemoryEffects::EffectInstance> effects;
  effectOp.getEffects(effects);
  for (const MemoryEffects::EffectInstance &effect : effects) {
    int kind = HyperoffloadEffectWrite;
    if (isa<MemoryEffects::Read>(effect.getEffect()))
      kind = HyperoffloadEffectRead;
    else if (isa<MemoryEffects::Allocate>(effect.getEffect()))
      kind = HyperoffloadEffectAllocate;
    else if (isa<MemoryEffects::Free>(effect.getEffect()))
      kind = HyperoffloadEffectFree;
    int operandIndex = -1;
    int resultIndex = -1;
    OpOperand *operand = effect.getEffectValue<OpOperand *>();
    Value value = effect.getValue();
    if (operand && operand->getOwner() == op) {
      operandIndex = static_cast<int>(operand->getOperandNumber());
    } else if (auto result = dyn_cast_if_present<OpResult>(value);
               result && result.getOwner() == op) {
      resultIndex = static_cast<int>(result.getResultNumber());
    } else if (value) {
      // Effects given as a plain value: find the operand it arrives through.
      for (OpOperand &use : op->getOpOperands()) {
        if (use.get() == value) {
          operandIndex = static_cast<int>(use.getOperandNumber());
          break;
        }
      }
    }
    out.push_back({kind, operandIndex, resultIndex});
  }
  // Region ops may declare their own effects and those of their bodies.
  if (op->hasTrait<OpTrait::HasRecursiveMemoryEffects>())
    return HyperoffloadEffectsRecursive;
  return HyperoffloadEffectsDeclared;
}

int hyperoffloadGetMemoryEffects(MlirOperation cOp,
                                 HyperoffloadEffectCallback callback,
                                 void *userData) {
  SmallVector<hyperoffload::MemoryEffect> effects;
  int status = hyperoffload::collectMemoryEffects(unwrap(cOp), effects);
  for (const hyperoffload::MemoryEffect &effect : effects)
    callback(effect.kind, effect.operand, effect.result, userData);
  return status;
}

int64_t hyperoffloadValueUses(MlirValue value, uint64_t *owners,
                              int32_t *numbers, int64_t capacity) {
  int64_t count = 0;
  for (OpOperand &use : unwrap(value).getUses()) {
    if (count < capacity) {
      owners[count] = reinterpret_cast<uintptr_t>(use.getOwner());
      numbers[count] = static_cast<int32_t>(use.getOperandNumber());
    }
    ++count;
  }
  return count;
}

void hyperoffloadSetOperands(const uint64_t *owners, const int32_t *numbers,
                             int64_t count, MlirValue value) {
  for (int64_t i = 0; i < count; ++i)
    reinterpret_cast<Operation *>(static_cast<uintptr_t>(owners[i]))
        ->setOperand(numbers[i], unwrap(value));
}

namespace {
/// Values from the MlirValue pointers of `values`.
SmallVector<Value> valuesAt(const uint64_t *values, int64_t count) {
  SmallVector<Value> result;
  result.reserve(count);
  for (int64_t i = 0; i < count; ++i)
    result.push_back(Value::getFromOpaquePointer(
        reinterpret_cast<const void *>(static_cast<uintptr_t>(values[i]))));
  return result;
}
} // namespace

void hyperoffloadBuildPrefetch(MlirOperation anchor, MlirValue source,
                               const uint64_t *dependencies,
                               int64_t numDependencies, uint64_t *results) {
  Operation *before = unwrap(anchor);
  OpBuilder builder(before);
  Value remote = unwrap(source);
  auto sourceType = cast<MemRefType>(remote.getType());
  auto deviceType =
      MemRefType::get(sourceType.getShape(), sourceType.getElementType());
  auto token = hyperoffload::cache::TokenType::get(builder.getContext());
  auto prefetch = hyperoffload::cache::PrefetchOp::create(
      builder, before->getLoc(), deviceType, token, remote,
      valuesAt(dependencies, numDependencies));
  results[0] =
      reinterpret_cast<uintptr_t>(prefetch.getResult().getAsOpaquePointer());
  results[1] =
      reinterpret_cast<uintptr_t>(prefetch.getToken().getAsOpaquePointer());
}

MlirValue hyperoffloadBuildEvict(MlirOperation anchor, MlirValue buffer,
                                 MlirValue destination) {
  Operation *before = unwrap(anchor);
  OpBuilder builder(before);
  auto token = hyperoffload::cache::TokenType::get(builder.getContext());
  Value to = destination.ptr ? unwrap(destination) : Value();
  auto evict = hyperoffload::cache::EvictOp::create(
      builder, before->getLoc(), token, unwrap(buffer), to, ValueRange());
  return wrap(evict.getToken());
}

void hyperoffloadBuildWait(MlirOperation anchor, const uint64_t *tokens,
                           int64_t numTokens) {
  Operation *before = unwrap(anchor);
  OpBuilder builder(before);
  hyperoffload::cache::WaitOp::create(builder, before->getLoc(),
                                      valuesAt(tokens, numTokens));
}

void hyperoffloadMoveBefore(const uint64_t *ops, const uint64_t *anchors,
                            int64_t count) {
  auto at = [](uint64_t address) {
    return reinterpret_cast<Operation *>(static_cast<uintptr_t>(address));
  };
  for (int64_t i = 0; i < count; ++i)
    at(ops[i])->moveBefore(at(anchors[i]));
}

int64_t hyperoffloadFindRemoteAccesses(
    MlirOperation root, HyperoffloadRemoteAccessCallback callback,
    void *userData) {
  using hyperoffload::cache::isRemoteMemRef;
  int64_t found = 0;
  SmallVector<hyperoffload::MemoryEffect, 4> effects;
  unwrap(root)->walk<WalkOrder::PreOrder>([&](Operation *op) {
    if (op == unwrap(root) ||
        op->getDialect() == op->getContext()
                                ->getLoadedDialect<hyperoffload::cache::CacheDialect>())
      return;
    bool checked = false;
    int status = HyperoffloadEffectsDeclared;
    for (OpOperand &operand : op->getOpOperands()) {
      if (!isRemoteMemRef(operand.get().getType()))
        continue;
      auto report = [&](int reason) {
        ++found;
        callback(reinterpret_cast<uintptr_t>(op),
                 static_cast<int32_t>(operand.getOperandNumber()), reason,
                 userData);
      };
      if (isa<MemorySpaceCastOpInterface>(op)) {
        if (!isRemoteMemRef(op->getResult(0).getType()))
          report(HyperoffloadRemoteAccessCast);
        continue;
      }
      if (op->hasTrait<OpTrait::IsTerminator>() || isa<CallOpInterface>(op) ||
          isa<RegionBranchOpInterface>(op) || isa<ViewLikeOpInterface>(op))
        continue;
      if (!checked) {
        effects.clear();
        status = hyperoffload::collectMemoryEffects(op, effects);
        checked = true;
      }
      if (status == HyperoffloadEffectsUnknown) {
        report(HyperoffloadRemoteAccessUnknown);
        continue;
      }
      int index = static_cast<int>(operand.getOperandNumber());
      bool touches = llvm::any_of(effects, [&](const auto &effect) {
        bool onIt = effect.operand == index ||
                    (effect.operand < 0 && effect.result < 0);
        return onIt && (effect.kind == HyperoffloadEffectRead ||
                        effect.kind == HyperoffloadEffectWrite);
      });
      if (touches)
        report(HyperoffloadRemoteAccessDeclared);
    }
  });
  return found;
}

MlirOperation hyperoffloadFirstTensorDefinition(MlirOperation root) {
  auto definesTensor = [](Operation *op) {
    if (llvm::any_of(op->getResultTypes(), llvm::IsaPred<TensorType>))
      return true;
    for (Region &region : op->getRegions())
      for (Block &block : region)
        if (llvm::any_of(block.getArgumentTypes(), llvm::IsaPred<TensorType>))
          return true;
    return false;
  };
  Operation *found = nullptr;
  unwrap(root)->walk<WalkOrder::PreOrder>([&](Operation *op) {
    if (!definesTensor(op))
      return WalkResult::advance();
    found = op;
    return WalkResult::interrupt();
  });
  return wrap(found);
}

void hyperoffloadStripRemoteSpace(MlirOperation root) {
  AttrTypeReplacer replacer;
  replacer.addReplacement([](BaseMemRefType type) -> std::optional<Type> {
    if (!hyperoffload::cache::isRemoteMemRef(type))
      return std::nullopt;
    if (auto ranked = dyn_cast<MemRefType>(type))
      return MemRefType::get(ranked.getShape(), ranked.getElementType(),
                             ranked.getLayout());
    return UnrankedMemRefType::get(type.getElementType(), Attribute());
  });
  replacer.recursivelyReplaceElementsIn(unwrap(root), /*replaceAttrs=*/true,
                                        /*replaceLocs=*/false,
                                        /*replaceTypes=*/true);
}

void hyperoffloadOpsWithAttribute(const uint64_t *ops, int64_t count,
                                  MlirStringRef name, uint8_t *has) {
  StringRef key = unwrap(name);
  for (int64_t i = 0; i < count; ++i)
    has[i] = reinterpret_cast<Operation *>(static_cast<uintptr_t>(ops[i]))
                 ->hasAttr(key);
}

void hyperoffloadRegionOpNames(MlirOperation op, MlirStringCallback callback,
                               void *userData) {
  std::string joined;
  for (Region &region : unwrap(op)->getRegions()) {
    for (Block &block : region) {
      for (Operation &inner : block) {
        if (!joined.empty())
          joined.push_back(',');
        joined += inner.getName().getStringRef();
      }
    }
  }
  callback(mlirStringRefCreate(joined.data(), joined.size()), userData);
}

int hyperoffloadLinalgStaticLoopRanges(MlirOperation cOp, int64_t *ranges,
                                       int capacity) {
  auto linalgOp = dyn_cast<linalg::LinalgOp>(unwrap(cOp));
  if (!linalgOp)
    return -1;
  SmallVector<int64_t> loops = linalgOp.getStaticLoopRanges();
  for (auto [index, range] : llvm::enumerate(loops)) {
    if (static_cast<int>(index) >= capacity)
      break;
    ranges[index] = ShapedType::isDynamic(range) ? INT64_MIN : range;
  }
  return static_cast<int>(loops.size());
}

int hyperoffloadLinalgNumInputs(MlirOperation cOp) {
  auto linalgOp = dyn_cast<linalg::LinalgOp>(unwrap(cOp));
  if (!linalgOp)
    return -1;
  return static_cast<int>(linalgOp.getNumDpsInputs());
}

void hyperoffload::operationKey(Operation *op,
                                SmallVectorImpl<uint64_t> &items) {
  auto pointer = [](const void *p) {
    return static_cast<uint64_t>(reinterpret_cast<uintptr_t>(p));
  };
  items.push_back(pointer(op->getName().getAsOpaquePointer()));
  items.push_back(pointer(op->getAttrDictionary().getAsOpaquePointer()));
  items.push_back(op->getNumOperands());
  for (OpOperand &operand : op->getOpOperands()) {
    items.push_back(pointer(operand.get().getType().getAsOpaquePointer()));
    // Where this value first appears among the operands: aliasing.
    unsigned first = operand.getOperandNumber();
    for (OpOperand &earlier : op->getOpOperands()) {
      if (earlier.get() == operand.get()) {
        first = earlier.getOperandNumber();
        break;
      }
    }
    items.push_back(first);
  }
  for (Region &region : op->getRegions()) {
    items.push_back(region.getBlocks().size());
    for (Block &block : region)
      for (Operation &inner : block)
        items.push_back(pointer(inner.getName().getAsOpaquePointer()));
  }
}

int hyperoffloadOperationKey(MlirOperation cOp, uint64_t *key, int capacity) {
  SmallVector<uint64_t, 32> items;
  hyperoffload::operationKey(unwrap(cOp), items);
  for (auto [index, item] : llvm::enumerate(items)) {
    if (static_cast<int>(index) >= capacity)
      break;
    key[index] = item;
  }
  return static_cast<int>(items.size());
}
