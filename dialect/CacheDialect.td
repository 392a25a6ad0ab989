//===- CacheDialect.td - cache dialect definition ---------*- tablegen -*-===//
//
// The `cache` dialect makes transfers between device memory and a remote
// memory pool explicit in the IR.
//
//===----------------------------------------------------------------------===//

#ifndef HYPEROFFLOAD_CACHE_DIALECT
#define HYPEROFFLOAD_CACHE_DIALECT

include "mlir/IR/OpBase.td"

def Cache_Dialect : Dialect {
  let name = "cache";
  let summary = "Explicit transfers between device memory and a remote pool.";
  let description = [{
    The `cache` dialect represents data movement between accelerator device
    memory (the default memref memory space) and a large remote memory pool
    (the `#cache.remote` memory space) as first-class asynchronous operations.

    `cache.prefetch` allocates a device buffer and starts copying a remote
    buffer into it, `cache.evict` releases a device buffer (optionally writing
    it back to a remote buffer first) and `cache.wait` blocks the compute
    stream until transfers complete. Each transfer yields a `!cache.token`;
    tokens can also be passed as asynchronous dependencies, so every op maps
    one-to-one onto the `gpu` dialect's `gpu.alloc async`,
    `gpu.memcpy async`, `gpu.dealloc async` and `gpu.wait`.

    ```mlir
    func.func @layer(%w: memref<4096x4096xf16, #cache.remote>) {
      %dev, %t = cache.prefetch %w
          : memref<4096x4096xf16, #cache.remote> -> memref<4096x4096xf16>
      cache.wait %t
      // ... compute reading %dev ...
      %e = cache.evict %dev : memref<4096x4096xf16>
      cache.wait %e
      return
    }
    ```
  }];
  let cppNamespace = "::hyperoffload::cache";
  let useDefaultTypePrinterParser = 1;
  let useDefaultAttributePrinterParser = 1;
}

#endif // HYPEROFFLOAD_CACHE_DIALECT
