//===- Pipelines.cpp - Upstream's pipeline parser, minus process exits ----===//
//
// Upstream's textual pipeline parser reports malformed text, unknown passes
// and bad options as errors, but a registered pipeline whose builder adds a
// pass its pass manager cannot hold (`sparsifier`, which adds module passes,
// nested under `func.func(...)`) ends the process: `OpPassManager::addPass`
// calls `report_fatal_error`, which aborts. LLVM's own answer for code that
// may abort is `CrashRecoveryContext` (a SIGABRT handler that jumps back to
// where the work began); the wheel does not export it, so the same technique
// is written out here for the one call that needs it: parsing. What the
// jump skips leaks (the pass being added, the parser's locals); the pass
// manager itself is left as it was before the failing `addPass`.
//
//===----------------------------------------------------------------------===//

#include "hyperoffload-c/Passes.h"

#include "mlir/CAPI/Pass.h"
#include "mlir/CAPI/Support.h"
#include "mlir/CAPI/Utils.h"
#include "mlir/Pass/Pass.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "llvm/Support/raw_ostream.h"

#include <csetjmp>
#include <csignal>
#include <cstdio>
#include <mutex>
#include <string>
#include <unistd.h>

using namespace mlir;

namespace {

std::mutex guardMutex;
// Set while a guarded parse runs on this thread; the handler jumps to it.
thread_local sigjmp_buf *guardJump = nullptr;
struct sigaction previousAbort;

extern "C" void onAbortWhileParsing(int number) {
  if (guardJump)
    siglongjmp(*guardJump, 1);
  // Another thread aborted: behave as before the guard.
  ::sigaction(SIGABRT, &previousAbort, nullptr);
  ::raise(number);
}

/// Parses `text` into `pm`: the anchored form `op(elements)` replaces it,
/// otherwise the elements are appended. Kept out of line so that nothing
/// of it lives in the frame that `sigsetjmp` saves.
[[gnu::noinline]] LogicalResult parseInto(OpPassManager &pm, StringRef text,
                                          bool anchored,
                                          llvm::raw_ostream &errors) {
  if (!anchored)
    return parsePassPipeline(text, pm, errors);
  FailureOr<OpPassManager> parsed = parsePassPipeline(text, errors);
  if (failed(parsed))
    return failure();
  pm = std::move(*parsed);
  return success();
}

/// What was written to `capture`.
std::string captured(std::FILE *capture) {
  std::string text;
  std::rewind(capture);
  char chunk[512];
  size_t read;
  while ((read = std::fread(chunk, 1, sizeof(chunk), capture)) > 0)
    text.append(chunk, read);
  return text;
}

} // namespace

MlirLogicalResult hyperoffloadParsePassPipeline(MlirOpPassManager passManager,
                                                MlirStringRef pipeline,
                                                bool anchored,
                                                MlirStringCallback callback,
                                                void *userData, bool *aborted) {
  *aborted = false;
  std::lock_guard<std::mutex> lock(guardMutex);
  std::string errors;
  llvm::raw_string_ostream errorStream(errors);
  // The fatal error's message goes to stderr just before the abort: keep it
  // for the caller instead.
  std::fflush(stderr);
  std::FILE *capture = std::tmpfile();
  int savedStderr = capture ? ::dup(STDERR_FILENO) : -1;
  if (savedStderr >= 0)
    ::dup2(::fileno(capture), STDERR_FILENO);

  struct sigaction action{};
  action.sa_handler = onAbortWhileParsing;
  sigemptyset(&action.sa_mask);
  ::sigaction(SIGABRT, &action, &previousAbort);
  sigjmp_buf jump;
  volatile bool jumped = false;
  volatile bool parsed = false;
  guardJump = &jump;
  if (sigsetjmp(jump, /*savemask=*/1) == 0)
    parsed = succeeded(parseInto(*unwrap(passManager), unwrap(pipeline),
                                 anchored, errorStream));
  else
    jumped = true;
  guardJump = nullptr;
  ::sigaction(SIGABRT, &previousAbort, nullptr);

  std::string written;
  if (savedStderr >= 0) {
    std::fflush(stderr);
    ::dup2(savedStderr, STDERR_FILENO);
    ::close(savedStderr);
    written = captured(capture);
    // What was written without a fatal error (a pass's warning) is not ours
    // to swallow.
    if (!jumped && !written.empty())
      llvm::errs() << written;
  }
  if (capture)
    std::fclose(capture);

  if (jumped) {
    *aborted = true;
    StringRef message = StringRef(written).trim();
    message.consume_front("LLVM ERROR: ");
    std::string fatal = message.str();
    if (fatal.empty())
      fatal = "upstream MLIR ended the process while building the pipeline";
    callback(mlirStringRefCreate(fatal.data(), fatal.size()), userData);
    return mlirLogicalResultFailure();
  }
  if (!parsed) {
    callback(mlirStringRefCreate(errors.data(), errors.size()), userData);
    return mlirLogicalResultFailure();
  }
  return mlirLogicalResultSuccess();
}

void hyperoffloadOpPassManagerForEachPass(
    MlirOpPassManager passManager,
    void (*callback)(MlirStringRef argument, MlirStringRef text, void *),
    void *userData) {
  std::string text;
  for (Pass &pass : unwrap(passManager)->getPasses()) {
    text.clear();
    llvm::raw_string_ostream os(text);
    pass.printAsTextualPipeline(os);
    os.flush();
    callback(wrap(pass.getArgument()), mlirStringRefCreate(text.data(), text.size()),
             userData);
  }
}
