// RUN: hyper-opt %s --split-input-file --allow-unregistered-dialect --cache-print-liveness 2>&1 >/dev/null | FileCheck %s
// The IR itself is unchanged on standard output.
// RUN: hyper-opt %s --split-input-file --allow-unregistered-dialect --cache-print-liveness 2>/dev/null | hyper-opt --split-input-file --allow-unregistered-dialect | FileCheck %s --check-prefix=IR
// RUN: hyper-opt %s --split-input-file --allow-unregistered-dialect 2>/dev/null | FileCheck %s --check-prefix=IR
// IR-LABEL: func.func @straight_line
// IR-LABEL: func.func @aliases

// Tests straight-line code: sizes, definitions, last uses, free points and
// the peak with the buffers live there.
// CHECK-LABEL: // -----// Buffer liveness: @straight_line (10 ops) //----- //
// CHECK-NEXT: buffer    kind      size            defined at       last use          freed at           uses
// CHECK-NEXT: %arg0     argument  4096 (4 KiB)    entry            #4 linalg.matmul  end                #4 read
// CHECK-NEXT: %arg1     argument  4096 (4 KiB)    entry            #8 linalg.add     end                #8 write
// CHECK-NEXT: %alloc    alloc     4096 (4 KiB)    #2 memref.alloc  #8 linalg.add     end                #3 write, #4 read-write, #8 read
// CHECK-NEXT: %alloc_0  alloc     16384 (16 KiB)  #5 memref.alloc  #8 linalg.add     #9 memref.dealloc  #6 write, #7 none, #8 read, #9 free
// CHECK-NEXT: peak: 28672 bytes (28 KiB) at #5 memref.alloc
// CHECK-NEXT: live at peak: %arg0 (4096), %arg1 (4096), %alloc (4096), %alloc_0 (16384)
func.func @straight_line(%a: memref<32x32xf32>, %o: memref<32x32xf32>) {
  %zero = arith.constant 0.0 : f32
  %t = memref.alloc() : memref<32x32xf32>
  linalg.fill ins(%zero : f32) outs(%t : memref<32x32xf32>)
  linalg.matmul ins(%a, %a : memref<32x32xf32>, memref<32x32xf32>) outs(%t : memref<32x32xf32>)
  %big = memref.alloc() : memref<64x64xf32>
  linalg.fill ins(%zero : f32) outs(%big : memref<64x64xf32>)
  %s = memref.subview %big[0, 0] [32, 32] [1, 1] : memref<64x64xf32> to memref<32x32xf32, strided<[64, 1]>>
  linalg.add ins(%t, %s : memref<32x32xf32>, memref<32x32xf32, strided<[64, 1]>>) outs(%o : memref<32x32xf32>)
  memref.dealloc %big : memref<64x64xf32>
  return
}

// -----

// Tests that aliases (subview, collapse_shape, cast) are folded onto their
// root: every use through an alias is a use of the root.
// CHECK-LABEL: // -----// Buffer liveness: @aliases (8 ops) //----- //
// CHECK: %alloc  alloc     128 (128 B)  #1 memref.alloc  #6 linalg.copy  #7 memref.dealloc  #2 none, #3 none, #4 write, #5 none, #6 read, #7 free
// CHECK-NEXT: peak: 384 bytes (384 B) at #1 memref.alloc
func.func @aliases(%a: memref<4x8xf32>, %o: memref<32xf32>) {
  %t = memref.alloc() : memref<4x8xf32>
  %sv = memref.subview %t[0, 0] [2, 8] [1, 1] : memref<4x8xf32> to memref<2x8xf32, strided<[8, 1]>>
  %f = memref.collapse_shape %t [[0, 1]] : memref<4x8xf32> into memref<32xf32>
  linalg.copy ins(%a : memref<4x8xf32>) outs(%t : memref<4x8xf32>)
  %c = memref.cast %f : memref<32xf32> to memref<?xf32>
  linalg.copy ins(%f : memref<32xf32>) outs(%o : memref<32xf32>)
  memref.dealloc %t : memref<4x8xf32>
  return
}

// -----

// Tests loops: a buffer defined outside a loop and used inside is live until
// the loop ends (#11, the scf.yield), even though its last use in program
// order is earlier; a buffer allocated and freed in the body is not.
// CHECK-LABEL: // -----// Buffer liveness: @loop (13 ops) //----- //
// CHECK-NEXT: buffer    kind      size         defined at       last use       freed at            uses
// CHECK-NEXT: %arg0     argument  64 (64 B)    entry            #11 scf.yield  end                 #9 read
// CHECK-NEXT: %alloc    alloc     64 (64 B)    #4 memref.alloc  #11 scf.yield  #12 memref.dealloc  #5 write, #9 read, #12 free
// CHECK-NEXT: %alloc_0  alloc     256 (256 B)  #7 memref.alloc  #9 linalg.add  #10 memref.dealloc  #8 none, #9 write, #10 free
// CHECK-NEXT: peak: 384 bytes (384 B) at #7 memref.alloc
func.func @loop(%a: memref<16xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %zero = arith.constant 0.0 : f32
  %acc = memref.alloc() : memref<16xf32>
  linalg.fill ins(%zero : f32) outs(%acc : memref<16xf32>)
  scf.for %i = %c0 to %n step %c1 {
    %tmp = memref.alloc() : memref<64xf32>
    %v = memref.subview %tmp[0] [16] [1] : memref<64xf32> to memref<16xf32, strided<[1]>>
    linalg.add ins(%acc, %a : memref<16xf32>, memref<16xf32>) outs(%v : memref<16xf32, strided<[1]>>)
    memref.dealloc %tmp : memref<64xf32>
  }
  memref.dealloc %acc : memref<16xf32>
  return
}

// -----

// Tests branches: uses in either branch count in program order, the region
// op covers both.
// CHECK-LABEL: // -----// Buffer liveness: @branches (8 ops) //----- //
// CHECK-NEXT: buffer  kind      size       defined at       last use        freed at  uses
// CHECK-NEXT: %arg1   argument  40 (40 B)  entry            #5 linalg.copy  end       #3 read, #5 write
// CHECK-NEXT: %arg2   argument  40 (40 B)  entry            #6 linalg.copy  end       #5 read, #6 write
// CHECK-NEXT: %alloc  alloc     40 (40 B)  #1 memref.alloc  #6 linalg.copy  end       #3 write, #6 read
// CHECK-NEXT: peak: 120 bytes (120 B) at #1 memref.alloc
func.func @branches(%c: i1, %a: memref<10xf32>, %o: memref<10xf32>) {
  %t = memref.alloc() : memref<10xf32>
  scf.if %c {
    linalg.copy ins(%a : memref<10xf32>) outs(%t : memref<10xf32>)
  } else {
    linalg.copy ins(%o : memref<10xf32>) outs(%a : memref<10xf32>)
    linalg.copy ins(%t : memref<10xf32>) outs(%o : memref<10xf32>)
  }
  return
}

// -----

// Tests globals (one root per symbol, resident from entry), buffers in the
// remote pool (listed, never counted), a returned buffer (live to the end,
// not freed) and prefetched copies freed by their evict.
// CHECK-LABEL: // -----// Buffer liveness: @pool (10 ops) //----- //
// CHECK-NEXT: buffer   kind              size          defined at            last use           freed at        uses
// CHECK-NEXT: %arg0    argument, remote  1024 (1 KiB)  entry                 #5 cache.prefetch  end             #5 read
// CHECK-NEXT: @w       global            2048 (2 KiB)  #1 memref.get_global  #4 linalg.copy     end             #4 read
// CHECK-NEXT: @r       global, remote    2048 (2 KiB)  #2 memref.get_global  unused             end             -
// CHECK-NEXT: %alloc   alloc             2048 (2 KiB)  #3 memref.alloc       end                end             #4 write, #7 none, #8 read-write, #10 none
// CHECK-NEXT: %result  prefetch          1024 (1 KiB)  #5 cache.prefetch     #8 linalg.generic  #9 cache.evict  #8 read, #9 free
// CHECK-NEXT: peak: 5120 bytes (5 KiB) at #5 cache.prefetch
// CHECK-NEXT: live at peak: @w (2048), %alloc (2048), %result (1024)
#id = affine_map<(d0) -> (d0)>
memref.global "private" constant @w : memref<512xf32> = dense<1.0>
memref.global "private" constant @r : memref<512xf32, #cache.remote> = dense<2.0>
func.func @pool(%p: memref<256xf32, #cache.remote>) -> memref<512xf32> {
  %w = memref.get_global @w : memref<512xf32>
  %r = memref.get_global @r : memref<512xf32, #cache.remote>
  %out = memref.alloc() : memref<512xf32>
  linalg.copy ins(%w : memref<512xf32>) outs(%out : memref<512xf32>)
  %d, %t = cache.prefetch %p : memref<256xf32, #cache.remote> -> memref<256xf32>
  cache.wait %t
  %head = memref.subview %out[0] [256] [1] : memref<512xf32> to memref<256xf32, strided<[1]>>
  linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%d : memref<256xf32>) outs(%head : memref<256xf32, strided<[1]>>) {
  ^bb0(%x: f32, %y: f32):
    %s = arith.addf %x, %y : f32
    linalg.yield %s : f32
  }
  %e = cache.evict %d : memref<256xf32>
  return %out : memref<512xf32>
}

// -----

// Tests element sizes as the LLVM lowering allocates them (i1 and i4 take a
// byte, index 8, complex<f16> 4, vector<4xf32> 16), a strided argument's
// extent (offset 2, last element at 2 + 3*10 + 4 = 36: 37 f32), zero-sized
// buffers, and a cf loop: in a region with several blocks a buffer lives to
// the region's end.
// CHECK-LABEL: // -----// Buffer liveness: @sizes_and_branches (10 ops) //----- //
// CHECK-NEXT: buffer    kind      size         defined at       last use   freed at  uses
// CHECK-NEXT: %arg0     argument  148 (148 B)  entry            #10 cf.br  end       #9 read
// CHECK-NEXT: %arg1     argument  5 (5 B)      entry            unused     end       -
// CHECK-NEXT: %alloc    alloc     10 (10 B)    #1 memref.alloc  #10 cf.br  end       #7 unknown
// CHECK-NEXT: %alloc_0  alloc     24 (24 B)    #2 memref.alloc  unused     end       -
// CHECK-NEXT: %alloc_1  alloc     12 (12 B)    #3 memref.alloc  unused     end       -
// CHECK-NEXT: %alloc_2  alloc     32 (32 B)    #4 memref.alloc  unused     end       -
// CHECK-NEXT: %alloc_3  alloc     0 (0 B)      #5 memref.alloc  unused     end       -
// CHECK-NEXT: %alloc_4  alloc     80 (80 B)    #8 memref.alloc  #10 cf.br  end       #9 write
// CHECK-NEXT: peak: 311 bytes (311 B) at #8 memref.alloc
func.func @sizes_and_branches(%s: memref<4x5xf32, strided<[10, 1], offset: 2>>, %q: memref<5xi4>) {
  %b = memref.alloc() : memref<10xi1>
  %i = memref.alloc() : memref<3xindex>
  %c = memref.alloc() : memref<3xcomplex<f16>>
  %v = memref.alloc() : memref<2xvector<4xf32>>
  %z = memref.alloc() : memref<0x8xf32>
  cf.br ^loop
^loop:
  "test.opaque"(%b) : (memref<10xi1>) -> ()
  %o = memref.alloc() : memref<4x5xf32>
  linalg.copy ins(%s : memref<4x5xf32, strided<[10, 1], offset: 2>>) outs(%o : memref<4x5xf32>)
  cf.br ^loop
}

// -----

// Tests that loads and stores nested in a linalg payload, on buffers
// captured from above, are uses at the linalg op with their effects: the
// activation is live to the gather, the table and the scratch buffer too.
// CHECK-LABEL: Buffer liveness: @captured_in_payload
// CHECK:      @table    global    256 (256 B)  #1 memref.get_global  #4 linalg.generic  end                #4 read
// CHECK-NEXT: %alloc    alloc     256 (256 B)  #2 memref.alloc       #4 linalg.generic  #5 memref.dealloc  #3 write, #4 read, #5 free
// CHECK-NEXT: %alloc_0  alloc     32 (32 B)    #6 memref.alloc       #7 linalg.generic  end                #7 write
// CHECK-NEXT: peak: 608 bytes
memref.global "private" constant @table : memref<64xf32> = dense<1.0>

func.func @captured_in_payload(%ids: memref<8xindex>, %o: memref<8xf32>, %s: f32) {
  %t = memref.get_global @table : memref<64xf32>
  %a = memref.alloc() : memref<64xf32>
  linalg.fill ins(%s : f32) outs(%a : memref<64xf32>)
  linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>],
                  iterator_types = ["parallel"]}
      ins(%ids : memref<8xindex>) outs(%o : memref<8xf32>) {
  ^bb0(%i: index, %out: f32):
    %v = memref.load %t[%i] : memref<64xf32>
    %w = memref.load %a[%i] : memref<64xf32>
    %x = arith.addf %v, %w : f32
    linalg.yield %x : f32
  }
  memref.dealloc %a : memref<64xf32>
  %scratch = memref.alloc() : memref<8xf32>
  linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]}
      ins(%ids : memref<8xindex>) {
  ^bb0(%i: index):
    memref.store %s, %scratch[%i] : memref<8xf32>
    linalg.yield
  }
  return
}

// -----

// Tests that an scf.if result is the buffers its branches yield, not a
// buffer of its own: a dealloc of the result frees them, a read of it reads
// them, and a buffer yielded by both branches is counted once. Allocations
// in sibling branches share a printed name; the table tells them apart by
// position. (Conservative: both branches' buffers count from their
// allocation on, though only one of them is ever allocated.)
// IR-LABEL: func.func @if_results
// CHECK-LABEL: // -----// Buffer liveness: @if_results (14 ops) //----- //
// CHECK-NEXT: buffer       kind      size         defined at       last use         freed at            uses
// CHECK-NEXT: %arg1        argument  128 (128 B)  entry            #11 memref.copy  end                 #5 write, #11 write
// CHECK-NEXT: %alloc       alloc     128 (128 B)  #1 memref.alloc  #5 memref.copy   #12 memref.dealloc  #3 none, #4 none, #5 read, #12 free
// CHECK-NEXT: %alloc_0@#7  alloc     128 (128 B)  #7 memref.alloc  #11 memref.copy  #13 memref.dealloc  #8 none, #11 read, #13 free
// CHECK-NEXT: %alloc_0@#9  alloc     128 (128 B)  #9 memref.alloc  #11 memref.copy  #13 memref.dealloc  #10 none, #11 read, #13 free
// CHECK-NEXT: peak: 512 bytes (512 B) at #9 memref.alloc
func.func @if_results(%c: i1, %o: memref<32xf32>) {
  %a = memref.alloc() : memref<32xf32>
  %same = scf.if %c -> memref<32xf32> {
    scf.yield %a : memref<32xf32>
  } else {
    scf.yield %a : memref<32xf32>
  }
  memref.copy %same, %o : memref<32xf32> to memref<32xf32>
  %either = scf.if %c -> memref<32xf32> {
    %b = memref.alloc() : memref<32xf32>
    scf.yield %b : memref<32xf32>
  } else {
    %b = memref.alloc() : memref<32xf32>
    scf.yield %b : memref<32xf32>
  }
  memref.copy %either, %o : memref<32xf32> to memref<32xf32>
  memref.dealloc %a : memref<32xf32>
  memref.dealloc %either : memref<32xf32>
  return
}

// -----

// Tests that a view is found by ViewLikeOpInterface: memref.reshape's
// result is its source's buffer only (not also the shape operand's), so
// reading it is a read of %alloc.
// IR-LABEL: func.func @reshaped
// CHECK-LABEL: // -----// Buffer liveness: @reshaped (6 ops) //----- //
// CHECK: %arg1   argument  16 (16 B)  entry            #3 memref.reshape  end                #3 read
// CHECK: %alloc  alloc     64 (64 B)  #1 memref.alloc  #4 linalg.copy     #5 memref.dealloc  #2 write, #3 none, #4 read, #5 free
func.func @reshaped(%x: memref<16xf32>, %shape: memref<2xindex>, %o: memref<4x4xf32>) {
  %a = memref.alloc() : memref<16xf32>
  linalg.copy ins(%x : memref<16xf32>) outs(%a : memref<16xf32>)
  %r = memref.reshape %a(%shape) : (memref<16xf32>, memref<2xindex>) -> memref<4x4xf32>
  linalg.copy ins(%r : memref<4x4xf32>) outs(%o : memref<4x4xf32>)
  memref.dealloc %a : memref<16xf32>
  return
}

// -----

// Tests that a loop is found by LoopLikeOpInterface (OpenACC's acc.loop is
// not on the name list): a buffer used in its body lives to the body's end,
// since the body runs again.
// IR-LABEL: func.func @acc_loop
// CHECK-LABEL: // -----// Buffer liveness: @acc_loop (11 ops) //----- //
// CHECK: %alloc  alloc     256 (256 B)  #4 memref.alloc  #9 acc.yield    #10 memref.dealloc  #5 write, #7 read, #10 free
func.func @acc_loop(%a: memref<64xf32>, %o: memref<64xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c64 = arith.constant 64 : index
  %t = memref.alloc() : memref<64xf32>
  linalg.copy ins(%a : memref<64xf32>) outs(%t : memref<64xf32>)
  acc.loop control(%i : index) = (%c0 : index) to (%c64 : index) step (%c1 : index) {
    %v = memref.load %t[%i] : memref<64xf32>
    memref.store %v, %o[%i] : memref<64xf32>
    acc.yield
  } attributes {independent = [#acc.device_type<none>]}
  memref.dealloc %t : memref<64xf32>
  return
}

// -----

// Tests the JSON form and writing to a file (each split chunk rewrites it:
// this is the last chunk).
// RUN: hyper-opt %s --split-input-file --allow-unregistered-dialect --cache-print-liveness=format=json,output=%t.json > /dev/null
// RUN: FileCheck %s --check-prefix=JSON < %t.json
// JSON:      "name": "json_and_file",
// JSON-NEXT: "ops": 4,
// JSON-NEXT: "peak_bytes": 16,
// JSON-NEXT: "peak_at": "#1 memref.alloc",
// JSON:      "live_at_peak": [
// JSON-NEXT:   "%arg0",
// JSON-NEXT:   "%alloc"
// The profile runs from entry (0) to the end (5), where arguments leave.
// JSON:      "profile": [
// JSON-NEXT:   8,
// JSON-NEXT:   16,
// JSON-NEXT:   16,
// JSON-NEXT:   8,
// JSON-NEXT:   8,
// JSON-NEXT:   0
// JSON-NEXT: ]
func.func @json_and_file(%a: memref<2xf32>) {
  %t = memref.alloc() : memref<2xf32>
  linalg.copy ins(%a : memref<2xf32>) outs(%t : memref<2xf32>)
  memref.dealloc %t : memref<2xf32>
  return
}
