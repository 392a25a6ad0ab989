func.func @calls(%a: memref<4xf32>) {
  call @calls(%a) : (memref<4xf32>) -> ()
  return
}
