//===- CacheOps.cpp - cache dialect operations ----------------------------===//

#include "hyperoffload/Dialect/Cache/CacheOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/SmallString.h"

using namespace mlir;
using namespace hyperoffload::cache;

/// Formats a static-or-dynamic shape as `4x?x8` (`scalar` for rank 0).
static std::string formatShape(ArrayRef<int64_t> shape) {
  if (shape.empty())
    return "scalar";
  std::string result;
  llvm::raw_string_ostream os(result);
  llvm::interleave(
      shape, os,
      [&](int64_t dim) {
        if (ShapedType::isDynamic(dim))
          os << "?";
        else
          os << dim;
      },
      "x");
  return result;
}

/// Checks that `other` has the shape and element type of `reference`. The
/// names say which operand or result each one is in the message.
static LogicalResult verifySameShapeAndElementType(Operation *op,
                                                   MemRefType reference,
                                                   StringRef referenceName,
                                                   MemRefType other,
                                                   StringRef otherName) {
  if (reference.getElementType() != other.getElementType())
    return op->emitOpError()
           << "expected " << otherName << " element type "
           << reference.getElementType() << " (the " << referenceName
           << "'s), got " << other.getElementType();
  if (reference.getShape() != other.getShape())
    return op->emitOpError()
           << "expected " << otherName << " shape "
           << formatShape(reference.getShape()) << " (the " << referenceName
           << "'s), got " << formatShape(other.getShape());
  return success();
}

static LogicalResult verifyRemote(Operation *op, MemRefType type,
                                  StringRef name) {
  if (isRemoteMemRef(type))
    return success();
  return op->emitOpError() << "expected " << name
                           << " in the #cache.remote memory space, got "
                           << type;
}

static LogicalResult verifyDevice(Operation *op, MemRefType type,
                                  StringRef name) {
  if (isDeviceMemRef(type))
    return success();
  return op->emitOpError()
         << "expected " << name
         << " in device memory (the default memory space), got " << type;
}

//===----------------------------------------------------------------------===//
// PrefetchOp
//===----------------------------------------------------------------------===//

LogicalResult PrefetchOp::verify() {
  auto source = cast<MemRefType>(getSource().getType());
  auto result = cast<MemRefType>(getResult().getType());
  if (failed(verifyRemote(*this, source, "source")) ||
      failed(verifyDevice(*this, result, "result")))
    return failure();
  if (!result.getLayout().isIdentity())
    return emitOpError() << "expected result with the identity layout (it is "
                            "a fresh allocation), got "
                         << result;
  return verifySameShapeAndElementType(*this, source, "source", result,
                                       "result");
}

//===----------------------------------------------------------------------===//
// EvictOp
//===----------------------------------------------------------------------===//

LogicalResult EvictOp::verify() {
  auto buffer = cast<MemRefType>(getBuffer().getType());
  if (failed(verifyDevice(*this, buffer, "buffer")))
    return failure();
  if (!getDestination())
    return success();
  auto destination = cast<MemRefType>(getDestination().getType());
  if (failed(verifyRemote(*this, destination, "destination")))
    return failure();
  return verifySameShapeAndElementType(*this, buffer, "buffer", destination,
                                       "destination");
}

//===----------------------------------------------------------------------===//
// WaitOp
//===----------------------------------------------------------------------===//

/// Erases a wait on no token and drops repeated tokens.
LogicalResult WaitOp::canonicalize(WaitOp op, PatternRewriter &rewriter) {
  if (op.getTokens().empty()) {
    rewriter.eraseOp(op);
    return success();
  }
  llvm::SetVector<Value> unique(op.getTokens().begin(), op.getTokens().end());
  if (unique.size() == op.getTokens().size())
    return failure();
  rewriter.modifyOpInPlace(
      op, [&] { op.getTokensMutable().assign(unique.getArrayRef()); });
  return success();
}

#define GET_OP_CLASSES
#include "hyperoffload/Dialect/Cache/CacheOps.cpp.inc"
