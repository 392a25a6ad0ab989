//===- PoolGuard.cpp - pool memory that faults outside transfers ----------===//
//
// On the host, the remote pool is host memory like the device's, so a
// program whose compute reads a `#cache.remote` buffer computes the right
// numbers there and would dereference host memory on a real device. With
// the pool guarded, the runtime (hyperoffload.runtime.run_function) registers
// every pool buffer here: its whole pages are made inaccessible, and only a
// transfer opens them (hyperoffload_pool_open ... close, around each copy the
// lowered program makes; the host emulation's mgpuMemcpy does the same). A
// load or store of pool memory anywhere else faults; the handler names the
// pool buffer and exits with kPoolFaultExit, in the child process the runtime
// runs the program in.
//
// Conservative where pages are shared: the first and last partial pages of
// a buffer stay accessible (the runtime page-aligns what it allocates), and
// while one copy runs the whole pool is open to every thread.
//
//===----------------------------------------------------------------------===//

#include <signal.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <vector>

namespace {

/// Exit status of a process whose compute touched guarded pool memory.
constexpr int kPoolFaultExit = 86;

struct Range {
  uintptr_t begin; // the buffer
  uintptr_t end;
  uintptr_t pagesBegin; // its whole pages
  uintptr_t pagesEnd;
};

std::mutex rangesMutex;
/// Held from hyperoffload_pool_open to hyperoffload_pool_close: one copy at a
/// time opens the pool.
std::mutex copyMutex;

std::vector<Range> &ranges() {
  static auto *registered = new std::vector<Range>();
  return *registered;
}

uintptr_t pageSize() {
  static const uintptr_t size = static_cast<uintptr_t>(sysconf(_SC_PAGESIZE));
  return size;
}

void setAccess(const Range &range, int protection) {
  if (range.pagesEnd > range.pagesBegin)
    mprotect(reinterpret_cast<void *>(range.pagesBegin),
             range.pagesEnd - range.pagesBegin, protection);
}

void writeText(const char *text) {
  ssize_t ignored = write(STDERR_FILENO, text, std::strlen(text));
  (void)ignored;
}

void writeHex(uintptr_t value) {
  char digits[19] = "0x";
  for (int i = 0; i < 16; ++i)
    digits[2 + i] = "0123456789abcdef"[(value >> (60 - 4 * i)) & 0xF];
  digits[18] = '\0';
  writeText(digits);
}

void onFault(int signal, siginfo_t *info, void * /*context*/) {
  auto address = reinterpret_cast<uintptr_t>(info->si_addr);
  // Async-signal-safe only: no locks (the list changes only between
  // copies), no stdio.
  for (const Range &range : ranges()) {
    if (address >= range.pagesBegin && address < range.pagesEnd) {
      writeText("hyperoffload: compute accessed #cache.remote pool memory "
                "outside a transfer: address ");
      writeHex(address);
      writeText(" in the pool buffer at ");
      writeHex(range.begin);
      writeText("\n");
      _exit(kPoolFaultExit);
    }
  }
  // Not the pool's: let the default action run when the access repeats.
  ::signal(signal, SIG_DFL);
}

void installHandler() {
  static std::once_flag once;
  std::call_once(once, [] {
    struct sigaction action;
    std::memset(&action, 0, sizeof(action));
    action.sa_sigaction = onFault;
    action.sa_flags = SA_SIGINFO;
    sigemptyset(&action.sa_mask);
    sigaction(SIGSEGV, &action, nullptr);
    sigaction(SIGBUS, &action, nullptr);
  });
}

} // namespace

extern "C" {

/// Registers the pool buffer of `bytes` at `address` and makes its whole
/// pages inaccessible.
void hyperoffload_pool_protect(int64_t address, int64_t bytes) {
  installHandler();
  auto begin = static_cast<uintptr_t>(address);
  auto end = begin + static_cast<uintptr_t>(bytes);
  uintptr_t page = pageSize();
  Range range{begin, end, (begin + page - 1) / page * page, end / page * page};
  std::lock_guard<std::mutex> lock(rangesMutex);
  ranges().push_back(range);
  setAccess(range, PROT_NONE);
}

/// Makes the pool buffer at `address` accessible again and forgets it
/// (before it is freed, or when the program returns).
void hyperoffload_pool_release(int64_t address, int64_t /*bytes*/) {
  std::lock_guard<std::mutex> lock(rangesMutex);
  std::vector<Range> &all = ranges();
  for (size_t i = 0; i < all.size(); ++i) {
    if (all[i].begin == static_cast<uintptr_t>(address)) {
      setAccess(all[i], PROT_READ | PROT_WRITE);
      all.erase(all.begin() + static_cast<std::ptrdiff_t>(i));
      return;
    }
  }
}

/// Opens the whole pool for one transfer (waits for any other to close).
void hyperoffload_pool_open() {
  copyMutex.lock();
  std::lock_guard<std::mutex> lock(rangesMutex);
  for (const Range &range : ranges())
    setAccess(range, PROT_READ | PROT_WRITE);
}

/// Closes the pool after a transfer.
void hyperoffload_pool_close() {
  {
    std::lock_guard<std::mutex> lock(rangesMutex);
    for (const Range &range : ranges())
      setAccess(range, PROT_NONE);
  }
  copyMutex.unlock();
}

/// Whether any pool buffer is registered (the host emulation's copies open
/// the pool only then).
bool hyperoffload_pool_guarded() {
  std::lock_guard<std::mutex> lock(rangesMutex);
  return !ranges().empty();
}

} // extern "C"
