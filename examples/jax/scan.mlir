#map = affine_map<(d0, d1) -> (d0, d1)>
#map1 = affine_map<(d0, d1) -> (d0)>
#map2 = affine_map<(d0, d1) -> (d0, 0)>
#map3 = affine_map<(d0, d1) -> (d1)>
#map4 = affine_map<(d0, d1) -> (d1, d0)>
#map5 = affine_map<() -> ()>
#map6 = affine_map<(d0, d1) -> ()>
module @jit_scan {
  func.func public @main(%arg0: tensor<8x16xf32>, %arg1: tensor<2x16x16xf32>, %arg2: tensor<2x16x16xf32>, %arg3: tensor<2x16x16xf32>, %arg4: tensor<2x16x16xf32>, %arg5: tensor<2x16x32xf32>, %arg6: tensor<2x16x32xf32>, %arg7: tensor<2x32x16xf32>, %arg8: tensor<2x16xf32>, %arg9: tensor<2x16xf32>) -> tensor<8x16xf32> {
    %cst = arith.constant 4.000000e+00 : f32
    %cst_0 = arith.constant 1.000000e+00 : f32
    %cst_1 = arith.constant 0xFF800000 : f32
    %cst_2 = arith.constant -1.000000e+09 : f32
    %cst_3 = arith.constant 9.99999974E-6 : f32
    %cst_4 = arith.constant 1.600000e+01 : f32
    %cst_5 = arith.constant 0.000000e+00 : f32
    %c1 = arith.constant 1 : index
    %c0 = arith.constant 0 : index
    %c0_i32 = arith.constant 0 : i32
    %c2_i32 = arith.constant 2 : i32
    %c1_i32 = arith.constant 1 : i32
    %0 = scf.for %arg10 = %c0_i32 to %c2_i32 step %c1_i32 iter_args(%arg11 = %arg0) -> (tensor<8x16xf32>)  : i32 {
      %1 = arith.index_cast %arg10 : i32 to index
      %2 = arith.maxsi %1, %c0 : index
      %3 = arith.minsi %2, %c1 : index
      %extracted_slice = tensor.extract_slice %arg1[%3, 0, 0] [1, 16, 16] [1, 1, 1] : tensor<2x16x16xf32> to tensor<1x16x16xf32>
      %collapsed = tensor.collapse_shape %extracted_slice [[0, 1], [2]] : tensor<1x16x16xf32> into tensor<16x16xf32>
      %4 = arith.index_cast %arg10 : i32 to index
      %5 = arith.maxsi %4, %c0 : index
      %6 = arith.minsi %5, %c1 : index
      %extracted_slice_6 = tensor.extract_slice %arg2[%6, 0, 0] [1, 16, 16] [1, 1, 1] : tensor<2x16x16xf32> to tensor<1x16x16xf32>
      %collapsed_7 = tensor.collapse_shape %extracted_slice_6 [[0, 1], [2]] : tensor<1x16x16xf32> into tensor<16x16xf32>
      %7 = arith.index_cast %arg10 : i32 to index
      %8 = arith.maxsi %7, %c0 : index
      %9 = arith.minsi %8, %c1 : index
      %extracted_slice_8 = tensor.extract_slice %arg3[%9, 0, 0] [1, 16, 16] [1, 1, 1] : tensor<2x16x16xf32> to tensor<1x16x16xf32>
      %collapsed_9 = tensor.collapse_shape %extracted_slice_8 [[0, 1], [2]] : tensor<1x16x16xf32> into tensor<16x16xf32>
      %10 = arith.index_cast %arg10 : i32 to index
      %11 = arith.maxsi %10, %c0 : index
      %12 = arith.minsi %11, %c1 : index
      %extracted_slice_10 = tensor.extract_slice %arg4[%12, 0, 0] [1, 16, 16] [1, 1, 1] : tensor<2x16x16xf32> to tensor<1x16x16xf32>
      %collapsed_11 = tensor.collapse_shape %extracted_slice_10 [[0, 1], [2]] : tensor<1x16x16xf32> into tensor<16x16xf32>
      %13 = arith.index_cast %arg10 : i32 to index
      %14 = arith.maxsi %13, %c0 : index
      %15 = arith.minsi %14, %c1 : index
      %extracted_slice_12 = tensor.extract_slice %arg5[%15, 0, 0] [1, 16, 32] [1, 1, 1] : tensor<2x16x32xf32> to tensor<1x16x32xf32>
      %collapsed_13 = tensor.collapse_shape %extracted_slice_12 [[0, 1], [2]] : tensor<1x16x32xf32> into tensor<16x32xf32>
      %16 = arith.index_cast %arg10 : i32 to index
      %17 = arith.maxsi %16, %c0 : index
      %18 = arith.minsi %17, %c1 : index
      %extracted_slice_14 = tensor.extract_slice %arg6[%18, 0, 0] [1, 16, 32] [1, 1, 1] : tensor<2x16x32xf32> to tensor<1x16x32xf32>
      %collapsed_15 = tensor.collapse_shape %extracted_slice_14 [[0, 1], [2]] : tensor<1x16x32xf32> into tensor<16x32xf32>
      %19 = arith.index_cast %arg10 : i32 to index
      %20 = arith.maxsi %19, %c0 : index
      %21 = arith.minsi %20, %c1 : index
      %extracted_slice_16 = tensor.extract_slice %arg7[%21, 0, 0] [1, 32, 16] [1, 1, 1] : tensor<2x32x16xf32> to tensor<1x32x16xf32>
      %collapsed_17 = tensor.collapse_shape %extracted_slice_16 [[0, 1], [2]] : tensor<1x32x16xf32> into tensor<32x16xf32>
      %22 = arith.index_cast %arg10 : i32 to index
      %23 = arith.maxsi %22, %c0 : index
      %24 = arith.minsi %23, %c1 : index
      %extracted_slice_18 = tensor.extract_slice %arg8[%24, 0] [1, 16] [1, 1] : tensor<2x16xf32> to tensor<1x16xf32>
      %collapsed_19 = tensor.collapse_shape %extracted_slice_18 [[0, 1]] : tensor<1x16xf32> into tensor<16xf32>
      %25 = arith.index_cast %arg10 : i32 to index
      %26 = arith.maxsi %25, %c0 : index
      %27 = arith.minsi %26, %c1 : index
      %extracted_slice_20 = tensor.extract_slice %arg9[%27, 0] [1, 16] [1, 1] : tensor<2x16xf32> to tensor<1x16xf32>
      %collapsed_21 = tensor.collapse_shape %extracted_slice_20 [[0, 1]] : tensor<1x16xf32> into tensor<16xf32>
      %28 = tensor.empty() : tensor<8x16xf32>
      %29 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg11 : tensor<8x16xf32>) outs(%28 : tensor<8x16xf32>) {
      ^bb0(%in: f32, %out: f32):
        %141 = arith.mulf %in, %in : f32
        linalg.yield %141 : f32
      } -> tensor<8x16xf32>
      %30 = tensor.empty() : tensor<8xf32>
      %31 = linalg.fill ins(%cst_5 : f32) outs(%30 : tensor<8xf32>) -> tensor<8xf32>
      %32 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "reduction"]} ins(%29 : tensor<8x16xf32>) outs(%31 : tensor<8xf32>) {
      ^bb0(%in: f32, %out: f32):
        %141 = arith.addf %out, %in : f32
        linalg.yield %141 : f32
      } -> tensor<8xf32>
      %expanded = tensor.expand_shape %32 [[0, 1]] output_shape [8, 1] : tensor<8xf32> into tensor<8x1xf32>
      %33 = tensor.empty() : tensor<8x1xf32>
      %34 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%expanded : tensor<8x1xf32>) outs(%33 : tensor<8x1xf32>) {
      ^bb0(%in: f32, %out: f32):
        %141 = arith.divf %in, %cst_4 : f32
        linalg.yield %141 : f32
      } -> tensor<8x1xf32>
      %35 = tensor.empty() : tensor<8x1xf32>
      %36 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%34 : tensor<8x1xf32>) outs(%35 : tensor<8x1xf32>) {
      ^bb0(%in: f32, %out: f32):
        %141 = arith.addf %in, %cst_3 : f32
        linalg.yield %141 : f32
      } -> tensor<8x1xf32>
      %37 = tensor.empty() : tensor<8x1xf32>
      %38 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%36 : tensor<8x1xf32>) outs(%37 : tensor<8x1xf32>) {
      ^bb0(%in: f32, %out: f32):
        %141 = math.rsqrt %in : f32
        linalg.yield %141 : f32
      } -> tensor<8x1xf32>
      %39 = tensor.empty() : tensor<8x16xf32>
      %40 = linalg.generic {indexing_maps = [#map2, #map], iterator_types = ["parallel", "parallel"]} ins(%38 : tensor<8x1xf32>) outs(%39 : tensor<8x16xf32>) {
      ^bb0(%in: f32, %out: f32):
        linalg.yield %in : f32
      } -> tensor<8x16xf32>
      %41 = tensor.empty() : tensor<8x16xf32>
      %42 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg11, %40 : tensor<8x16xf32>, tensor<8x16xf32>) outs(%41 : tensor<8x16xf32>) {
      ^bb0(%in: f32, %in_23: f32, %out: f32):
        %141 = arith.mulf %in, %in_23 : f32
        linalg.yield %141 : f32
      } -> tensor<8x16xf32>
      %43 = tensor.empty() : tensor<8x16xf32>
      %44 = linalg.generic {indexing_maps = [#map3, #map], iterator_types = ["parallel", "parallel"]} ins(%collapsed_19 : tensor<16xf32>) outs(%43 : tensor<8x16xf32>) {
      ^bb0(%in: f32, %out: f32):
        linalg.yield %in : f32
      } -> tensor<8x16xf32>
      %45 = tensor.empty() : tensor<8x16xf32>
      %46 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%42, %44 : tensor<8x16xf32>, tensor<8x16xf32>) outs(%45 : tensor<8x16xf32>) {
      ^bb0(%in: f32, %in_23: f32, %out: f32):
        %141 = arith.mulf %in, %in_23 : f32
        linalg.yield %141 : f32
      } -> tensor<8x16xf32>
      %47 = tensor.empty() : tensor<8x16xf32>
      %48 = linalg.fill ins(%cst_5 : f32) outs(%47 : tensor<8x16xf32>) -> tensor<8x16xf32>
      %49 = linalg.matmul ins(%46, %collapsed : tensor<8x16xf32>, tensor<16x16xf32>) outs(%48 : tensor<8x16xf32>) -> tensor<8x16xf32>
      %50 = tensor.empty() : tensor<8x16xf32>
      %51 = linalg.fill ins(%cst_5 : f32) outs(%50 : tensor<8x16xf32>) -> tensor<8x16xf32>
      %52 = linalg.matmul ins(%46, %collapsed_7 : tensor<8x16xf32>, tensor<16x16xf32>) outs(%51 : tensor<8x16xf32>) -> tensor<8x16xf32>
      %53 = tensor.empty() : tensor<8x16xf32>
      %54 = linalg.fill ins(%cst_5 : f32) outs(%53 : tensor<8x16xf32>) -> tensor<8x16xf32>
      %55 = linalg.matmul ins(%46, %collapsed_9 : tensor<8x16xf32>, tensor<16x16xf32>) outs(%54 : tensor<8x16xf32>) -> tensor<8x16xf32>
      %56 = tensor.empty() : tensor<16x8xf32>
      %57 = linalg.generic {indexing_maps = [#map4, #map], iterator_types = ["parallel", "parallel"]} ins(%52 : tensor<8x16xf32>) outs(%56 : tensor<16x8xf32>) {
      ^bb0(%in: f32, %out: f32):
        linalg.yield %in : f32
      } -> tensor<16x8xf32>
      %58 = tensor.empty() : tensor<8x8xf32>
      %59 = linalg.fill ins(%cst_5 : f32) outs(%58 : tensor<8x8xf32>) -> tensor<8x8xf32>
      %60 = linalg.matmul ins(%49, %57 : tensor<8x16xf32>, tensor<16x8xf32>) outs(%59 : tensor<8x8xf32>) -> tensor<8x8xf32>
      %61 = tensor.empty() : tensor<f32>
      %62 = linalg.generic {indexing_maps = [#map5], iterator_types = []} outs(%61 : tensor<f32>) {
      ^bb0(%out: f32):
        linalg.yield %cst : f32
      } -> tensor<f32>
      %63 = tensor.empty() : tensor<8x8xf32>
      %64 = linalg.generic {indexing_maps = [#map6, #map], iterator_types = ["parallel", "parallel"]} ins(%62 : tensor<f32>) outs(%63 : tensor<8x8xf32>) {
      ^bb0(%in: f32, %out: f32):
        linalg.yield %in : f32
      } -> tensor<8x8xf32>
      %65 = tensor.empty() : tensor<8x8xf32>
      %66 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%60, %64 : tensor<8x8xf32>, tensor<8x8xf32>) outs(%65 : tensor<8x8xf32>) {
      ^bb0(%in: f32, %in_23: f32, %out: f32):
        %141 = arith.divf %in, %in_23 : f32
        linalg.yield %141 : f32
      } -> tensor<8x8xf32>
      %67 = tensor.empty() : tensor<8x8xi32>
      %68 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel", "parallel"]} outs(%67 : tensor<8x8xi32>) {
      ^bb0(%out: i32):
        %141 = linalg.index 0 : index
        %142 = arith.index_cast %141 : index to i32
        linalg.yield %142 : i32
      } -> tensor<8x8xi32>
      %69 = tensor.empty() : tensor<8x8xi32>
      %70 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel", "parallel"]} outs(%69 : tensor<8x8xi32>) {
      ^bb0(%out: i32):
        %141 = linalg.index 1 : index
        %142 = arith.index_cast %141 : index to i32
        linalg.yield %142 : i32
      } -> tensor<8x8xi32>
      %71 = tensor.empty() : tensor<8x8xi1>
      %72 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%68, %70 : tensor<8x8xi32>, tensor<8x8xi32>) outs(%71 : tensor<8x8xi1>) {
      ^bb0(%in: i32, %in_23: i32, %out: i1):
        %141 = arith.cmpi sge, %in, %in_23 : i32
        linalg.yield %141 : i1
      } -> tensor<8x8xi1>
      %73 = tensor.empty() : tensor<8x8xf32>
      %74 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%72, %66 : tensor<8x8xi1>, tensor<8x8xf32>) outs(%73 : tensor<8x8xf32>) {
      ^bb0(%in: i1, %in_23: f32, %out: f32):
        %141 = arith.select %in, %in_23, %cst_2 : f32
        linalg.yield %141 : f32
      } -> tensor<8x8xf32>
      %75 = tensor.empty() : tensor<8xf32>
      %76 = linalg.fill ins(%cst_1 : f32) outs(%75 : tensor<8xf32>) -> tensor<8xf32>
      %77 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "reduction"]} ins(%74 : tensor<8x8xf32>) outs(%76 : tensor<8xf32>) {
      ^bb0(%in: f32, %out: f32):
        %141 = arith.maximumf %out, %in : f32
        linalg.yield %141 : f32
      } -> tensor<8xf32>
      %78 = tensor.empty() : tensor<8x8xf32>
      %79 = linalg.generic {indexing_maps = [#map1, #map], iterator_types = ["parallel", "parallel"]} ins(%77 : tensor<8xf32>) outs(%78 : tensor<8x8xf32>) {
      ^bb0(%in: f32, %out: f32):
        linalg.yield %in : f32
      } -> tensor<8x8xf32>
      %80 = tensor.empty() : tensor<8x8xf32>
      %81 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%74, %79 : tensor<8x8xf32>, tensor<8x8xf32>) outs(%80 : tensor<8x8xf32>) {
      ^bb0(%in: f32, %in_23: f32, %out: f32):
        %141 = arith.subf %in, %in_23 : f32
        linalg.yield %141 : f32
      } -> tensor<8x8xf32>
      %82 = tensor.empty() : tensor<8x8xf32>
      %83 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%81 : tensor<8x8xf32>) outs(%82 : tensor<8x8xf32>) {
      ^bb0(%in: f32, %out: f32):
        %141 = math.exp %in : f32
        linalg.yield %141 : f32
      } -> tensor<8x8xf32>
      %84 = tensor.empty() : tensor<8xf32>
      %85 = linalg.fill ins(%cst_5 : f32) outs(%84 : tensor<8xf32>) -> tensor<8xf32>
      %86 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "reduction"]} ins(%83 : tensor<8x8xf32>) outs(%85 : tensor<8xf32>) {
      ^bb0(%in: f32, %out: f32):
        %141 = arith.addf %out, %in : f32
        linalg.yield %141 : f32
      } -> tensor<8xf32>
      %87 = tensor.empty() : tensor<8x8xf32>
      %88 = linalg.generic {indexing_maps = [#map1, #map], iterator_types = ["parallel", "parallel"]} ins(%86 : tensor<8xf32>) outs(%87 : tensor<8x8xf32>) {
      ^bb0(%in: f32, %out: f32):
        linalg.yield %in : f32
      } -> tensor<8x8xf32>
      %89 = tensor.empty() : tensor<8x8xf32>
      %90 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%83, %88 : tensor<8x8xf32>, tensor<8x8xf32>) outs(%89 : tensor<8x8xf32>) {
      ^bb0(%in: f32, %in_23: f32, %out: f32):
        %141 = arith.divf %in, %in_23 : f32
        linalg.yield %141 : f32
      } -> tensor<8x8xf32>
      %91 = tensor.empty() : tensor<8x16xf32>
      %92 = linalg.fill ins(%cst_5 : f32) outs(%91 : tensor<8x16xf32>) -> tensor<8x16xf32>
      %93 = linalg.matmul ins(%90, %55 : tensor<8x8xf32>, tensor<8x16xf32>) outs(%92 : tensor<8x16xf32>) -> tensor<8x16xf32>
      %94 = tensor.empty() : tensor<8x16xf32>
      %95 = linalg.fill ins(%cst_5 : f32) outs(%94 : tensor<8x16xf32>) -> tensor<8x16xf32>
      %96 = linalg.matmul ins(%93, %collapsed_11 : tensor<8x16xf32>, tensor<16x16xf32>) outs(%95 : tensor<8x16xf32>) -> tensor<8x16xf32>
      %97 = tensor.empty() : tensor<8x16xf32>
      %98 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg11, %96 : tensor<8x16xf32>, tensor<8x16xf32>) outs(%97 : tensor<8x16xf32>) {
      ^bb0(%in: f32, %in_23: f32, %out: f32):
        %141 = arith.addf %in, %in_23 : f32
        linalg.yield %141 : f32
      } -> tensor<8x16xf32>
      %99 = tensor.empty() : tensor<8x16xf32>
      %100 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%98 : tensor<8x16xf32>) outs(%99 : tensor<8x16xf32>) {
      ^bb0(%in: f32, %out: f32):
        %141 = arith.mulf %in, %in : f32
        linalg.yield %141 : f32
      } -> tensor<8x16xf32>
      %101 = tensor.empty() : tensor<8xf32>
      %102 = linalg.fill ins(%cst_5 : f32) outs(%101 : tensor<8xf32>) -> tensor<8xf32>
      %103 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "reduction"]} ins(%100 : tensor<8x16xf32>) outs(%102 : tensor<8xf32>) {
      ^bb0(%in: f32, %out: f32):
        %141 = arith.addf %out, %in : f32
        linalg.yield %141 : f32
      } -> tensor<8xf32>
      %expanded_22 = tensor.expand_shape %103 [[0, 1]] output_shape [8, 1] : tensor<8xf32> into tensor<8x1xf32>
      %104 = tensor.empty() : tensor<8x1xf32>
      %105 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%expanded_22 : tensor<8x1xf32>) outs(%104 : tensor<8x1xf32>) {
      ^bb0(%in: f32, %out: f32):
        %141 = arith.divf %in, %cst_4 : f32
        linalg.yield %141 : f32
      } -> tensor<8x1xf32>
      %106 = tensor.empty() : tensor<8x1xf32>
      %107 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%105 : tensor<8x1xf32>) outs(%106 : tensor<8x1xf32>) {
      ^bb0(%in: f32, %out: f32):
        %141 = arith.addf %in, %cst_3 : f32
        linalg.yield %141 : f32
      } -> tensor<8x1xf32>
      %108 = tensor.empty() : tensor<8x1xf32>
      %109 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%107 : tensor<8x1xf32>) outs(%108 : tensor<8x1xf32>) {
      ^bb0(%in: f32, %out: f32):
        %141 = math.rsqrt %in : f32
        linalg.yield %141 : f32
      } -> tensor<8x1xf32>
      %110 = tensor.empty() : tensor<8x16xf32>
      %111 = linalg.generic {indexing_maps = [#map2, #map], iterator_types = ["parallel", "parallel"]} ins(%109 : tensor<8x1xf32>) outs(%110 : tensor<8x16xf32>) {
      ^bb0(%in: f32, %out: f32):
        linalg.yield %in : f32
      } -> tensor<8x16xf32>
      %112 = tensor.empty() : tensor<8x16xf32>
      %113 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%98, %111 : tensor<8x16xf32>, tensor<8x16xf32>) outs(%112 : tensor<8x16xf32>) {
      ^bb0(%in: f32, %in_23: f32, %out: f32):
        %141 = arith.mulf %in, %in_23 : f32
        linalg.yield %141 : f32
      } -> tensor<8x16xf32>
      %114 = tensor.empty() : tensor<8x16xf32>
      %115 = linalg.generic {indexing_maps = [#map3, #map], iterator_types = ["parallel", "parallel"]} ins(%collapsed_21 : tensor<16xf32>) outs(%114 : tensor<8x16xf32>) {
      ^bb0(%in: f32, %out: f32):
        linalg.yield %in : f32
      } -> tensor<8x16xf32>
      %116 = tensor.empty() : tensor<8x16xf32>
      %117 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%113, %115 : tensor<8x16xf32>, tensor<8x16xf32>) outs(%116 : tensor<8x16xf32>) {
      ^bb0(%in: f32, %in_23: f32, %out: f32):
        %141 = arith.mulf %in, %in_23 : f32
        linalg.yield %141 : f32
      } -> tensor<8x16xf32>
      %118 = tensor.empty() : tensor<8x32xf32>
      %119 = linalg.fill ins(%cst_5 : f32) outs(%118 : tensor<8x32xf32>) -> tensor<8x32xf32>
      %120 = linalg.matmul ins(%117, %collapsed_13 : tensor<8x16xf32>, tensor<16x32xf32>) outs(%119 : tensor<8x32xf32>) -> tensor<8x32xf32>
      %121 = tensor.empty() : tensor<8x32xf32>
      %122 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%120 : tensor<8x32xf32>) outs(%121 : tensor<8x32xf32>) {
      ^bb0(%in: f32, %out: f32):
        %141 = arith.negf %in : f32
        linalg.yield %141 : f32
      } -> tensor<8x32xf32>
      %123 = tensor.empty() : tensor<8x32xf32>
      %124 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%122 : tensor<8x32xf32>) outs(%123 : tensor<8x32xf32>) {
      ^bb0(%in: f32, %out: f32):
        %141 = math.exp %in : f32
        linalg.yield %141 : f32
      } -> tensor<8x32xf32>
      %125 = tensor.empty() : tensor<8x32xf32>
      %126 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%124 : tensor<8x32xf32>) outs(%125 : tensor<8x32xf32>) {
      ^bb0(%in: f32, %out: f32):
        %141 = arith.addf %in, %cst_0 : f32
        linalg.yield %141 : f32
      } -> tensor<8x32xf32>
      %127 = tensor.empty() : tensor<8x32xf32>
      %128 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%126 : tensor<8x32xf32>) outs(%127 : tensor<8x32xf32>) {
      ^bb0(%in: f32, %out: f32):
        %141 = arith.divf %cst_0, %in : f32
        linalg.yield %141 : f32
      } -> tensor<8x32xf32>
      %129 = tensor.empty() : tensor<8x32xf32>
      %130 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%120, %128 : tensor<8x32xf32>, tensor<8x32xf32>) outs(%129 : tensor<8x32xf32>) {
      ^bb0(%in: f32, %in_23: f32, %out: f32):
        %141 = arith.mulf %in, %in_23 : f32
        linalg.yield %141 : f32
      } -> tensor<8x32xf32>
      %131 = tensor.empty() : tensor<8x32xf32>
      %132 = linalg.fill ins(%cst_5 : f32) outs(%131 : tensor<8x32xf32>) -> tensor<8x32xf32>
      %133 = linalg.matmul ins(%117, %collapsed_15 : tensor<8x16xf32>, tensor<16x32xf32>) outs(%132 : tensor<8x32xf32>) -> tensor<8x32xf32>
      %134 = tensor.empty() : tensor<8x32xf32>
      %135 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%130, %133 : tensor<8x32xf32>, tensor<8x32xf32>) outs(%134 : tensor<8x32xf32>) {
      ^bb0(%in: f32, %in_23: f32, %out: f32):
        %141 = arith.mulf %in, %in_23 : f32
        linalg.yield %141 : f32
      } -> tensor<8x32xf32>
      %136 = tensor.empty() : tensor<8x16xf32>
      %137 = linalg.fill ins(%cst_5 : f32) outs(%136 : tensor<8x16xf32>) -> tensor<8x16xf32>
      %138 = linalg.matmul ins(%135, %collapsed_17 : tensor<8x32xf32>, tensor<32x16xf32>) outs(%137 : tensor<8x16xf32>) -> tensor<8x16xf32>
      %139 = tensor.empty() : tensor<8x16xf32>
      %140 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%98, %138 : tensor<8x16xf32>, tensor<8x16xf32>) outs(%139 : tensor<8x16xf32>) {
      ^bb0(%in: f32, %in_23: f32, %out: f32):
        %141 = arith.addf %in, %in_23 : f32
        linalg.yield %141 : f32
      } -> tensor<8x16xf32>
      scf.yield %140 : tensor<8x16xf32>
    }
    return %0 : tensor<8x16xf32>
  }
}
