//===- Plugin.cpp - mlir-opt dialect plugin -------------------------------===//
//
// Built from the same dialect sources as the Python library but linked
// against libMLIR.so, so upstream tools read and write cache IR:
//   mlir-opt --load-dialect-plugin=libHyperOffloadCachePlugin.so file.mlir
//
//===----------------------------------------------------------------------===//

#include "hyperoffload/Dialect/Cache/CacheDialect.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/Plugins/DialectPlugin.h"
#include "llvm/Config/llvm-config.h"

extern "C" LLVM_ATTRIBUTE_WEAK ::mlir::DialectPluginLibraryInfo
mlirGetDialectPluginInfo() {
  return {MLIR_PLUGIN_API_VERSION, "HyperOffloadCache", LLVM_VERSION_STRING,
          [](::mlir::DialectRegistry *registry) {
            registry->insert<::hyperoffload::cache::CacheDialect>();
          }};
}
