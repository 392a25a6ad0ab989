// RUN: hyper-opt %s --hyper-offload-pipeline='max-slowdown=1% hw=gh200' | FileCheck %s
// RUN: hyper-opt %s --hyper-offload-pipeline='max-slowdown=1% hw=gh200' --summary=- -o /dev/null | FileCheck %s --check-prefix=SUMMARY
// RUN: hyper-opt %s --hyper-offload-pipeline='max-slowdown=1% hw=gh200 remarks=true' -o /dev/null 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: hyper-opt %s --hyper-offload-pipeline='max-slowdown=1% hw=gh200' --cache-lower-to-gpu -o /dev/null
// RUN: hyper-opt %s --hyper-offload-pipeline='max-slowdown=1% hw=gh200 unroll-full-threshold=2' --summary=- -o /dev/null | FileCheck %s --check-prefix=LOOP
// RUN: not hyper-opt %s --hyper-offload-pipeline='max-slowdown=1% hw=gh200 unroll-full-threshold=-1' -o /dev/null 2>&1 | FileCheck %s --check-prefix=BAD

// The generator's 3-layer 7B decode scan (python -m hyperoffload.workloads
// --preset 7b --layers 3 --tokens 1 --context 2048 --form scan). As a loop,
// a stacked weight is streamed in every layer or kept in every layer, and
// at decode no layer's copy hides behind the one before within 1%: the
// pipeline keeps everything. Its 3 iterations are under
// unroll-full-threshold (32), so peel-iterations=auto also plans the loop
// unrolled fully (cache-peel-loop-slices{unroll-full-threshold}): every
// slice a parameter of its own (cache.slices), each taken at its first use,
// each decided alone as in straight-line code. Layer 0 keeps its weights,
// layers 1 and 2 fetch their K and V cache slices behind the work before.

// REMARK: remark: unrolls the loop fully (3 iterations): the slices they read of %arg1, %arg2, %arg3, %arg4, %arg5, %arg6, %arg7, %arg8, %arg9, %arg10, %arg11 are parameters %arg13, %arg14, %arg15, %arg16, %arg17, %arg18, %arg19, %arg20, %arg21, %arg22, %arg23, %arg24, %arg25, %arg26, %arg27, %arg28, %arg29, %arg30, %arg31, %arg32, %arg33, %arg34 and the rows left of each (cache.slices)

// SUMMARY: peak device memory     1254.1 MiB ->    1222.1 MiB (2.6% less; budget found 1222.2 MiB)
// SUMMARY: split parameters    11 into 33 (cache.slices; loops unrolled fully)

// CHECK-LABEL: func.func @llama_3l_4096h_1t(
// CHECK-SAME: %arg5: memref<1x4096x2048xf16, #cache.remote> {cache.slices = array<i64: 5, 2, 1>}
// CHECK-SAME: %arg21: memref<1x4096x2048xf16> {cache.slices = array<i64: 5, 0, 1>}
// CHECK-SAME: %arg22: memref<1x4096x2048xf16, #cache.remote> {cache.slices = array<i64: 5, 1, 1>}
// CHECK-NOT: scf.for
// CHECK: %[[K1:.+]], %[[T1:.+]] = cache.prefetch %arg22
// CHECK: %[[V1:.+]], %[[U1:.+]] = cache.prefetch %arg24
// CHECK: cache.wait %[[T1]]
// CHECK-NEXT: %[[S:.+]] = memref.subview %[[K1]][0, 0, 0] [1, 4096, 2048] [1, 1, 1]
// CHECK-NEXT: linalg.matmul ins(%{{.+}}, %[[S]] :
// CHECK-NEXT: cache.evict %[[K1]]
// CHECK: %[[K2:.+]], %[[T2:.+]] = cache.prefetch %arg5
// CHECK: cache.wait %[[T2]]
// CHECK-NEXT: %[[S2:.+]] = memref.subview %[[K2]][0, 0, 0] [1, 4096, 2048] [1, 1, 1]
// CHECK-NEXT: linalg.matmul ins(%{{.+}}, %[[S2]] :
// CHECK-NEXT: cache.evict %[[K2]]
// CHECK-NOT: scf.for

// With unroll-full-threshold=2 the loop stays a loop: only the norms'
// slices stream through it, the signature is kept and the peak stays.
// LOOP: peak device memory     1254.1 MiB ->    1254.1 MiB (0.0% less; budget found 1254.1 MiB)
// LOOP-NOT: split parameters
// LOOP: streamed slices     40.0 KiB less peak

// BAD: error: unroll-full-threshold must be >= 0, got -1

#row = affine_map<(d0, d1) -> (d0, d1)>
#col = affine_map<(d0, d1) -> (d1)>
func.func @llama_3l_4096h_1t(%x: memref<1x4096xf16>, %norm1: memref<3x4096xf16>, %wq: memref<3x4096x4096xf16>, %wk: memref<3x4096x4096xf16>, %wv: memref<3x4096x4096xf16>, %kcache: memref<3x4096x2048xf16>, %vcache: memref<3x2048x4096xf16>, %wo: memref<3x4096x4096xf16>, %norm2: memref<3x4096xf16>, %wgate: memref<3x4096x11008xf16>, %wup: memref<3x4096x11008xf16>, %wdown: memref<3x11008x4096xf16>, %out: memref<1x4096xf16>) {
  %zero = arith.constant 0.0 : f16
  %one = arith.constant 1.0 : f16
  linalg.copy ins(%x : memref<1x4096xf16>) outs(%out : memref<1x4096xf16>)
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %layers = arith.constant 3 : index
  scf.for %l = %c0 to %layers step %c1 {
  %norm1_l = memref.subview %norm1[%l, 0] [1, 4096] [1, 1] : memref<3x4096xf16> to memref<4096xf16, strided<[1], offset: ?>>
  %wq_l = memref.subview %wq[%l, 0, 0] [1, 4096, 4096] [1, 1, 1] : memref<3x4096x4096xf16> to memref<4096x4096xf16, strided<[4096, 1], offset: ?>>
  %wk_l = memref.subview %wk[%l, 0, 0] [1, 4096, 4096] [1, 1, 1] : memref<3x4096x4096xf16> to memref<4096x4096xf16, strided<[4096, 1], offset: ?>>
  %wv_l = memref.subview %wv[%l, 0, 0] [1, 4096, 4096] [1, 1, 1] : memref<3x4096x4096xf16> to memref<4096x4096xf16, strided<[4096, 1], offset: ?>>
  %kcache_l = memref.subview %kcache[%l, 0, 0] [1, 4096, 2048] [1, 1, 1] : memref<3x4096x2048xf16> to memref<4096x2048xf16, strided<[2048, 1], offset: ?>>
  %vcache_l = memref.subview %vcache[%l, 0, 0] [1, 2048, 4096] [1, 1, 1] : memref<3x2048x4096xf16> to memref<2048x4096xf16, strided<[4096, 1], offset: ?>>
  %wo_l = memref.subview %wo[%l, 0, 0] [1, 4096, 4096] [1, 1, 1] : memref<3x4096x4096xf16> to memref<4096x4096xf16, strided<[4096, 1], offset: ?>>
  %norm2_l = memref.subview %norm2[%l, 0] [1, 4096] [1, 1] : memref<3x4096xf16> to memref<4096xf16, strided<[1], offset: ?>>
  %wgate_l = memref.subview %wgate[%l, 0, 0] [1, 4096, 11008] [1, 1, 1] : memref<3x4096x11008xf16> to memref<4096x11008xf16, strided<[11008, 1], offset: ?>>
  %wup_l = memref.subview %wup[%l, 0, 0] [1, 4096, 11008] [1, 1, 1] : memref<3x4096x11008xf16> to memref<4096x11008xf16, strided<[11008, 1], offset: ?>>
  %wdown_l = memref.subview %wdown[%l, 0, 0] [1, 11008, 4096] [1, 1, 1] : memref<3x11008x4096xf16> to memref<11008x4096xf16, strided<[4096, 1], offset: ?>>
  %n1_0 = memref.alloc() : memref<1x4096xf16>
  linalg.generic {indexing_maps = [#row, #col, #row], iterator_types = ["parallel", "parallel"]} ins(%out, %norm1_l : memref<1x4096xf16>, memref<4096xf16, strided<[1], offset: ?>>) outs(%n1_0 : memref<1x4096xf16>) {
  ^bb0(%a: f16, %w: f16, %o: f16):
    %s = arith.mulf %a, %w : f16
    linalg.yield %s : f16
  }
  %q_0 = memref.alloc() : memref<1x4096xf16>
  linalg.fill ins(%zero : f16) outs(%q_0 : memref<1x4096xf16>)
  linalg.matmul ins(%n1_0, %wq_l : memref<1x4096xf16>, memref<4096x4096xf16, strided<[4096, 1], offset: ?>>) outs(%q_0 : memref<1x4096xf16>)
  %k_0 = memref.alloc() : memref<1x4096xf16>
  linalg.fill ins(%zero : f16) outs(%k_0 : memref<1x4096xf16>)
  linalg.matmul ins(%n1_0, %wk_l : memref<1x4096xf16>, memref<4096x4096xf16, strided<[4096, 1], offset: ?>>) outs(%k_0 : memref<1x4096xf16>)
  %v_0 = memref.alloc() : memref<1x4096xf16>
  linalg.fill ins(%zero : f16) outs(%v_0 : memref<1x4096xf16>)
  linalg.matmul ins(%n1_0, %wv_l : memref<1x4096xf16>, memref<4096x4096xf16, strided<[4096, 1], offset: ?>>) outs(%v_0 : memref<1x4096xf16>)
  memref.dealloc %n1_0 : memref<1x4096xf16>
  %s_0 = memref.alloc() : memref<1x2048xf16>
  linalg.fill ins(%zero : f16) outs(%s_0 : memref<1x2048xf16>)
  linalg.matmul ins(%q_0, %kcache_l : memref<1x4096xf16>, memref<4096x2048xf16, strided<[2048, 1], offset: ?>>) outs(%s_0 : memref<1x2048xf16>)
  linalg.generic {indexing_maps = [#row], iterator_types = ["parallel", "parallel"]} outs(%s_0 : memref<1x2048xf16>) {
  ^bb0(%o: f16):
    %p = math.exp %o : f16
    linalg.yield %p : f16
  }
  %ctx_0 = memref.alloc() : memref<1x4096xf16>
  linalg.fill ins(%zero : f16) outs(%ctx_0 : memref<1x4096xf16>)
  linalg.matmul ins(%s_0, %vcache_l : memref<1x2048xf16>, memref<2048x4096xf16, strided<[4096, 1], offset: ?>>) outs(%ctx_0 : memref<1x4096xf16>)
  memref.dealloc %s_0 : memref<1x2048xf16>
  memref.dealloc %q_0 : memref<1x4096xf16>
  memref.dealloc %k_0 : memref<1x4096xf16>
  memref.dealloc %v_0 : memref<1x4096xf16>
  %attn_0 = memref.alloc() : memref<1x4096xf16>
  linalg.fill ins(%zero : f16) outs(%attn_0 : memref<1x4096xf16>)
  linalg.matmul ins(%ctx_0, %wo_l : memref<1x4096xf16>, memref<4096x4096xf16, strided<[4096, 1], offset: ?>>) outs(%attn_0 : memref<1x4096xf16>)
  memref.dealloc %ctx_0 : memref<1x4096xf16>
  %h1_0 = memref.alloc() : memref<1x4096xf16>
  linalg.add ins(%out, %attn_0 : memref<1x4096xf16>, memref<1x4096xf16>) outs(%h1_0 : memref<1x4096xf16>)
  memref.dealloc %attn_0 : memref<1x4096xf16>
  %n2_0 = memref.alloc() : memref<1x4096xf16>
  linalg.generic {indexing_maps = [#row, #col, #row], iterator_types = ["parallel", "parallel"]} ins(%h1_0, %norm2_l : memref<1x4096xf16>, memref<4096xf16, strided<[1], offset: ?>>) outs(%n2_0 : memref<1x4096xf16>) {
  ^bb0(%a: f16, %w: f16, %o: f16):
    %s = arith.mulf %a, %w : f16
    linalg.yield %s : f16
  }
  %g_0 = memref.alloc() : memref<1x11008xf16>
  linalg.fill ins(%zero : f16) outs(%g_0 : memref<1x11008xf16>)
  linalg.matmul ins(%n2_0, %wgate_l : memref<1x4096xf16>, memref<4096x11008xf16, strided<[11008, 1], offset: ?>>) outs(%g_0 : memref<1x11008xf16>)
  %u_0 = memref.alloc() : memref<1x11008xf16>
  linalg.fill ins(%zero : f16) outs(%u_0 : memref<1x11008xf16>)
  linalg.matmul ins(%n2_0, %wup_l : memref<1x4096xf16>, memref<4096x11008xf16, strided<[11008, 1], offset: ?>>) outs(%u_0 : memref<1x11008xf16>)
  memref.dealloc %n2_0 : memref<1x4096xf16>
  linalg.generic {indexing_maps = [#row, #row], iterator_types = ["parallel", "parallel"]} ins(%u_0 : memref<1x11008xf16>) outs(%g_0 : memref<1x11008xf16>) {
  ^bb0(%u: f16, %g: f16):
    %neg = arith.negf %g : f16
    %ex = math.exp %neg : f16
    %den = arith.addf %one, %ex : f16
    %silu = arith.divf %g, %den : f16
    %prod = arith.mulf %silu, %u : f16
    linalg.yield %prod : f16
  }
  memref.dealloc %u_0 : memref<1x11008xf16>
  %d_0 = memref.alloc() : memref<1x4096xf16>
  linalg.fill ins(%zero : f16) outs(%d_0 : memref<1x4096xf16>)
  linalg.matmul ins(%g_0, %wdown_l : memref<1x11008xf16>, memref<11008x4096xf16, strided<[4096, 1], offset: ?>>) outs(%d_0 : memref<1x4096xf16>)
  memref.dealloc %g_0 : memref<1x11008xf16>
  %h2_0 = memref.alloc() : memref<1x4096xf16>
  linalg.add ins(%h1_0, %d_0 : memref<1x4096xf16>, memref<1x4096xf16>) outs(%h2_0 : memref<1x4096xf16>)
  memref.dealloc %d_0 : memref<1x4096xf16>
  memref.dealloc %h1_0 : memref<1x4096xf16>
  linalg.copy ins(%h2_0 : memref<1x4096xf16>) outs(%out : memref<1x4096xf16>)
  memref.dealloc %h2_0 : memref<1x4096xf16>
  }
  return
}
