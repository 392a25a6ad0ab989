//===- CAPI.cpp - C entry points for Python (ctypes) ----------------------===//
//
// This library is linked against the MLIR copy inside the Python wheel
// (libMLIRPythonCAPI.so), so the dialect it registers is the one every
// `mlir.ir.Context` uses.
//
//===----------------------------------------------------------------------===//

#include "hyperoffload-c/Cache.h"
#include "hyperoffload/Dialect/Cache/CacheDialect.h"

#include "mlir-c/Diagnostics.h"
#include "mlir/CAPI/IR.h"
#include "mlir/CAPI/Support.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
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

MlirModule hyperoffloadParseSourceString(MlirContext context,
                                         MlirStringRef source,
                                         MlirStringRef sourceName) {
  ParserConfig config(unwrap(context));
  OwningOpRef<ModuleOp> module = parseSourceString<ModuleOp>(
      unwrap(source), config, unwrap(sourceName));
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
