//===- Passes.cpp - Python passes in upstream's pass registry -------------===//
//
// A pass registered here is a C++ `mlir::Pass` whose options are upstream
// pass options (strings) and whose body calls back into the host language:
// upstream's pipeline parser parses, checks and prints it like any other.
//
//===----------------------------------------------------------------------===//

#include "hyperoffload-c/Passes.h"
#include "hyperoffload/Dialect/Cache/CacheDialect.h"

#include "mlir/CAPI/IR.h"
#include "mlir/CAPI/Support.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Async/IR/Async.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlow.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/raw_ostream.h"

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

using namespace mlir;

namespace {

/// One registered pass: what it is called and calls. Never freed: passes
/// made from it may live as long as the process, and its address is the
/// pass's TypeID.
struct OptionInfo {
  std::string name, description, defaultValue;
  bool isFlag;
};

struct Registration {
  std::string argument, name, description;
  HyperoffloadPassCallbacks callbacks;
  void *userData;
  /// Filled by `describe` the first time options are needed.
  std::optional<std::vector<OptionInfo>> options;
};

std::mutex registrationMutex;

llvm::StringMap<Registration *> &registrations() {
  static llvm::StringMap<Registration *> map;
  return map;
}

/// What `describe` tells of a registration.
struct Description {
  std::string text;
  std::vector<OptionInfo> options;
};

/// The options of `registration`, described on first use (its description
/// too).
const std::vector<OptionInfo> &optionsOf(Registration &registration) {
  std::lock_guard<std::mutex> lock(registrationMutex);
  if (!registration.options) {
    Description found;
    registration.callbacks.describe(
        wrap(StringRef(registration.argument)),
        [](MlirStringRef text, void *user) {
          static_cast<Description *>(user)->text = unwrap(text).str();
        },
        [](MlirStringRef name, MlirStringRef description,
           MlirStringRef defaultValue, bool isFlag, void *user) {
          static_cast<Description *>(user)->options.push_back(
              {unwrap(name).str(), unwrap(description).str(),
               unwrap(defaultValue).str(), isFlag});
        },
        &found, registration.userData);
    if (!found.text.empty())
      registration.description = found.text;
    registration.options = std::move(found.options);
  }
  return *registration.options;
}

void appendTo(MlirStringRef text, void *userData) {
  static_cast<std::string *>(userData)->append(text.data, text.length);
}

/// A pass forwarding to the callbacks of its registration.
class ForwardingPass : public Pass {
public:
  explicit ForwardingPass(Registration &registration)
      : Pass(TypeID::getFromOpaquePointer(&registration)),
        registration(registration) {}

  StringRef getName() const override { return registration.name; }
  StringRef getArgument() const override { return registration.argument; }
  StringRef getDescription() const override {
    return registration.description;
  }

  void getDependentDialects(DialectRegistry &registry) const override {
    // What the passes build: transfers, their lowerings and the IR they
    // rewrite around.
    registry.insert<hyperoffload::cache::CacheDialect, arith::ArithDialect,
                    async::AsyncDialect, cf::ControlFlowDialect,
                    func::FuncDialect, gpu::GPUDialect, memref::MemRefDialect,
                    scf::SCFDialect>();
  }

  LogicalResult initializeOptions(
      StringRef text,
      function_ref<LogicalResult(const Twine &)> errorHandler) override {
    declareOptions();
    if (failed(Pass::initializeOptions(text, errorHandler)))
      return failure();
    // A flag given alone is true (and prints back so).
    for (auto [option, isFlag] : llvm::zip(options, flags))
      if (isFlag && option->getNumOccurrences() && option->getValue().empty())
        *option = std::string("true");
    std::string given = optionText();
    std::string error;
    if (!registration.callbacks.check(
            wrap(StringRef(registration.argument)), wrap(StringRef(given)),
            appendTo, &error, registration.userData))
      return errorHandler(error);
    return success();
  }

  bool canScheduleOn(RegisteredOperationName opName) const override {
    return opName.getStringRef() == ModuleOp::getOperationName();
  }

  void runOnOperation() override {
    std::string given = optionText();
    if (!registration.callbacks.run(wrap(StringRef(registration.argument)),
                                    wrap(StringRef(given)),
                                    wrap(getOperation()),
                                    registration.userData))
      signalPassFailure();
  }

  std::unique_ptr<Pass> clonePass() const override {
    auto copy = std::make_unique<ForwardingPass>(registration);
    if (declared)
      copy->declareOptions();
    return copy;
  }

private:
  /// Declares the options as upstream pass options, once per pass: not
  /// in the constructor, which registration runs before any option is
  /// needed.
  void declareOptions() {
    if (declared)
      return;
    for (const OptionInfo &info : optionsOf(registration)) {
      options.push_back(std::make_unique<Option<std::string>>(
          *this, info.name, llvm::cl::desc(info.description),
          llvm::cl::init(info.defaultValue),
          info.isFlag ? llvm::cl::ValueOptional : llvm::cl::ValueRequired));
      defaults.push_back(info.defaultValue);
      flags.push_back(info.isFlag);
    }
    declared = true;
  }

  /// The options that differ from their defaults, as `name=value` pairs
  /// (values with spaces braced).
  std::string optionText() const {
    std::string text;
    llvm::raw_string_ostream os(text);
    for (auto [option, defaultValue] : llvm::zip(options, defaults)) {
      const std::string &value = option->getValue();
      if (value == defaultValue)
        continue;
      if (!text.empty())
        os << ' ';
      os << option->ArgStr << '=';
      if (value.find_first_of(" \t{}") != std::string::npos)
        os << '{' << value << '}';
      else
        os << value;
    }
    return text;
  }

  Registration &registration;
  std::vector<std::unique_ptr<Option<std::string>>> options;
  std::vector<std::string> defaults;
  std::vector<bool> flags;
  bool declared = false;
};

} // namespace

void hyperoffloadRegisterPass(MlirStringRef argument, MlirStringRef name,
                              MlirStringRef description,
                              HyperoffloadPassCallbacks callbacks,
                              void *userData) {
  Registration *entry;
  {
    std::lock_guard<std::mutex> lock(registrationMutex);
    Registration *&registration = registrations()[unwrap(argument)];
    if (!registration)
      registration = new Registration();
    registration->argument = unwrap(argument).str();
    registration->name = unwrap(name).str();
    registration->description = unwrap(description).str();
    registration->callbacks = callbacks;
    registration->userData = userData;
    registration->options.reset();
    entry = registration;
  }
  registerPass([entry]() -> std::unique_ptr<Pass> {
    return std::make_unique<ForwardingPass>(*entry);
  });
}

void hyperoffloadRegisterPassPipeline(MlirStringRef argument,
                                      MlirStringRef description,
                                      MlirStringRef pipeline) {
  {
    std::lock_guard<std::mutex> lock(registrationMutex);
    static llvm::StringSet<> registered;
    if (!registered.insert(unwrap(argument)).second)
      return;
  }
  std::string text = unwrap(pipeline).str();
  registerPassPipeline(
      unwrap(argument), unwrap(description),
      [text](OpPassManager &pm, StringRef options,
             function_ref<LogicalResult(const Twine &)> errorHandler)
          -> LogicalResult {
        if (!options.trim().empty())
          return errorHandler("takes no options");
        std::string errors;
        llvm::raw_string_ostream os(errors);
        if (failed(parsePassPipeline(text, pm, os)))
          return errorHandler(errors);
        return success();
      },
      [](function_ref<void(const detail::PassOptions &)>) {});
}

bool hyperoffloadIsRegisteredPass(MlirStringRef argument) {
  return PassInfo::lookup(unwrap(argument)) ||
         PassPipelineInfo::lookup(unwrap(argument));
}
