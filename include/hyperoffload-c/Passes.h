/*===- Passes.h - Python passes in upstream's pass registry -------*- C -*-===*\
|*                                                                            *|
|* Registers passes implemented outside C++ (our Python passes) in MLIR's    *|
|* global pass registry, so upstream's pipeline parser (mlir-opt syntax,     *|
|* PassManager.parse) knows them: it parses their options, reports unknown   *|
|* ones, refuses them where they cannot be scheduled, prints them back.      *|
\*===----------------------------------------------------------------------===*/

#ifndef HYPEROFFLOAD_C_PASSES_H
#define HYPEROFFLOAD_C_PASSES_H

#include "mlir-c/IR.h"
#include "mlir-c/Pass.h"
#include "mlir-c/Support.h"

#ifdef __cplusplus
extern "C" {
#endif

/// What a registered pass calls. `options` is the pass's options as text
/// (`name=value` for each option given, values braced where they hold
/// spaces), `argument` the pass's argument.
typedef struct {
  /// Runs the pass on `op` (a `builtin.module`); returns false on failure,
  /// having emitted its diagnostics.
  bool (*run)(MlirStringRef argument, MlirStringRef options, MlirOperation op,
              void *userData);
  /// Checks the option values; on an error calls `error` once with the
  /// message and returns false.
  bool (*check)(MlirStringRef argument, MlirStringRef options,
                MlirStringCallback error, void *errorUserData, void *userData);
  /// Describes the pass: calls `description` once with its one-line
  /// description, and `option` once per option with its name, description,
  /// default value (as option text) and whether it is a flag (given
  /// without a value it means true). Called
  /// once, the first time options are parsed, so registering costs nothing
  /// of the pass's implementation.
  void (*describe)(MlirStringRef argument, MlirStringCallback description,
                   void (*option)(MlirStringRef name, MlirStringRef description,
                                  MlirStringRef defaultValue, bool isFlag,
                                  void *describeUserData),
                   void *describeUserData, void *userData);
} HyperoffloadPassCallbacks;

/// Registers a pass called `argument` (class name `name`) that runs on
/// `builtin.module` only; its options are strings, as `describe` lists
/// them; its description is `description` until `describe` gives one. Registering an argument again replaces its callbacks. `userData`
/// must outlive every pass made from the registration.
MLIR_CAPI_EXPORTED void hyperoffloadRegisterPass(
    MlirStringRef argument, MlirStringRef name, MlirStringRef description,
    HyperoffloadPassCallbacks callbacks, void *userData);

/// Registers a pipeline called `argument` standing for the textual pass
/// pipeline `pipeline` (elements for the `builtin.module` it is nested in,
/// e.g. `canonicalize,func.func(cse)`); it takes no options. Registering an
/// argument again changes nothing (upstream refuses a second registration).
MLIR_CAPI_EXPORTED void hyperoffloadRegisterPassPipeline(
    MlirStringRef argument, MlirStringRef description, MlirStringRef pipeline);

/// Whether MLIR's registry holds a pass or a pass pipeline called
/// `argument` (upstream's or one registered here).
MLIR_CAPI_EXPORTED bool hyperoffloadIsRegisteredPass(MlirStringRef argument);

/// Parses the textual pipeline `pipeline` into `passManager` with upstream's
/// parser: the anchored form `op(elements)` (`anchored`) replaces its
/// passes, as `mlirParsePassPipeline` does; otherwise the elements are
/// appended, as `mlirOpPassManagerAddPipeline` does. On failure calls
/// `callback` once with the message; `*aborted` says whether upstream ended
/// the process while building the pipeline (a registered pipeline adding a
/// pass its manager cannot hold), which is caught here: the message is then
/// upstream's fatal error. Serialised: one parse at a time in the process.
MLIR_CAPI_EXPORTED MlirLogicalResult hyperoffloadParsePassPipeline(
    MlirOpPassManager passManager, MlirStringRef pipeline, bool anchored,
    MlirStringCallback callback, void *userData, bool *aborted);

/// Calls `callback` once per pass directly in `passManager`, in order, with
/// its argument (empty for an op's nested pass manager) and its textual
/// form as upstream prints it (`name{options}`, `op(elements)`).
MLIR_CAPI_EXPORTED void hyperoffloadOpPassManagerForEachPass(
    MlirOpPassManager passManager,
    void (*callback)(MlirStringRef argument, MlirStringRef text,
                     void *userData),
    void *userData);

#ifdef __cplusplus
}
#endif

#endif /* HYPEROFFLOAD_C_PASSES_H */
