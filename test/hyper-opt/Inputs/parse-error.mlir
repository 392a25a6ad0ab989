func.func @f(%a: memref<4xf32>) {
  %0 = arith.addf %a, %a : memref<4xf32>
  return
}
