// RUN: hyper-opt %s --cache-print-liveness 2>&1 >/dev/null | FileCheck %s

// Tests that a call uses each operand as its callee's body uses the
// parameter it is passed to (read, also through a view; write), and that
// while it runs it holds what its callee holds beyond its parameters
// (@layer: %t, 1024 bytes; @twice: its %h and @layer's, 2048), counted in
// the caller's peak. A declaration's call stays unknown, and so does a
// recursive one (its depth is not known: it holds nothing more).

// CHECK-LABEL: // -----// Buffer liveness: @layer (6 ops) //----- //
// CHECK: %arg0   argument  1024 (1 KiB)  entry            #3 linalg.add   end                #2 none, #3 read
// CHECK: peak: 4096 bytes (4 KiB) at #1 memref.alloc
func.func private @layer(%w: memref<256xf32>, %x: memref<256xf32>, %o: memref<256xf32>) {
  %t = memref.alloc() : memref<256xf32>
  %v = memref.subview %w[0] [256] [1] : memref<256xf32> to memref<256xf32, strided<[1]>>
  linalg.add ins(%x, %v : memref<256xf32>, memref<256xf32, strided<[1]>>) outs(%t : memref<256xf32>)
  linalg.copy ins(%t : memref<256xf32>) outs(%o : memref<256xf32>)
  memref.dealloc %t : memref<256xf32>
  return
}

// CHECK-LABEL: // -----// Buffer liveness: @twice (5 ops) //----- //
// CHECK:      %arg0   argument  1024 (1 KiB)  entry            #3 func.call  end                #2 read, #3 read
// CHECK-NEXT: %arg1   argument  1024 (1 KiB)  entry            #2 func.call  end                #2 read
// CHECK-NEXT: %arg2   argument  1024 (1 KiB)  entry            #3 func.call  end                #3 write
// CHECK-NEXT: %alloc  alloc     1024 (1 KiB)  #1 memref.alloc  #3 func.call  #4 memref.dealloc  #2 write, #3 read, #4 free
// CHECK:      peak: 5120 bytes (5 KiB) at #2 func.call
// CHECK-NEXT: live at peak: %arg0 (1024), %arg1 (1024), %arg2 (1024), %alloc (1024), @layer's own (1024)
// CHECK-NEXT: held by calls beyond their arguments: #2 @layer (1024), #3 @layer (1024)
func.func private @twice(%w: memref<256xf32>, %x: memref<256xf32>, %o: memref<256xf32>) {
  %h = memref.alloc() : memref<256xf32>
  func.call @layer(%w, %x, %h) : (memref<256xf32>, memref<256xf32>, memref<256xf32>) -> ()
  func.call @layer(%w, %h, %o) : (memref<256xf32>, memref<256xf32>, memref<256xf32>) -> ()
  memref.dealloc %h : memref<256xf32>
  return
}

func.func private @extern(memref<256xf32>)

// CHECK-LABEL: // -----// Buffer liveness: @recursive (5 ops) //----- //
// CHECK: %arg0   argument  1024 (1 KiB)  entry       #3 func.call  end       #3 unknown
// CHECK-NOT: held by calls
func.func @recursive(%a: memref<256xf32>, %again: i1) {
  scf.if %again {
    %false = arith.constant false
    func.call @recursive(%a, %false) : (memref<256xf32>, i1) -> ()
  }
  return
}

// CHECK-LABEL: // -----// Buffer liveness: @main (3 ops) //----- //
// CHECK:      %arg0   argument  1024 (1 KiB)  entry       #2 func.call  end       #1 read, #2 unknown
// CHECK-NEXT: %arg1   argument  1024 (1 KiB)  entry       #1 func.call  end       #1 read
// CHECK-NEXT: %arg2   argument  1024 (1 KiB)  entry       #1 func.call  end       #1 write
// CHECK:      peak: 5120 bytes (5 KiB) at #1 func.call
// CHECK-NEXT: live at peak: %arg0 (1024), %arg1 (1024), %arg2 (1024), @twice's own (2048)
// CHECK-NEXT: held by calls beyond their arguments: #1 @twice (2048)
func.func @main(%w: memref<256xf32>, %x: memref<256xf32>, %o: memref<256xf32>) {
  func.call @twice(%w, %x, %o) : (memref<256xf32>, memref<256xf32>, memref<256xf32>) -> ()
  func.call @extern(%w) : (memref<256xf32>) -> ()
  return
}
