#map = affine_map<(d0, d1) -> (d0, d1)>
#map1 = affine_map<(d0, d1) -> (d0)>
#map2 = affine_map<(d0, d1) -> (d0, 0)>
#map3 = affine_map<(d0, d1) -> (d1)>
#map4 = affine_map<(d0, d1) -> (d1, d0)>
#map5 = affine_map<() -> ()>
#map6 = affine_map<(d0, d1) -> ()>
module @jit_unrolled {
  func.func public @main(%arg0: tensor<8x16xf32>, %arg1: tensor<2x16x16xf32>, %arg2: tensor<2x16x16xf32>, %arg3: tensor<2x16x16xf32>, %arg4: tensor<2x16x16xf32>, %arg5: tensor<2x16x32xf32>, %arg6: tensor<2x16x32xf32>, %arg7: tensor<2x32x16xf32>, %arg8: tensor<2x16xf32>, %arg9: tensor<2x16xf32>) -> tensor<8x16xf32> {
    %cst = arith.constant 4.000000e+00 : f32
    %cst_0 = arith.constant 1.000000e+00 : f32
    %cst_1 = arith.constant 0xFF800000 : f32
    %cst_2 = arith.constant -1.000000e+09 : f32
    %cst_3 = arith.constant 9.99999974E-6 : f32
    %cst_4 = arith.constant 1.600000e+01 : f32
    %cst_5 = arith.constant 0.000000e+00 : f32
    %extracted_slice = tensor.extract_slice %arg1[0, 0, 0] [1, 16, 16] [1, 1, 1] : tensor<2x16x16xf32> to tensor<1x16x16xf32>
    %collapsed = tensor.collapse_shape %extracted_slice [[0, 1], [2]] : tensor<1x16x16xf32> into tensor<16x16xf32>
    %extracted_slice_6 = tensor.extract_slice %arg2[0, 0, 0] [1, 16, 16] [1, 1, 1] : tensor<2x16x16xf32> to tensor<1x16x16xf32>
    %collapsed_7 = tensor.collapse_shape %extracted_slice_6 [[0, 1], [2]] : tensor<1x16x16xf32> into tensor<16x16xf32>
    %extracted_slice_8 = tensor.extract_slice %arg3[0, 0, 0] [1, 16, 16] [1, 1, 1] : tensor<2x16x16xf32> to tensor<1x16x16xf32>
    %collapsed_9 = tensor.collapse_shape %extracted_slice_8 [[0, 1], [2]] : tensor<1x16x16xf32> into tensor<16x16xf32>
    %extracted_slice_10 = tensor.extract_slice %arg4[0, 0, 0] [1, 16, 16] [1, 1, 1] : tensor<2x16x16xf32> to tensor<1x16x16xf32>
    %collapsed_11 = tensor.collapse_shape %extracted_slice_10 [[0, 1], [2]] : tensor<1x16x16xf32> into tensor<16x16xf32>
    %extracted_slice_12 = tensor.extract_slice %arg5[0, 0, 0] [1, 16, 32] [1, 1, 1] : tensor<2x16x32xf32> to tensor<1x16x32xf32>
    %collapsed_13 = tensor.collapse_shape %extracted_slice_12 [[0, 1], [2]] : tensor<1x16x32xf32> into tensor<16x32xf32>
    %extracted_slice_14 = tensor.extract_slice %arg6[0, 0, 0] [1, 16, 32] [1, 1, 1] : tensor<2x16x32xf32> to tensor<1x16x32xf32>
    %collapsed_15 = tensor.collapse_shape %extracted_slice_14 [[0, 1], [2]] : tensor<1x16x32xf32> into tensor<16x32xf32>
    %extracted_slice_16 = tensor.extract_slice %arg7[0, 0, 0] [1, 32, 16] [1, 1, 1] : tensor<2x32x16xf32> to tensor<1x32x16xf32>
    %collapsed_17 = tensor.collapse_shape %extracted_slice_16 [[0, 1], [2]] : tensor<1x32x16xf32> into tensor<32x16xf32>
    %extracted_slice_18 = tensor.extract_slice %arg8[0, 0] [1, 16] [1, 1] : tensor<2x16xf32> to tensor<1x16xf32>
    %collapsed_19 = tensor.collapse_shape %extracted_slice_18 [[0, 1]] : tensor<1x16xf32> into tensor<16xf32>
    %extracted_slice_20 = tensor.extract_slice %arg9[0, 0] [1, 16] [1, 1] : tensor<2x16xf32> to tensor<1x16xf32>
    %collapsed_21 = tensor.collapse_shape %extracted_slice_20 [[0, 1]] : tensor<1x16xf32> into tensor<16xf32>
    %0 = tensor.empty() : tensor<8x16xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0 : tensor<8x16xf32>) outs(%0 : tensor<8x16xf32>) {
    ^bb0(%in: f32, %out: f32):
      %216 = arith.mulf %in, %in : f32
      linalg.yield %216 : f32
    } -> tensor<8x16xf32>
    %2 = tensor.empty() : tensor<8xf32>
    %3 = linalg.fill ins(%cst_5 : f32) outs(%2 : tensor<8xf32>) -> tensor<8xf32>
    %4 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "reduction"]} ins(%1 : tensor<8x16xf32>) outs(%3 : tensor<8xf32>) {
    ^bb0(%in: f32, %out: f32):
      %216 = arith.addf %out, %in : f32
      linalg.yield %216 : f32
    } -> tensor<8xf32>
    %expanded = tensor.expand_shape %4 [[0, 1]] output_shape [8, 1] : tensor<8xf32> into tensor<8x1xf32>
    %5 = tensor.empty() : tensor<8x1xf32>
    %6 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%expanded : tensor<8x1xf32>) outs(%5 : tensor<8x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %216 = arith.divf %in, %cst_4 : f32
      linalg.yield %216 : f32
    } -> tensor<8x1xf32>
    %7 = tensor.empty() : tensor<8x1xf32>
    %8 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%6 : tensor<8x1xf32>) outs(%7 : tensor<8x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %216 = arith.addf %in, %cst_3 : f32
      linalg.yield %216 : f32
    } -> tensor<8x1xf32>
    %9 = tensor.empty() : tensor<8x1xf32>
    %10 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%8 : tensor<8x1xf32>) outs(%9 : tensor<8x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %216 = math.rsqrt %in : f32
      linalg.yield %216 : f32
    } -> tensor<8x1xf32>
    %11 = tensor.empty() : tensor<8x16xf32>
    %12 = linalg.generic {indexing_maps = [#map2, #map], iterator_types = ["parallel", "parallel"]} ins(%10 : tensor<8x1xf32>) outs(%11 : tensor<8x16xf32>) {
    ^bb0(%in: f32, %out: f32):
      linalg.yield %in : f32
    } -> tensor<8x16xf32>
    %13 = tensor.empty() : tensor<8x16xf32>
    %14 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0, %12 : tensor<8x16xf32>, tensor<8x16xf32>) outs(%13 : tensor<8x16xf32>) {
    ^bb0(%in: f32, %in_43: f32, %out: f32):
      %216 = arith.mulf %in, %in_43 : f32
      linalg.yield %216 : f32
    } -> tensor<8x16xf32>
    %15 = tensor.empty() : tensor<8x16xf32>
    %16 = linalg.generic {indexing_maps = [#map3, #map], iterator_types = ["parallel", "parallel"]} ins(%collapsed_19 : tensor<16xf32>) outs(%15 : tensor<8x16xf32>) {
    ^bb0(%in: f32, %out: f32):
      linalg.yield %in : f32
    } -> tensor<8x16xf32>
    %17 = tensor.empty() : tensor<8x16xf32>
    %18 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%14, %16 : tensor<8x16xf32>, tensor<8x16xf32>) outs(%17 : tensor<8x16xf32>) {
    ^bb0(%in: f32, %in_43: f32, %out: f32):
      %216 = arith.mulf %in, %in_43 : f32
      linalg.yield %216 : f32
    } -> tensor<8x16xf32>
    %19 = tensor.empty() : tensor<8x16xf32>
    %20 = linalg.fill ins(%cst_5 : f32) outs(%19 : tensor<8x16xf32>) -> tensor<8x16xf32>
    %21 = linalg.matmul ins(%18, %collapsed : tensor<8x16xf32>, tensor<16x16xf32>) outs(%20 : tensor<8x16xf32>) -> tensor<8x16xf32>
    %22 = tensor.empty() : tensor<8x16xf32>
    %23 = linalg.fill ins(%cst_5 : f32) outs(%22 : tensor<8x16xf32>) -> tensor<8x16xf32>
    %24 = linalg.matmul ins(%18, %collapsed_7 : tensor<8x16xf32>, tensor<16x16xf32>) outs(%23 : tensor<8x16xf32>) -> tensor<8x16xf32>
    %25 = tensor.empty() : tensor<8x16xf32>
    %26 = linalg.fill ins(%cst_5 : f32) outs(%25 : tensor<8x16xf32>) -> tensor<8x16xf32>
    %27 = linalg.matmul ins(%18, %collapsed_9 : tensor<8x16xf32>, tensor<16x16xf32>) outs(%26 : tensor<8x16xf32>) -> tensor<8x16xf32>
    %28 = tensor.empty() : tensor<16x8xf32>
    %29 = linalg.generic {indexing_maps = [#map4, #map], iterator_types = ["parallel", "parallel"]} ins(%24 : tensor<8x16xf32>) outs(%28 : tensor<16x8xf32>) {
    ^bb0(%in: f32, %out: f32):
      linalg.yield %in : f32
    } -> tensor<16x8xf32>
    %30 = tensor.empty() : tensor<8x8xf32>
    %31 = linalg.fill ins(%cst_5 : f32) outs(%30 : tensor<8x8xf32>) -> tensor<8x8xf32>
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
    ^bb0(%in: f32, %in_43: f32, %out: f32):
      %216 = arith.divf %in, %in_43 : f32
      linalg.yield %216 : f32
    } -> tensor<8x8xf32>
    %39 = tensor.empty() : tensor<8x8xi32>
    %40 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel", "parallel"]} outs(%39 : tensor<8x8xi32>) {
    ^bb0(%out: i32):
      %216 = linalg.index 0 : index
      %217 = arith.index_cast %216 : index to i32
      linalg.yield %217 : i32
    } -> tensor<8x8xi32>
    %41 = tensor.empty() : tensor<8x8xi32>
    %42 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel", "parallel"]} outs(%41 : tensor<8x8xi32>) {
    ^bb0(%out: i32):
      %216 = linalg.index 1 : index
      %217 = arith.index_cast %216 : index to i32
      linalg.yield %217 : i32
    } -> tensor<8x8xi32>
    %43 = tensor.empty() : tensor<8x8xi1>
    %44 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%40, %42 : tensor<8x8xi32>, tensor<8x8xi32>) outs(%43 : tensor<8x8xi1>) {
    ^bb0(%in: i32, %in_43: i32, %out: i1):
      %216 = arith.cmpi sge, %in, %in_43 : i32
      linalg.yield %216 : i1
    } -> tensor<8x8xi1>
    %45 = tensor.empty() : tensor<8x8xf32>
    %46 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%44, %38 : tensor<8x8xi1>, tensor<8x8xf32>) outs(%45 : tensor<8x8xf32>) {
    ^bb0(%in: i1, %in_43: f32, %out: f32):
      %216 = arith.select %in, %in_43, %cst_2 : f32
      linalg.yield %216 : f32
    } -> tensor<8x8xf32>
    %47 = tensor.empty() : tensor<8xf32>
    %48 = linalg.fill ins(%cst_1 : f32) outs(%47 : tensor<8xf32>) -> tensor<8xf32>
    %49 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "reduction"]} ins(%46 : tensor<8x8xf32>) outs(%48 : tensor<8xf32>) {
    ^bb0(%in: f32, %out: f32):
      %216 = arith.maximumf %out, %in : f32
      linalg.yield %216 : f32
    } -> tensor<8xf32>
    %50 = tensor.empty() : tensor<8x8xf32>
    %51 = linalg.generic {indexing_maps = [#map1, #map], iterator_types = ["parallel", "parallel"]} ins(%49 : tensor<8xf32>) outs(%50 : tensor<8x8xf32>) {
    ^bb0(%in: f32, %out: f32):
      linalg.yield %in : f32
    } -> tensor<8x8xf32>
    %52 = tensor.empty() : tensor<8x8xf32>
    %53 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%46, %51 : tensor<8x8xf32>, tensor<8x8xf32>) outs(%52 : tensor<8x8xf32>) {
    ^bb0(%in: f32, %in_43: f32, %out: f32):
      %216 = arith.subf %in, %in_43 : f32
      linalg.yield %216 : f32
    } -> tensor<8x8xf32>
    %54 = tensor.empty() : tensor<8x8xf32>
    %55 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%53 : tensor<8x8xf32>) outs(%54 : tensor<8x8xf32>) {
    ^bb0(%in: f32, %out: f32):
      %216 = math.exp %in : f32
      linalg.yield %216 : f32
    } -> tensor<8x8xf32>
    %56 = tensor.empty() : tensor<8xf32>
    %57 = linalg.fill ins(%cst_5 : f32) outs(%56 : tensor<8xf32>) -> tensor<8xf32>
    %58 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "reduction"]} ins(%55 : tensor<8x8xf32>) outs(%57 : tensor<8xf32>) {
    ^bb0(%in: f32, %out: f32):
      %216 = arith.addf %out, %in : f32
      linalg.yield %216 : f32
    } -> tensor<8xf32>
    %59 = tensor.empty() : tensor<8x8xf32>
    %60 = linalg.generic {indexing_maps = [#map1, #map], iterator_types = ["parallel", "parallel"]} ins(%58 : tensor<8xf32>) outs(%59 : tensor<8x8xf32>) {
    ^bb0(%in: f32, %out: f32):
      linalg.yield %in : f32
    } -> tensor<8x8xf32>
    %61 = tensor.empty() : tensor<8x8xf32>
    %62 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%55, %60 : tensor<8x8xf32>, tensor<8x8xf32>) outs(%61 : tensor<8x8xf32>) {
    ^bb0(%in: f32, %in_43: f32, %out: f32):
      %216 = arith.divf %in, %in_43 : f32
      linalg.yield %216 : f32
    } -> tensor<8x8xf32>
    %63 = tensor.empty() : tensor<8x16xf32>
    %64 = linalg.fill ins(%cst_5 : f32) outs(%63 : tensor<8x16xf32>) -> tensor<8x16xf32>
    %65 = linalg.matmul ins(%62, %27 : tensor<8x8xf32>, tensor<8x16xf32>) outs(%64 : tensor<8x16xf32>) -> tensor<8x16xf32>
    %66 = tensor.empty() : tensor<8x16xf32>
    %67 = linalg.fill ins(%cst_5 : f32) outs(%66 : tensor<8x16xf32>) -> tensor<8x16xf32>
    %68 = linalg.matmul ins(%65, %collapsed_11 : tensor<8x16xf32>, tensor<16x16xf32>) outs(%67 : tensor<8x16xf32>) -> tensor<8x16xf32>
    %69 = tensor.empty() : tensor<8x16xf32>
    %70 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0, %68 : tensor<8x16xf32>, tensor<8x16xf32>) outs(%69 : tensor<8x16xf32>) {
    ^bb0(%in: f32, %in_43: f32, %out: f32):
      %216 = arith.addf %in, %in_43 : f32
      linalg.yield %216 : f32
    } -> tensor<8x16xf32>
    %71 = tensor.empty() : tensor<8x16xf32>
    %72 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%70 : tensor<8x16xf32>) outs(%71 : tensor<8x16xf32>) {
    ^bb0(%in: f32, %out: f32):
      %216 = arith.mulf %in, %in : f32
      linalg.yield %216 : f32
    } -> tensor<8x16xf32>
    %73 = tensor.empty() : tensor<8xf32>
    %74 = linalg.fill ins(%cst_5 : f32) outs(%73 : tensor<8xf32>) -> tensor<8xf32>
    %75 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "reduction"]} ins(%72 : tensor<8x16xf32>) outs(%74 : tensor<8xf32>) {
    ^bb0(%in: f32, %out: f32):
      %216 = arith.addf %out, %in : f32
      linalg.yield %216 : f32
    } -> tensor<8xf32>
    %expanded_22 = tensor.expand_shape %75 [[0, 1]] output_shape [8, 1] : tensor<8xf32> into tensor<8x1xf32>
    %76 = tensor.empty() : tensor<8x1xf32>
    %77 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%expanded_22 : tensor<8x1xf32>) outs(%76 : tensor<8x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %216 = arith.divf %in, %cst_4 : f32
      linalg.yield %216 : f32
    } -> tensor<8x1xf32>
    %78 = tensor.empty() : tensor<8x1xf32>
    %79 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%77 : tensor<8x1xf32>) outs(%78 : tensor<8x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %216 = arith.addf %in, %cst_3 : f32
      linalg.yield %216 : f32
    } -> tensor<8x1xf32>
    %80 = tensor.empty() : tensor<8x1xf32>
    %81 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%79 : tensor<8x1xf32>) outs(%80 : tensor<8x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %216 = math.rsqrt %in : f32
      linalg.yield %216 : f32
    } -> tensor<8x1xf32>
    %82 = tensor.empty() : tensor<8x16xf32>
    %83 = linalg.generic {indexing_maps = [#map2, #map], iterator_types = ["parallel", "parallel"]} ins(%81 : tensor<8x1xf32>) outs(%82 : tensor<8x16xf32>) {
    ^bb0(%in: f32, %out: f32):
      linalg.yield %in : f32
    } -> tensor<8x16xf32>
    %84 = tensor.empty() : tensor<8x16xf32>
    %85 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%70, %83 : tensor<8x16xf32>, tensor<8x16xf32>) outs(%84 : tensor<8x16xf32>) {
    ^bb0(%in: f32, %in_43: f32, %out: f32):
      %216 = arith.mulf %in, %in_43 : f32
      linalg.yield %216 : f32
    } -> tensor<8x16xf32>
    %86 = tensor.empty() : tensor<8x16xf32>
    %87 = linalg.generic {indexing_maps = [#map3, #map], iterator_types = ["parallel", "parallel"]} ins(%collapsed_21 : tensor<16xf32>) outs(%86 : tensor<8x16xf32>) {
    ^bb0(%in: f32, %out: f32):
      linalg.yield %in : f32
    } -> tensor<8x16xf32>
    %88 = tensor.empty() : tensor<8x16xf32>
    %89 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%85, %87 : tensor<8x16xf32>, tensor<8x16xf32>) outs(%88 : tensor<8x16xf32>) {
    ^bb0(%in: f32, %in_43: f32, %out: f32):
      %216 = arith.mulf %in, %in_43 : f32
      linalg.yield %216 : f32
    } -> tensor<8x16xf32>
    %90 = tensor.empty() : tensor<8x32xf32>
    %91 = linalg.fill ins(%cst_5 : f32) outs(%90 : tensor<8x32xf32>) -> tensor<8x32xf32>
    %92 = linalg.matmul ins(%89, %collapsed_13 : tensor<8x16xf32>, tensor<16x32xf32>) outs(%91 : tensor<8x32xf32>) -> tensor<8x32xf32>
    %93 = tensor.empty() : tensor<8x32xf32>
    %94 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%92 : tensor<8x32xf32>) outs(%93 : tensor<8x32xf32>) {
    ^bb0(%in: f32, %out: f32):
      %216 = arith.negf %in : f32
      linalg.yield %216 : f32
    } -> tensor<8x32xf32>
    %95 = tensor.empty() : tensor<8x32xf32>
    %96 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%94 : tensor<8x32xf32>) outs(%95 : tensor<8x32xf32>) {
    ^bb0(%in: f32, %out: f32):
      %216 = math.exp %in : f32
      linalg.yield %216 : f32
    } -> tensor<8x32xf32>
    %97 = tensor.empty() : tensor<8x32xf32>
    %98 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%96 : tensor<8x32xf32>) outs(%97 : tensor<8x32xf32>) {
    ^bb0(%in: f32, %out: f32):
      %216 = arith.addf %in, %cst_0 : f32
      linalg.yield %216 : f32
    } -> tensor<8x32xf32>
    %99 = tensor.empty() : tensor<8x32xf32>
    %100 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%98 : tensor<8x32xf32>) outs(%99 : tensor<8x32xf32>) {
    ^bb0(%in: f32, %out: f32):
      %216 = arith.divf %cst_0, %in : f32
      linalg.yield %216 : f32
    } -> tensor<8x32xf32>
    %101 = tensor.empty() : tensor<8x32xf32>
    %102 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%92, %100 : tensor<8x32xf32>, tensor<8x32xf32>) outs(%101 : tensor<8x32xf32>) {
    ^bb0(%in: f32, %in_43: f32, %out: f32):
      %216 = arith.mulf %in, %in_43 : f32
      linalg.yield %216 : f32
    } -> tensor<8x32xf32>
    %103 = tensor.empty() : tensor<8x32xf32>
    %104 = linalg.fill ins(%cst_5 : f32) outs(%103 : tensor<8x32xf32>) -> tensor<8x32xf32>
    %105 = linalg.matmul ins(%89, %collapsed_15 : tensor<8x16xf32>, tensor<16x32xf32>) outs(%104 : tensor<8x32xf32>) -> tensor<8x32xf32>
    %106 = tensor.empty() : tensor<8x32xf32>
    %107 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%102, %105 : tensor<8x32xf32>, tensor<8x32xf32>) outs(%106 : tensor<8x32xf32>) {
    ^bb0(%in: f32, %in_43: f32, %out: f32):
      %216 = arith.mulf %in, %in_43 : f32
      linalg.yield %216 : f32
    } -> tensor<8x32xf32>
    %108 = tensor.empty() : tensor<8x16xf32>
    %109 = linalg.fill ins(%cst_5 : f32) outs(%108 : tensor<8x16xf32>) -> tensor<8x16xf32>
    %110 = linalg.matmul ins(%107, %collapsed_17 : tensor<8x32xf32>, tensor<32x16xf32>) outs(%109 : tensor<8x16xf32>) -> tensor<8x16xf32>
    %111 = tensor.empty() : tensor<8x16xf32>
    %112 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%70, %110 : tensor<8x16xf32>, tensor<8x16xf32>) outs(%111 : tensor<8x16xf32>) {
    ^bb0(%in: f32, %in_43: f32, %out: f32):
      %216 = arith.addf %in, %in_43 : f32
      linalg.yield %216 : f32
    } -> tensor<8x16xf32>
    %extracted_slice_23 = tensor.extract_slice %arg1[1, 0, 0] [1, 16, 16] [1, 1, 1] : tensor<2x16x16xf32> to tensor<1x16x16xf32>
    %collapsed_24 = tensor.collapse_shape %extracted_slice_23 [[0, 1], [2]] : tensor<1x16x16xf32> into tensor<16x16xf32>
    %extracted_slice_25 = tensor.extract_slice %arg2[1, 0, 0] [1, 16, 16] [1, 1, 1] : tensor<2x16x16xf32> to tensor<1x16x16xf32>
    %collapsed_26 = tensor.collapse_shape %extracted_slice_25 [[0, 1], [2]] : tensor<1x16x16xf32> into tensor<16x16xf32>
    %extracted_slice_27 = tensor.extract_slice %arg3[1, 0, 0] [1, 16, 16] [1, 1, 1] : tensor<2x16x16xf32> to tensor<1x16x16xf32>
    %collapsed_28 = tensor.collapse_shape %extracted_slice_27 [[0, 1], [2]] : tensor<1x16x16xf32> into tensor<16x16xf32>
    %extracted_slice_29 = tensor.extract_slice %arg4[1, 0, 0] [1, 16, 16] [1, 1, 1] : tensor<2x16x16xf32> to tensor<1x16x16xf32>
    %collapsed_30 = tensor.collapse_shape %extracted_slice_29 [[0, 1], [2]] : tensor<1x16x16xf32> into tensor<16x16xf32>
    %extracted_slice_31 = tensor.extract_slice %arg5[1, 0, 0] [1, 16, 32] [1, 1, 1] : tensor<2x16x32xf32> to tensor<1x16x32xf32>
    %collapsed_32 = tensor.collapse_shape %extracted_slice_31 [[0, 1], [2]] : tensor<1x16x32xf32> into tensor<16x32xf32>
    %extracted_slice_33 = tensor.extract_slice %arg6[1, 0, 0] [1, 16, 32] [1, 1, 1] : tensor<2x16x32xf32> to tensor<1x16x32xf32>
    %collapsed_34 = tensor.collapse_shape %extracted_slice_33 [[0, 1], [2]] : tensor<1x16x32xf32> into tensor<16x32xf32>
    %extracted_slice_35 = tensor.extract_slice %arg7[1, 0, 0] [1, 32, 16] [1, 1, 1] : tensor<2x32x16xf32> to tensor<1x32x16xf32>
    %collapsed_36 = tensor.collapse_shape %extracted_slice_35 [[0, 1], [2]] : tensor<1x32x16xf32> into tensor<32x16xf32>
    %extracted_slice_37 = tensor.extract_slice %arg8[1, 0] [1, 16] [1, 1] : tensor<2x16xf32> to tensor<1x16xf32>
    %collapsed_38 = tensor.collapse_shape %extracted_slice_37 [[0, 1]] : tensor<1x16xf32> into tensor<16xf32>
    %extracted_slice_39 = tensor.extract_slice %arg9[1, 0] [1, 16] [1, 1] : tensor<2x16xf32> to tensor<1x16xf32>
    %collapsed_40 = tensor.collapse_shape %extracted_slice_39 [[0, 1]] : tensor<1x16xf32> into tensor<16xf32>
    %113 = tensor.empty() : tensor<8x16xf32>
    %114 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%112 : tensor<8x16xf32>) outs(%113 : tensor<8x16xf32>) {
    ^bb0(%in: f32, %out: f32):
      %216 = arith.mulf %in, %in : f32
      linalg.yield %216 : f32
    } -> tensor<8x16xf32>
    %115 = tensor.empty() : tensor<8xf32>
    %116 = linalg.fill ins(%cst_5 : f32) outs(%115 : tensor<8xf32>) -> tensor<8xf32>
    %117 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "reduction"]} ins(%114 : tensor<8x16xf32>) outs(%116 : tensor<8xf32>) {
    ^bb0(%in: f32, %out: f32):
      %216 = arith.addf %out, %in : f32
      linalg.yield %216 : f32
    } -> tensor<8xf32>
    %expanded_41 = tensor.expand_shape %117 [[0, 1]] output_shape [8, 1] : tensor<8xf32> into tensor<8x1xf32>
    %118 = tensor.empty() : tensor<8x1xf32>
    %119 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%expanded_41 : tensor<8x1xf32>) outs(%118 : tensor<8x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %216 = arith.divf %in, %cst_4 : f32
      linalg.yield %216 : f32
    } -> tensor<8x1xf32>
    %120 = tensor.empty() : tensor<8x1xf32>
    %121 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%119 : tensor<8x1xf32>) outs(%120 : tensor<8x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %216 = arith.addf %in, %cst_3 : f32
      linalg.yield %216 : f32
    } -> tensor<8x1xf32>
    %122 = tensor.empty() : tensor<8x1xf32>
    %123 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%121 : tensor<8x1xf32>) outs(%122 : tensor<8x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %216 = math.rsqrt %in : f32
      linalg.yield %216 : f32
    } -> tensor<8x1xf32>
    %124 = tensor.empty() : tensor<8x16xf32>
    %125 = linalg.generic {indexing_maps = [#map2, #map], iterator_types = ["parallel", "parallel"]} ins(%123 : tensor<8x1xf32>) outs(%124 : tensor<8x16xf32>) {
    ^bb0(%in: f32, %out: f32):
      linalg.yield %in : f32
    } -> tensor<8x16xf32>
    %126 = tensor.empty() : tensor<8x16xf32>
    %127 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%112, %125 : tensor<8x16xf32>, tensor<8x16xf32>) outs(%126 : tensor<8x16xf32>) {
    ^bb0(%in: f32, %in_43: f32, %out: f32):
      %216 = arith.mulf %in, %in_43 : f32
      linalg.yield %216 : f32
    } -> tensor<8x16xf32>
    %128 = tensor.empty() : tensor<8x16xf32>
    %129 = linalg.generic {indexing_maps = [#map3, #map], iterator_types = ["parallel", "parallel"]} ins(%collapsed_38 : tensor<16xf32>) outs(%128 : tensor<8x16xf32>) {
    ^bb0(%in: f32, %out: f32):
      linalg.yield %in : f32
    } -> tensor<8x16xf32>
    %130 = tensor.empty() : tensor<8x16xf32>
    %131 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%127, %129 : tensor<8x16xf32>, tensor<8x16xf32>) outs(%130 : tensor<8x16xf32>) {
    ^bb0(%in: f32, %in_43: f32, %out: f32):
      %216 = arith.mulf %in, %in_43 : f32
      linalg.yield %216 : f32
    } -> tensor<8x16xf32>
    %132 = tensor.empty() : tensor<8x16xf32>
    %133 = linalg.fill ins(%cst_5 : f32) outs(%132 : tensor<8x16xf32>) -> tensor<8x16xf32>
    %134 = linalg.matmul ins(%131, %collapsed_24 : tensor<8x16xf32>, tensor<16x16xf32>) outs(%133 : tensor<8x16xf32>) -> tensor<8x16xf32>
    %135 = tensor.empty() : tensor<8x16xf32>
    %136 = linalg.fill ins(%cst_5 : f32) outs(%135 : tensor<8x16xf32>) -> tensor<8x16xf32>
    %137 = linalg.matmul ins(%131, %collapsed_26 : tensor<8x16xf32>, tensor<16x16xf32>) outs(%136 : tensor<8x16xf32>) -> tensor<8x16xf32>
    %138 = tensor.empty() : tensor<8x16xf32>
    %139 = linalg.fill ins(%cst_5 : f32) outs(%138 : tensor<8x16xf32>) -> tensor<8x16xf32>
    %140 = linalg.matmul ins(%131, %collapsed_28 : tensor<8x16xf32>, tensor<16x16xf32>) outs(%139 : tensor<8x16xf32>) -> tensor<8x16xf32>
    %141 = tensor.empty() : tensor<16x8xf32>
    %142 = linalg.generic {indexing_maps = [#map4, #map], iterator_types = ["parallel", "parallel"]} ins(%137 : tensor<8x16xf32>) outs(%141 : tensor<16x8xf32>) {
    ^bb0(%in: f32, %out: f32):
      linalg.yield %in : f32
    } -> tensor<16x8xf32>
    %143 = tensor.empty() : tensor<8x8xf32>
    %144 = linalg.fill ins(%cst_5 : f32) outs(%143 : tensor<8x8xf32>) -> tensor<8x8xf32>
    %145 = linalg.matmul ins(%134, %142 : tensor<8x16xf32>, tensor<16x8xf32>) outs(%144 : tensor<8x8xf32>) -> tensor<8x8xf32>
    %146 = tensor.empty() : tensor<8x8xf32>
    %147 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%145, %36 : tensor<8x8xf32>, tensor<8x8xf32>) outs(%146 : tensor<8x8xf32>) {
    ^bb0(%in: f32, %in_43: f32, %out: f32):
      %216 = arith.divf %in, %in_43 : f32
      linalg.yield %216 : f32
    } -> tensor<8x8xf32>
    %148 = tensor.empty() : tensor<8x8xf32>
    %149 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%44, %147 : tensor<8x8xi1>, tensor<8x8xf32>) outs(%148 : tensor<8x8xf32>) {
    ^bb0(%in: i1, %in_43: f32, %out: f32):
      %216 = arith.select %in, %in_43, %cst_2 : f32
      linalg.yield %216 : f32
    } -> tensor<8x8xf32>
    %150 = tensor.empty() : tensor<8xf32>
    %151 = linalg.fill ins(%cst_1 : f32) outs(%150 : tensor<8xf32>) -> tensor<8xf32>
    %152 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "reduction"]} ins(%149 : tensor<8x8xf32>) outs(%151 : tensor<8xf32>) {
    ^bb0(%in: f32, %out: f32):
      %216 = arith.maximumf %out, %in : f32
      linalg.yield %216 : f32
    } -> tensor<8xf32>
    %153 = tensor.empty() : tensor<8x8xf32>
    %154 = linalg.generic {indexing_maps = [#map1, #map], iterator_types = ["parallel", "parallel"]} ins(%152 : tensor<8xf32>) outs(%153 : tensor<8x8xf32>) {
    ^bb0(%in: f32, %out: f32):
      linalg.yield %in : f32
    } -> tensor<8x8xf32>
    %155 = tensor.empty() : tensor<8x8xf32>
    %156 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%149, %154 : tensor<8x8xf32>, tensor<8x8xf32>) outs(%155 : tensor<8x8xf32>) {
    ^bb0(%in: f32, %in_43: f32, %out: f32):
      %216 = arith.subf %in, %in_43 : f32
      linalg.yield %216 : f32
    } -> tensor<8x8xf32>
    %157 = tensor.empty() : tensor<8x8xf32>
    %158 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%156 : tensor<8x8xf32>) outs(%157 : tensor<8x8xf32>) {
    ^bb0(%in: f32, %out: f32):
      %216 = math.exp %in : f32
      linalg.yield %216 : f32
    } -> tensor<8x8xf32>
    %159 = tensor.empty() : tensor<8xf32>
    %160 = linalg.fill ins(%cst_5 : f32) outs(%159 : tensor<8xf32>) -> tensor<8xf32>
    %161 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "reduction"]} ins(%158 : tensor<8x8xf32>) outs(%160 : tensor<8xf32>) {
    ^bb0(%in: f32, %out: f32):
      %216 = arith.addf %out, %in : f32
      linalg.yield %216 : f32
    } -> tensor<8xf32>
    %162 = tensor.empty() : tensor<8x8xf32>
    %163 = linalg.generic {indexing_maps = [#map1, #map], iterator_types = ["parallel", "parallel"]} ins(%161 : tensor<8xf32>) outs(%162 : tensor<8x8xf32>) {
    ^bb0(%in: f32, %out: f32):
      linalg.yield %in : f32
    } -> tensor<8x8xf32>
    %164 = tensor.empty() : tensor<8x8xf32>
    %165 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%158, %163 : tensor<8x8xf32>, tensor<8x8xf32>) outs(%164 : tensor<8x8xf32>) {
    ^bb0(%in: f32, %in_43: f32, %out: f32):
      %216 = arith.divf %in, %in_43 : f32
      linalg.yield %216 : f32
    } -> tensor<8x8xf32>
    %166 = tensor.empty() : tensor<8x16xf32>
    %167 = linalg.fill ins(%cst_5 : f32) outs(%166 : tensor<8x16xf32>) -> tensor<8x16xf32>
    %168 = linalg.matmul ins(%165, %140 : tensor<8x8xf32>, tensor<8x16xf32>) outs(%167 : tensor<8x16xf32>) -> tensor<8x16xf32>
    %169 = tensor.empty() : tensor<8x16xf32>
    %170 = linalg.fill ins(%cst_5 : f32) outs(%169 : tensor<8x16xf32>) -> tensor<8x16xf32>
    %171 = linalg.matmul ins(%168, %collapsed_30 : tensor<8x16xf32>, tensor<16x16xf32>) outs(%170 : tensor<8x16xf32>) -> tensor<8x16xf32>
    %172 = tensor.empty() : tensor<8x16xf32>
    %173 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%112, %171 : tensor<8x16xf32>, tensor<8x16xf32>) outs(%172 : tensor<8x16xf32>) {
    ^bb0(%in: f32, %in_43: f32, %out: f32):
      %216 = arith.addf %in, %in_43 : f32
      linalg.yield %216 : f32
    } -> tensor<8x16xf32>
    %174 = tensor.empty() : tensor<8x16xf32>
    %175 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%173 : tensor<8x16xf32>) outs(%174 : tensor<8x16xf32>) {
    ^bb0(%in: f32, %out: f32):
      %216 = arith.mulf %in, %in : f32
      linalg.yield %216 : f32
    } -> tensor<8x16xf32>
    %176 = tensor.empty() : tensor<8xf32>
    %177 = linalg.fill ins(%cst_5 : f32) outs(%176 : tensor<8xf32>) -> tensor<8xf32>
    %178 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "reduction"]} ins(%175 : tensor<8x16xf32>) outs(%177 : tensor<8xf32>) {
    ^bb0(%in: f32, %out: f32):
      %216 = arith.addf %out, %in : f32
      linalg.yield %216 : f32
    } -> tensor<8xf32>
    %expanded_42 = tensor.expand_shape %178 [[0, 1]] output_shape [8, 1] : tensor<8xf32> into tensor<8x1xf32>
    %179 = tensor.empty() : tensor<8x1xf32>
    %180 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%expanded_42 : tensor<8x1xf32>) outs(%179 : tensor<8x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %216 = arith.divf %in, %cst_4 : f32
      linalg.yield %216 : f32
    } -> tensor<8x1xf32>
    %181 = tensor.empty() : tensor<8x1xf32>
    %182 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%180 : tensor<8x1xf32>) outs(%181 : tensor<8x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %216 = arith.addf %in, %cst_3 : f32
      linalg.yield %216 : f32
    } -> tensor<8x1xf32>
    %183 = tensor.empty() : tensor<8x1xf32>
    %184 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%182 : tensor<8x1xf32>) outs(%183 : tensor<8x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %216 = math.rsqrt %in : f32
      linalg.yield %216 : f32
    } -> tensor<8x1xf32>
    %185 = tensor.empty() : tensor<8x16xf32>
    %186 = linalg.generic {indexing_maps = [#map2, #map], iterator_types = ["parallel", "parallel"]} ins(%184 : tensor<8x1xf32>) outs(%185 : tensor<8x16xf32>) {
    ^bb0(%in: f32, %out: f32):
      linalg.yield %in : f32
    } -> tensor<8x16xf32>
    %187 = tensor.empty() : tensor<8x16xf32>
    %188 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%173, %186 : tensor<8x16xf32>, tensor<8x16xf32>) outs(%187 : tensor<8x16xf32>) {
    ^bb0(%in: f32, %in_43: f32, %out: f32):
      %216 = arith.mulf %in, %in_43 : f32
      linalg.yield %216 : f32
    } -> tensor<8x16xf32>
    %189 = tensor.empty() : tensor<8x16xf32>
    %190 = linalg.generic {indexing_maps = [#map3, #map], iterator_types = ["parallel", "parallel"]} ins(%collapsed_40 : tensor<16xf32>) outs(%189 : tensor<8x16xf32>) {
    ^bb0(%in: f32, %out: f32):
      linalg.yield %in : f32
    } -> tensor<8x16xf32>
    %191 = tensor.empty() : tensor<8x16xf32>
    %192 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%188, %190 : tensor<8x16xf32>, tensor<8x16xf32>) outs(%191 : tensor<8x16xf32>) {
    ^bb0(%in: f32, %in_43: f32, %out: f32):
      %216 = arith.mulf %in, %in_43 : f32
      linalg.yield %216 : f32
    } -> tensor<8x16xf32>
    %193 = tensor.empty() : tensor<8x32xf32>
    %194 = linalg.fill ins(%cst_5 : f32) outs(%193 : tensor<8x32xf32>) -> tensor<8x32xf32>
    %195 = linalg.matmul ins(%192, %collapsed_32 : tensor<8x16xf32>, tensor<16x32xf32>) outs(%194 : tensor<8x32xf32>) -> tensor<8x32xf32>
    %196 = tensor.empty() : tensor<8x32xf32>
    %197 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%195 : tensor<8x32xf32>) outs(%196 : tensor<8x32xf32>) {
    ^bb0(%in: f32, %out: f32):
      %216 = arith.negf %in : f32
      linalg.yield %216 : f32
    } -> tensor<8x32xf32>
    %198 = tensor.empty() : tensor<8x32xf32>
    %199 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%197 : tensor<8x32xf32>) outs(%198 : tensor<8x32xf32>) {
    ^bb0(%in: f32, %out: f32):
      %216 = math.exp %in : f32
      linalg.yield %216 : f32
    } -> tensor<8x32xf32>
    %200 = tensor.empty() : tensor<8x32xf32>
    %201 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%199 : tensor<8x32xf32>) outs(%200 : tensor<8x32xf32>) {
    ^bb0(%in: f32, %out: f32):
      %216 = arith.addf %in, %cst_0 : f32
      linalg.yield %216 : f32
    } -> tensor<8x32xf32>
    %202 = tensor.empty() : tensor<8x32xf32>
    %203 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%201 : tensor<8x32xf32>) outs(%202 : tensor<8x32xf32>) {
    ^bb0(%in: f32, %out: f32):
      %216 = arith.divf %cst_0, %in : f32
      linalg.yield %216 : f32
    } -> tensor<8x32xf32>
    %204 = tensor.empty() : tensor<8x32xf32>
    %205 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%195, %203 : tensor<8x32xf32>, tensor<8x32xf32>) outs(%204 : tensor<8x32xf32>) {
    ^bb0(%in: f32, %in_43: f32, %out: f32):
      %216 = arith.mulf %in, %in_43 : f32
      linalg.yield %216 : f32
    } -> tensor<8x32xf32>
    %206 = tensor.empty() : tensor<8x32xf32>
    %207 = linalg.fill ins(%cst_5 : f32) outs(%206 : tensor<8x32xf32>) -> tensor<8x32xf32>
    %208 = linalg.matmul ins(%192, %collapsed_34 : tensor<8x16xf32>, tensor<16x32xf32>) outs(%207 : tensor<8x32xf32>) -> tensor<8x32xf32>
    %209 = tensor.empty() : tensor<8x32xf32>
    %210 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%205, %208 : tensor<8x32xf32>, tensor<8x32xf32>) outs(%209 : tensor<8x32xf32>) {
    ^bb0(%in: f32, %in_43: f32, %out: f32):
      %216 = arith.mulf %in, %in_43 : f32
      linalg.yield %216 : f32
    } -> tensor<8x32xf32>
    %211 = tensor.empty() : tensor<8x16xf32>
    %212 = linalg.fill ins(%cst_5 : f32) outs(%211 : tensor<8x16xf32>) -> tensor<8x16xf32>
    %213 = linalg.matmul ins(%210, %collapsed_36 : tensor<8x32xf32>, tensor<32x16xf32>) outs(%212 : tensor<8x16xf32>) -> tensor<8x16xf32>
    %214 = tensor.empty() : tensor<8x16xf32>
    %215 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%173, %213 : tensor<8x16xf32>, tensor<8x16xf32>) outs(%214 : tensor<8x16xf32>) {
    ^bb0(%in: f32, %in_43: f32, %out: f32):
      %216 = arith.addf %in, %in_43 : f32
      linalg.yield %216 : f32
    } -> tensor<8x16xf32>
    return %215 : tensor<8x16xf32>
  }
}
