// A Llama-style gated MLP block, out = (silu(x * Wg) .* (x * Wu)) * Wd, for
// 16 tokens with hidden size 256 and intermediate size 512, in f16.
//
// The three weights live in the remote pool (#cache.remote). The transfers
// are scheduled by hand, as the offload planner will later do: each weight
// is prefetched ahead of its matmul, the down projection only once the gate
// weight's device memory has been released, and every device copy is
// evicted after its last use, so at most two weights are on the device at
// any time.

#map = affine_map<(d0, d1) -> (d0, d1)>

func.func @mlp(%x: memref<16x256xf16>,
               %w_gate: memref<256x512xf16, #cache.remote>,
               %w_up: memref<256x512xf16, #cache.remote>,
               %w_down: memref<512x256xf16, #cache.remote>,
               %out: memref<16x256xf16>) {
  %zero = arith.constant 0.0 : f16
  %one = arith.constant 1.0 : f16

  %gate_w, %t_gate = cache.prefetch %w_gate : memref<256x512xf16, #cache.remote> -> memref<256x512xf16>
  %up_w, %t_up = cache.prefetch %w_up [%t_gate] : memref<256x512xf16, #cache.remote> -> memref<256x512xf16>

  // gate = x * Wg
  %gate = memref.alloc() : memref<16x512xf16>
  linalg.fill ins(%zero : f16) outs(%gate : memref<16x512xf16>)
  cache.wait %t_gate
  linalg.matmul ins(%x, %gate_w : memref<16x256xf16>, memref<256x512xf16>)
                outs(%gate : memref<16x512xf16>)
  %e_gate = cache.evict %gate_w : memref<256x512xf16>
  %down_w, %t_down = cache.prefetch %w_down [%e_gate] : memref<512x256xf16, #cache.remote> -> memref<512x256xf16>

  // up = x * Wu
  %up = memref.alloc() : memref<16x512xf16>
  linalg.fill ins(%zero : f16) outs(%up : memref<16x512xf16>)
  cache.wait %t_up
  linalg.matmul ins(%x, %up_w : memref<16x256xf16>, memref<256x512xf16>)
                outs(%up : memref<16x512xf16>)
  %e_up = cache.evict %up_w : memref<256x512xf16>

  // gate = silu(gate) .* up, with silu(v) = v / (1 + exp(-v))
  linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]}
      ins(%up : memref<16x512xf16>) outs(%gate : memref<16x512xf16>) {
  ^bb0(%u: f16, %g: f16):
    %neg = arith.negf %g : f16
    %exp = math.exp %neg : f16
    %den = arith.addf %one, %exp : f16
    %silu = arith.divf %g, %den : f16
    %prod = arith.mulf %silu, %u : f16
    linalg.yield %prod : f16
  }
  memref.dealloc %up : memref<16x512xf16>

  // out = gate * Wd
  linalg.fill ins(%zero : f16) outs(%out : memref<16x256xf16>)
  cache.wait %t_down
  linalg.matmul ins(%gate, %down_w : memref<16x512xf16>, memref<512x256xf16>)
                outs(%out : memref<16x256xf16>)
  %e_down = cache.evict %down_w : memref<512x256xf16>
  memref.dealloc %gate : memref<16x512xf16>
  cache.wait %e_up, %e_down
  return
}
