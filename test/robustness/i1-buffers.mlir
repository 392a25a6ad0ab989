func.func @i1(%a: memref<8xi1>, %b: memref<8xi1>) {
  memref.copy %a, %b : memref<8xi1> to memref<8xi1>
  return
}
