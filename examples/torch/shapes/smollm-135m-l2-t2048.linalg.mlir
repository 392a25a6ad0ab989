// smollm-135m shapes, 2 decoder layers, 2048-token prefill, f16, weights as
// arguments: exported by examples/torch/export_shapes.py with torch 2.13.0+cpu
// and torch-mlir (fx.export_and_import, linalg-on-tensors); do not edit.
#map = affine_map<(d0) -> (d0)>
#map1 = affine_map<(d0, d1) -> (d0, 0)>
#map2 = affine_map<(d0, d1) -> (d1)>
#map3 = affine_map<(d0, d1) -> (d0, d1)>
#map4 = affine_map<(d0, d1) -> (0, d1)>
#map5 = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#map6 = affine_map<(d0, d1, d2) -> (d1, d2)>
#map7 = affine_map<(d0, d1, d2, d3) -> (d0, d2, d3)>
#map8 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map9 = affine_map<(d0, d1, d2) -> (d0, d1)>
#map10 = affine_map<(d0, d1, d2) -> (d0, d1, 0)>
module {
  func.func @forward(%arg0: tensor<2048x576xf16>, %arg1: tensor<576xf16>, %arg2: tensor<576x576xf16>, %arg3: tensor<192x576xf16>, %arg4: tensor<192x576xf16>, %arg5: tensor<576x576xf16>, %arg6: tensor<576xf16>, %arg7: tensor<1536x576xf16>, %arg8: tensor<1536x576xf16>, %arg9: tensor<576x1536xf16>, %arg10: tensor<576xf16>, %arg11: tensor<576x576xf16>, %arg12: tensor<192x576xf16>, %arg13: tensor<192x576xf16>, %arg14: tensor<576x576xf16>, %arg15: tensor<576xf16>, %arg16: tensor<1536x576xf16>, %arg17: tensor<1536x576xf16>, %arg18: tensor<576x1536xf16>) -> tensor<2048x576xf16> {
    %c2_i64 = arith.constant 2 : i64
    %c0_i64 = arith.constant 0 : i64
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 1.000000e+00 : f32
    %cst_1 = arith.constant 0xFF800000 : f32
    %cst_2 = arith.constant 9.9999999999999995E-7 : f64
    %cst_3 = arith.constant 2.000000e+00 : f32
    %cst_4 = arith.constant 6.400000e+01 : f32
    %cst_5 = arith.constant 1.000000e+04 : f32
    %cst_6 = arith.constant -6.550400e+04 : f16
    %cst_7 = arith.constant 5.760000e+02 : f32
    %cst_8 = arith.constant 8.000000e+00 : f16
    %0 = tensor.empty() : tensor<2048xf32>
    %1 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel"]} outs(%0 : tensor<2048xf32>) {
    ^bb0(%out: f32):
      %177 = linalg.index 0 : index
      %178 = arith.index_cast %177 : index to i64
      %179 = arith.sitofp %178 : i64 to f32
      %180 = arith.addf %179, %cst : f32
      linalg.yield %180 : f32
    } -> tensor<2048xf32>
    %2 = tensor.empty() : tensor<32xf32>
    %3 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel"]} outs(%2 : tensor<32xf32>) {
    ^bb0(%out: f32):
      %177 = linalg.index 0 : index
      %178 = arith.index_cast %177 : index to i64
      %179 = arith.sitofp %178 : i64 to f32
      %180 = arith.mulf %179, %cst_3 : f32
      %181 = arith.addf %180, %cst : f32
      linalg.yield %181 : f32
    } -> tensor<32xf32>
    %4 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%3 : tensor<32xf32>) outs(%2 : tensor<32xf32>) {
    ^bb0(%in: f32, %out: f32):
      %177 = arith.divf %in, %cst_4 : f32
      linalg.yield %177 : f32
    } -> tensor<32xf32>
    %5 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%4 : tensor<32xf32>) outs(%2 : tensor<32xf32>) {
    ^bb0(%in: f32, %out: f32):
      %177 = math.powf %cst_5, %in : f32
      linalg.yield %177 : f32
    } -> tensor<32xf32>
    %6 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%5 : tensor<32xf32>) outs(%2 : tensor<32xf32>) {
    ^bb0(%in: f32, %out: f32):
      %177 = arith.cmpf one, %in, %cst : f32
      cf.assert %177, "unimplemented: tensor with zero element"
      %178 = arith.divf %cst_0, %in : f32
      linalg.yield %178 : f32
    } -> tensor<32xf32>
    %expanded = tensor.expand_shape %1 [[0, 1]] output_shape [2048, 1] : tensor<2048xf32> into tensor<2048x1xf32>
    %7 = tensor.empty() : tensor<2048x32xf32>
    %8 = linalg.generic {indexing_maps = [#map1, #map2, #map3], iterator_types = ["parallel", "parallel"]} ins(%expanded, %6 : tensor<2048x1xf32>, tensor<32xf32>) outs(%7 : tensor<2048x32xf32>) {
    ^bb0(%in: f32, %in_57: f32, %out: f32):
      %177 = arith.mulf %in, %in_57 : f32
      linalg.yield %177 : f32
    } -> tensor<2048x32xf32>
    %concat = tensor.concat dim(1) %8, %8 : (tensor<2048x32xf32>, tensor<2048x32xf32>) -> tensor<2048x64xf32>
    %9 = tensor.empty() : tensor<2048x64xf32>
    %10 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%concat : tensor<2048x64xf32>) outs(%9 : tensor<2048x64xf32>) {
    ^bb0(%in: f32, %out: f32):
      %177 = math.cos %in : f32
      linalg.yield %177 : f32
    } -> tensor<2048x64xf32>
    %11 = tensor.empty() : tensor<2048x64xf16>
    %12 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%10 : tensor<2048x64xf32>) outs(%11 : tensor<2048x64xf16>) {
    ^bb0(%in: f32, %out: f16):
      %177 = arith.truncf %in : f32 to f16
      linalg.yield %177 : f16
    } -> tensor<2048x64xf16>
    %13 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%concat : tensor<2048x64xf32>) outs(%9 : tensor<2048x64xf32>) {
    ^bb0(%in: f32, %out: f32):
      %177 = math.sin %in : f32
      linalg.yield %177 : f32
    } -> tensor<2048x64xf32>
    %14 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%13 : tensor<2048x64xf32>) outs(%11 : tensor<2048x64xf16>) {
    ^bb0(%in: f32, %out: f16):
      %177 = arith.truncf %in : f32 to f16
      linalg.yield %177 : f16
    } -> tensor<2048x64xf16>
    %expanded_9 = tensor.expand_shape %1 [[0, 1]] output_shape [1, 2048] : tensor<2048xf32> into tensor<1x2048xf32>
    %15 = tensor.empty() : tensor<2048x2048xi1>
    %16 = linalg.generic {indexing_maps = [#map4, #map1, #map3], iterator_types = ["parallel", "parallel"]} ins(%expanded_9, %expanded : tensor<1x2048xf32>, tensor<2048x1xf32>) outs(%15 : tensor<2048x2048xi1>) {
    ^bb0(%in: f32, %in_57: f32, %out: i1):
      %177 = arith.cmpf ogt, %in, %in_57 : f32
      linalg.yield %177 : i1
    } -> tensor<2048x2048xi1>
    %17 = tensor.empty() : tensor<2048x2048xf16>
    %18 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%16 : tensor<2048x2048xi1>) outs(%17 : tensor<2048x2048xf16>) {
    ^bb0(%in: i1, %out: f16):
      %177 = arith.uitofp %in : i1 to f16
      linalg.yield %177 : f16
    } -> tensor<2048x2048xf16>
    %19 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%18 : tensor<2048x2048xf16>) outs(%17 : tensor<2048x2048xf16>) {
    ^bb0(%in: f16, %out: f16):
      %177 = arith.mulf %in, %cst_6 : f16
      linalg.yield %177 : f16
    } -> tensor<2048x2048xf16>
    %20 = tensor.empty() : tensor<2048x576xf32>
    %21 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%arg0 : tensor<2048x576xf16>) outs(%20 : tensor<2048x576xf32>) {
    ^bb0(%in: f16, %out: f32):
      %177 = arith.extf %in : f16 to f32
      linalg.yield %177 : f32
    } -> tensor<2048x576xf32>
    %22 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%21 : tensor<2048x576xf32>) outs(%20 : tensor<2048x576xf32>) {
    ^bb0(%in: f32, %out: f32):
      %177 = math.fpowi %in, %c2_i64 : f32, i64
      linalg.yield %177 : f32
    } -> tensor<2048x576xf32>
    %23 = tensor.empty() : tensor<2048x1xf32>
    %24 = linalg.fill ins(%cst : f32) outs(%23 : tensor<2048x1xf32>) -> tensor<2048x1xf32>
    %25 = linalg.generic {indexing_maps = [#map3, #map1], iterator_types = ["parallel", "reduction"]} ins(%22 : tensor<2048x576xf32>) outs(%24 : tensor<2048x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %177 = arith.addf %in, %out : f32
      linalg.yield %177 : f32
    } -> tensor<2048x1xf32>
    %26 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%25 : tensor<2048x1xf32>) outs(%23 : tensor<2048x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %177 = arith.divf %in, %cst_7 : f32
      linalg.yield %177 : f32
    } -> tensor<2048x1xf32>
    %27 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%26 : tensor<2048x1xf32>) outs(%23 : tensor<2048x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %177 = arith.truncf %cst_2 : f64 to f32
      %178 = arith.addf %in, %177 : f32
      linalg.yield %178 : f32
    } -> tensor<2048x1xf32>
    %28 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%27 : tensor<2048x1xf32>) outs(%23 : tensor<2048x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %177 = math.rsqrt %in : f32
      linalg.yield %177 : f32
    } -> tensor<2048x1xf32>
    %29 = linalg.generic {indexing_maps = [#map3, #map1, #map3], iterator_types = ["parallel", "parallel"]} ins(%21, %28 : tensor<2048x576xf32>, tensor<2048x1xf32>) outs(%20 : tensor<2048x576xf32>) {
    ^bb0(%in: f32, %in_57: f32, %out: f32):
      %177 = arith.mulf %in, %in_57 : f32
      linalg.yield %177 : f32
    } -> tensor<2048x576xf32>
    %30 = tensor.empty() : tensor<2048x576xf16>
    %31 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%29 : tensor<2048x576xf32>) outs(%30 : tensor<2048x576xf16>) {
    ^bb0(%in: f32, %out: f16):
      %177 = arith.truncf %in : f32 to f16
      linalg.yield %177 : f16
    } -> tensor<2048x576xf16>
    %32 = linalg.generic {indexing_maps = [#map3, #map2, #map3], iterator_types = ["parallel", "parallel"]} ins(%31, %arg1 : tensor<2048x576xf16>, tensor<576xf16>) outs(%30 : tensor<2048x576xf16>) {
    ^bb0(%in: f16, %in_57: f16, %out: f16):
      %177 = arith.mulf %in, %in_57 : f16
      linalg.yield %177 : f16
    } -> tensor<2048x576xf16>
    %33 = tensor.empty() : tensor<576x576xf16>
    %transposed = linalg.transpose ins(%arg2 : tensor<576x576xf16>) outs(%33 : tensor<576x576xf16>) permutation = [1, 0] 
    %34 = linalg.fill ins(%cst : f32) outs(%20 : tensor<2048x576xf32>) -> tensor<2048x576xf32>
    %35 = linalg.matmul ins(%32, %transposed : tensor<2048x576xf16>, tensor<576x576xf16>) outs(%34 : tensor<2048x576xf32>) -> tensor<2048x576xf32>
    %36 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%35 : tensor<2048x576xf32>) outs(%30 : tensor<2048x576xf16>) {
    ^bb0(%in: f32, %out: f16):
      %177 = arith.truncf %in : f32 to f16
      linalg.yield %177 : f16
    } -> tensor<2048x576xf16>
    %expanded_10 = tensor.expand_shape %36 [[0], [1, 2]] output_shape [2048, 9, 64] : tensor<2048x576xf16> into tensor<2048x9x64xf16>
    %37 = tensor.empty() : tensor<9x2048x64xf16>
    %transposed_11 = linalg.transpose ins(%expanded_10 : tensor<2048x9x64xf16>) outs(%37 : tensor<9x2048x64xf16>) permutation = [1, 0, 2] 
    %38 = tensor.empty() : tensor<576x192xf16>
    %transposed_12 = linalg.transpose ins(%arg3 : tensor<192x576xf16>) outs(%38 : tensor<576x192xf16>) permutation = [1, 0] 
    %39 = tensor.empty() : tensor<2048x192xf32>
    %40 = linalg.fill ins(%cst : f32) outs(%39 : tensor<2048x192xf32>) -> tensor<2048x192xf32>
    %41 = linalg.matmul ins(%32, %transposed_12 : tensor<2048x576xf16>, tensor<576x192xf16>) outs(%40 : tensor<2048x192xf32>) -> tensor<2048x192xf32>
    %42 = tensor.empty() : tensor<2048x192xf16>
    %43 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%41 : tensor<2048x192xf32>) outs(%42 : tensor<2048x192xf16>) {
    ^bb0(%in: f32, %out: f16):
      %177 = arith.truncf %in : f32 to f16
      linalg.yield %177 : f16
    } -> tensor<2048x192xf16>
    %expanded_13 = tensor.expand_shape %43 [[0], [1, 2]] output_shape [2048, 3, 64] : tensor<2048x192xf16> into tensor<2048x3x64xf16>
    %44 = tensor.empty() : tensor<3x2048x64xf16>
    %transposed_14 = linalg.transpose ins(%expanded_13 : tensor<2048x3x64xf16>) outs(%44 : tensor<3x2048x64xf16>) permutation = [1, 0, 2] 
    %transposed_15 = linalg.transpose ins(%arg4 : tensor<192x576xf16>) outs(%38 : tensor<576x192xf16>) permutation = [1, 0] 
    %45 = linalg.matmul ins(%32, %transposed_15 : tensor<2048x576xf16>, tensor<576x192xf16>) outs(%40 : tensor<2048x192xf32>) -> tensor<2048x192xf32>
    %46 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%45 : tensor<2048x192xf32>) outs(%42 : tensor<2048x192xf16>) {
    ^bb0(%in: f32, %out: f16):
      %177 = arith.truncf %in : f32 to f16
      linalg.yield %177 : f16
    } -> tensor<2048x192xf16>
    %expanded_16 = tensor.expand_shape %46 [[0], [1, 2]] output_shape [2048, 3, 64] : tensor<2048x192xf16> into tensor<2048x3x64xf16>
    %transposed_17 = linalg.transpose ins(%expanded_16 : tensor<2048x3x64xf16>) outs(%44 : tensor<3x2048x64xf16>) permutation = [1, 0, 2] 
    %47 = linalg.generic {indexing_maps = [#map5, #map6, #map5], iterator_types = ["parallel", "parallel", "parallel"]} ins(%transposed_11, %12 : tensor<9x2048x64xf16>, tensor<2048x64xf16>) outs(%37 : tensor<9x2048x64xf16>) {
    ^bb0(%in: f16, %in_57: f16, %out: f16):
      %177 = arith.mulf %in, %in_57 : f16
      linalg.yield %177 : f16
    } -> tensor<9x2048x64xf16>
    %extracted_slice = tensor.extract_slice %transposed_11[0, 0, 32] [9, 2048, 32] [1, 1, 1] : tensor<9x2048x64xf16> to tensor<9x2048x32xf16>
    %48 = tensor.empty() : tensor<9x2048x32xf16>
    %49 = linalg.generic {indexing_maps = [#map5, #map5], iterator_types = ["parallel", "parallel", "parallel"]} ins(%extracted_slice : tensor<9x2048x32xf16>) outs(%48 : tensor<9x2048x32xf16>) {
    ^bb0(%in: f16, %out: f16):
      %177 = arith.negf %in : f16
      linalg.yield %177 : f16
    } -> tensor<9x2048x32xf16>
    %extracted_slice_18 = tensor.extract_slice %transposed_11[0, 0, 0] [9, 2048, 32] [1, 1, 1] : tensor<9x2048x64xf16> to tensor<9x2048x32xf16>
    %concat_19 = tensor.concat dim(2) %49, %extracted_slice_18 : (tensor<9x2048x32xf16>, tensor<9x2048x32xf16>) -> tensor<9x2048x64xf16>
    %50 = linalg.generic {indexing_maps = [#map5, #map6, #map5], iterator_types = ["parallel", "parallel", "parallel"]} ins(%concat_19, %14 : tensor<9x2048x64xf16>, tensor<2048x64xf16>) outs(%37 : tensor<9x2048x64xf16>) {
    ^bb0(%in: f16, %in_57: f16, %out: f16):
      %177 = arith.mulf %in, %in_57 : f16
      linalg.yield %177 : f16
    } -> tensor<9x2048x64xf16>
    %51 = linalg.generic {indexing_maps = [#map5, #map5, #map5], iterator_types = ["parallel", "parallel", "parallel"]} ins(%47, %50 : tensor<9x2048x64xf16>, tensor<9x2048x64xf16>) outs(%37 : tensor<9x2048x64xf16>) {
    ^bb0(%in: f16, %in_57: f16, %out: f16):
      %177 = arith.addf %in, %in_57 : f16
      linalg.yield %177 : f16
    } -> tensor<9x2048x64xf16>
    %52 = linalg.generic {indexing_maps = [#map5, #map6, #map5], iterator_types = ["parallel", "parallel", "parallel"]} ins(%transposed_14, %12 : tensor<3x2048x64xf16>, tensor<2048x64xf16>) outs(%44 : tensor<3x2048x64xf16>) {
    ^bb0(%in: f16, %in_57: f16, %out: f16):
      %177 = arith.mulf %in, %in_57 : f16
      linalg.yield %177 : f16
    } -> tensor<3x2048x64xf16>
    %extracted_slice_20 = tensor.extract_slice %transposed_14[0, 0, 32] [3, 2048, 32] [1, 1, 1] : tensor<3x2048x64xf16> to tensor<3x2048x32xf16>
    %53 = tensor.empty() : tensor<3x2048x32xf16>
    %54 = linalg.generic {indexing_maps = [#map5, #map5], iterator_types = ["parallel", "parallel", "parallel"]} ins(%extracted_slice_20 : tensor<3x2048x32xf16>) outs(%53 : tensor<3x2048x32xf16>) {
    ^bb0(%in: f16, %out: f16):
      %177 = arith.negf %in : f16
      linalg.yield %177 : f16
    } -> tensor<3x2048x32xf16>
    %extracted_slice_21 = tensor.extract_slice %transposed_14[0, 0, 0] [3, 2048, 32] [1, 1, 1] : tensor<3x2048x64xf16> to tensor<3x2048x32xf16>
    %concat_22 = tensor.concat dim(2) %54, %extracted_slice_21 : (tensor<3x2048x32xf16>, tensor<3x2048x32xf16>) -> tensor<3x2048x64xf16>
    %55 = linalg.generic {indexing_maps = [#map5, #map6, #map5], iterator_types = ["parallel", "parallel", "parallel"]} ins(%concat_22, %14 : tensor<3x2048x64xf16>, tensor<2048x64xf16>) outs(%44 : tensor<3x2048x64xf16>) {
    ^bb0(%in: f16, %in_57: f16, %out: f16):
      %177 = arith.mulf %in, %in_57 : f16
      linalg.yield %177 : f16
    } -> tensor<3x2048x64xf16>
    %56 = linalg.generic {indexing_maps = [#map5, #map5, #map5], iterator_types = ["parallel", "parallel", "parallel"]} ins(%52, %55 : tensor<3x2048x64xf16>, tensor<3x2048x64xf16>) outs(%44 : tensor<3x2048x64xf16>) {
    ^bb0(%in: f16, %in_57: f16, %out: f16):
      %177 = arith.addf %in, %in_57 : f16
      linalg.yield %177 : f16
    } -> tensor<3x2048x64xf16>
    %57 = tensor.empty() : tensor<3x3x2048x64xf16>
    %58 = linalg.generic {indexing_maps = [#map7, #map8], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%56 : tensor<3x2048x64xf16>) outs(%57 : tensor<3x3x2048x64xf16>) {
    ^bb0(%in: f16, %out: f16):
      linalg.yield %in : f16
    } -> tensor<3x3x2048x64xf16>
    %collapsed = tensor.collapse_shape %58 [[0, 1], [2], [3]] : tensor<3x3x2048x64xf16> into tensor<9x2048x64xf16>
    %59 = linalg.generic {indexing_maps = [#map7, #map8], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%transposed_17 : tensor<3x2048x64xf16>) outs(%57 : tensor<3x3x2048x64xf16>) {
    ^bb0(%in: f16, %out: f16):
      linalg.yield %in : f16
    } -> tensor<3x3x2048x64xf16>
    %collapsed_23 = tensor.collapse_shape %59 [[0, 1], [2], [3]] : tensor<3x3x2048x64xf16> into tensor<9x2048x64xf16>
    %60 = tensor.empty() : tensor<9x64x2048xf16>
    %transposed_24 = linalg.transpose ins(%collapsed : tensor<9x2048x64xf16>) outs(%60 : tensor<9x64x2048xf16>) permutation = [0, 2, 1] 
    %61 = tensor.empty() : tensor<9x2048x2048xf32>
    %62 = linalg.fill ins(%cst : f32) outs(%61 : tensor<9x2048x2048xf32>) -> tensor<9x2048x2048xf32>
    %63 = linalg.batch_matmul ins(%51, %transposed_24 : tensor<9x2048x64xf16>, tensor<9x64x2048xf16>) outs(%62 : tensor<9x2048x2048xf32>) -> tensor<9x2048x2048xf32>
    %64 = tensor.empty() : tensor<9x2048x2048xf16>
    %65 = linalg.generic {indexing_maps = [#map5, #map5], iterator_types = ["parallel", "parallel", "parallel"]} ins(%63 : tensor<9x2048x2048xf32>) outs(%64 : tensor<9x2048x2048xf16>) {
    ^bb0(%in: f32, %out: f16):
      %177 = arith.truncf %in : f32 to f16
      linalg.yield %177 : f16
    } -> tensor<9x2048x2048xf16>
    %66 = linalg.generic {indexing_maps = [#map5, #map5], iterator_types = ["parallel", "parallel", "parallel"]} ins(%65 : tensor<9x2048x2048xf16>) outs(%64 : tensor<9x2048x2048xf16>) {
    ^bb0(%in: f16, %out: f16):
      %177 = arith.divf %in, %cst_8 : f16
      linalg.yield %177 : f16
    } -> tensor<9x2048x2048xf16>
    %67 = linalg.generic {indexing_maps = [#map5, #map6, #map5], iterator_types = ["parallel", "parallel", "parallel"]} ins(%66, %19 : tensor<9x2048x2048xf16>, tensor<2048x2048xf16>) outs(%64 : tensor<9x2048x2048xf16>) {
    ^bb0(%in: f16, %in_57: f16, %out: f16):
      %177 = arith.addf %in, %in_57 : f16
      linalg.yield %177 : f16
    } -> tensor<9x2048x2048xf16>
    %68 = linalg.generic {indexing_maps = [#map5, #map5], iterator_types = ["parallel", "parallel", "parallel"]} ins(%67 : tensor<9x2048x2048xf16>) outs(%61 : tensor<9x2048x2048xf32>) {
    ^bb0(%in: f16, %out: f32):
      %177 = arith.extf %in : f16 to f32
      linalg.yield %177 : f32
    } -> tensor<9x2048x2048xf32>
    %69 = tensor.empty() : tensor<9x2048xi64>
    %70 = linalg.fill ins(%c0_i64 : i64) outs(%69 : tensor<9x2048xi64>) -> tensor<9x2048xi64>
    %71 = tensor.empty() : tensor<9x2048xf32>
    %72 = linalg.fill ins(%cst_1 : f32) outs(%71 : tensor<9x2048xf32>) -> tensor<9x2048xf32>
    %73:2 = linalg.generic {indexing_maps = [#map5, #map9, #map9], iterator_types = ["parallel", "parallel", "reduction"]} ins(%68 : tensor<9x2048x2048xf32>) outs(%72, %70 : tensor<9x2048xf32>, tensor<9x2048xi64>) {
    ^bb0(%in: f32, %out: f32, %out_57: i64):
      %177 = linalg.index 2 : index
      %178 = arith.index_cast %177 : index to i64
      %179 = arith.maximumf %in, %out : f32
      %180 = arith.cmpf ogt, %in, %out : f32
      %181 = arith.select %180, %178, %out_57 : i64
      linalg.yield %179, %181 : f32, i64
    } -> (tensor<9x2048xf32>, tensor<9x2048xi64>)
    %expanded_25 = tensor.expand_shape %73#0 [[0], [1, 2]] output_shape [9, 2048, 1] : tensor<9x2048xf32> into tensor<9x2048x1xf32>
    %74 = linalg.generic {indexing_maps = [#map5, #map10, #map5], iterator_types = ["parallel", "parallel", "parallel"]} ins(%68, %expanded_25 : tensor<9x2048x2048xf32>, tensor<9x2048x1xf32>) outs(%61 : tensor<9x2048x2048xf32>) {
    ^bb0(%in: f32, %in_57: f32, %out: f32):
      %177 = arith.subf %in, %in_57 : f32
      linalg.yield %177 : f32
    } -> tensor<9x2048x2048xf32>
    %75 = linalg.generic {indexing_maps = [#map5, #map5], iterator_types = ["parallel", "parallel", "parallel"]} ins(%74 : tensor<9x2048x2048xf32>) outs(%61 : tensor<9x2048x2048xf32>) {
    ^bb0(%in: f32, %out: f32):
      %177 = math.exp %in : f32
      linalg.yield %177 : f32
    } -> tensor<9x2048x2048xf32>
    %76 = tensor.empty() : tensor<9x2048x1xf32>
    %77 = linalg.fill ins(%cst : f32) outs(%76 : tensor<9x2048x1xf32>) -> tensor<9x2048x1xf32>
    %78 = linalg.generic {indexing_maps = [#map5, #map10], iterator_types = ["parallel", "parallel", "reduction"]} ins(%75 : tensor<9x2048x2048xf32>) outs(%77 : tensor<9x2048x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %177 = arith.addf %in, %out : f32
      linalg.yield %177 : f32
    } -> tensor<9x2048x1xf32>
    %79 = linalg.generic {indexing_maps = [#map5, #map10, #map5], iterator_types = ["parallel", "parallel", "parallel"]} ins(%75, %78 : tensor<9x2048x2048xf32>, tensor<9x2048x1xf32>) outs(%61 : tensor<9x2048x2048xf32>) {
    ^bb0(%in: f32, %in_57: f32, %out: f32):
      %177 = arith.divf %in, %in_57 : f32
      linalg.yield %177 : f32
    } -> tensor<9x2048x2048xf32>
    %80 = linalg.generic {indexing_maps = [#map5, #map5], iterator_types = ["parallel", "parallel", "parallel"]} ins(%79 : tensor<9x2048x2048xf32>) outs(%64 : tensor<9x2048x2048xf16>) {
    ^bb0(%in: f32, %out: f16):
      %177 = arith.truncf %in : f32 to f16
      linalg.yield %177 : f16
    } -> tensor<9x2048x2048xf16>
    %81 = tensor.empty() : tensor<9x2048x64xf32>
    %82 = linalg.fill ins(%cst : f32) outs(%81 : tensor<9x2048x64xf32>) -> tensor<9x2048x64xf32>
    %83 = linalg.batch_matmul ins(%80, %collapsed_23 : tensor<9x2048x2048xf16>, tensor<9x2048x64xf16>) outs(%82 : tensor<9x2048x64xf32>) -> tensor<9x2048x64xf32>
    %84 = linalg.generic {indexing_maps = [#map5, #map5], iterator_types = ["parallel", "parallel", "parallel"]} ins(%83 : tensor<9x2048x64xf32>) outs(%37 : tensor<9x2048x64xf16>) {
    ^bb0(%in: f32, %out: f16):
      %177 = arith.truncf %in : f32 to f16
      linalg.yield %177 : f16
    } -> tensor<9x2048x64xf16>
    %85 = tensor.empty() : tensor<2048x9x64xf16>
    %transposed_26 = linalg.transpose ins(%84 : tensor<9x2048x64xf16>) outs(%85 : tensor<2048x9x64xf16>) permutation = [1, 0, 2] 
    %collapsed_27 = tensor.collapse_shape %transposed_26 [[0], [1, 2]] : tensor<2048x9x64xf16> into tensor<2048x576xf16>
    %transposed_28 = linalg.transpose ins(%arg5 : tensor<576x576xf16>) outs(%33 : tensor<576x576xf16>) permutation = [1, 0] 
    %86 = linalg.matmul ins(%collapsed_27, %transposed_28 : tensor<2048x576xf16>, tensor<576x576xf16>) outs(%34 : tensor<2048x576xf32>) -> tensor<2048x576xf32>
    %87 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%86 : tensor<2048x576xf32>) outs(%30 : tensor<2048x576xf16>) {
    ^bb0(%in: f32, %out: f16):
      %177 = arith.truncf %in : f32 to f16
      linalg.yield %177 : f16
    } -> tensor<2048x576xf16>
    %88 = linalg.generic {indexing_maps = [#map3, #map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%arg0, %87 : tensor<2048x576xf16>, tensor<2048x576xf16>) outs(%30 : tensor<2048x576xf16>) {
    ^bb0(%in: f16, %in_57: f16, %out: f16):
      %177 = arith.addf %in, %in_57 : f16
      linalg.yield %177 : f16
    } -> tensor<2048x576xf16>
    %89 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%88 : tensor<2048x576xf16>) outs(%20 : tensor<2048x576xf32>) {
    ^bb0(%in: f16, %out: f32):
      %177 = arith.extf %in : f16 to f32
      linalg.yield %177 : f32
    } -> tensor<2048x576xf32>
    %90 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%89 : tensor<2048x576xf32>) outs(%20 : tensor<2048x576xf32>) {
    ^bb0(%in: f32, %out: f32):
      %177 = math.fpowi %in, %c2_i64 : f32, i64
      linalg.yield %177 : f32
    } -> tensor<2048x576xf32>
    %91 = linalg.generic {indexing_maps = [#map3, #map1], iterator_types = ["parallel", "reduction"]} ins(%90 : tensor<2048x576xf32>) outs(%24 : tensor<2048x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %177 = arith.addf %in, %out : f32
      linalg.yield %177 : f32
    } -> tensor<2048x1xf32>
    %92 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%91 : tensor<2048x1xf32>) outs(%23 : tensor<2048x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %177 = arith.divf %in, %cst_7 : f32
      linalg.yield %177 : f32
    } -> tensor<2048x1xf32>
    %93 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%92 : tensor<2048x1xf32>) outs(%23 : tensor<2048x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %177 = arith.truncf %cst_2 : f64 to f32
      %178 = arith.addf %in, %177 : f32
      linalg.yield %178 : f32
    } -> tensor<2048x1xf32>
    %94 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%93 : tensor<2048x1xf32>) outs(%23 : tensor<2048x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %177 = math.rsqrt %in : f32
      linalg.yield %177 : f32
    } -> tensor<2048x1xf32>
    %95 = linalg.generic {indexing_maps = [#map3, #map1, #map3], iterator_types = ["parallel", "parallel"]} ins(%89, %94 : tensor<2048x576xf32>, tensor<2048x1xf32>) outs(%20 : tensor<2048x576xf32>) {
    ^bb0(%in: f32, %in_57: f32, %out: f32):
      %177 = arith.mulf %in, %in_57 : f32
      linalg.yield %177 : f32
    } -> tensor<2048x576xf32>
    %96 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%95 : tensor<2048x576xf32>) outs(%30 : tensor<2048x576xf16>) {
    ^bb0(%in: f32, %out: f16):
      %177 = arith.truncf %in : f32 to f16
      linalg.yield %177 : f16
    } -> tensor<2048x576xf16>
    %97 = linalg.generic {indexing_maps = [#map3, #map2, #map3], iterator_types = ["parallel", "parallel"]} ins(%96, %arg6 : tensor<2048x576xf16>, tensor<576xf16>) outs(%30 : tensor<2048x576xf16>) {
    ^bb0(%in: f16, %in_57: f16, %out: f16):
      %177 = arith.mulf %in, %in_57 : f16
      linalg.yield %177 : f16
    } -> tensor<2048x576xf16>
    %98 = tensor.empty() : tensor<576x1536xf16>
    %transposed_29 = linalg.transpose ins(%arg7 : tensor<1536x576xf16>) outs(%98 : tensor<576x1536xf16>) permutation = [1, 0] 
    %99 = tensor.empty() : tensor<2048x1536xf32>
    %100 = linalg.fill ins(%cst : f32) outs(%99 : tensor<2048x1536xf32>) -> tensor<2048x1536xf32>
    %101 = linalg.matmul ins(%97, %transposed_29 : tensor<2048x576xf16>, tensor<576x1536xf16>) outs(%100 : tensor<2048x1536xf32>) -> tensor<2048x1536xf32>
    %102 = tensor.empty() : tensor<2048x1536xf16>
    %103 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%101 : tensor<2048x1536xf32>) outs(%102 : tensor<2048x1536xf16>) {
    ^bb0(%in: f32, %out: f16):
      %177 = arith.truncf %in : f32 to f16
      linalg.yield %177 : f16
    } -> tensor<2048x1536xf16>
    %104 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%103 : tensor<2048x1536xf16>) outs(%99 : tensor<2048x1536xf32>) {
    ^bb0(%in: f16, %out: f32):
      %177 = arith.extf %in : f16 to f32
      linalg.yield %177 : f32
    } -> tensor<2048x1536xf32>
    %105 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%104 : tensor<2048x1536xf32>) outs(%99 : tensor<2048x1536xf32>) {
    ^bb0(%in: f32, %out: f32):
      %177 = arith.negf %in : f32
      %178 = math.exp %177 : f32
      %179 = arith.addf %178, %cst_0 : f32
      %180 = arith.divf %cst_0, %179 : f32
      linalg.yield %180 : f32
    } -> tensor<2048x1536xf32>
    %106 = linalg.generic {indexing_maps = [#map3, #map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%104, %105 : tensor<2048x1536xf32>, tensor<2048x1536xf32>) outs(%99 : tensor<2048x1536xf32>) {
    ^bb0(%in: f32, %in_57: f32, %out: f32):
      %177 = arith.mulf %in, %in_57 : f32
      linalg.yield %177 : f32
    } -> tensor<2048x1536xf32>
    %107 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%106 : tensor<2048x1536xf32>) outs(%102 : tensor<2048x1536xf16>) {
    ^bb0(%in: f32, %out: f16):
      %177 = arith.truncf %in : f32 to f16
      linalg.yield %177 : f16
    } -> tensor<2048x1536xf16>
    %transposed_30 = linalg.transpose ins(%arg8 : tensor<1536x576xf16>) outs(%98 : tensor<576x1536xf16>) permutation = [1, 0] 
    %108 = linalg.matmul ins(%97, %transposed_30 : tensor<2048x576xf16>, tensor<576x1536xf16>) outs(%100 : tensor<2048x1536xf32>) -> tensor<2048x1536xf32>
    %109 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%108 : tensor<2048x1536xf32>) outs(%102 : tensor<2048x1536xf16>) {
    ^bb0(%in: f32, %out: f16):
      %177 = arith.truncf %in : f32 to f16
      linalg.yield %177 : f16
    } -> tensor<2048x1536xf16>
    %110 = linalg.generic {indexing_maps = [#map3, #map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%107, %109 : tensor<2048x1536xf16>, tensor<2048x1536xf16>) outs(%102 : tensor<2048x1536xf16>) {
    ^bb0(%in: f16, %in_57: f16, %out: f16):
      %177 = arith.mulf %in, %in_57 : f16
      linalg.yield %177 : f16
    } -> tensor<2048x1536xf16>
    %111 = tensor.empty() : tensor<1536x576xf16>
    %transposed_31 = linalg.transpose ins(%arg9 : tensor<576x1536xf16>) outs(%111 : tensor<1536x576xf16>) permutation = [1, 0] 
    %112 = linalg.matmul ins(%110, %transposed_31 : tensor<2048x1536xf16>, tensor<1536x576xf16>) outs(%34 : tensor<2048x576xf32>) -> tensor<2048x576xf32>
    %113 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%112 : tensor<2048x576xf32>) outs(%30 : tensor<2048x576xf16>) {
    ^bb0(%in: f32, %out: f16):
      %177 = arith.truncf %in : f32 to f16
      linalg.yield %177 : f16
    } -> tensor<2048x576xf16>
    %114 = linalg.generic {indexing_maps = [#map3, #map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%88, %113 : tensor<2048x576xf16>, tensor<2048x576xf16>) outs(%30 : tensor<2048x576xf16>) {
    ^bb0(%in: f16, %in_57: f16, %out: f16):
      %177 = arith.addf %in, %in_57 : f16
      linalg.yield %177 : f16
    } -> tensor<2048x576xf16>
    %115 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%114 : tensor<2048x576xf16>) outs(%20 : tensor<2048x576xf32>) {
    ^bb0(%in: f16, %out: f32):
      %177 = arith.extf %in : f16 to f32
      linalg.yield %177 : f32
    } -> tensor<2048x576xf32>
    %116 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%115 : tensor<2048x576xf32>) outs(%20 : tensor<2048x576xf32>) {
    ^bb0(%in: f32, %out: f32):
      %177 = math.fpowi %in, %c2_i64 : f32, i64
      linalg.yield %177 : f32
    } -> tensor<2048x576xf32>
    %117 = linalg.generic {indexing_maps = [#map3, #map1], iterator_types = ["parallel", "reduction"]} ins(%116 : tensor<2048x576xf32>) outs(%24 : tensor<2048x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %177 = arith.addf %in, %out : f32
      linalg.yield %177 : f32
    } -> tensor<2048x1xf32>
    %118 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%117 : tensor<2048x1xf32>) outs(%23 : tensor<2048x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %177 = arith.divf %in, %cst_7 : f32
      linalg.yield %177 : f32
    } -> tensor<2048x1xf32>
    %119 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%118 : tensor<2048x1xf32>) outs(%23 : tensor<2048x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %177 = arith.truncf %cst_2 : f64 to f32
      %178 = arith.addf %in, %177 : f32
      linalg.yield %178 : f32
    } -> tensor<2048x1xf32>
    %120 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%119 : tensor<2048x1xf32>) outs(%23 : tensor<2048x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %177 = math.rsqrt %in : f32
      linalg.yield %177 : f32
    } -> tensor<2048x1xf32>
    %121 = linalg.generic {indexing_maps = [#map3, #map1, #map3], iterator_types = ["parallel", "parallel"]} ins(%115, %120 : tensor<2048x576xf32>, tensor<2048x1xf32>) outs(%20 : tensor<2048x576xf32>) {
    ^bb0(%in: f32, %in_57: f32, %out: f32):
      %177 = arith.mulf %in, %in_57 : f32
      linalg.yield %177 : f32
    } -> tensor<2048x576xf32>
    %122 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%121 : tensor<2048x576xf32>) outs(%30 : tensor<2048x576xf16>) {
    ^bb0(%in: f32, %out: f16):
      %177 = arith.truncf %in : f32 to f16
      linalg.yield %177 : f16
    } -> tensor<2048x576xf16>
    %123 = linalg.generic {indexing_maps = [#map3, #map2, #map3], iterator_types = ["parallel", "parallel"]} ins(%122, %arg10 : tensor<2048x576xf16>, tensor<576xf16>) outs(%30 : tensor<2048x576xf16>) {
    ^bb0(%in: f16, %in_57: f16, %out: f16):
      %177 = arith.mulf %in, %in_57 : f16
      linalg.yield %177 : f16
    } -> tensor<2048x576xf16>
    %transposed_32 = linalg.transpose ins(%arg11 : tensor<576x576xf16>) outs(%33 : tensor<576x576xf16>) permutation = [1, 0] 
    %124 = linalg.matmul ins(%123, %transposed_32 : tensor<2048x576xf16>, tensor<576x576xf16>) outs(%34 : tensor<2048x576xf32>) -> tensor<2048x576xf32>
    %125 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%124 : tensor<2048x576xf32>) outs(%30 : tensor<2048x576xf16>) {
    ^bb0(%in: f32, %out: f16):
      %177 = arith.truncf %in : f32 to f16
      linalg.yield %177 : f16
    } -> tensor<2048x576xf16>
    %expanded_33 = tensor.expand_shape %125 [[0], [1, 2]] output_shape [2048, 9, 64] : tensor<2048x576xf16> into tensor<2048x9x64xf16>
    %transposed_34 = linalg.transpose ins(%expanded_33 : tensor<2048x9x64xf16>) outs(%37 : tensor<9x2048x64xf16>) permutation = [1, 0, 2] 
    %transposed_35 = linalg.transpose ins(%arg12 : tensor<192x576xf16>) outs(%38 : tensor<576x192xf16>) permutation = [1, 0] 
    %126 = linalg.matmul ins(%123, %transposed_35 : tensor<2048x576xf16>, tensor<576x192xf16>) outs(%40 : tensor<2048x192xf32>) -> tensor<2048x192xf32>
    %127 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%126 : tensor<2048x192xf32>) outs(%42 : tensor<2048x192xf16>) {
    ^bb0(%in: f32, %out: f16):
      %177 = arith.truncf %in : f32 to f16
      linalg.yield %177 : f16
    } -> tensor<2048x192xf16>
    %expanded_36 = tensor.expand_shape %127 [[0], [1, 2]] output_shape [2048, 3, 64] : tensor<2048x192xf16> into tensor<2048x3x64xf16>
    %transposed_37 = linalg.transpose ins(%expanded_36 : tensor<2048x3x64xf16>) outs(%44 : tensor<3x2048x64xf16>) permutation = [1, 0, 2] 
    %transposed_38 = linalg.transpose ins(%arg13 : tensor<192x576xf16>) outs(%38 : tensor<576x192xf16>) permutation = [1, 0] 
    %128 = linalg.matmul ins(%123, %transposed_38 : tensor<2048x576xf16>, tensor<576x192xf16>) outs(%40 : tensor<2048x192xf32>) -> tensor<2048x192xf32>
    %129 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%128 : tensor<2048x192xf32>) outs(%42 : tensor<2048x192xf16>) {
    ^bb0(%in: f32, %out: f16):
      %177 = arith.truncf %in : f32 to f16
      linalg.yield %177 : f16
    } -> tensor<2048x192xf16>
    %expanded_39 = tensor.expand_shape %129 [[0], [1, 2]] output_shape [2048, 3, 64] : tensor<2048x192xf16> into tensor<2048x3x64xf16>
    %transposed_40 = linalg.transpose ins(%expanded_39 : tensor<2048x3x64xf16>) outs(%44 : tensor<3x2048x64xf16>) permutation = [1, 0, 2] 
    %130 = linalg.generic {indexing_maps = [#map5, #map6, #map5], iterator_types = ["parallel", "parallel", "parallel"]} ins(%transposed_34, %12 : tensor<9x2048x64xf16>, tensor<2048x64xf16>) outs(%37 : tensor<9x2048x64xf16>) {
    ^bb0(%in: f16, %in_57: f16, %out: f16):
      %177 = arith.mulf %in, %in_57 : f16
      linalg.yield %177 : f16
    } -> tensor<9x2048x64xf16>
    %extracted_slice_41 = tensor.extract_slice %transposed_34[0, 0, 32] [9, 2048, 32] [1, 1, 1] : tensor<9x2048x64xf16> to tensor<9x2048x32xf16>
    %131 = linalg.generic {indexing_maps = [#map5, #map5], iterator_types = ["parallel", "parallel", "parallel"]} ins(%extracted_slice_41 : tensor<9x2048x32xf16>) outs(%48 : tensor<9x2048x32xf16>) {
    ^bb0(%in: f16, %out: f16):
      %177 = arith.negf %in : f16
      linalg.yield %177 : f16
    } -> tensor<9x2048x32xf16>
    %extracted_slice_42 = tensor.extract_slice %transposed_34[0, 0, 0] [9, 2048, 32] [1, 1, 1] : tensor<9x2048x64xf16> to tensor<9x2048x32xf16>
    %concat_43 = tensor.concat dim(2) %131, %extracted_slice_42 : (tensor<9x2048x32xf16>, tensor<9x2048x32xf16>) -> tensor<9x2048x64xf16>
    %132 = linalg.generic {indexing_maps = [#map5, #map6, #map5], iterator_types = ["parallel", "parallel", "parallel"]} ins(%concat_43, %14 : tensor<9x2048x64xf16>, tensor<2048x64xf16>) outs(%37 : tensor<9x2048x64xf16>) {
    ^bb0(%in: f16, %in_57: f16, %out: f16):
      %177 = arith.mulf %in, %in_57 : f16
      linalg.yield %177 : f16
    } -> tensor<9x2048x64xf16>
    %133 = linalg.generic {indexing_maps = [#map5, #map5, #map5], iterator_types = ["parallel", "parallel", "parallel"]} ins(%130, %132 : tensor<9x2048x64xf16>, tensor<9x2048x64xf16>) outs(%37 : tensor<9x2048x64xf16>) {
    ^bb0(%in: f16, %in_57: f16, %out: f16):
      %177 = arith.addf %in, %in_57 : f16
      linalg.yield %177 : f16
    } -> tensor<9x2048x64xf16>
    %134 = linalg.generic {indexing_maps = [#map5, #map6, #map5], iterator_types = ["parallel", "parallel", "parallel"]} ins(%transposed_37, %12 : tensor<3x2048x64xf16>, tensor<2048x64xf16>) outs(%44 : tensor<3x2048x64xf16>) {
    ^bb0(%in: f16, %in_57: f16, %out: f16):
      %177 = arith.mulf %in, %in_57 : f16
      linalg.yield %177 : f16
    } -> tensor<3x2048x64xf16>
    %extracted_slice_44 = tensor.extract_slice %transposed_37[0, 0, 32] [3, 2048, 32] [1, 1, 1] : tensor<3x2048x64xf16> to tensor<3x2048x32xf16>
    %135 = linalg.generic {indexing_maps = [#map5, #map5], iterator_types = ["parallel", "parallel", "parallel"]} ins(%extracted_slice_44 : tensor<3x2048x32xf16>) outs(%53 : tensor<3x2048x32xf16>) {
    ^bb0(%in: f16, %out: f16):
      %177 = arith.negf %in : f16
      linalg.yield %177 : f16
    } -> tensor<3x2048x32xf16>
    %extracted_slice_45 = tensor.extract_slice %transposed_37[0, 0, 0] [3, 2048, 32] [1, 1, 1] : tensor<3x2048x64xf16> to tensor<3x2048x32xf16>
    %concat_46 = tensor.concat dim(2) %135, %extracted_slice_45 : (tensor<3x2048x32xf16>, tensor<3x2048x32xf16>) -> tensor<3x2048x64xf16>
    %136 = linalg.generic {indexing_maps = [#map5, #map6, #map5], iterator_types = ["parallel", "parallel", "parallel"]} ins(%concat_46, %14 : tensor<3x2048x64xf16>, tensor<2048x64xf16>) outs(%44 : tensor<3x2048x64xf16>) {
    ^bb0(%in: f16, %in_57: f16, %out: f16):
      %177 = arith.mulf %in, %in_57 : f16
      linalg.yield %177 : f16
    } -> tensor<3x2048x64xf16>
    %137 = linalg.generic {indexing_maps = [#map5, #map5, #map5], iterator_types = ["parallel", "parallel", "parallel"]} ins(%134, %136 : tensor<3x2048x64xf16>, tensor<3x2048x64xf16>) outs(%44 : tensor<3x2048x64xf16>) {
    ^bb0(%in: f16, %in_57: f16, %out: f16):
      %177 = arith.addf %in, %in_57 : f16
      linalg.yield %177 : f16
    } -> tensor<3x2048x64xf16>
    %138 = linalg.generic {indexing_maps = [#map7, #map8], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%137 : tensor<3x2048x64xf16>) outs(%57 : tensor<3x3x2048x64xf16>) {
    ^bb0(%in: f16, %out: f16):
      linalg.yield %in : f16
    } -> tensor<3x3x2048x64xf16>
    %collapsed_47 = tensor.collapse_shape %138 [[0, 1], [2], [3]] : tensor<3x3x2048x64xf16> into tensor<9x2048x64xf16>
    %139 = linalg.generic {indexing_maps = [#map7, #map8], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%transposed_40 : tensor<3x2048x64xf16>) outs(%57 : tensor<3x3x2048x64xf16>) {
    ^bb0(%in: f16, %out: f16):
      linalg.yield %in : f16
    } -> tensor<3x3x2048x64xf16>
    %collapsed_48 = tensor.collapse_shape %139 [[0, 1], [2], [3]] : tensor<3x3x2048x64xf16> into tensor<9x2048x64xf16>
    %transposed_49 = linalg.transpose ins(%collapsed_47 : tensor<9x2048x64xf16>) outs(%60 : tensor<9x64x2048xf16>) permutation = [0, 2, 1] 
    %140 = linalg.batch_matmul ins(%133, %transposed_49 : tensor<9x2048x64xf16>, tensor<9x64x2048xf16>) outs(%62 : tensor<9x2048x2048xf32>) -> tensor<9x2048x2048xf32>
    %141 = linalg.generic {indexing_maps = [#map5, #map5], iterator_types = ["parallel", "parallel", "parallel"]} ins(%140 : tensor<9x2048x2048xf32>) outs(%64 : tensor<9x2048x2048xf16>) {
    ^bb0(%in: f32, %out: f16):
      %177 = arith.truncf %in : f32 to f16
      linalg.yield %177 : f16
    } -> tensor<9x2048x2048xf16>
    %142 = linalg.generic {indexing_maps = [#map5, #map5], iterator_types = ["parallel", "parallel", "parallel"]} ins(%141 : tensor<9x2048x2048xf16>) outs(%64 : tensor<9x2048x2048xf16>) {
    ^bb0(%in: f16, %out: f16):
      %177 = arith.divf %in, %cst_8 : f16
      linalg.yield %177 : f16
    } -> tensor<9x2048x2048xf16>
    %143 = linalg.generic {indexing_maps = [#map5, #map6, #map5], iterator_types = ["parallel", "parallel", "parallel"]} ins(%142, %19 : tensor<9x2048x2048xf16>, tensor<2048x2048xf16>) outs(%64 : tensor<9x2048x2048xf16>) {
    ^bb0(%in: f16, %in_57: f16, %out: f16):
      %177 = arith.addf %in, %in_57 : f16
      linalg.yield %177 : f16
    } -> tensor<9x2048x2048xf16>
    %144 = linalg.generic {indexing_maps = [#map5, #map5], iterator_types = ["parallel", "parallel", "parallel"]} ins(%143 : tensor<9x2048x2048xf16>) outs(%61 : tensor<9x2048x2048xf32>) {
    ^bb0(%in: f16, %out: f32):
      %177 = arith.extf %in : f16 to f32
      linalg.yield %177 : f32
    } -> tensor<9x2048x2048xf32>
    %145:2 = linalg.generic {indexing_maps = [#map5, #map9, #map9], iterator_types = ["parallel", "parallel", "reduction"]} ins(%144 : tensor<9x2048x2048xf32>) outs(%72, %70 : tensor<9x2048xf32>, tensor<9x2048xi64>) {
    ^bb0(%in: f32, %out: f32, %out_57: i64):
      %177 = linalg.index 2 : index
      %178 = arith.index_cast %177 : index to i64
      %179 = arith.maximumf %in, %out : f32
      %180 = arith.cmpf ogt, %in, %out : f32
      %181 = arith.select %180, %178, %out_57 : i64
      linalg.yield %179, %181 : f32, i64
    } -> (tensor<9x2048xf32>, tensor<9x2048xi64>)
    %expanded_50 = tensor.expand_shape %145#0 [[0], [1, 2]] output_shape [9, 2048, 1] : tensor<9x2048xf32> into tensor<9x2048x1xf32>
    %146 = linalg.generic {indexing_maps = [#map5, #map10, #map5], iterator_types = ["parallel", "parallel", "parallel"]} ins(%144, %expanded_50 : tensor<9x2048x2048xf32>, tensor<9x2048x1xf32>) outs(%61 : tensor<9x2048x2048xf32>) {
    ^bb0(%in: f32, %in_57: f32, %out: f32):
      %177 = arith.subf %in, %in_57 : f32
      linalg.yield %177 : f32
    } -> tensor<9x2048x2048xf32>
    %147 = linalg.generic {indexing_maps = [#map5, #map5], iterator_types = ["parallel", "parallel", "parallel"]} ins(%146 : tensor<9x2048x2048xf32>) outs(%61 : tensor<9x2048x2048xf32>) {
    ^bb0(%in: f32, %out: f32):
      %177 = math.exp %in : f32
      linalg.yield %177 : f32
    } -> tensor<9x2048x2048xf32>
    %148 = linalg.generic {indexing_maps = [#map5, #map10], iterator_types = ["parallel", "parallel", "reduction"]} ins(%147 : tensor<9x2048x2048xf32>) outs(%77 : tensor<9x2048x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %177 = arith.addf %in, %out : f32
      linalg.yield %177 : f32
    } -> tensor<9x2048x1xf32>
    %149 = linalg.generic {indexing_maps = [#map5, #map10, #map5], iterator_types = ["parallel", "parallel", "parallel"]} ins(%147, %148 : tensor<9x2048x2048xf32>, tensor<9x2048x1xf32>) outs(%61 : tensor<9x2048x2048xf32>) {
    ^bb0(%in: f32, %in_57: f32, %out: f32):
      %177 = arith.divf %in, %in_57 : f32
      linalg.yield %177 : f32
    } -> tensor<9x2048x2048xf32>
    %150 = linalg.generic {indexing_maps = [#map5, #map5], iterator_types = ["parallel", "parallel", "parallel"]} ins(%149 : tensor<9x2048x2048xf32>) outs(%64 : tensor<9x2048x2048xf16>) {
    ^bb0(%in: f32, %out: f16):
      %177 = arith.truncf %in : f32 to f16
      linalg.yield %177 : f16
    } -> tensor<9x2048x2048xf16>
    %151 = linalg.batch_matmul ins(%150, %collapsed_48 : tensor<9x2048x2048xf16>, tensor<9x2048x64xf16>) outs(%82 : tensor<9x2048x64xf32>) -> tensor<9x2048x64xf32>
    %152 = linalg.generic {indexing_maps = [#map5, #map5], iterator_types = ["parallel", "parallel", "parallel"]} ins(%151 : tensor<9x2048x64xf32>) outs(%37 : tensor<9x2048x64xf16>) {
    ^bb0(%in: f32, %out: f16):
      %177 = arith.truncf %in : f32 to f16
      linalg.yield %177 : f16
    } -> tensor<9x2048x64xf16>
    %transposed_51 = linalg.transpose ins(%152 : tensor<9x2048x64xf16>) outs(%85 : tensor<2048x9x64xf16>) permutation = [1, 0, 2] 
    %collapsed_52 = tensor.collapse_shape %transposed_51 [[0], [1, 2]] : tensor<2048x9x64xf16> into tensor<2048x576xf16>
    %transposed_53 = linalg.transpose ins(%arg14 : tensor<576x576xf16>) outs(%33 : tensor<576x576xf16>) permutation = [1, 0] 
    %153 = linalg.matmul ins(%collapsed_52, %transposed_53 : tensor<2048x576xf16>, tensor<576x576xf16>) outs(%34 : tensor<2048x576xf32>) -> tensor<2048x576xf32>
    %154 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%153 : tensor<2048x576xf32>) outs(%30 : tensor<2048x576xf16>) {
    ^bb0(%in: f32, %out: f16):
      %177 = arith.truncf %in : f32 to f16
      linalg.yield %177 : f16
    } -> tensor<2048x576xf16>
    %155 = linalg.generic {indexing_maps = [#map3, #map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%114, %154 : tensor<2048x576xf16>, tensor<2048x576xf16>) outs(%30 : tensor<2048x576xf16>) {
    ^bb0(%in: f16, %in_57: f16, %out: f16):
      %177 = arith.addf %in, %in_57 : f16
      linalg.yield %177 : f16
    } -> tensor<2048x576xf16>
    %156 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%155 : tensor<2048x576xf16>) outs(%20 : tensor<2048x576xf32>) {
    ^bb0(%in: f16, %out: f32):
      %177 = arith.extf %in : f16 to f32
      linalg.yield %177 : f32
    } -> tensor<2048x576xf32>
    %157 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%156 : tensor<2048x576xf32>) outs(%20 : tensor<2048x576xf32>) {
    ^bb0(%in: f32, %out: f32):
      %177 = math.fpowi %in, %c2_i64 : f32, i64
      linalg.yield %177 : f32
    } -> tensor<2048x576xf32>
    %158 = linalg.generic {indexing_maps = [#map3, #map1], iterator_types = ["parallel", "reduction"]} ins(%157 : tensor<2048x576xf32>) outs(%24 : tensor<2048x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %177 = arith.addf %in, %out : f32
      linalg.yield %177 : f32
    } -> tensor<2048x1xf32>
    %159 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%158 : tensor<2048x1xf32>) outs(%23 : tensor<2048x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %177 = arith.divf %in, %cst_7 : f32
      linalg.yield %177 : f32
    } -> tensor<2048x1xf32>
    %160 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%159 : tensor<2048x1xf32>) outs(%23 : tensor<2048x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %177 = arith.truncf %cst_2 : f64 to f32
      %178 = arith.addf %in, %177 : f32
      linalg.yield %178 : f32
    } -> tensor<2048x1xf32>
    %161 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%160 : tensor<2048x1xf32>) outs(%23 : tensor<2048x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %177 = math.rsqrt %in : f32
      linalg.yield %177 : f32
    } -> tensor<2048x1xf32>
    %162 = linalg.generic {indexing_maps = [#map3, #map1, #map3], iterator_types = ["parallel", "parallel"]} ins(%156, %161 : tensor<2048x576xf32>, tensor<2048x1xf32>) outs(%20 : tensor<2048x576xf32>) {
    ^bb0(%in: f32, %in_57: f32, %out: f32):
      %177 = arith.mulf %in, %in_57 : f32
      linalg.yield %177 : f32
    } -> tensor<2048x576xf32>
    %163 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%162 : tensor<2048x576xf32>) outs(%30 : tensor<2048x576xf16>) {
    ^bb0(%in: f32, %out: f16):
      %177 = arith.truncf %in : f32 to f16
      linalg.yield %177 : f16
    } -> tensor<2048x576xf16>
    %164 = linalg.generic {indexing_maps = [#map3, #map2, #map3], iterator_types = ["parallel", "parallel"]} ins(%163, %arg15 : tensor<2048x576xf16>, tensor<576xf16>) outs(%30 : tensor<2048x576xf16>) {
    ^bb0(%in: f16, %in_57: f16, %out: f16):
      %177 = arith.mulf %in, %in_57 : f16
      linalg.yield %177 : f16
    } -> tensor<2048x576xf16>
    %transposed_54 = linalg.transpose ins(%arg16 : tensor<1536x576xf16>) outs(%98 : tensor<576x1536xf16>) permutation = [1, 0] 
    %165 = linalg.matmul ins(%164, %transposed_54 : tensor<2048x576xf16>, tensor<576x1536xf16>) outs(%100 : tensor<2048x1536xf32>) -> tensor<2048x1536xf32>
    %166 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%165 : tensor<2048x1536xf32>) outs(%102 : tensor<2048x1536xf16>) {
    ^bb0(%in: f32, %out: f16):
      %177 = arith.truncf %in : f32 to f16
      linalg.yield %177 : f16
    } -> tensor<2048x1536xf16>
    %167 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%166 : tensor<2048x1536xf16>) outs(%99 : tensor<2048x1536xf32>) {
    ^bb0(%in: f16, %out: f32):
      %177 = arith.extf %in : f16 to f32
      linalg.yield %177 : f32
    } -> tensor<2048x1536xf32>
    %168 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%167 : tensor<2048x1536xf32>) outs(%99 : tensor<2048x1536xf32>) {
    ^bb0(%in: f32, %out: f32):
      %177 = arith.negf %in : f32
      %178 = math.exp %177 : f32
      %179 = arith.addf %178, %cst_0 : f32
      %180 = arith.divf %cst_0, %179 : f32
      linalg.yield %180 : f32
    } -> tensor<2048x1536xf32>
    %169 = linalg.generic {indexing_maps = [#map3, #map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%167, %168 : tensor<2048x1536xf32>, tensor<2048x1536xf32>) outs(%99 : tensor<2048x1536xf32>) {
    ^bb0(%in: f32, %in_57: f32, %out: f32):
      %177 = arith.mulf %in, %in_57 : f32
      linalg.yield %177 : f32
    } -> tensor<2048x1536xf32>
    %170 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%169 : tensor<2048x1536xf32>) outs(%102 : tensor<2048x1536xf16>) {
    ^bb0(%in: f32, %out: f16):
      %177 = arith.truncf %in : f32 to f16
      linalg.yield %177 : f16
    } -> tensor<2048x1536xf16>
    %transposed_55 = linalg.transpose ins(%arg17 : tensor<1536x576xf16>) outs(%98 : tensor<576x1536xf16>) permutation = [1, 0] 
    %171 = linalg.matmul ins(%164, %transposed_55 : tensor<2048x576xf16>, tensor<576x1536xf16>) outs(%100 : tensor<2048x1536xf32>) -> tensor<2048x1536xf32>
    %172 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%171 : tensor<2048x1536xf32>) outs(%102 : tensor<2048x1536xf16>) {
    ^bb0(%in: f32, %out: f16):
      %177 = arith.truncf %in : f32 to f16
      linalg.yield %177 : f16
    } -> tensor<2048x1536xf16>
    %173 = linalg.generic {indexing_maps = [#map3, #map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%170, %172 : tensor<2048x1536xf16>, tensor<2048x1536xf16>) outs(%102 : tensor<2048x1536xf16>) {
    ^bb0(%in: f16, %in_57: f16, %out: f16):
      %177 = arith.mulf %in, %in_57 : f16
      linalg.yield %177 : f16
    } -> tensor<2048x1536xf16>
    %transposed_56 = linalg.transpose ins(%arg18 : tensor<576x1536xf16>) outs(%111 : tensor<1536x576xf16>) permutation = [1, 0] 
    %174 = linalg.matmul ins(%173, %transposed_56 : tensor<2048x1536xf16>, tensor<1536x576xf16>) outs(%34 : tensor<2048x576xf32>) -> tensor<2048x576xf32>
    %175 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%174 : tensor<2048x576xf32>) outs(%30 : tensor<2048x576xf16>) {
    ^bb0(%in: f32, %out: f16):
      %177 = arith.truncf %in : f32 to f16
      linalg.yield %177 : f16
    } -> tensor<2048x576xf16>
    %176 = linalg.generic {indexing_maps = [#map3, #map3, #map3], iterator_types = ["parallel", "parallel"]} ins(%155, %175 : tensor<2048x576xf16>, tensor<2048x576xf16>) outs(%30 : tensor<2048x576xf16>) {
    ^bb0(%in: f16, %in_57: f16, %out: f16):
      %177 = arith.addf %in, %in_57 : f16
      linalg.yield %177 : f16
    } -> tensor<2048x576xf16>
    return %176 : tensor<2048x576xf16>
  }
}
