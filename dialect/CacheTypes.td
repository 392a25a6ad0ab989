//===- CacheTypes.td - cache dialect types and attributes --*- tablegen -*-===//

#ifndef HYPEROFFLOAD_CACHE_TYPES
#define HYPEROFFLOAD_CACHE_TYPES

include "mlir/IR/AttrTypeBase.td"
include "CacheDialect.td"

//===----------------------------------------------------------------------===//
// Types
//===----------------------------------------------------------------------===//

class Cache_Type<string name, string typeMnemonic, list<Trait> traits = []>
    : TypeDef<Cache_Dialect, name, traits> {
  let mnemonic = typeMnemonic;
}

def Cache_TokenType : Cache_Type<"Token", "token"> {
  let summary = "Completion token of an asynchronous transfer.";
  let description = [{
    A `!cache.token` stands for the completion of one asynchronous transfer
    (`cache.prefetch` or `cache.evict`). `cache.wait` blocks the compute
    stream until the tokens it names have completed; a token may also be an
    asynchronous dependency of another transfer, which then starts only after
    it. It lowers to `!gpu.async.token`.

    ```mlir
    %dev, %t = cache.prefetch %w : memref<64xf32, #cache.remote> -> memref<64xf32>
    cache.wait %t
    ```
  }];
  // A custom parser rejects `!cache.token<...>` instead of ignoring it.
  let hasCustomAssemblyFormat = 1;
}

//===----------------------------------------------------------------------===//
// Attributes
//===----------------------------------------------------------------------===//

class Cache_Attr<string name, string attrMnemonic, list<Trait> traits = []>
    : AttrDef<Cache_Dialect, name, traits> {
  let mnemonic = attrMnemonic;
}

def Cache_RemoteMemorySpaceAttr : Cache_Attr<"RemoteMemorySpace", "remote"> {
  let summary = "Memory space of buffers that live in the remote memory pool.";
  let description = [{
    Used as the memory space of a memref type to say that the buffer lives in
    the remote memory pool (host memory, or a supernode's shared pool) rather
    than in device memory. Compute ops never read such a buffer directly: it
    is brought into device memory by `cache.prefetch`.

    ```mlir
    func.func @f(%w: memref<4096x4096xf16, #cache.remote>)
    ```
  }];
  // A custom parser rejects `#cache.remote<...>` instead of ignoring it.
  let hasCustomAssemblyFormat = 1;
}

#endif // HYPEROFFLOAD_CACHE_TYPES
