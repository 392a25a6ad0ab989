// Unknown dialects and ops, without --allow-unregistered-dialect.
func.func @unknown_op(%a: memref<4xf32>) {
  "mydialect.frobnicate"(%a) : (memref<4xf32>) -> ()
  return
}

// -----
func.func @unknown_dialect_type(%a: !mydialect.thing) {
  return
}

// -----
func.func @unknown_registered_dialect_op(%a: memref<4xf32>) {
  memref.frobnicate %a : memref<4xf32>
  return
}

// -----
func.func @unknown_cache_op(%a: memref<4xf32>) {
  cache.teleport %a : memref<4xf32>
  return
}

// -----
func.func @generic_unknown_with_region(%a: memref<4xf32>) {
  "other.scope"() ({
    "other.yield"() : () -> ()
  }) : () -> ()
  return
}

// -----
func.func @unknown_attribute_alias() attributes {x = #never_defined} {
  return
}

// -----
"top.level"() : () -> ()

// -----
module attributes {foo.bar = 1 : i64} {
  func.func @unknown_module_attribute_is_fine(%a: memref<4xf32>) {
    %b = memref.alloc() : memref<4xf32>
    memref.copy %a, %b : memref<4xf32> to memref<4xf32>
    memref.dealloc %b : memref<4xf32>
    return
  }
}
