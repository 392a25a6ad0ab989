//===- CacheDialect.cpp - cache dialect, types and attributes -------------===//

#include "hyperoffload/Dialect/Cache/CacheDialect.h"
#include "hyperoffload/Dialect/Cache/CacheOps.h"
#include "hyperoffload/Dialect/Cache/CacheTypes.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace hyperoffload::cache;

#include "hyperoffload/Dialect/Cache/CacheDialect.cpp.inc"

#define GET_TYPEDEF_CLASSES
#include "hyperoffload/Dialect/Cache/CacheTypes.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "hyperoffload/Dialect/Cache/CacheAttrs.cpp.inc"

void CacheDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "hyperoffload/Dialect/Cache/CacheOps.cpp.inc"
      >();
  addTypes<
#define GET_TYPEDEF_LIST
#include "hyperoffload/Dialect/Cache/CacheTypes.cpp.inc"
      >();
  addAttributes<
#define GET_ATTRDEF_LIST
#include "hyperoffload/Dialect/Cache/CacheAttrs.cpp.inc"
      >();
}

bool hyperoffload::cache::isRemoteMemRef(Type type) {
  auto memref = dyn_cast<BaseMemRefType>(type);
  return memref &&
         isa_and_nonnull<RemoteMemorySpaceAttr>(memref.getMemorySpace());
}

bool hyperoffload::cache::isDeviceMemRef(Type type) {
  auto memref = dyn_cast<BaseMemRefType>(type);
  return memref && !memref.getMemorySpace();
}

//===----------------------------------------------------------------------===//
// Parameterless type and attribute syntax
//===----------------------------------------------------------------------===//

/// Fails with a diagnostic if a parameter list follows a parameterless
/// mnemonic (the default parser would silently drop it).
static LogicalResult rejectParameters(AsmParser &parser, StringRef spelling) {
  SMLoc loc = parser.getCurrentLocation();
  if (failed(parser.parseOptionalLess()))
    return success();
  return parser.emitError(loc) << "'" << spelling << "' takes no parameters";
}

Type TokenType::parse(AsmParser &parser) {
  if (failed(rejectParameters(parser, "!cache.token")))
    return {};
  return TokenType::get(parser.getContext());
}

void TokenType::print(AsmPrinter &) const {}

Attribute RemoteMemorySpaceAttr::parse(AsmParser &parser, Type) {
  if (failed(rejectParameters(parser, "#cache.remote")))
    return {};
  return RemoteMemorySpaceAttr::get(parser.getContext());
}

void RemoteMemorySpaceAttr::print(AsmPrinter &) const {}
