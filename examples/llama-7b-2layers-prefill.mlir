#row = affine_map<(d0, d1) -> (d0, d1)>
#col = affine_map<(d0, d1) -> (d1)>
func.func @llama_2l_4096h_2048t(%x: memref<2048x4096xf16>, %norm1_0: memref<4096xf16>, %wq_0: memref<4096x4096xf16>, %wk_0: memref<4096x4096xf16>, %wv_0: memref<4096x4096xf16>, %kcache_0: memref<4096x2048xf16>, %vcache_0: memref<2048x4096xf16>, %wo_0: memref<4096x4096xf16>, %norm2_0: memref<4096xf16>, %wgate_0: memref<4096x11008xf16>, %wup_0: memref<4096x11008xf16>, %wdown_0: memref<11008x4096xf16>, %norm1_1: memref<4096xf16>, %wq_1: memref<4096x4096xf16>, %wk_1: memref<4096x4096xf16>, %wv_1: memref<4096x4096xf16>, %kcache_1: memref<4096x2048xf16>, %vcache_1: memref<2048x4096xf16>, %wo_1: memref<4096x4096xf16>, %norm2_1: memref<4096xf16>, %wgate_1: memref<4096x11008xf16>, %wup_1: memref<4096x11008xf16>, %wdown_1: memref<11008x4096xf16>, %out: memref<2048x4096xf16>) {
  %zero = arith.constant 0.0 : f16
  %one = arith.constant 1.0 : f16
  %n1_0 = memref.alloc() : memref<2048x4096xf16>
  linalg.generic {indexing_maps = [#row, #col, #row], iterator_types = ["parallel", "parallel"]} ins(%x, %norm1_0 : memref<2048x4096xf16>, memref<4096xf16>) outs(%n1_0 : memref<2048x4096xf16>) {
  ^bb0(%a: f16, %w: f16, %o: f16):
    %s = arith.mulf %a, %w : f16
    linalg.yield %s : f16
  }
  %q_0 = memref.alloc() : memref<2048x4096xf16>
  linalg.fill ins(%zero : f16) outs(%q_0 : memref<2048x4096xf16>)
  linalg.matmul ins(%n1_0, %wq_0 : memref<2048x4096xf16>, memref<4096x4096xf16>) outs(%q_0 : memref<2048x4096xf16>)
  %k_0 = memref.alloc() : memref<2048x4096xf16>
  linalg.fill ins(%zero : f16) outs(%k_0 : memref<2048x4096xf16>)
  linalg.matmul ins(%n1_0, %wk_0 : memref<2048x4096xf16>, memref<4096x4096xf16>) outs(%k_0 : memref<2048x4096xf16>)
  %v_0 = memref.alloc() : memref<2048x4096xf16>
  linalg.fill ins(%zero : f16) outs(%v_0 : memref<2048x4096xf16>)
  linalg.matmul ins(%n1_0, %wv_0 : memref<2048x4096xf16>, memref<4096x4096xf16>) outs(%v_0 : memref<2048x4096xf16>)
  memref.dealloc %n1_0 : memref<2048x4096xf16>
  %s_0 = memref.alloc() : memref<2048x2048xf16>
  linalg.fill ins(%zero : f16) outs(%s_0 : memref<2048x2048xf16>)
  linalg.matmul ins(%q_0, %kcache_0 : memref<2048x4096xf16>, memref<4096x2048xf16>) outs(%s_0 : memref<2048x2048xf16>)
  linalg.generic {indexing_maps = [#row], iterator_types = ["parallel", "parallel"]} outs(%s_0 : memref<2048x2048xf16>) {
  ^bb0(%o: f16):
    %p = math.exp %o : f16
    linalg.yield %p : f16
  }
  %ctx_0 = memref.alloc() : memref<2048x4096xf16>
  linalg.fill ins(%zero : f16) outs(%ctx_0 : memref<2048x4096xf16>)
  linalg.matmul ins(%s_0, %vcache_0 : memref<2048x2048xf16>, memref<2048x4096xf16>) outs(%ctx_0 : memref<2048x4096xf16>)
  memref.dealloc %s_0 : memref<2048x2048xf16>
  memref.dealloc %q_0 : memref<2048x4096xf16>
  memref.dealloc %k_0 : memref<2048x4096xf16>
  memref.dealloc %v_0 : memref<2048x4096xf16>
  %attn_0 = memref.alloc() : memref<2048x4096xf16>
  linalg.fill ins(%zero : f16) outs(%attn_0 : memref<2048x4096xf16>)
  linalg.matmul ins(%ctx_0, %wo_0 : memref<2048x4096xf16>, memref<4096x4096xf16>) outs(%attn_0 : memref<2048x4096xf16>)
  memref.dealloc %ctx_0 : memref<2048x4096xf16>
  %h1_0 = memref.alloc() : memref<2048x4096xf16>
  linalg.add ins(%x, %attn_0 : memref<2048x4096xf16>, memref<2048x4096xf16>) outs(%h1_0 : memref<2048x4096xf16>)
  memref.dealloc %attn_0 : memref<2048x4096xf16>
  %n2_0 = memref.alloc() : memref<2048x4096xf16>
  linalg.generic {indexing_maps = [#row, #col, #row], iterator_types = ["parallel", "parallel"]} ins(%h1_0, %norm2_0 : memref<2048x4096xf16>, memref<4096xf16>) outs(%n2_0 : memref<2048x4096xf16>) {
  ^bb0(%a: f16, %w: f16, %o: f16):
    %s = arith.mulf %a, %w : f16
    linalg.yield %s : f16
  }
  %g_0 = memref.alloc() : memref<2048x11008xf16>
  linalg.fill ins(%zero : f16) outs(%g_0 : memref<2048x11008xf16>)
  linalg.matmul ins(%n2_0, %wgate_0 : memref<2048x4096xf16>, memref<4096x11008xf16>) outs(%g_0 : memref<2048x11008xf16>)
  %u_0 = memref.alloc() : memref<2048x11008xf16>
  linalg.fill ins(%zero : f16) outs(%u_0 : memref<2048x11008xf16>)
  linalg.matmul ins(%n2_0, %wup_0 : memref<2048x4096xf16>, memref<4096x11008xf16>) outs(%u_0 : memref<2048x11008xf16>)
  memref.dealloc %n2_0 : memref<2048x4096xf16>
  linalg.generic {indexing_maps = [#row, #row], iterator_types = ["parallel", "parallel"]} ins(%u_0 : memref<2048x11008xf16>) outs(%g_0 : memref<2048x11008xf16>) {
  ^bb0(%u: f16, %g: f16):
    %neg = arith.negf %g : f16
    %ex = math.exp %neg : f16
    %den = arith.addf %one, %ex : f16
    %silu = arith.divf %g, %den : f16
    %prod = arith.mulf %silu, %u : f16
    linalg.yield %prod : f16
  }
  memref.dealloc %u_0 : memref<2048x11008xf16>
  %d_0 = memref.alloc() : memref<2048x4096xf16>
  linalg.fill ins(%zero : f16) outs(%d_0 : memref<2048x4096xf16>)
  linalg.matmul ins(%g_0, %wdown_0 : memref<2048x11008xf16>, memref<11008x4096xf16>) outs(%d_0 : memref<2048x4096xf16>)
  memref.dealloc %g_0 : memref<2048x11008xf16>
  %h2_0 = memref.alloc() : memref<2048x4096xf16>
  linalg.add ins(%h1_0, %d_0 : memref<2048x4096xf16>, memref<2048x4096xf16>) outs(%h2_0 : memref<2048x4096xf16>)
  memref.dealloc %d_0 : memref<2048x4096xf16>
  memref.dealloc %h1_0 : memref<2048x4096xf16>
  %n1_1 = memref.alloc() : memref<2048x4096xf16>
  linalg.generic {indexing_maps = [#row, #col, #row], iterator_types = ["parallel", "parallel"]} ins(%h2_0, %norm1_1 : memref<2048x4096xf16>, memref<4096xf16>) outs(%n1_1 : memref<2048x4096xf16>) {
  ^bb0(%a: f16, %w: f16, %o: f16):
    %s = arith.mulf %a, %w : f16
    linalg.yield %s : f16
  }
  %q_1 = memref.alloc() : memref<2048x4096xf16>
  linalg.fill ins(%zero : f16) outs(%q_1 : memref<2048x4096xf16>)
  linalg.matmul ins(%n1_1, %wq_1 : memref<2048x4096xf16>, memref<4096x4096xf16>) outs(%q_1 : memref<2048x4096xf16>)
  %k_1 = memref.alloc() : memref<2048x4096xf16>
  linalg.fill ins(%zero : f16) outs(%k_1 : memref<2048x4096xf16>)
  linalg.matmul ins(%n1_1, %wk_1 : memref<2048x4096xf16>, memref<4096x4096xf16>) outs(%k_1 : memref<2048x4096xf16>)
  %v_1 = memref.alloc() : memref<2048x4096xf16>
  linalg.fill ins(%zero : f16) outs(%v_1 : memref<2048x4096xf16>)
  linalg.matmul ins(%n1_1, %wv_1 : memref<2048x4096xf16>, memref<4096x4096xf16>) outs(%v_1 : memref<2048x4096xf16>)
  memref.dealloc %n1_1 : memref<2048x4096xf16>
  %s_1 = memref.alloc() : memref<2048x2048xf16>
  linalg.fill ins(%zero : f16) outs(%s_1 : memref<2048x2048xf16>)
  linalg.matmul ins(%q_1, %kcache_1 : memref<2048x4096xf16>, memref<4096x2048xf16>) outs(%s_1 : memref<2048x2048xf16>)
  linalg.generic {indexing_maps = [#row], iterator_types = ["parallel", "parallel"]} outs(%s_1 : memref<2048x2048xf16>) {
  ^bb0(%o: f16):
    %p = math.exp %o : f16
    linalg.yield %p : f16
  }
  %ctx_1 = memref.alloc() : memref<2048x4096xf16>
  linalg.fill ins(%zero : f16) outs(%ctx_1 : memref<2048x4096xf16>)
  linalg.matmul ins(%s_1, %vcache_1 : memref<2048x2048xf16>, memref<2048x4096xf16>) outs(%ctx_1 : memref<2048x4096xf16>)
  memref.dealloc %s_1 : memref<2048x2048xf16>
  memref.dealloc %q_1 : memref<2048x4096xf16>
  memref.dealloc %k_1 : memref<2048x4096xf16>
  memref.dealloc %v_1 : memref<2048x4096xf16>
  %attn_1 = memref.alloc() : memref<2048x4096xf16>
  linalg.fill ins(%zero : f16) outs(%attn_1 : memref<2048x4096xf16>)
  linalg.matmul ins(%ctx_1, %wo_1 : memref<2048x4096xf16>, memref<4096x4096xf16>) outs(%attn_1 : memref<2048x4096xf16>)
  memref.dealloc %ctx_1 : memref<2048x4096xf16>
  %h1_1 = memref.alloc() : memref<2048x4096xf16>
  linalg.add ins(%h2_0, %attn_1 : memref<2048x4096xf16>, memref<2048x4096xf16>) outs(%h1_1 : memref<2048x4096xf16>)
  memref.dealloc %attn_1 : memref<2048x4096xf16>
  memref.dealloc %h2_0 : memref<2048x4096xf16>
  %n2_1 = memref.alloc() : memref<2048x4096xf16>
  linalg.generic {indexing_maps = [#row, #col, #row], iterator_types = ["parallel", "parallel"]} ins(%h1_1, %norm2_1 : memref<2048x4096xf16>, memref<4096xf16>) outs(%n2_1 : memref<2048x4096xf16>) {
  ^bb0(%a: f16, %w: f16, %o: f16):
    %s = arith.mulf %a, %w : f16
    linalg.yield %s : f16
  }
  %g_1 = memref.alloc() : memref<2048x11008xf16>
  linalg.fill ins(%zero : f16) outs(%g_1 : memref<2048x11008xf16>)
  linalg.matmul ins(%n2_1, %wgate_1 : memref<2048x4096xf16>, memref<4096x11008xf16>) outs(%g_1 : memref<2048x11008xf16>)
  %u_1 = memref.alloc() : memref<2048x11008xf16>
  linalg.fill ins(%zero : f16) outs(%u_1 : memref<2048x11008xf16>)
  linalg.matmul ins(%n2_1, %wup_1 : memref<2048x4096xf16>, memref<4096x11008xf16>) outs(%u_1 : memref<2048x11008xf16>)
  memref.dealloc %n2_1 : memref<2048x4096xf16>
  linalg.generic {indexing_maps = [#row, #row], iterator_types = ["parallel", "parallel"]} ins(%u_1 : memref<2048x11008xf16>) outs(%g_1 : memref<2048x11008xf16>) {
  ^bb0(%u: f16, %g: f16):
    %neg = arith.negf %g : f16
    %ex = math.exp %neg : f16
    %den = arith.addf %one, %ex : f16
    %silu = arith.divf %g, %den : f16
    %prod = arith.mulf %silu, %u : f16
    linalg.yield %prod : f16
  }
  memref.dealloc %u_1 : memref<2048x11008xf16>
  %d_1 = memref.alloc() : memref<2048x4096xf16>
  linalg.fill ins(%zero : f16) outs(%d_1 : memref<2048x4096xf16>)
  linalg.matmul ins(%g_1, %wdown_1 : memref<2048x11008xf16>, memref<11008x4096xf16>) outs(%d_1 : memref<2048x4096xf16>)
  memref.dealloc %g_1 : memref<2048x11008xf16>
  %h2_1 = memref.alloc() : memref<2048x4096xf16>
  linalg.add ins(%h1_1, %d_1 : memref<2048x4096xf16>, memref<2048x4096xf16>) outs(%h2_1 : memref<2048x4096xf16>)
  memref.dealloc %d_1 : memref<2048x4096xf16>
  memref.dealloc %h1_1 : memref<2048x4096xf16>
  linalg.copy ins(%h2_1 : memref<2048x4096xf16>) outs(%out : memref<2048x4096xf16>)
  memref.dealloc %h2_1 : memref<2048x4096xf16>
  return
}
