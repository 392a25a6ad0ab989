//===- CrashHandler.cpp - One located line when a stage crashes -----------===//
//
// hyper-opt runs upstream passes in its own process. Where one of them
// dereferences a null pointer or fails an assertion on input it did not
// expect, the process would die with a signal and, from Python, say
// nothing. The handler installed here writes one line naming the input and
// the stage that was running (the pass, recorded by a PassInstrumentation,
// or what the driver said it was doing) and exits with status 1: the output
// file is never written, since it is written only after the passes.
//
//===----------------------------------------------------------------------===//

#include "hyperoffload-c/Cache.h"

#include "mlir/CAPI/Pass.h"
#include "mlir/CAPI/Support.h"
#include "mlir/Pass/PassInstrumentation.h"
#include "mlir/Pass/PassManager.h"

#include <csignal>
#include <cstring>
#include <mutex>
#include <unistd.h>

using namespace mlir;

namespace {

constexpr size_t kTextSize = 1024;
// Read by the signal handler without a lock: written only under
// stageMutex, and always NUL-terminated.
char inputName[kTextSize] = "<input>";
char stageText[kTextSize] = "hyper-opt";
std::mutex stageMutex;
// The handler's own stack, for crashes that overflowed the thread's.
alignas(16) char alternateStack[1 << 16];

void copyText(char *destination, StringRef text) {
  size_t length = std::min(text.size(), kTextSize - 1);
  std::memcpy(destination, text.data(), length);
  destination[length] = '\0';
}

void setStage(StringRef text) {
  std::lock_guard<std::mutex> lock(stageMutex);
  copyText(stageText, text);
}

void writeText(const char *text) {
  size_t length = std::strlen(text);
  while (length > 0) {
    ssize_t written = ::write(STDERR_FILENO, text, length);
    if (written <= 0)
      return;
    text += written;
    length -= static_cast<size_t>(written);
  }
}

const char *signalName(int number) {
  switch (number) {
  case SIGSEGV:
    return "SIGSEGV";
  case SIGBUS:
    return "SIGBUS";
  case SIGFPE:
    return "SIGFPE";
  case SIGILL:
    return "SIGILL";
  case SIGABRT:
    return "SIGABRT";
  default:
    return "a signal";
  }
}

extern "C" void handleCrash(int number) {
  // Only async-signal-safe calls: write and _exit.
  writeText("\n");
  writeText(inputName);
  writeText(": error: internal error: hyper-opt crashed (");
  writeText(signalName(number));
  writeText(") in ");
  writeText(stageText);
  writeText("; nothing was written. This is a bug in that stage on this "
            "input: please report it with the input.\n");
  ::_exit(1);
}

/// Records the pass running, for handleCrash.
class StageInstrumentation : public PassInstrumentation {
public:
  void runBeforePass(Pass *pass, Operation *op) override {
    StringRef label =
        pass->getArgument().empty() ? pass->getName() : pass->getArgument();
    setStage(("pass '" + label + "' on '" + op->getName().getStringRef() + "'")
                 .str());
  }
};

} // namespace

void hyperoffloadInstallCrashHandler(MlirStringRef input) {
  {
    std::lock_guard<std::mutex> lock(stageMutex);
    copyText(inputName, unwrap(input));
  }
  stack_t stack{};
  stack.ss_sp = alternateStack;
  stack.ss_size = sizeof(alternateStack);
  ::sigaltstack(&stack, nullptr);
  struct sigaction action{};
  action.sa_handler = handleCrash;
  action.sa_flags = SA_ONSTACK | SA_RESETHAND;
  sigemptyset(&action.sa_mask);
  for (int number : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT})
    ::sigaction(number, &action, nullptr);
}

void hyperoffloadSetCrashStage(MlirStringRef stage) { setStage(unwrap(stage)); }

void hyperoffloadPassManagerTrackStages(MlirPassManager passManager) {
  unwrap(passManager)->addInstrumentation(
      std::make_unique<StageInstrumentation>());
}
