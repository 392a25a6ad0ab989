#map = affine_map<(d0, d1) -> (d0, d1)>
#map1 = affine_map<(d0, d1) -> (d0)>
#map2 = affine_map<(d0, d1) -> (d0, 0)>
#map3 = affine_map<(d0, d1) -> (d1)>
#map4 = affine_map<(d0, d1) -> (d1, d0)>
#map5 = affine_map<() -> ()>
#map6 = affine_map<(d0, d1) -> ()>
module @jit_calls {
  func.func public @main(%arg0: tensor<8x16xf32>, %arg1: tensor<2x16x16xf32>, %arg2: tensor<2x16x16xf32>, %arg3: tensor<2x16x16xf32>, %arg4: tensor<2x16x16xf32>, %arg5: tensor<2x16x32xf32>, %arg6: tensor<2x16x32xf32>, %arg7: tensor<2x32x16xf32>, %arg8: tensor<2x16xf32>, %arg9: tensor<2x16xf32>) -> tensor<8x16xf32> {
    %extracted_slice = tensor.extract_slice %arg1[0, 0, 0] [1, 16, 16] [1, 1, 1] : tensor<2x16x16xf32> to tensor<1x16x16xf32>
    %collapsed = tensor.collapse_shape %extracted_slice [[0, 1], [2]] : tensor<1x16x16xf32> into tensor<16x16xf32>
    %extracted_slice_0 = tensor.extract_slice %arg2[0, 0, 0] [1, 16, 16] [1, 1, 1] : tensor<2x16x16xf32> to tensor<1x16x16xf32>
    %collapsed_1 = tensor.collapse_shape %extracted_slice_0 [[0, 1], [2]] : tensor<1x16x16xf32> into tensor<16x16xf32>
    %extracted_slice_2 = tensor.extract_slice %arg3[0, 0, 0] [1, 16, 16] [1, 1, 1] : tensor<2x16x16xf32> to tensor<1x16x16xf32>
    %collapsed_3 = tensor.collapse_shape %extracted_slice_2 [[0, 1], [2]] : tensor<1x16x16xf32> into tensor<16x16xf32>
    %extracted_slice_4 = tensor.extract_slice %arg4[0, 0, 0] [1, 16, 16] [1, 1, 1] : tensor<2x16x16xf32> to tensor<1x16x16xf32>
    %collapsed_5 = tensor.collapse_shape %extracted_slice_4 [[0, 1], [2]] : tensor<1x16x16xf32> into tensor<16x16xf32>
    %extracted_slice_6 = tensor.extract_slice %arg5[0, 0, 0] [1, 16, 32] [1, 1, 1] : tensor<2x16x32xf32> to tensor<1x16x32xf32>
    %collapsed_7 = tensor.collapse_shape %extracted_slice_6 [[0, 1], [2]] : tensor<1x16x32xf32> into tensor<16x32xf32>
    %extracted_slice_8 = tensor.extract_slice %arg6[0, 0, 0] [1, 16, 32] [1, 1, 1] : tensor<2x16x32xf32> to tensor<1x16x32xf32>
    %collapsed_9 = tensor.collapse_shape %extracted_slice_8 [[0, 1], [2]] : tensor<1x16x32xf32> into tensor<16x32xf32>
    %extracted_slice_10 = tensor.extract_slice %arg7[0, 0, 0] [1, 32, 16] [1, 1, 1] : tensor<2x32x16xf32> to tensor<1x32x16xf32>
    %collapsed_11 = tensor.collapse_shape %extracted_slice_10 [[0, 1], [2]] : tensor<1x32x16xf32> into tensor<32x16xf32>
    %extracted_slice_12 = tensor.extract_slice %arg8[0, 0] [1, 16] [1, 1] : tensor<2x16xf32> to tensor<1x16xf32>
    %collapsed_13 = tensor.collapse_shape %extracted_slice_12 [[0, 1]] : tensor<1x16xf32> into tensor<16xf32>
    %extracted_slice_14 = tensor.extract_slice %arg9[0, 0] [1, 16] [1, 1] : tensor<2x16xf32> to tensor<1x16xf32>
    %collapsed_15 = tensor.collapse_shape %extracted_slice_14 [[0, 1]] : tensor<1x16xf32> into tensor<16xf32>
    %0 = call @layer(%arg0, %collapsed, %collapsed_1, %collapsed_3, %collapsed_5, %collapsed_7, %collapsed_9, %collapsed_11, %collapsed_13, %collapsed_15) : (tensor<8x16xf32>, tensor<16x16xf32>, tensor<16x16xf32>, tensor<16x16xf32>, tensor<16x16xf32>, tensor<16x32xf32>, tensor<16x32xf32>, tensor<32x16xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<8x16xf32>
    %extracted_slice_16 = tensor.extract_slice %arg1[1, 0, 0] [1, 16, 16] [1, 1, 1] : tensor<2x16x16xf32> to tensor<1x16x16xf32>
    %collapsed_17 = tensor.collapse_shape %extracted_slice_16 [[0, 1], [2]] : tensor<1x16x16xf32> into tensor<16x16xf32>
    %extracted_slice_18 = tensor.extract_slice %arg2[1, 0, 0] [1, 16, 16] [1, 1, 1] : tensor<2x16x16xf32> to tensor<1x16x16xf32>
    %collapsed_19 = tensor.collapse_shape %extracted_slice_18 [[0, 1], [2]] : tensor<1x16x16xf32> into tensor<16x16xf32>
    %extracted_slice_20 = tensor.extract_slice %arg3[1, 0, 0] [1, 16, 16] [1, 1, 1] : tensor<2x16x16xf32> to tensor<1x16x16xf32>
    %collapsed_21 = tensor.collapse_shape %extracted_slice_20 [[0, 1], [2]] : tensor<1x16x16xf32> into tensor<16x16xf32>
    %extracted_slice_22 = tensor.extract_slice %arg4[1, 0, 0] [1, 16, 16] [1, 1, 1] : tensor<2x16x16xf32> to tensor<1x16x16xf32>
    %collapsed_23 = tensor.collapse_shape %extracted_slice_22 [[0, 1], [2]] : tensor<1x16x16xf32> into tensor<16x16xf32>
    %extracted_slice_24 = tensor.extract_slice %arg5[1, 0, 0] [1, 16, 32] [1, 1, 1] : tensor<2x16x32xf32> to tensor<1x16x32xf32>
    %collapsed_25 = tensor.collapse_shape %extracted_slice_24 [[0, 1], [2]] : tensor<1x16x32xf32> into tensor<16x32xf32>
    %extracted_slice_26 = tensor.extract_slice %arg6[1, 0, 0] [1, 16, 32] [1, 1, 1] : tensor<2x16x32xf32> to tensor<1x16x32xf32>
    %collapsed_27 = tensor.collapse_shape %extracted_slice_26 [[0, 1], [2]] : tensor<1x16x32xf32> into tensor<16x32xf32>
    %extracted_slice_28 = tensor.extract_slice %arg7[1, 0, 0] [1, 32, 16] [1, 1, 1] : tensor<2x32x16xf32> to tensor<1x32x16xf32>
    %collapsed_29 = tensor.collapse_shape %extracted_slice_28 [[0, 1], [2]] : tensor<1x32x16xf32> into tensor<32x16xf32>
    %extracted_slice_30 = tensor.extract_slice %arg8[1, 0] [1, 16] [1, 1] : tensor<2x16xf32> to tensor<1x16xf32>
    %collapsed_31 = tensor.collapse_shape %extracted_slice_30 [[0, 1]] : tensor<1x16xf32> into tensor<16xf32>
    %extracted_slice_32 = tensor.extract_slice %arg9[1, 0] [1, 16] [1, 1] : tensor<2x16xf32> to tensor<1x16xf32>
    %collapsed_33 = tensor.collapse_shape %extracted_slice_32 [[0, 1]] : tensor<1x16xf32> into tensor<16xf32>
    %1 = call @layer(%0, %collapsed_17, %collapsed_19, %collapsed_21, %collapsed_23, %collapsed_25, %collapsed_27, %collapsed_29, %collapsed_31, %collapsed_33) : (tensor<8x16xf32>, tensor<16x16xf32>, tensor<16x16xf32>, tensor<16x16xf32>, tensor<16x16xf32>, tensor<16x32xf32>, tensor<16x32xf32>, tensor<32x16xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<8x16xf32>
    return %1 : tensor<8x16xf32>
  }
  func.func private @layer(%arg0: tensor<8x16xf32>, %arg1: tensor<16x16xf32>, %arg2: tensor<16x16xf32>, %arg3: tensor<16x16xf32>, %arg4: tensor<16x16xf32>, %arg5: tensor<16x32xf32>, %arg6: tensor<16x32xf32>, %arg7: tensor<32x16xf32>, %arg8: tensor<16xf32>, %arg9: tensor<16xf32>) -> tensor<8x16xf32> {
    %cst = arith.constant 4.000000e+00 : f32
    %cst_0 = arith.constant 0xFF800000 : f32
    %cst_1 = arith.constant 9.99999974E-6 : f32
    %cst_2 = arith.constant 1.600000e+01 : f32
    %cst_3 = arith.constant 0.000000e+00 : f32
    %cst_4 = arith.constant dense<true> : tensor<8x8xi1>
    %cst_5 = arith.constant dense<-1.000000e+09> : tensor<f32>
    %0 = tensor.empty() : tensor<8x16xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0 : tensor<8x16xf32>) outs(%0 : tensor<8x16xf32>) {
    ^bb0(%in: f32, %out: f32):
      %98 = arith.mulf %in, %in : f32
      linalg.yield %98 : f32
    } -> tensor<8x16xf32>
    %2 = tensor.empty() : tensor<8xf32>
    %3 = linalg.fill ins(%cst_3 : f32) outs(%2 : tensor<8xf32>) -> tensor<8xf32>
    %4 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "reduction"]} ins(%1 : tensor<8x16xf32>) outs(%3 : tensor<8xf32>) {
    ^bb0(%in: f32, %out: f32):
      %98 = arith.addf %out, %in : f32
      linalg.yield %98 : f32
    } -> tensor<8xf32>
    %expanded = tensor.expand_shape %4 [[0, 1]] output_shape [8, 1] : tensor<8xf32> into tensor<8x1xf32>
    %5 = tensor.empty() : tensor<8x1xf32>
    %6 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%expanded : tensor<8x1xf32>) outs(%5 : tensor<8x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %98 = arith.divf %in, %cst_2 : f32
      linalg.yield %98 : f32
    } -> tensor<8x1xf32>
    %7 = tensor.empty() : tensor<8x1xf32>
    %8 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%6 : tensor<8x1xf32>) outs(%7 : tensor<8x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %98 = arith.addf %in, %cst_1 : f32
      linalg.yield %98 : f32
    } -> tensor<8x1xf32>
    %9 = tensor.empty() : tensor<8x1xf32>
    %10 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%8 : tensor<8x1xf32>) outs(%9 : tensor<8x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %98 = math.rsqrt %in : f32
      linalg.yield %98 : f32
    } -> tensor<8x1xf32>
    %11 = tensor.empty() : tensor<8x16xf32>
    %12 = linalg.generic {indexing_maps = [#map2, #map], iterator_types = ["parallel", "parallel"]} ins(%10 : tensor<8x1xf32>) outs(%11 : tensor<8x16xf32>) {
    ^bb0(%in: f32, %out: f32):
      linalg.yield %in : f32
    } -> tensor<8x16xf32>
    %13 = tensor.empty() : tensor<8x16xf32>
    %14 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0, %12 : tensor<8x16xf32>, tensor<8x16xf32>) outs(%13 : tensor<8x16xf32>) {
    ^bb0(%in: f32, %in_7: f32, %out: f32):
      %98 = arith.mulf %in, %in_7 : f32
      linalg.yield %98 : f32
    } -> tensor<8x16xf32>
    %15 = tensor.empty() : tensor<8x16xf32>
    %16 = linalg.generic {indexing_maps = [#map3, #map], iterator_types = ["parallel", "parallel"]} ins(%arg8 : tensor<16xf32>) outs(%15 : tensor<8x16xf32>) {
    ^bb0(%in: f32, %out: f32):
      linalg.yield %in : f32
    } -> tensor<8x16xf32>
    %17 = tensor.empty() : tensor<8x16xf32>
    %18 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%14, %16 : tensor<8x16xf32>, tensor<8x16xf32>) outs(%17 : tensor<8x16xf32>) {
    ^bb0(%in: f32, %in_7: f32, %out: f32):
      %98 = arith.mulf %in, %in_7 : f32
      linalg.yield %98 : f32
    } -> tensor<8x16xf32>
    %19 = tensor.empty() : tensor<8x16xf32>
    %20 = linalg.fill ins(%cst_3 : f32) outs(%19 : tensor<8x16xf32>) -> tensor<8x16xf32>
    %21 = linalg.matmul ins(%18, %arg1 : tensor<8x16xf32>, tensor<16x16xf32>) outs(%20 : tensor<8x16xf32>) -> tensor<8x16xf32>
    %22 = tensor.empty() : tensor<8x16xf32>
    %23 = linalg.fill ins(%cst_3 : f32) outs(%22 : tensor<8x16xf32>) -> tensor<8x16xf32>
    %24 = linalg.matmul ins(%18, %arg2 : tensor<8x16xf32>, tensor<16x16xf32>) outs(%23 : tensor<8x16xf32>) -> tensor<8x16xf32>
    %25 = tensor.empty() : tensor<8x16xf32>
    %26 = linalg.fill ins(%cst_3 : f32) outs(%25 : tensor<8x16xf32>) -> tensor<8x16xf32>
    %27 = linalg.matmul ins(%18, %arg3 : tensor<8x16xf32>, tensor<16x16xf32>) outs(%26 : tensor<8x16xf32>) -> tensor<8x16xf32>
    %28 = tensor.empty() : tensor<16x8xf32>
    %29 = linalg.generic {indexing_maps = [#map4, #map], iterator_types = ["parallel", "parallel"]} ins(%24 : tensor<8x16xf32>) outs(%28 : tensor<16x8xf32>) {
    ^bb0(%in: f32, %out: f32):
      linalg.yield %in : f32
    } -> tensor<16x8xf32>
    %30 = tensor.empty() : tensor<8x8xf32>
    %31 = linalg.fill ins(%cst_3 : f32) outs(%30 : tensor<8x8xf32>) -> tensor<8x8xf32>
    %32 = linalg.matmul ins(%21, %29 : tensor<8x16xf32>, tensor<16x8xf32>) outs(%31 : tensor<8x8xf32>) -> tensor<8x8xf32>
    %33 = tensor.empty() : tensor<f32>
    %34 = linalg.generic {indexing_maps = [#map5], iterator_types = []} outs(%33 : tensor<f32>) {
    ^bb0(%out: f32):
      linalg.yield %cst : f32
    } -> tensor<f32>
    %35 = tensor.empty() : tensor<8x8xf32>
    %36 = linalg.generic {indexing_maps = [#map6, #map], iterator_types = ["parallel", "parallel"]} ins(%34 : tensor<f32>) outs(%35 : tensor<8x8xf32>) {
    ^bb0(%in: f32, %out: f32):
      linalg.yield %in : f32
    } -> tensor<8x8xf32>
    %37 = tensor.empty() : tensor<8x8xf32>
    %38 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%32, %36 : tensor<8x8xf32>, tensor<8x8xf32>) outs(%37 : tensor<8x8xf32>) {
    ^bb0(%in: f32, %in_7: f32, %out: f32):
      %98 = arith.divf %in, %in_7 : f32
      linalg.yield %98 : f32
    } -> tensor<8x8xf32>
    %39 = call @tril(%cst_4) : (tensor<8x8xi1>) -> tensor<8x8xi1>
    %40 = call @_where(%39, %38, %cst_5) : (tensor<8x8xi1>, tensor<8x8xf32>, tensor<f32>) -> tensor<8x8xf32>
    %41 = tensor.empty() : tensor<8xf32>
    %42 = linalg.fill ins(%cst_0 : f32) outs(%41 : tensor<8xf32>) -> tensor<8xf32>
    %43 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "reduction"]} ins(%40 : tensor<8x8xf32>) outs(%42 : tensor<8xf32>) {
    ^bb0(%in: f32, %out: f32):
      %98 = arith.maximumf %out, %in : f32
      linalg.yield %98 : f32
    } -> tensor<8xf32>
    %44 = tensor.empty() : tensor<8x8xf32>
    %45 = linalg.generic {indexing_maps = [#map1, #map], iterator_types = ["parallel", "parallel"]} ins(%43 : tensor<8xf32>) outs(%44 : tensor<8x8xf32>) {
    ^bb0(%in: f32, %out: f32):
      linalg.yield %in : f32
    } -> tensor<8x8xf32>
    %46 = tensor.empty() : tensor<8x8xf32>
    %47 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%40, %45 : tensor<8x8xf32>, tensor<8x8xf32>) outs(%46 : tensor<8x8xf32>) {
    ^bb0(%in: f32, %in_7: f32, %out: f32):
      %98 = arith.subf %in, %in_7 : f32
      linalg.yield %98 : f32
    } -> tensor<8x8xf32>
    %48 = tensor.empty() : tensor<8x8xf32>
    %49 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%47 : tensor<8x8xf32>) outs(%48 : tensor<8x8xf32>) {
    ^bb0(%in: f32, %out: f32):
      %98 = math.exp %in : f32
      linalg.yield %98 : f32
    } -> tensor<8x8xf32>
    %50 = tensor.empty() : tensor<8xf32>
    %51 = linalg.fill ins(%cst_3 : f32) outs(%50 : tensor<8xf32>) -> tensor<8xf32>
    %52 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "reduction"]} ins(%49 : tensor<8x8xf32>) outs(%51 : tensor<8xf32>) {
    ^bb0(%in: f32, %out: f32):
      %98 = arith.addf %out, %in : f32
      linalg.yield %98 : f32
    } -> tensor<8xf32>
    %53 = tensor.empty() : tensor<8x8xf32>
    %54 = linalg.generic {indexing_maps = [#map1, #map], iterator_types = ["parallel", "parallel"]} ins(%52 : tensor<8xf32>) outs(%53 : tensor<8x8xf32>) {
    ^bb0(%in: f32, %out: f32):
      linalg.yield %in : f32
    } -> tensor<8x8xf32>
    %55 = tensor.empty() : tensor<8x8xf32>
    %56 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%49, %54 : tensor<8x8xf32>, tensor<8x8xf32>) outs(%55 : tensor<8x8xf32>) {
    ^bb0(%in: f32, %in_7: f32, %out: f32):
      %98 = arith.divf %in, %in_7 : f32
      linalg.yield %98 : f32
    } -> tensor<8x8xf32>
    %57 = tensor.empty() : tensor<8x16xf32>
    %58 = linalg.fill ins(%cst_3 : f32) outs(%57 : tensor<8x16xf32>) -> tensor<8x16xf32>
    %59 = linalg.matmul ins(%56, %27 : tensor<8x8xf32>, tensor<8x16xf32>) outs(%58 : tensor<8x16xf32>) -> tensor<8x16xf32>
    %60 = tensor.empty() : tensor<8x16xf32>
    %61 = linalg.fill ins(%cst_3 : f32) outs(%60 : tensor<8x16xf32>) -> tensor<8x16xf32>
    %62 = linalg.matmul ins(%59, %arg4 : tensor<8x16xf32>, tensor<16x16xf32>) outs(%61 : tensor<8x16xf32>) -> tensor<8x16xf32>
    %63 = tensor.empty() : tensor<8x16xf32>
    %64 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0, %62 : tensor<8x16xf32>, tensor<8x16xf32>) outs(%63 : tensor<8x16xf32>) {
    ^bb0(%in: f32, %in_7: f32, %out: f32):
      %98 = arith.addf %in, %in_7 : f32
      linalg.yield %98 : f32
    } -> tensor<8x16xf32>
    %65 = tensor.empty() : tensor<8x16xf32>
    %66 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%64 : tensor<8x16xf32>) outs(%65 : tensor<8x16xf32>) {
    ^bb0(%in: f32, %out: f32):
      %98 = arith.mulf %in, %in : f32
      linalg.yield %98 : f32
    } -> tensor<8x16xf32>
    %67 = tensor.empty() : tensor<8xf32>
    %68 = linalg.fill ins(%cst_3 : f32) outs(%67 : tensor<8xf32>) -> tensor<8xf32>
    %69 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "reduction"]} ins(%66 : tensor<8x16xf32>) outs(%68 : tensor<8xf32>) {
    ^bb0(%in: f32, %out: f32):
      %98 = arith.addf %out, %in : f32
      linalg.yield %98 : f32
    } -> tensor<8xf32>
    %expanded_6 = tensor.expand_shape %69 [[0, 1]] output_shape [8, 1] : tensor<8xf32> into tensor<8x1xf32>
    %70 = tensor.empty() : tensor<8x1xf32>
    %71 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%expanded_6 : tensor<8x1xf32>) outs(%70 : tensor<8x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %98 = arith.divf %in, %cst_2 : f32
      linalg.yield %98 : f32
    } -> tensor<8x1xf32>
    %72 = tensor.empty() : tensor<8x1xf32>
    %73 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%71 : tensor<8x1xf32>) outs(%72 : tensor<8x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %98 = arith.addf %in, %cst_1 : f32
      linalg.yield %98 : f32
    } -> tensor<8x1xf32>
    %74 = tensor.empty() : tensor<8x1xf32>
    %75 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%73 : tensor<8x1xf32>) outs(%74 : tensor<8x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %98 = math.rsqrt %in : f32
      linalg.yield %98 : f32
    } -> tensor<8x1xf32>
    %76 = tensor.empty() : tensor<8x16xf32>
    %77 = linalg.generic {indexing_maps = [#map2, #map], iterator_types = ["parallel", "parallel"]} ins(%75 : tensor<8x1xf32>) outs(%76 : tensor<8x16xf32>) {
    ^bb0(%in: f32, %out: f32):
      linalg.yield %in : f32
    } -> tensor<8x16xf32>
    %78 = tensor.empty() : tensor<8x16xf32>
    %79 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%64, %77 : tensor<8x16xf32>, tensor<8x16xf32>) outs(%78 : tensor<8x16xf32>) {
    ^bb0(%in: f32, %in_7: f32, %out: f32):
      %98 = arith.mulf %in, %in_7 : f32
      linalg.yield %98 : f32
    } -> tensor<8x16xf32>
    %80 = tensor.empty() : tensor<8x16xf32>
    %81 = linalg.generic {indexing_maps = [#map3, #map], iterator_types = ["parallel", "parallel"]} ins(%arg9 : tensor<16xf32>) outs(%80 : tensor<8x16xf32>) {
    ^bb0(%in: f32, %out: f32):
      linalg.yield %in : f32
    } -> tensor<8x16xf32>
    %82 = tensor.empty() : tensor<8x16xf32>
    %83 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%79, %81 : tensor<8x16xf32>, tensor<8x16xf32>) outs(%82 : tensor<8x16xf32>) {
    ^bb0(%in: f32, %in_7: f32, %out: f32):
      %98 = arith.mulf %in, %in_7 : f32
      linalg.yield %98 : f32
    } -> tensor<8x16xf32>
    %84 = tensor.empty() : tensor<8x32xf32>
    %85 = linalg.fill ins(%cst_3 : f32) outs(%84 : tensor<8x32xf32>) -> tensor<8x32xf32>
    %86 = linalg.matmul ins(%83, %arg5 : tensor<8x16xf32>, tensor<16x32xf32>) outs(%85 : tensor<8x32xf32>) -> tensor<8x32xf32>
    %87 = call @silu(%86) : (tensor<8x32xf32>) -> tensor<8x32xf32>
    %88 = tensor.empty() : tensor<8x32xf32>
    %89 = linalg.fill ins(%cst_3 : f32) outs(%88 : tensor<8x32xf32>) -> tensor<8x32xf32>
    %90 = linalg.matmul ins(%83, %arg6 : tensor<8x16xf32>, tensor<16x32xf32>) outs(%89 : tensor<8x32xf32>) -> tensor<8x32xf32>
    %91 = tensor.empty() : tensor<8x32xf32>
    %92 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%87, %90 : tensor<8x32xf32>, tensor<8x32xf32>) outs(%91 : tensor<8x32xf32>) {
    ^bb0(%in: f32, %in_7: f32, %out: f32):
      %98 = arith.mulf %in, %in_7 : f32
      linalg.yield %98 : f32
    } -> tensor<8x32xf32>
    %93 = tensor.empty() : tensor<8x16xf32>
    %94 = linalg.fill ins(%cst_3 : f32) outs(%93 : tensor<8x16xf32>) -> tensor<8x16xf32>
    %95 = linalg.matmul ins(%92, %arg7 : tensor<8x32xf32>, tensor<32x16xf32>) outs(%94 : tensor<8x16xf32>) -> tensor<8x16xf32>
    %96 = tensor.empty() : tensor<8x16xf32>
    %97 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%64, %95 : tensor<8x16xf32>, tensor<8x16xf32>) outs(%96 : tensor<8x16xf32>) {
    ^bb0(%in: f32, %in_7: f32, %out: f32):
      %98 = arith.addf %in, %in_7 : f32
      linalg.yield %98 : f32
    } -> tensor<8x16xf32>
    return %97 : tensor<8x16xf32>
  }
  func.func private @tril(%arg0: tensor<8x8xi1>) -> tensor<8x8xi1> {
    %false = arith.constant false
    %0 = tensor.empty() : tensor<8x8xi32>
    %1 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel", "parallel"]} outs(%0 : tensor<8x8xi32>) {
    ^bb0(%out: i32):
      %8 = linalg.index 0 : index
      %9 = arith.index_cast %8 : index to i32
      linalg.yield %9 : i32
    } -> tensor<8x8xi32>
    %2 = tensor.empty() : tensor<8x8xi32>
    %3 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel", "parallel"]} outs(%2 : tensor<8x8xi32>) {
    ^bb0(%out: i32):
      %8 = linalg.index 1 : index
      %9 = arith.index_cast %8 : index to i32
      linalg.yield %9 : i32
    } -> tensor<8x8xi32>
    %4 = tensor.empty() : tensor<8x8xi1>
    %5 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%1, %3 : tensor<8x8xi32>, tensor<8x8xi32>) outs(%4 : tensor<8x8xi1>) {
    ^bb0(%in: i32, %in_0: i32, %out: i1):
      %8 = arith.cmpi sge, %in, %in_0 : i32
      linalg.yield %8 : i1
    } -> tensor<8x8xi1>
    %6 = tensor.empty() : tensor<8x8xi1>
    %7 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%5, %arg0 : tensor<8x8xi1>, tensor<8x8xi1>) outs(%6 : tensor<8x8xi1>) {
    ^bb0(%in: i1, %in_0: i1, %out: i1):
      %8 = arith.select %in, %in_0, %false : i1
      linalg.yield %8 : i1
    } -> tensor<8x8xi1>
    return %7 : tensor<8x8xi1>
  }
  func.func private @_where(%arg0: tensor<8x8xi1>, %arg1: tensor<8x8xf32>, %arg2: tensor<f32>) -> tensor<8x8xf32> {
    %0 = tensor.empty() : tensor<8x8xf32>
    %1 = linalg.generic {indexing_maps = [#map6, #map], iterator_types = ["parallel", "parallel"]} ins(%arg2 : tensor<f32>) outs(%0 : tensor<8x8xf32>) {
    ^bb0(%in: f32, %out: f32):
      linalg.yield %in : f32
    } -> tensor<8x8xf32>
    %2 = tensor.empty() : tensor<8x8xf32>
    %3 = linalg.generic {indexing_maps = [#map, #map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0, %arg1, %1 : tensor<8x8xi1>, tensor<8x8xf32>, tensor<8x8xf32>) outs(%2 : tensor<8x8xf32>) {
    ^bb0(%in: i1, %in_0: f32, %in_1: f32, %out: f32):
      %4 = arith.select %in, %in_0, %in_1 : f32
      linalg.yield %4 : f32
    } -> tensor<8x8xf32>
    return %3 : tensor<8x8xf32>
  }
  func.func private @silu(%arg0: tensor<8x32xf32>) -> tensor<8x32xf32> {
    %cst = arith.constant 1.000000e+00 : f32
    %0 = tensor.empty() : tensor<8x32xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0 : tensor<8x32xf32>) outs(%0 : tensor<8x32xf32>) {
    ^bb0(%in: f32, %out: f32):
      %10 = arith.negf %in : f32
      linalg.yield %10 : f32
    } -> tensor<8x32xf32>
    %2 = tensor.empty() : tensor<8x32xf32>
    %3 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%1 : tensor<8x32xf32>) outs(%2 : tensor<8x32xf32>) {
    ^bb0(%in: f32, %out: f32):
      %10 = math.exp %in : f32
      linalg.yield %10 : f32
    } -> tensor<8x32xf32>
    %4 = tensor.empty() : tensor<8x32xf32>
    %5 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%3 : tensor<8x32xf32>) outs(%4 : tensor<8x32xf32>) {
    ^bb0(%in: f32, %out: f32):
      %10 = arith.addf %in, %cst : f32
      linalg.yield %10 : f32
    } -> tensor<8x32xf32>
    %6 = tensor.empty() : tensor<8x32xf32>
    %7 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%5 : tensor<8x32xf32>) outs(%6 : tensor<8x32xf32>) {
    ^bb0(%in: f32, %out: f32):
      %10 = arith.divf %cst, %in : f32
      linalg.yield %10 : f32
    } -> tensor<8x32xf32>
    %8 = tensor.empty() : tensor<8x32xf32>
    %9 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0, %7 : tensor<8x32xf32>, tensor<8x32xf32>) outs(%8 : tensor<8x32xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %10 = arith.mulf %in, %in_0 : f32
      linalg.yield %10 : f32
    } -> tensor<8x32xf32>
    return %9 : tensor<8x32xf32>
  }
}
