#map = affine_map<() -> ()>
#map1 = affine_map<(d0, d1) -> (d0, d1)>
#map2 = affine_map<(d0, d1) -> (d0)>
#map3 = affine_map<(d0, d1) -> (d0, 0)>
#map4 = affine_map<(d0, d1) -> (d1)>
#map5 = affine_map<(d0, d1) -> (d1, d0)>
#map6 = affine_map<(d0, d1) -> ()>
module @jit_while_loop {
  func.func public @main(%arg0: tensor<8x16xf32>, %arg1: tensor<2x16x16xf32>, %arg2: tensor<2x16x16xf32>, %arg3: tensor<2x16x16xf32>, %arg4: tensor<2x16x16xf32>, %arg5: tensor<2x16x32xf32>, %arg6: tensor<2x16x32xf32>, %arg7: tensor<2x32x16xf32>, %arg8: tensor<2x16xf32>, %arg9: tensor<2x16xf32>, %arg10: tensor<i32>) -> tensor<8x16xf32> {
    %cst = arith.constant 4.000000e+00 : f32
    %cst_0 = arith.constant 1.000000e+00 : f32
    %cst_1 = arith.constant 0xFF800000 : f32
    %cst_2 = arith.constant -1.000000e+09 : f32
    %cst_3 = arith.constant 9.99999974E-6 : f32
    %cst_4 = arith.constant 1.600000e+01 : f32
    %cst_5 = arith.constant 0.000000e+00 : f32
    %c1_i32 = arith.constant 1 : i32
    %c1 = arith.constant 1 : index
    %c0 = arith.constant 0 : index
    %c2_i32 = arith.constant 2 : i32
    %c0_i32 = arith.constant 0 : i32
    %cst_6 = arith.constant dense<0> : tensor<i32>
    %0:2 = scf.while (%arg11 = %cst_6, %arg12 = %arg0) : (tensor<i32>, tensor<8x16xf32>) -> (tensor<i32>, tensor<8x16xf32>) {
      %1 = tensor.empty() : tensor<i1>
      %2 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = []} ins(%arg11, %arg10 : tensor<i32>, tensor<i32>) outs(%1 : tensor<i1>) {
      ^bb0(%in: i32, %in_7: i32, %out: i1):
        %3 = arith.cmpi slt, %in, %in_7 : i32
        linalg.yield %3 : i1
      } -> tensor<i1>
      %extracted = tensor.extract %2[] : tensor<i1>
      scf.condition(%extracted) %arg11, %arg12 : tensor<i32>, tensor<8x16xf32>
    } do {
    ^bb0(%arg11: tensor<i32>, %arg12: tensor<8x16xf32>):
      %1 = tensor.empty() : tensor<i1>
      %2 = linalg.generic {indexing_maps = [#map, #map], iterator_types = []} ins(%arg11 : tensor<i32>) outs(%1 : tensor<i1>) {
      ^bb0(%in: i32, %out: i1):
        %149 = arith.cmpi slt, %in, %c0_i32 : i32
        linalg.yield %149 : i1
      } -> tensor<i1>
      %3 = tensor.empty() : tensor<i32>
      %4 = linalg.generic {indexing_maps = [#map, #map], iterator_types = []} ins(%arg11 : tensor<i32>) outs(%3 : tensor<i32>) {
      ^bb0(%in: i32, %out: i32):
        %149 = arith.addi %in, %c2_i32 : i32
        linalg.yield %149 : i32
      } -> tensor<i32>
      %5 = tensor.empty() : tensor<i32>
      %6 = linalg.generic {indexing_maps = [#map, #map, #map, #map], iterator_types = []} ins(%2, %4, %arg11 : tensor<i1>, tensor<i32>, tensor<i32>) outs(%5 : tensor<i32>) {
      ^bb0(%in: i1, %in_32: i32, %in_33: i32, %out: i32):
        %149 = arith.select %in, %in_32, %in_33 : i32
        linalg.yield %149 : i32
      } -> tensor<i32>
      %extracted = tensor.extract %6[] : tensor<i32>
      %7 = arith.index_cast %extracted : i32 to index
      %8 = arith.maxsi %7, %c0 : index
      %9 = arith.minsi %8, %c1 : index
      %extracted_slice = tensor.extract_slice %arg1[%9, 0, 0] [1, 16, 16] [1, 1, 1] : tensor<2x16x16xf32> to tensor<1x16x16xf32>
      %collapsed = tensor.collapse_shape %extracted_slice [[0, 1], [2]] : tensor<1x16x16xf32> into tensor<16x16xf32>
      %extracted_7 = tensor.extract %6[] : tensor<i32>
      %10 = arith.index_cast %extracted_7 : i32 to index
      %11 = arith.maxsi %10, %c0 : index
      %12 = arith.minsi %11, %c1 : index
      %extracted_slice_8 = tensor.extract_slice %arg2[%12, 0, 0] [1, 16, 16] [1, 1, 1] : tensor<2x16x16xf32> to tensor<1x16x16xf32>
      %collapsed_9 = tensor.collapse_shape %extracted_slice_8 [[0, 1], [2]] : tensor<1x16x16xf32> into tensor<16x16xf32>
      %extracted_10 = tensor.extract %6[] : tensor<i32>
      %13 = arith.index_cast %extracted_10 : i32 to index
      %14 = arith.maxsi %13, %c0 : index
      %15 = arith.minsi %14, %c1 : index
      %extracted_slice_11 = tensor.extract_slice %arg3[%15, 0, 0] [1, 16, 16] [1, 1, 1] : tensor<2x16x16xf32> to tensor<1x16x16xf32>
      %collapsed_12 = tensor.collapse_shape %extracted_slice_11 [[0, 1], [2]] : tensor<1x16x16xf32> into tensor<16x16xf32>
      %extracted_13 = tensor.extract %6[] : tensor<i32>
      %16 = arith.index_cast %extracted_13 : i32 to index
      %17 = arith.maxsi %16, %c0 : index
      %18 = arith.minsi %17, %c1 : index
      %extracted_slice_14 = tensor.extract_slice %arg4[%18, 0, 0] [1, 16, 16] [1, 1, 1] : tensor<2x16x16xf32> to tensor<1x16x16xf32>
      %collapsed_15 = tensor.collapse_shape %extracted_slice_14 [[0, 1], [2]] : tensor<1x16x16xf32> into tensor<16x16xf32>
      %extracted_16 = tensor.extract %6[] : tensor<i32>
      %19 = arith.index_cast %extracted_16 : i32 to index
      %20 = arith.maxsi %19, %c0 : index
      %21 = arith.minsi %20, %c1 : index
      %extracted_slice_17 = tensor.extract_slice %arg5[%21, 0, 0] [1, 16, 32] [1, 1, 1] : tensor<2x16x32xf32> to tensor<1x16x32xf32>
      %collapsed_18 = tensor.collapse_shape %extracted_slice_17 [[0, 1], [2]] : tensor<1x16x32xf32> into tensor<16x32xf32>
      %extracted_19 = tensor.extract %6[] : tensor<i32>
      %22 = arith.index_cast %extracted_19 : i32 to index
      %23 = arith.maxsi %22, %c0 : index
      %24 = arith.minsi %23, %c1 : index
      %extracted_slice_20 = tensor.extract_slice %arg6[%24, 0, 0] [1, 16, 32] [1, 1, 1] : tensor<2x16x32xf32> to tensor<1x16x32xf32>
      %collapsed_21 = tensor.collapse_shape %extracted_slice_20 [[0, 1], [2]] : tensor<1x16x32xf32> into tensor<16x32xf32>
      %extracted_22 = tensor.extract %6[] : tensor<i32>
      %25 = arith.index_cast %extracted_22 : i32 to index
      %26 = arith.maxsi %25, %c0 : index
      %27 = arith.minsi %26, %c1 : index
      %extracted_slice_23 = tensor.extract_slice %arg7[%27, 0, 0] [1, 32, 16] [1, 1, 1] : tensor<2x32x16xf32> to tensor<1x32x16xf32>
      %collapsed_24 = tensor.collapse_shape %extracted_slice_23 [[0, 1], [2]] : tensor<1x32x16xf32> into tensor<32x16xf32>
      %extracted_25 = tensor.extract %6[] : tensor<i32>
      %28 = arith.index_cast %extracted_25 : i32 to index
      %29 = arith.maxsi %28, %c0 : index
      %30 = arith.minsi %29, %c1 : index
      %extracted_slice_26 = tensor.extract_slice %arg8[%30, 0] [1, 16] [1, 1] : tensor<2x16xf32> to tensor<1x16xf32>
      %collapsed_27 = tensor.collapse_shape %extracted_slice_26 [[0, 1]] : tensor<1x16xf32> into tensor<16xf32>
      %extracted_28 = tensor.extract %6[] : tensor<i32>
      %31 = arith.index_cast %extracted_28 : i32 to index
      %32 = arith.maxsi %31, %c0 : index
      %33 = arith.minsi %32, %c1 : index
      %extracted_slice_29 = tensor.extract_slice %arg9[%33, 0] [1, 16] [1, 1] : tensor<2x16xf32> to tensor<1x16xf32>
      %collapsed_30 = tensor.collapse_shape %extracted_slice_29 [[0, 1]] : tensor<1x16xf32> into tensor<16xf32>
      %34 = tensor.empty() : tensor<i32>
      %35 = linalg.generic {indexing_maps = [#map, #map], iterator_types = []} ins(%arg11 : tensor<i32>) outs(%34 : tensor<i32>) {
      ^bb0(%in: i32, %out: i32):
        %149 = arith.addi %in, %c1_i32 : i32
        linalg.yield %149 : i32
      } -> tensor<i32>
      %36 = tensor.empty() : tensor<8x16xf32>
      %37 = linalg.generic {indexing_maps = [#map1, #map1], iterator_types = ["parallel", "parallel"]} ins(%arg12 : tensor<8x16xf32>) outs(%36 : tensor<8x16xf32>) {
      ^bb0(%in: f32, %out: f32):
        %149 = arith.mulf %in, %in : f32
        linalg.yield %149 : f32
      } -> tensor<8x16xf32>
      %38 = tensor.empty() : tensor<8xf32>
      %39 = linalg.fill ins(%cst_5 : f32) outs(%38 : tensor<8xf32>) -> tensor<8xf32>
      %40 = linalg.generic {indexing_maps = [#map1, #map2], iterator_types = ["parallel", "reduction"]} ins(%37 : tensor<8x16xf32>) outs(%39 : tensor<8xf32>) {
      ^bb0(%in: f32, %out: f32):
        %149 = arith.addf %out, %in : f32
        linalg.yield %149 : f32
      } -> tensor<8xf32>
      %expanded = tensor.expand_shape %40 [[0, 1]] output_shape [8, 1] : tensor<8xf32> into tensor<8x1xf32>
      %41 = tensor.empty() : tensor<8x1xf32>
      %42 = linalg.generic {indexing_maps = [#map1, #map1], iterator_types = ["parallel", "parallel"]} ins(%expanded : tensor<8x1xf32>) outs(%41 : tensor<8x1xf32>) {
      ^bb0(%in: f32, %out: f32):
        %149 = arith.divf %in, %cst_4 : f32
        linalg.yield %149 : f32
      } -> tensor<8x1xf32>
      %43 = tensor.empty() : tensor<8x1xf32>
      %44 = linalg.generic {indexing_maps = [#map1, #map1], iterator_types = ["parallel", "parallel"]} ins(%42 : tensor<8x1xf32>) outs(%43 : tensor<8x1xf32>) {
      ^bb0(%in: f32, %out: f32):
        %149 = arith.addf %in, %cst_3 : f32
        linalg.yield %149 : f32
      } -> tensor<8x1xf32>
      %45 = tensor.empty() : tensor<8x1xf32>
      %46 = linalg.generic {indexing_maps = [#map1, #map1], iterator_types = ["parallel", "parallel"]} ins(%44 : tensor<8x1xf32>) outs(%45 : tensor<8x1xf32>) {
      ^bb0(%in: f32, %out: f32):
        %149 = math.rsqrt %in : f32
        linalg.yield %149 : f32
      } -> tensor<8x1xf32>
      %47 = tensor.empty() : tensor<8x16xf32>
      %48 = linalg.generic {indexing_maps = [#map3, #map1], iterator_types = ["parallel", "parallel"]} ins(%46 : tensor<8x1xf32>) outs(%47 : tensor<8x16xf32>) {
      ^bb0(%in: f32, %out: f32):
        linalg.yield %in : f32
      } -> tensor<8x16xf32>
      %49 = tensor.empty() : tensor<8x16xf32>
      %50 = linalg.generic {indexing_maps = [#map1, #map1, #map1], iterator_types = ["parallel", "parallel"]} ins(%arg12, %48 : tensor<8x16xf32>, tensor<8x16xf32>) outs(%49 : tensor<8x16xf32>) {
      ^bb0(%in: f32, %in_32: f32, %out: f32):
        %149 = arith.mulf %in, %in_32 : f32
        linalg.yield %149 : f32
      } -> tensor<8x16xf32>
      %51 = tensor.empty() : tensor<8x16xf32>
      %52 = linalg.generic {indexing_maps = [#map4, #map1], iterator_types = ["parallel", "parallel"]} ins(%collapsed_27 : tensor<16xf32>) outs(%51 : tensor<8x16xf32>) {
      ^bb0(%in: f32, %out: f32):
        linalg.yield %in : f32
      } -> tensor<8x16xf32>
      %53 = tensor.empty() : tensor<8x16xf32>
      %54 = linalg.generic {indexing_maps = [#map1, #map1, #map1], iterator_types = ["parallel", "parallel"]} ins(%50, %52 : tensor<8x16xf32>, tensor<8x16xf32>) outs(%53 : tensor<8x16xf32>) {
      ^bb0(%in: f32, %in_32: f32, %out: f32):
        %149 = arith.mulf %in, %in_32 : f32
        linalg.yield %149 : f32
      } -> tensor<8x16xf32>
      %55 = tensor.empty() : tensor<8x16xf32>
      %56 = linalg.fill ins(%cst_5 : f32) outs(%55 : tensor<8x16xf32>) -> tensor<8x16xf32>
      %57 = linalg.matmul ins(%54, %collapsed : tensor<8x16xf32>, tensor<16x16xf32>) outs(%56 : tensor<8x16xf32>) -> tensor<8x16xf32>
      %58 = tensor.empty() : tensor<8x16xf32>
      %59 = linalg.fill ins(%cst_5 : f32) outs(%58 : tensor<8x16xf32>) -> tensor<8x16xf32>
      %60 = linalg.matmul ins(%54, %collapsed_9 : tensor<8x16xf32>, tensor<16x16xf32>) outs(%59 : tensor<8x16xf32>) -> tensor<8x16xf32>
      %61 = tensor.empty() : tensor<8x16xf32>
      %62 = linalg.fill ins(%cst_5 : f32) outs(%61 : tensor<8x16xf32>) -> tensor<8x16xf32>
      %63 = linalg.matmul ins(%54, %collapsed_12 : tensor<8x16xf32>, tensor<16x16xf32>) outs(%62 : tensor<8x16xf32>) -> tensor<8x16xf32>
      %64 = tensor.empty() : tensor<16x8xf32>
      %65 = linalg.generic {indexing_maps = [#map5, #map1], iterator_types = ["parallel", "parallel"]} ins(%60 : tensor<8x16xf32>) outs(%64 : tensor<16x8xf32>) {
      ^bb0(%in: f32, %out: f32):
        linalg.yield %in : f32
      } -> tensor<16x8xf32>
      %66 = tensor.empty() : tensor<8x8xf32>
      %67 = linalg.fill ins(%cst_5 : f32) outs(%66 : tensor<8x8xf32>) -> tensor<8x8xf32>
      %68 = linalg.matmul ins(%57, %65 : tensor<8x16xf32>, tensor<16x8xf32>) outs(%67 : tensor<8x8xf32>) -> tensor<8x8xf32>
      %69 = tensor.empty() : tensor<f32>
      %70 = linalg.generic {indexing_maps = [#map], iterator_types = []} outs(%69 : tensor<f32>) {
      ^bb0(%out: f32):
        linalg.yield %cst : f32
      } -> tensor<f32>
      %71 = tensor.empty() : tensor<8x8xf32>
      %72 = linalg.generic {indexing_maps = [#map6, #map1], iterator_types = ["parallel", "parallel"]} ins(%70 : tensor<f32>) outs(%71 : tensor<8x8xf32>) {
      ^bb0(%in: f32, %out: f32):
        linalg.yield %in : f32
      } -> tensor<8x8xf32>
      %73 = tensor.empty() : tensor<8x8xf32>
      %74 = linalg.generic {indexing_maps = [#map1, #map1, #map1], iterator_types = ["parallel", "parallel"]} ins(%68, %72 : tensor<8x8xf32>, tensor<8x8xf32>) outs(%73 : tensor<8x8xf32>) {
      ^bb0(%in: f32, %in_32: f32, %out: f32):
        %149 = arith.divf %in, %in_32 : f32
        linalg.yield %149 : f32
      } -> tensor<8x8xf32>
      %75 = tensor.empty() : tensor<8x8xi32>
      %76 = linalg.generic {indexing_maps = [#map1], iterator_types = ["parallel", "parallel"]} outs(%75 : tensor<8x8xi32>) {
      ^bb0(%out: i32):
        %149 = linalg.index 0 : index
        %150 = arith.index_cast %149 : index to i32
        linalg.yield %150 : i32
      } -> tensor<8x8xi32>
      %77 = tensor.empty() : tensor<8x8xi32>
      %78 = linalg.generic {indexing_maps = [#map1], iterator_types = ["parallel", "parallel"]} outs(%77 : tensor<8x8xi32>) {
      ^bb0(%out: i32):
        %149 = linalg.index 1 : index
        %150 = arith.index_cast %149 : index to i32
        linalg.yield %150 : i32
      } -> tensor<8x8xi32>
      %79 = tensor.empty() : tensor<8x8xi1>
      %80 = linalg.generic {indexing_maps = [#map1, #map1, #map1], iterator_types = ["parallel", "parallel"]} ins(%76, %78 : tensor<8x8xi32>, tensor<8x8xi32>) outs(%79 : tensor<8x8xi1>) {
      ^bb0(%in: i32, %in_32: i32, %out: i1):
        %149 = arith.cmpi sge, %in, %in_32 : i32
        linalg.yield %149 : i1
      } -> tensor<8x8xi1>
      %81 = tensor.empty() : tensor<8x8xf32>
      %82 = linalg.generic {indexing_maps = [#map1, #map1, #map1], iterator_types = ["parallel", "parallel"]} ins(%80, %74 : tensor<8x8xi1>, tensor<8x8xf32>) outs(%81 : tensor<8x8xf32>) {
      ^bb0(%in: i1, %in_32: f32, %out: f32):
        %149 = arith.select %in, %in_32, %cst_2 : f32
        linalg.yield %149 : f32
      } -> tensor<8x8xf32>
      %83 = tensor.empty() : tensor<8xf32>
      %84 = linalg.fill ins(%cst_1 : f32) outs(%83 : tensor<8xf32>) -> tensor<8xf32>
      %85 = linalg.generic {indexing_maps = [#map1, #map2], iterator_types = ["parallel", "reduction"]} ins(%82 : tensor<8x8xf32>) outs(%84 : tensor<8xf32>) {
      ^bb0(%in: f32, %out: f32):
        %149 = arith.maximumf %out, %in : f32
        linalg.yield %149 : f32
      } -> tensor<8xf32>
      %86 = tensor.empty() : tensor<8x8xf32>
      %87 = linalg.generic {indexing_maps = [#map2, #map1], iterator_types = ["parallel", "parallel"]} ins(%85 : tensor<8xf32>) outs(%86 : tensor<8x8xf32>) {
      ^bb0(%in: f32, %out: f32):
        linalg.yield %in : f32
      } -> tensor<8x8xf32>
      %88 = tensor.empty() : tensor<8x8xf32>
      %89 = linalg.generic {indexing_maps = [#map1, #map1, #map1], iterator_types = ["parallel", "parallel"]} ins(%82, %87 : tensor<8x8xf32>, tensor<8x8xf32>) outs(%88 : tensor<8x8xf32>) {
      ^bb0(%in: f32, %in_32: f32, %out: f32):
        %149 = arith.subf %in, %in_32 : f32
        linalg.yield %149 : f32
      } -> tensor<8x8xf32>
      %90 = tensor.empty() : tensor<8x8xf32>
      %91 = linalg.generic {indexing_maps = [#map1, #map1], iterator_types = ["parallel", "parallel"]} ins(%89 : tensor<8x8xf32>) outs(%90 : tensor<8x8xf32>) {
      ^bb0(%in: f32, %out: f32):
        %149 = math.exp %in : f32
        linalg.yield %149 : f32
      } -> tensor<8x8xf32>
      %92 = tensor.empty() : tensor<8xf32>
      %93 = linalg.fill ins(%cst_5 : f32) outs(%92 : tensor<8xf32>) -> tensor<8xf32>
      %94 = linalg.generic {indexing_maps = [#map1, #map2], iterator_types = ["parallel", "reduction"]} ins(%91 : tensor<8x8xf32>) outs(%93 : tensor<8xf32>) {
      ^bb0(%in: f32, %out: f32):
        %149 = arith.addf %out, %in : f32
        linalg.yield %149 : f32
      } -> tensor<8xf32>
      %95 = tensor.empty() : tensor<8x8xf32>
      %96 = linalg.generic {indexing_maps = [#map2, #map1], iterator_types = ["parallel", "parallel"]} ins(%94 : tensor<8xf32>) outs(%95 : tensor<8x8xf32>) {
      ^bb0(%in: f32, %out: f32):
        linalg.yield %in : f32
      } -> tensor<8x8xf32>
      %97 = tensor.empty() : tensor<8x8xf32>
      %98 = linalg.generic {indexing_maps = [#map1, #map1, #map1], iterator_types = ["parallel", "parallel"]} ins(%91, %96 : tensor<8x8xf32>, tensor<8x8xf32>) outs(%97 : tensor<8x8xf32>) {
      ^bb0(%in: f32, %in_32: f32, %out: f32):
        %149 = arith.divf %in, %in_32 : f32
        linalg.yield %149 : f32
      } -> tensor<8x8xf32>
      %99 = tensor.empty() : tensor<8x16xf32>
      %100 = linalg.fill ins(%cst_5 : f32) outs(%99 : tensor<8x16xf32>) -> tensor<8x16xf32>
      %101 = linalg.matmul ins(%98, %63 : tensor<8x8xf32>, tensor<8x16xf32>) outs(%100 : tensor<8x16xf32>) -> tensor<8x16xf32>
      %102 = tensor.empty() : tensor<8x16xf32>
      %103 = linalg.fill ins(%cst_5 : f32) outs(%102 : tensor<8x16xf32>) -> tensor<8x16xf32>
      %104 = linalg.matmul ins(%101, %collapsed_15 : tensor<8x16xf32>, tensor<16x16xf32>) outs(%103 : tensor<8x16xf32>) -> tensor<8x16xf32>
      %105 = tensor.empty() : tensor<8x16xf32>
      %106 = linalg.generic {indexing_maps = [#map1, #map1, #map1], iterator_types = ["parallel", "parallel"]} ins(%arg12, %104 : tensor<8x16xf32>, tensor<8x16xf32>) outs(%105 : tensor<8x16xf32>) {
      ^bb0(%in: f32, %in_32: f32, %out: f32):
        %149 = arith.addf %in, %in_32 : f32
        linalg.yield %149 : f32
      } -> tensor<8x16xf32>
      %107 = tensor.empty() : tensor<8x16xf32>
      %108 = linalg.generic {indexing_maps = [#map1, #map1], iterator_types = ["parallel", "parallel"]} ins(%106 : tensor<8x16xf32>) outs(%107 : tensor<8x16xf32>) {
      ^bb0(%in: f32, %out: f32):
        %149 = arith.mulf %in, %in : f32
        linalg.yield %149 : f32
      } -> tensor<8x16xf32>
      %109 = tensor.empty() : tensor<8xf32>
      %110 = linalg.fill ins(%cst_5 : f32) outs(%109 : tensor<8xf32>) -> tensor<8xf32>
      %111 = linalg.generic {indexing_maps = [#map1, #map2], iterator_types = ["parallel", "reduction"]} ins(%108 : tensor<8x16xf32>) outs(%110 : tensor<8xf32>) {
      ^bb0(%in: f32, %out: f32):
        %149 = arith.addf %out, %in : f32
        linalg.yield %149 : f32
      } -> tensor<8xf32>
      %expanded_31 = tensor.expand_shape %111 [[0, 1]] output_shape [8, 1] : tensor<8xf32> into tensor<8x1xf32>
      %112 = tensor.empty() : tensor<8x1xf32>
      %113 = linalg.generic {indexing_maps = [#map1, #map1], iterator_types = ["parallel", "parallel"]} ins(%expanded_31 : tensor<8x1xf32>) outs(%112 : tensor<8x1xf32>) {
      ^bb0(%in: f32, %out: f32):
        %149 = arith.divf %in, %cst_4 : f32
        linalg.yield %149 : f32
      } -> tensor<8x1xf32>
      %114 = tensor.empty() : tensor<8x1xf32>
      %115 = linalg.generic {indexing_maps = [#map1, #map1], iterator_types = ["parallel", "parallel"]} ins(%113 : tensor<8x1xf32>) outs(%114 : tensor<8x1xf32>) {
      ^bb0(%in: f32, %out: f32):
        %149 = arith.addf %in, %cst_3 : f32
        linalg.yield %149 : f32
      } -> tensor<8x1xf32>
      %116 = tensor.empty() : tensor<8x1xf32>
      %117 = linalg.generic {indexing_maps = [#map1, #map1], iterator_types = ["parallel", "parallel"]} ins(%115 : tensor<8x1xf32>) outs(%116 : tensor<8x1xf32>) {
      ^bb0(%in: f32, %out: f32):
        %149 = math.rsqrt %in : f32
        linalg.yield %149 : f32
      } -> tensor<8x1xf32>
      %118 = tensor.empty() : tensor<8x16xf32>
      %119 = linalg.generic {indexing_maps = [#map3, #map1], iterator_types = ["parallel", "parallel"]} ins(%117 : tensor<8x1xf32>) outs(%118 : tensor<8x16xf32>) {
      ^bb0(%in: f32, %out: f32):
        linalg.yield %in : f32
      } -> tensor<8x16xf32>
      %120 = tensor.empty() : tensor<8x16xf32>
      %121 = linalg.generic {indexing_maps = [#map1, #map1, #map1], iterator_types = ["parallel", "parallel"]} ins(%106, %119 : tensor<8x16xf32>, tensor<8x16xf32>) outs(%120 : tensor<8x16xf32>) {
      ^bb0(%in: f32, %in_32: f32, %out: f32):
        %149 = arith.mulf %in, %in_32 : f32
        linalg.yield %149 : f32
      } -> tensor<8x16xf32>
      %122 = tensor.empty() : tensor<8x16xf32>
      %123 = linalg.generic {indexing_maps = [#map4, #map1], iterator_types = ["parallel", "parallel"]} ins(%collapsed_30 : tensor<16xf32>) outs(%122 : tensor<8x16xf32>) {
      ^bb0(%in: f32, %out: f32):
        linalg.yield %in : f32
      } -> tensor<8x16xf32>
      %124 = tensor.empty() : tensor<8x16xf32>
      %125 = linalg.generic {indexing_maps = [#map1, #map1, #map1], iterator_types = ["parallel", "parallel"]} ins(%121, %123 : tensor<8x16xf32>, tensor<8x16xf32>) outs(%124 : tensor<8x16xf32>) {
      ^bb0(%in: f32, %in_32: f32, %out: f32):
        %149 = arith.mulf %in, %in_32 : f32
        linalg.yield %149 : f32
      } -> tensor<8x16xf32>
      %126 = tensor.empty() : tensor<8x32xf32>
      %127 = linalg.fill ins(%cst_5 : f32) outs(%126 : tensor<8x32xf32>) -> tensor<8x32xf32>
      %128 = linalg.matmul ins(%125, %collapsed_18 : tensor<8x16xf32>, tensor<16x32xf32>) outs(%127 : tensor<8x32xf32>) -> tensor<8x32xf32>
      %129 = tensor.empty() : tensor<8x32xf32>
      %130 = linalg.generic {indexing_maps = [#map1, #map1], iterator_types = ["parallel", "parallel"]} ins(%128 : tensor<8x32xf32>) outs(%129 : tensor<8x32xf32>) {
      ^bb0(%in: f32, %out: f32):
        %149 = arith.negf %in : f32
        linalg.yield %149 : f32
      } -> tensor<8x32xf32>
      %131 = tensor.empty() : tensor<8x32xf32>
      %132 = linalg.generic {indexing_maps = [#map1, #map1], iterator_types = ["parallel", "parallel"]} ins(%130 : tensor<8x32xf32>) outs(%131 : tensor<8x32xf32>) {
      ^bb0(%in: f32, %out: f32):
        %149 = math.exp %in : f32
        linalg.yield %149 : f32
      } -> tensor<8x32xf32>
      %133 = tensor.empty() : tensor<8x32xf32>
      %134 = linalg.generic {indexing_maps = [#map1, #map1], iterator_types = ["parallel", "parallel"]} ins(%132 : tensor<8x32xf32>) outs(%133 : tensor<8x32xf32>) {
      ^bb0(%in: f32, %out: f32):
        %149 = arith.addf %in, %cst_0 : f32
        linalg.yield %149 : f32
      } -> tensor<8x32xf32>
      %135 = tensor.empty() : tensor<8x32xf32>
      %136 = linalg.generic {indexing_maps = [#map1, #map1], iterator_types = ["parallel", "parallel"]} ins(%134 : tensor<8x32xf32>) outs(%135 : tensor<8x32xf32>) {
      ^bb0(%in: f32, %out: f32):
        %149 = arith.divf %cst_0, %in : f32
        linalg.yield %149 : f32
      } -> tensor<8x32xf32>
      %137 = tensor.empty() : tensor<8x32xf32>
      %138 = linalg.generic {indexing_maps = [#map1, #map1, #map1], iterator_types = ["parallel", "parallel"]} ins(%128, %136 : tensor<8x32xf32>, tensor<8x32xf32>) outs(%137 : tensor<8x32xf32>) {
      ^bb0(%in: f32, %in_32: f32, %out: f32):
        %149 = arith.mulf %in, %in_32 : f32
        linalg.yield %149 : f32
      } -> tensor<8x32xf32>
      %139 = tensor.empty() : tensor<8x32xf32>
      %140 = linalg.fill ins(%cst_5 : f32) outs(%139 : tensor<8x32xf32>) -> tensor<8x32xf32>
      %141 = linalg.matmul ins(%125, %collapsed_21 : tensor<8x16xf32>, tensor<16x32xf32>) outs(%140 : tensor<8x32xf32>) -> tensor<8x32xf32>
      %142 = tensor.empty() : tensor<8x32xf32>
      %143 = linalg.generic {indexing_maps = [#map1, #map1, #map1], iterator_types = ["parallel", "parallel"]} ins(%138, %141 : tensor<8x32xf32>, tensor<8x32xf32>) outs(%142 : tensor<8x32xf32>) {
      ^bb0(%in: f32, %in_32: f32, %out: f32):
        %149 = arith.mulf %in, %in_32 : f32
        linalg.yield %149 : f32
      } -> tensor<8x32xf32>
      %144 = tensor.empty() : tensor<8x16xf32>
      %145 = linalg.fill ins(%cst_5 : f32) outs(%144 : tensor<8x16xf32>) -> tensor<8x16xf32>
      %146 = linalg.matmul ins(%143, %collapsed_24 : tensor<8x32xf32>, tensor<32x16xf32>) outs(%145 : tensor<8x16xf32>) -> tensor<8x16xf32>
      %147 = tensor.empty() : tensor<8x16xf32>
      %148 = linalg.generic {indexing_maps = [#map1, #map1, #map1], iterator_types = ["parallel", "parallel"]} ins(%106, %146 : tensor<8x16xf32>, tensor<8x16xf32>) outs(%147 : tensor<8x16xf32>) {
      ^bb0(%in: f32, %in_32: f32, %out: f32):
        %149 = arith.addf %in, %in_32 : f32
        linalg.yield %149 : f32
      } -> tensor<8x16xf32>
      scf.yield %35, %148 : tensor<i32>, tensor<8x16xf32>
    }
    return %0#1 : tensor<8x16xf32>
  }
}
