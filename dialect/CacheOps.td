//===- CacheOps.td - cache dialect operations --------------*- tablegen -*-===//

#ifndef HYPEROFFLOAD_CACHE_OPS
#define HYPEROFFLOAD_CACHE_OPS

include "mlir/IR/OpBase.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "CacheDialect.td"
include "CacheTypes.td"

class Cache_Op<string mnemonic, list<Trait> traits = []>
    : Op<Cache_Dialect, mnemonic, traits>;

def Cache_PrefetchOp : Cache_Op<"prefetch"> {
  let summary = "Allocate a device buffer and start copying a remote buffer into it.";
  let description = [{
    Allocates a buffer in device memory (the default memory space) with the
    shape and element type of `source`, a buffer in the `#cache.remote`
    memory space, and starts an asynchronous copy of `source` into it. The
    device buffer may be read only after a `cache.wait` that covers `token`.
    The copy starts only after every token in the optional dependency list
    has completed.

    The op lowers one-to-one onto `gpu.alloc async` followed by
    `gpu.memcpy async`. It reads `source`, allocates `result` and writes it:
    CSE never merges two prefetches of the same buffer, and canonicalization
    keeps a prefetch as long as its buffer or its token is used (one whose
    results are both unused is dead and is erased with its allocation).

    ```mlir
    %dev, %t = cache.prefetch %w : memref<4096x4096xf16, #cache.remote> -> memref<4096x4096xf16>
    %dev2, %t2 = cache.prefetch %v [%t] : memref<64xf32, #cache.remote> -> memref<64xf32>
    cache.wait %t, %t2
    ```
  }];

  let arguments = (ins
    Arg<AnyMemRef, "remote buffer to copy from", [MemRead]>:$source,
    Variadic<Cache_TokenType>:$asyncDependencies);
  let results = (outs
    Res<AnyMemRef, "device copy of the source", [MemAlloc, MemWrite]>:$result,
    Cache_TokenType:$token);

  let assemblyFormat = [{
    $source (` ` `[` $asyncDependencies^ `]`)? attr-dict `:` type($source) `->` type($result)
  }];
  let hasVerifier = 1;
}

def Cache_EvictOp : Cache_Op<"evict", [AttrSizedOperandSegments]> {
  let summary = "Release a device buffer, optionally writing it back to a remote buffer first.";
  let description = [{
    Releases `buffer`, a buffer in device memory. Without a destination the
    buffer is a clean copy and is dropped. With `to %dst` (a buffer in the
    `#cache.remote` memory space of the same shape and element type) the
    device buffer is first copied back into `%dst`. The device memory is free
    once `token` completes; the write-back destination may be read only after
    a `cache.wait` that covers `token`. The op starts only after every token in
    the optional dependency list has completed.

    The op lowers onto `gpu.dealloc async` (drop), or `gpu.memcpy async`
    followed by `gpu.dealloc async` (write-back).

    ```mlir
    %t0 = cache.evict %dev : memref<64xf32>
    %t1 = cache.evict %act to %pool [%t0] : memref<64xf32> to memref<64xf32, #cache.remote>
    cache.wait %t1
    ```
  }];

  let arguments = (ins
    Arg<AnyMemRef, "device buffer to release", [MemRead, MemFree]>:$buffer,
    Arg<Optional<AnyMemRef>, "remote buffer to write back into",
        [MemWrite]>:$destination,
    Variadic<Cache_TokenType>:$asyncDependencies);
  let results = (outs Cache_TokenType:$token);

  let assemblyFormat = [{
    $buffer (`to` $destination^)? (` ` `[` $asyncDependencies^ `]`)? attr-dict
    `:` type($buffer) (`to` type($destination)^)?
  }];
  let hasVerifier = 1;
}

def Cache_WaitOp : Cache_Op<"wait"> {
  let summary = "Block the compute stream until transfers complete.";
  let description = [{
    Blocks the compute stream until every token operand has completed. After
    it, the device buffers of the covered prefetches may be read and the
    destinations of the covered write-backs hold the written data. A wait on
    no token does nothing; canonicalization erases it and removes repeated
    tokens. The op is a synchronisation point: it declares no memory effects,
    so it is never moved or erased as if it were pure.

    It lowers onto `gpu.wait`.

    ```mlir
    cache.wait %t0, %t1
    ```
  }];

  let arguments = (ins Variadic<Cache_TokenType>:$tokens);
  let assemblyFormat = "($tokens^)? attr-dict";
  let hasCanonicalizeMethod = 1;
}

#endif // HYPEROFFLOAD_CACHE_OPS
