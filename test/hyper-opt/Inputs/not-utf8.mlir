func.func @f() {
  return
}
// caféÿ
