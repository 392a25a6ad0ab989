//===- MgpuMemoryCounter.cpp - peak device memory of a lowered program ----===//
//
// Interposes mgpuMemAlloc, mgpuMemFree and mgpuMemcpy between a GPU-lowered
// program and the mgpu runtime it runs on (libmlir_cuda_runtime.so on a GPU,
// the host emulation elsewhere) and keeps the bytes allocated now and at the
// peak.
// Loaded before the runtime with RTLD_GLOBAL, so the ExecutionEngine binds
// the program's calls here; the runtime named by HYPEROFFLOAD_MGPU_RUNTIME
// does the work. The runtime allocates when the host reaches the call and
// cuMemFree returns memory when called, so host-call order is the device's
// allocation order. It also keeps the wall time spent inside the runtime's
// mgpuMemAlloc/Free (cuMemAlloc and cuMemFree block the host) and inside
// mgpuMemcpy (an async copy returns at once; one that blocks the host, as
// from pageable memory, takes its whole copy time there), so a benchmark
// can tell allocator and copy-issue cost from compute time.
//
//===----------------------------------------------------------------------===//

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <dlfcn.h>
#include <mutex>
#include <unordered_map>

namespace {

using AllocFn = void *(*)(uint64_t, void *, bool);
using FreeFn = void (*)(void *, void *);
using CopyFn = void (*)(void *, void *, size_t, void *);

struct Counter {
  std::mutex mutex;
  std::unordered_map<void *, uint64_t> sizes;
  uint64_t current = 0;
  uint64_t peak = 0;
  uint64_t allocations = 0;
  uint64_t allocatorNanos = 0;
  uint64_t copyIssueNanos = 0;
  AllocFn alloc = nullptr;
  FreeFn free = nullptr;
  CopyFn copy = nullptr;
};

Counter &counter() {
  static Counter instance;
  return instance;
}

// Binds the runtime's entry points on first use; a missing runtime is a
// setup error the program cannot recover from, reported before aborting.
void bind(Counter &c) {
  if (c.alloc)
    return;
  const char *path = std::getenv("HYPEROFFLOAD_MGPU_RUNTIME");
  void *handle = path ? dlopen(path, RTLD_NOW | RTLD_GLOBAL) : nullptr;
  if (handle) {
    c.alloc = reinterpret_cast<AllocFn>(dlsym(handle, "mgpuMemAlloc"));
    c.free = reinterpret_cast<FreeFn>(dlsym(handle, "mgpuMemFree"));
    c.copy = reinterpret_cast<CopyFn>(dlsym(handle, "mgpuMemcpy"));
  }
  if (!c.alloc || !c.free || !c.copy) {
    std::fprintf(stderr,
                 "HyperOffloadMgpuCounter: cannot bind mgpuMemAlloc/Free/"
                 "Memcpy in HYPEROFFLOAD_MGPU_RUNTIME='%s': %s\n",
                 path ? path : "", dlerror());
    std::abort();
  }
}

uint64_t nanosSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now() - start)
      .count();
}

} // namespace

extern "C" {

void *mgpuMemAlloc(uint64_t sizeBytes, void *stream, bool isHostShared) {
  Counter &c = counter();
  std::lock_guard<std::mutex> lock(c.mutex);
  bind(c);
  auto start = std::chrono::steady_clock::now();
  void *ptr = c.alloc(sizeBytes, stream, isHostShared);
  c.allocatorNanos += nanosSince(start);
  if (ptr && !isHostShared) {
    c.sizes[ptr] = sizeBytes;
    c.current += sizeBytes;
    ++c.allocations;
    if (c.current > c.peak)
      c.peak = c.current;
  }
  return ptr;
}

void mgpuMemFree(void *ptr, void *stream) {
  Counter &c = counter();
  std::lock_guard<std::mutex> lock(c.mutex);
  bind(c);
  auto found = c.sizes.find(ptr);
  if (found != c.sizes.end()) {
    c.current -= found->second;
    c.sizes.erase(found);
  }
  auto start = std::chrono::steady_clock::now();
  c.free(ptr, stream);
  c.allocatorNanos += nanosSince(start);
}

void mgpuMemcpy(void *dst, void *src, size_t sizeBytes, void *stream) {
  Counter &c = counter();
  {
    std::lock_guard<std::mutex> lock(c.mutex);
    bind(c);
  }
  // Not under the lock: copies on other host threads may be issued at once.
  auto start = std::chrono::steady_clock::now();
  c.copy(dst, src, sizeBytes, stream);
  uint64_t took = nanosSince(start);
  std::lock_guard<std::mutex> lock(c.mutex);
  c.copyIssueNanos += took;
}

/// Bytes of device memory allocated through mgpuMemAlloc and not yet freed.
uint64_t hyperoffloadMgpuCurrentBytes() {
  std::lock_guard<std::mutex> lock(counter().mutex);
  return counter().current;
}

/// The most bytes allocated at once since the last reset.
uint64_t hyperoffloadMgpuPeakBytes() {
  std::lock_guard<std::mutex> lock(counter().mutex);
  return counter().peak;
}

/// Number of device allocations since the last reset.
uint64_t hyperoffloadMgpuAllocations() {
  std::lock_guard<std::mutex> lock(counter().mutex);
  return counter().allocations;
}

/// Nanoseconds spent inside the runtime's mgpuMemAlloc and mgpuMemFree.
uint64_t hyperoffloadMgpuAllocatorNanos() {
  std::lock_guard<std::mutex> lock(counter().mutex);
  return counter().allocatorNanos;
}

/// Nanoseconds spent inside the runtime's mgpuMemcpy.
uint64_t hyperoffloadMgpuCopyIssueNanos() {
  std::lock_guard<std::mutex> lock(counter().mutex);
  return counter().copyIssueNanos;
}

/// Starts a new measurement: the peak becomes what is allocated now.
void hyperoffloadMgpuResetPeak() {
  std::lock_guard<std::mutex> lock(counter().mutex);
  counter().peak = counter().current;
  counter().allocations = 0;
  counter().allocatorNanos = 0;
  counter().copyIssueNanos = 0;
}

} // extern "C"
