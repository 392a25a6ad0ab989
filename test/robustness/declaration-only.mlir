func.func private @decl(memref<4xf32>)
