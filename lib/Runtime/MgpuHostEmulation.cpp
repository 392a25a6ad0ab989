//===- MgpuHostEmulation.cpp - the mgpu runtime API on host threads -------===//
//
// Implements the entry points that upstream's gpu-to-llvm lowering calls
// (the ones libmlir_cuda_runtime.so provides on a GPU) on the host: a stream
// is a worker thread running its tasks in order, an event is a flag set by a
// task, memory is host memory. A program lowered for the GPU then runs in
// the ExecutionEngine on any machine, and stream-ordering mistakes show up
// as wrong results. HYPEROFFLOAD_MGPU_COPY_DELAY_US delays every copy so a
// missing wait is caught deterministically. Copies open the guarded pool
// (PoolGuard.cpp, in this library too).
//
//===----------------------------------------------------------------------===//

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>

namespace {

class Stream {
public:
  Stream() : worker([this] { run(); }) {}
  ~Stream() {
    if (!worker.joinable())
      return; // Released: its worker is deleting it.
    {
      std::lock_guard<std::mutex> lock(mutex);
      stopping = true;
    }
    ready.notify_all();
    worker.join();
  }

  /// Destroys the stream once its tasks are done, without waiting for
  /// them (cuStreamDestroy's contract): the worker runs what is queued,
  /// then deletes the stream.
  void release() {
    worker.detach();
    std::lock_guard<std::mutex> lock(mutex);
    stopping = true;
    released = true;
    ready.notify_all();
  }

  void enqueue(std::function<void()> task) {
    {
      std::lock_guard<std::mutex> lock(mutex);
      tasks.push_back(std::move(task));
      ++pending;
    }
    ready.notify_all();
  }

  void synchronize() {
    std::unique_lock<std::mutex> lock(mutex);
    drained.wait(lock, [this] { return pending == 0; });
  }

private:
  void run() {
    for (;;) {
      std::function<void()> task;
      {
        std::unique_lock<std::mutex> lock(mutex);
        ready.wait(lock, [this] { return stopping || !tasks.empty(); });
        if (tasks.empty()) {
          bool last = released;
          lock.unlock();
          if (last)
            delete this;
          return;
        }
        task = std::move(tasks.front());
        tasks.pop_front();
      }
      task();
      {
        std::lock_guard<std::mutex> lock(mutex);
        --pending;
      }
      drained.notify_all();
    }
  }

  std::mutex mutex;
  std::condition_variable ready;
  std::condition_variable drained;
  std::deque<std::function<void()>> tasks;
  size_t pending = 0;
  bool stopping = false;
  bool released = false;
  std::thread worker;
};

struct Event {
  std::mutex mutex;
  std::condition_variable set;
  bool done = true; // an event never recorded counts as complete
  void record() {
    std::lock_guard<std::mutex> lock(mutex);
    done = false;
  }
  void fire() {
    {
      std::lock_guard<std::mutex> lock(mutex);
      done = true;
    }
    set.notify_all();
  }
  void wait() {
    std::unique_lock<std::mutex> lock(mutex);
    set.wait(lock, [this] { return done; });
  }
};

/// Sizes of live allocations; freed blocks are poisoned (0xFF bytes, a NaN
/// in every float type) and kept, never reused, so a use after free or a
/// copy into a freed block gives wrong values instead of heap corruption.
std::mutex allocationsMutex;
std::unordered_map<void *, size_t> &allocations() {
  static auto *sizes = new std::unordered_map<void *, size_t>();
  return *sizes;
}

void delayCopy() {
  const char *text = std::getenv("HYPEROFFLOAD_MGPU_COPY_DELAY_US");
  long delay = text ? std::atol(text) : 0L;
  if (delay > 0)
    std::this_thread::sleep_for(std::chrono::microseconds(delay));
}

} // namespace

extern "C" {

// PoolGuard.cpp, linked into the same library.
bool hyperoffload_pool_guarded();
void hyperoffload_pool_open();
void hyperoffload_pool_close();

void *mgpuStreamCreate() { return new Stream(); }

void mgpuStreamDestroy(void *stream) {
  static_cast<Stream *>(stream)->release();
}

void mgpuStreamSynchronize(void *stream) {
  static_cast<Stream *>(stream)->synchronize();
}

void *mgpuEventCreate() { return new std::shared_ptr<Event>(new Event()); }

void mgpuEventDestroy(void *event) {
  delete static_cast<std::shared_ptr<Event> *>(event);
}

void mgpuEventSynchronize(void *event) {
  (*static_cast<std::shared_ptr<Event> *>(event))->wait();
}

void mgpuEventRecord(void *event, void *stream) {
  std::shared_ptr<Event> shared = *static_cast<std::shared_ptr<Event> *>(event);
  shared->record();
  static_cast<Stream *>(stream)->enqueue([shared] { shared->fire(); });
}

void mgpuStreamWaitEvent(void *stream, void *event) {
  std::shared_ptr<Event> shared = *static_cast<std::shared_ptr<Event> *>(event);
  static_cast<Stream *>(stream)->enqueue([shared] { shared->wait(); });
}

void *mgpuMemAlloc(uint64_t sizeBytes, void * /*stream*/,
                   bool /*isHostShared*/) {
  size_t size = sizeBytes ? sizeBytes : 1;
  void *ptr = std::malloc(size);
  std::memset(ptr, 0xFF, size); // device memory starts as garbage
  std::lock_guard<std::mutex> lock(allocationsMutex);
  allocations()[ptr] = size;
  return ptr;
}

void mgpuMemFree(void *ptr, void *stream) {
  static_cast<Stream *>(stream)->enqueue([ptr] {
    std::lock_guard<std::mutex> lock(allocationsMutex);
    auto found = allocations().find(ptr);
    if (found == allocations().end())
      return;
    std::memset(ptr, 0xFF, found->second);
    allocations().erase(found);
  });
}

void mgpuMemcpy(void *dst, void *src, size_t sizeBytes, void *stream) {
  static_cast<Stream *>(stream)->enqueue([dst, src, sizeBytes] {
    delayCopy();
    // A copy is a transfer: it may read or write guarded pool memory.
    bool guarded = hyperoffload_pool_guarded();
    if (guarded)
      hyperoffload_pool_open();
    std::memcpy(dst, src, sizeBytes);
    if (guarded)
      hyperoffload_pool_close();
  });
}

void mgpuMemset32(void *dst, unsigned int value, size_t count, void *stream) {
  static_cast<Stream *>(stream)->enqueue([dst, value, count] {
    auto *words = static_cast<unsigned int *>(dst);
    for (size_t i = 0; i < count; ++i)
      words[i] = value;
  });
}

void mgpuSetDefaultDevice(int32_t /*device*/) {}

// Page-locking host memory for DMA (cuMemHostRegister) has nothing to do on
// the host: the memory is already where the copies read it.
void mgpuMemHostRegisterMemRef(int64_t /*rank*/, void * /*descriptor*/,
                               int64_t /*elementSizeBytes*/) {}
void mgpuMemHostUnregisterMemRef(int64_t /*rank*/, void * /*descriptor*/,
                                 int64_t /*elementSizeBytes*/) {}

} // extern "C"
