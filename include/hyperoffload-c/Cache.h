/*===- Cache.h - C API of the cache dialect library ----------------*- C -*-===*\
|*                                                                            *|
|* The library's C API: upstream MLIR C API handles in and out, as upstream's *|
|* own C API. The nanobind extension (lib/Bindings/Python) binds it.         *|
\*===----------------------------------------------------------------------===*/

#ifndef HYPEROFFLOAD_C_CACHE_H
#define HYPEROFFLOAD_C_CACHE_H

#include "mlir-c/IR.h"
#include "mlir-c/Pass.h"
#include "mlir-c/Support.h"

#ifdef __cplusplus
extern "C" {
#endif

/// Inserts the cache dialect into `registry`. Returns false, inserting
/// nothing, if the registry already holds a `cache` dialect that this copy of
/// the library did not insert: registering a second, separately built copy
/// of the dialect aborts MLIR.
MLIR_CAPI_EXPORTED bool hyperoffloadCacheRegisterDialect(
    MlirDialectRegistry registry);

/// Returns an opaque address unique to this copy of the library, so Python
/// can tell two loaded copies apart.
MLIR_CAPI_EXPORTED const void *hyperoffloadCacheLibraryIdentity(void);

/// The `!cache.token` type: whether `type` is one, the type in `context`,
/// and its TypeID.
MLIR_CAPI_EXPORTED bool hyperoffloadTypeIsAToken(MlirType type);
MLIR_CAPI_EXPORTED MlirType hyperoffloadTokenTypeGet(MlirContext context);
MLIR_CAPI_EXPORTED MlirTypeID hyperoffloadTokenTypeGetTypeID(void);

/// The `#cache.remote` memory-space attribute: whether `attr` is one, the
/// attribute in `context`, and its TypeID.
MLIR_CAPI_EXPORTED bool hyperoffloadAttributeIsARemoteMemorySpace(
    MlirAttribute attr);
MLIR_CAPI_EXPORTED MlirAttribute
hyperoffloadRemoteMemorySpaceAttrGet(MlirContext context);
MLIR_CAPI_EXPORTED MlirTypeID hyperoffloadRemoteMemorySpaceAttrGetTypeID(void);

/// Parses `source` as `mlir-opt` does: a single top-level `builtin.module`
/// is kept, anything else is wrapped into an implicit module. Locations use
/// `sourceName` as the file name. Diagnostics go to the context's handlers;
/// on failure a null module is returned.
MLIR_CAPI_EXPORTED MlirModule hyperoffloadParseSourceString(
    MlirContext context, MlirStringRef source, MlirStringRef sourceName);

/// Calls `callback` once with the comma-separated, sorted names of every
/// dialect registered in `context` (loaded or not).
MLIR_CAPI_EXPORTED void hyperoffloadGetAvailableDialects(
    MlirContext context, MlirStringCallback callback, void *userData);

/// Emits a diagnostic at `location` through the context's diagnostic engine
/// (the upstream C API can only emit errors). `severity` follows
/// MlirDiagnosticSeverity: 1 warning, 3 remark, anything else an error (a
/// note cannot stand alone).
MLIR_CAPI_EXPORTED void hyperoffloadEmitDiagnostic(MlirLocation location,
                                                   int severity,
                                                   MlirStringRef message);

/// Whether diagnostics on an op get a note printing the op (mlir-opt turns
/// this off under --verify-diagnostics).
MLIR_CAPI_EXPORTED void hyperoffloadContextSetPrintOpOnDiagnostic(
    MlirContext context, bool enable);

/// Kinds of memory effect reported by hyperoffloadGetMemoryEffects.
enum HyperoffloadEffectKind {
  HyperoffloadEffectRead = 0,
  HyperoffloadEffectWrite = 1,
  HyperoffloadEffectAllocate = 2,
  HyperoffloadEffectFree = 3,
};

/// What hyperoffloadGetMemoryEffects knows about an op.
enum HyperoffloadEffectsStatus {
  /// The op declares its effects; each was passed to the callback.
  HyperoffloadEffectsDeclared = 0,
  /// The op's effects are those of the ops nested in its regions.
  HyperoffloadEffectsRecursive = 1,
  /// The op declares nothing: it may read and write any memory.
  HyperoffloadEffectsUnknown = 2,
};

/// One effect: its kind, and the operand or result it is on (-1 when it is
/// on neither, e.g. on a block argument, a symbol or on no value).
typedef void (*HyperoffloadEffectCallback)(int kind, int operandIndex,
                                           int resultIndex, void *userData);

/// Reports the memory effects `op` declares through upstream's
/// MemoryEffectOpInterface, one callback per effect, and returns a
/// HyperoffloadEffectsStatus.
MLIR_CAPI_EXPORTED int hyperoffloadGetMemoryEffects(
    MlirOperation op, HyperoffloadEffectCallback callback, void *userData);

/// Calls `callback` once with the comma-separated names of the ops directly
/// in the blocks of `op`'s regions (not those nested deeper), in order.
MLIR_CAPI_EXPORTED void hyperoffloadRegionOpNames(MlirOperation op,
                                                  MlirStringCallback callback,
                                                  void *userData);

/// Writes the static loop ranges of a linalg op (upstream's LinalgOp
/// interface) into `ranges` (at most `capacity`; dynamic ones as INT64_MIN)
/// and returns the number of loops, or -1 if `op` is not a linalg op.
MLIR_CAPI_EXPORTED int hyperoffloadLinalgStaticLoopRanges(MlirOperation op,
                                                          int64_t *ranges,
                                                          int capacity);

/// The number of inputs (destination-style `ins`) of a linalg op (upstream's
/// LinalgOp interface, whatever its dialect), or -1 if `op` is not one: its
/// regions are then program, not a payload.
MLIR_CAPI_EXPORTED int hyperoffloadLinalgNumInputs(MlirOperation op);

/// Writes into `key` (at most `capacity` entries) what an op's cost follows
/// from: its name, its attribute dictionary, its operand types and which
/// operands are the same value, and the names of the ops in its regions, as
/// pointers to uniqued objects (equal only within one context), and returns
/// the number of entries.
MLIR_CAPI_EXPORTED int hyperoffloadOperationKey(MlirOperation op, uint64_t *key,
                                                int capacity);

/// Writes the uses of `value`, in use-list order, into `owners` (the using
/// ops, as MlirOperation pointers) and `numbers` (operand numbers), at most
/// `capacity` of them, and returns how many uses there are.
MLIR_CAPI_EXPORTED int64_t hyperoffloadValueUses(MlirValue value,
                                                 uint64_t *owners,
                                                 int32_t *numbers,
                                                 int64_t capacity);

/// Sets operand `numbers[i]` of op `owners[i]` (MlirOperation pointers) to
/// `value`, for each of the `count` entries.
MLIR_CAPI_EXPORTED void hyperoffloadSetOperands(const uint64_t *owners,
                                                const int32_t *numbers,
                                                int64_t count, MlirValue value);

/// Builds `cache.prefetch %source [dependencies]` right before `anchor`, at
/// its location; the device buffer has the source's shape and element type.
/// Writes the device buffer and the token (MlirValue pointers) into
/// `results[0]` and `results[1]`. `source` must be a memref; the op is not
/// verified here.
MLIR_CAPI_EXPORTED void hyperoffloadBuildPrefetch(MlirOperation anchor,
                                                  MlirValue source,
                                                  const uint64_t *dependencies,
                                                  int64_t numDependencies,
                                                  uint64_t *results);

/// Builds `cache.evict %buffer` (with `to %destination` unless its pointer
/// is null) right before `anchor`, at its location, and returns its token.
MLIR_CAPI_EXPORTED MlirValue hyperoffloadBuildEvict(MlirOperation anchor,
                                                    MlirValue buffer,
                                                    MlirValue destination);

/// Builds `cache.wait` on `tokens` (MlirValue pointers) right before
/// `anchor`, at its location.
MLIR_CAPI_EXPORTED void hyperoffloadBuildWait(MlirOperation anchor,
                                              const uint64_t *tokens,
                                              int64_t numTokens);

/// Moves op `ops[i]` right before op `anchors[i]` (MlirOperation pointers),
/// in order, for each of the `count` entries.
MLIR_CAPI_EXPORTED void hyperoffloadMoveBefore(const uint64_t *ops,
                                               const uint64_t *anchors,
                                               int64_t count);

/// Sets `has[i]` to whether op `ops[i]` (MlirOperation pointers, `count`
/// of them) carries an attribute called `name` (inherent or discardable).
MLIR_CAPI_EXPORTED void hyperoffloadOpsWithAttribute(const uint64_t *ops,
                                                     int64_t count,
                                                     MlirStringRef name,
                                                     uint8_t *has);

/// Why an op's operand in the `#cache.remote` memory space is an access to
/// pool memory (hyperoffloadFindRemoteAccesses).
enum HyperoffloadRemoteAccess {
  /// The op declares that it reads or writes the operand.
  HyperoffloadRemoteAccessDeclared = 0,
  /// The op declares no memory effects, so it may read or write it.
  HyperoffloadRemoteAccessUnknown = 1,
  /// `memref.memory_space_cast` out of the pool: its users would access
  /// pool memory as device memory.
  HyperoffloadRemoteAccessCast = 2,
};

typedef void (*HyperoffloadRemoteAccessCallback)(uint64_t op, int32_t operand,
                                                 int32_t reason,
                                                 void *userData);

/// Calls `callback` (op address, operand number, a HyperoffloadRemoteAccess)
/// for each operand in the `#cache.remote` memory space of every op nested
/// in `root`, at any depth (region payloads included), that the op may read
/// or write. Not accesses: the cache ops, views (ViewLikeOpInterface and
/// upstream's memref view ops), terminators, calls and region-branch ops
/// (they pass the buffer on; its users are checked), and ops declaring no
/// read or write of it (`memref.dim`, `memref.dealloc`). Returns the number
/// of accesses found.
MLIR_CAPI_EXPORTED int64_t hyperoffloadFindRemoteAccesses(
    MlirOperation root, HyperoffloadRemoteAccessCallback callback,
    void *userData);

/// Drops the `#cache.remote` memory space from every type in `root` and the
/// ops nested in it: result and block argument types, and types inside
/// attributes (function types, `memref.global` types), at any depth, with
/// upstream's AttrTypeReplacer. Any attribute kind is fine (complex dense
/// constants included, which the Python bindings cannot downcast).
MLIR_CAPI_EXPORTED void hyperoffloadStripRemoteSpace(MlirOperation root);

/// The first op nested in `root` (pre-order) that defines a tensor value
/// (a result, or an argument of a block in its regions), or `root` itself
/// if its own regions' entry blocks take tensors; null if none does.
/// Tensors are values, not buffers yet: memory is only known after
/// bufferization.
MLIR_CAPI_EXPORTED MlirOperation hyperoffloadFirstTensorDefinition(MlirOperation root);

/// Installs handlers for SIGSEGV, SIGBUS, SIGFPE, SIGILL and SIGABRT that
/// write `<input>: error: internal error: hyper-opt crashed (SIGSEGV) in
/// <stage>; ...` to standard error and exit with status 1 (for a driver:
/// never a silent death by signal).
MLIR_CAPI_EXPORTED void hyperoffloadInstallCrashHandler(MlirStringRef input);

/// What the driver is doing now (`parsing`, `printing`), for the handler.
MLIR_CAPI_EXPORTED void hyperoffloadSetCrashStage(MlirStringRef stage);

/// Makes `passManager` record each pass it starts, for the handler.
MLIR_CAPI_EXPORTED void
hyperoffloadPassManagerTrackStages(MlirPassManager passManager);

/// Software-pipelines the `scf.for` loop `loop` with upstream's
/// scf::pipelineForLoop: the ops of its body listed in `firstStage`
/// (MlirOperation pointers) run `distance` iterations ahead of the others,
/// those in `firstStageLast` one iteration ahead (for `distance` 2: the
/// prefetches two ahead, their tokens carried to the next iteration's
/// waits), which a prologue and an epilogue peel.
/// In the loop's body the `firstStage` ops come first (or, if
/// `firstStageAfter` is not null, right after that op of the others: the
/// next iteration's copies then queue behind this iteration's copies
/// issued before it), then the others, then the `firstStageLast` ops. With
/// `warmStart`, the first iteration is peeled off first (upstream's
/// scf::peelForLoopFirstIteration, inlined) and the prologue's stage-0 ops
/// other than `cache.wait`s run right after the peeled iteration's last
/// `cache.prefetch`. With `guarded`, bounds known only at run time are
/// accepted (upstream's supportDynamicLoops) and the prologue and epilogue
/// ops are left unpredicated: the caller guarantees, by a guard around the
/// loop, that it runs at least once per stage (plus the peeled iteration
/// with `warmStart`). Returns the new loop, or null if upstream declines
/// (e.g. fewer iterations than stages, or bounds it cannot prove).
MLIR_CAPI_EXPORTED MlirOperation hyperoffloadPipelineLoop(
    MlirOperation loop, const uint64_t *firstStage, int64_t count,
    const uint64_t *firstStageLast, int64_t lastCount, bool warmStart,
    MlirOperation firstStageAfter, int64_t distance, bool guarded);

/// Peel the first `count` iterations off the scf.for `loop` (upstream
/// scf::peelForLoopFirstIteration, each peeled iteration then inlined by
/// promoteIfSingleIteration), in program order before it. Returns the loop
/// of the remaining iterations, or null (and nothing changed) if `loop` is
/// not an scf.for with constant bounds running more than `count` times.
MLIR_CAPI_EXPORTED MlirOperation hyperoffloadPeelLoopFront(MlirOperation loop,
                                                           int64_t count);

/// Kinds of root buffer found by hyperoffloadLivenessAnalyse.
enum HyperoffloadRootKind {
  HyperoffloadRootArgument = 0,
  HyperoffloadRootAlloc = 1,
  HyperoffloadRootAlloca = 2,
  HyperoffloadRootGlobal = 3,
  HyperoffloadRootPrefetch = 4,
  HyperoffloadRootAllocated = 5,
  HyperoffloadRootOpaque = 6,
};

/// The effect of one use of a root buffer (all effects of an op on it).
enum HyperoffloadUseEffect {
  HyperoffloadUseNone = 0,
  HyperoffloadUseRead = 1,
  HyperoffloadUseWrite = 2,
  HyperoffloadUseReadWrite = 3,
  HyperoffloadUseFree = 4,
  HyperoffloadUseUnknown = 5,
  HyperoffloadUseAlloc = 6,
  HyperoffloadUseAllocRead = 7,
  HyperoffloadUseAllocWrite = 8,
};

/// What one op may do to a root buffer through its operands (bits of an
/// access; Unknown: the op declares no effects).
enum HyperoffloadAccessBit {
  HyperoffloadAccessRead = 1,
  HyperoffloadAccessWrite = 2,
  HyperoffloadAccessAlloc = 4,
  HyperoffloadAccessFree = 8,
  HyperoffloadAccessUnknown = 16,
};

/// Buffer liveness of one function (see hyperoffload.analysis.liveness).
typedef struct HyperoffloadLiveness HyperoffloadLiveness;

/// The arrays of a liveness analysis, valid until it is destroyed. Program
/// positions: 0 is the function, its ops follow in pre-order (linalg
/// payloads not entered); per position the Operation*, the position of the
/// op whose region holds it (0: the function body), the last position
/// nested in it, whether its regions may repeat (a loop, or several
/// blocks), whether the walk descends into it (an op with regions, not
/// linalg) and its name. Per root buffer: kind, type (an MlirType pointer),
/// definition, free point (positions; the function's end is numPositions),
/// freeing position (-1: the end), last use (-1: none), escapes through
/// return, its value (an MlirValue pointer) and a NUL-terminated name: a
/// global's `@symbol`, empty for the others (the printer's names come from
/// hyperoffloadPrintValueNames). Uses of root r are entries
/// useOffsets[r] .. useOffsets[r + 1] of usePosition / useEffect. Values
/// (MlirValue pointers) with roots map to entries valueRootOffsets[v] ..
/// valueRootOffsets[v + 1] of valueRoots. Op names are NUL-terminated,
/// indexed by positionName. Linalg ops whose costs follow from the same
/// key (hyperoffloadOperationKey) share a cost class: positionCostClass
/// (-1 for any other op); the key of class c is entries
/// costClassKeyOffsets[c] .. costClassKeyOffsets[c + 1] of costClassKeys.
/// The `!cache.token` operands of position p are entries tokenOffsets[p] ..
/// tokenOffsets[p + 1] of tokenDefs: the position of the op defining each
/// (-1: a block argument, or an op not in the order).
/// The accesses are the uses again in program order (an op's in the order
/// its operands first name the roots): position, root and the
/// HyperoffloadAccessBit of everything the op may do to that root.
typedef struct {
  int64_t numPositions;
  const void *const *operations;
  const int64_t *parent;
  const int64_t *end;
  const uint8_t *repeating;
  const uint8_t *descends;
  const int32_t *positionName;
  const char *opNames;
  int64_t opNamesSize;
  const int32_t *positionCostClass;
  int64_t numCostClasses;
  const int64_t *costClassKeyOffsets;
  const uint64_t *costClassKeys;
  int64_t numRoots;
  const int32_t *rootKind;
  const void *const *rootType;
  const int64_t *rootDefinedAt;
  const int64_t *rootFreedAt;
  const int64_t *rootFreedBy;
  const int64_t *rootLastUse;
  const uint8_t *rootEscapes;
  const void *const *rootValue;
  const char *rootNames;
  int64_t rootNamesSize;
  const int64_t *useOffsets;
  const int64_t *usePosition;
  const int8_t *useEffect;
  int64_t numValues;
  const void *const *values;
  const int64_t *valueRootOffsets;
  const int32_t *valueRoots;
  const int64_t *tokenOffsets;
  const int64_t *tokenDefs;
  int64_t numAccesses;
  const int64_t *accessPosition;
  const int32_t *accessRoot;
  const uint8_t *accessBits;
} HyperoffloadLivenessArrays;

/// Walks `function` (a func.func with a body): positions, root buffers,
/// aliases, uses and lifetimes. Sizes and memory spaces are the caller's.
MLIR_CAPI_EXPORTED HyperoffloadLiveness *
hyperoffloadLivenessAnalyse(MlirOperation function);

/// The arrays of `liveness`.
MLIR_CAPI_EXPORTED HyperoffloadLivenessArrays
hyperoffloadLivenessGetArrays(const HyperoffloadLiveness *liveness);

/// Calls `callback` once with the names the printer gives `values` (MlirValue
/// pointers, `count` of them, all inside `scope`: an op isolated from above,
/// such as a func.func), each NUL-terminated, numbering `scope` once.
MLIR_CAPI_EXPORTED void hyperoffloadPrintValueNames(
    MlirOperation scope, const void *const *values, int64_t count,
    MlirStringCallback callback, void *userData);

/// Calls `callback` once with the comma-separated names of the ops whose
/// regions the liveness walk treats as running more than once (loops).
MLIR_CAPI_EXPORTED void hyperoffloadLoopOpNames(MlirStringCallback callback,
                                                void *userData);

/// Frees `liveness` and its arrays.
MLIR_CAPI_EXPORTED void
hyperoffloadLivenessDestroy(HyperoffloadLiveness *liveness);

#ifdef __cplusplus
}
#endif

#endif /* HYPEROFFLOAD_C_CACHE_H */
