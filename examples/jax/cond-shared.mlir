#map = affine_map<(d0, d1) -> (d0, d1)>
#map1 = affine_map<(d0, d1) -> (d0)>
#map2 = affine_map<(d0, d1) -> (d0, 0)>
#map3 = affine_map<(d0, d1) -> (d1)>
#map4 = affine_map<(d0, d1) -> (d1, d0)>
#map5 = affine_map<() -> ()>
#map6 = affine_map<(d0, d1) -> ()>
module @jit_layer_skip {
  func.func public @main(%arg0: tensor<8x16xf32>, %arg1: tensor<16x16xf32>, %arg2: tensor<16x16xf32>, %arg3: tensor<16x16xf32>, %arg4: tensor<16x16xf32>, %arg5: tensor<16x32xf32>, %arg6: tensor<16x32xf32>, %arg7: tensor<32x16xf32>, %arg8: tensor<16xf32>, %arg9: tensor<16xf32>, %arg10: tensor<16x16xf32>, %arg11: tensor<16x16xf32>, %arg12: tensor<16x16xf32>, %arg13: tensor<16x16xf32>, %arg14: tensor<16x32xf32>, %arg15: tensor<16x32xf32>, %arg16: tensor<32x16xf32>, %arg17: tensor<16xf32>, %arg18: tensor<16xf32>, %arg19: tensor<i32>) -> tensor<8x16xf32> {
    %cst = arith.constant 4.000000e+00 : f32
    %c0_i32 = arith.constant 0 : i32
    %cst_0 = arith.constant 1.000000e+00 : f32
    %cst_1 = arith.constant 0xFF800000 : f32
    %cst_2 = arith.constant -1.000000e+09 : f32
    %cst_3 = arith.constant 9.99999974E-6 : f32
    %cst_4 = arith.constant 1.600000e+01 : f32
    %cst_5 = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<8x16xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0 : tensor<8x16xf32>) outs(%0 : tensor<8x16xf32>) {
    ^bb0(%in: f32, %out: f32):
      %120 = arith.mulf %in, %in : f32
      linalg.yield %120 : f32
    } -> tensor<8x16xf32>
    %2 = tensor.empty() : tensor<8xf32>
    %3 = linalg.fill ins(%cst_5 : f32) outs(%2 : tensor<8xf32>) -> tensor<8xf32>
    %4 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "reduction"]} ins(%1 : tensor<8x16xf32>) outs(%3 : tensor<8xf32>) {
    ^bb0(%in: f32, %out: f32):
      %120 = arith.addf %out, %in : f32
      linalg.yield %120 : f32
    } -> tensor<8xf32>
    %expanded = tensor.expand_shape %4 [[0, 1]] output_shape [8, 1] : tensor<8xf32> into tensor<8x1xf32>
    %5 = tensor.empty() : tensor<8x1xf32>
    %6 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%expanded : tensor<8x1xf32>) outs(%5 : tensor<8x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %120 = arith.divf %in, %cst_4 : f32
      linalg.yield %120 : f32
    } -> tensor<8x1xf32>
    %7 = tensor.empty() : tensor<8x1xf32>
    %8 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%6 : tensor<8x1xf32>) outs(%7 : tensor<8x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %120 = arith.addf %in, %cst_3 : f32
      linalg.yield %120 : f32
    } -> tensor<8x1xf32>
    %9 = tensor.empty() : tensor<8x1xf32>
    %10 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%8 : tensor<8x1xf32>) outs(%9 : tensor<8x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %120 = math.rsqrt %in : f32
      linalg.yield %120 : f32
    } -> tensor<8x1xf32>
    %11 = tensor.empty() : tensor<8x16xf32>
    %12 = linalg.generic {indexing_maps = [#map2, #map], iterator_types = ["parallel", "parallel"]} ins(%10 : tensor<8x1xf32>) outs(%11 : tensor<8x16xf32>) {
    ^bb0(%in: f32, %out: f32):
      linalg.yield %in : f32
    } -> tensor<8x16xf32>
    %13 = tensor.empty() : tensor<8x16xf32>
    %14 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0, %12 : tensor<8x16xf32>, tensor<8x16xf32>) outs(%13 : tensor<8x16xf32>) {
    ^bb0(%in: f32, %in_7: f32, %out: f32):
      %120 = arith.mulf %in, %in_7 : f32
      linalg.yield %120 : f32
    } -> tensor<8x16xf32>
    %15 = tensor.empty() : tensor<8x16xf32>
    %16 = linalg.generic {indexing_maps = [#map3, #map], iterator_types = ["parallel", "parallel"]} ins(%arg8 : tensor<16xf32>) outs(%15 : tensor<8x16xf32>) {
    ^bb0(%in: f32, %out: f32):
      linalg.yield %in : f32
    } -> tensor<8x16xf32>
    %17 = tensor.empty() : tensor<8x16xf32>
    %18 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%14, %16 : tensor<8x16xf32>, tensor<8x16xf32>) outs(%17 : tensor<8x16xf32>) {
    ^bb0(%in: f32, %in_7: f32, %out: f32):
      %120 = arith.mulf %in, %in_7 : f32
      linalg.yield %120 : f32
    } -> tensor<8x16xf32>
    %19 = tensor.empty() : tensor<8x16xf32>
    %20 = linalg.fill ins(%cst_5 : f32) outs(%19 : tensor<8x16xf32>) -> tensor<8x16xf32>
    %21 = linalg.matmul ins(%18, %arg1 : tensor<8x16xf32>, tensor<16x16xf32>) outs(%20 : tensor<8x16xf32>) -> tensor<8x16xf32>
    %22 = tensor.empty() : tensor<8x16xf32>
    %23 = linalg.fill ins(%cst_5 : f32) outs(%22 : tensor<8x16xf32>) -> tensor<8x16xf32>
    %24 = linalg.matmul ins(%18, %arg2 : tensor<8x16xf32>, tensor<16x16xf32>) outs(%23 : tensor<8x16xf32>) -> tensor<8x16xf32>
    %25 = tensor.empty() : tensor<8x16xf32>
    %26 = linalg.fill ins(%cst_5 : f32) outs(%25 : tensor<8x16xf32>) -> tensor<8x16xf32>
    %27 = linalg.matmul ins(%18, %arg3 : tensor<8x16xf32>, tensor<16x16xf32>) outs(%26 : tensor<8x16xf32>) -> tensor<8x16xf32>
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
    ^bb0(%in: f32, %in_7: f32, %out: f32):
      %120 = arith.divf %in, %in_7 : f32
      linalg.yield %120 : f32
    } -> tensor<8x8xf32>
    %39 = tensor.empty() : tensor<8x8xi32>
    %40 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel", "parallel"]} outs(%39 : tensor<8x8xi32>) {
    ^bb0(%out: i32):
      %120 = linalg.index 0 : index
      %121 = arith.index_cast %120 : index to i32
      linalg.yield %121 : i32
    } -> tensor<8x8xi32>
    %41 = tensor.empty() : tensor<8x8xi32>
    %42 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel", "parallel"]} outs(%41 : tensor<8x8xi32>) {
    ^bb0(%out: i32):
      %120 = linalg.index 1 : index
      %121 = arith.index_cast %120 : index to i32
      linalg.yield %121 : i32
    } -> tensor<8x8xi32>
    %43 = tensor.empty() : tensor<8x8xi1>
    %44 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%40, %42 : tensor<8x8xi32>, tensor<8x8xi32>) outs(%43 : tensor<8x8xi1>) {
    ^bb0(%in: i32, %in_7: i32, %out: i1):
      %120 = arith.cmpi sge, %in, %in_7 : i32
      linalg.yield %120 : i1
    } -> tensor<8x8xi1>
    %45 = tensor.empty() : tensor<8x8xf32>
    %46 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%44, %38 : tensor<8x8xi1>, tensor<8x8xf32>) outs(%45 : tensor<8x8xf32>) {
    ^bb0(%in: i1, %in_7: f32, %out: f32):
      %120 = arith.select %in, %in_7, %cst_2 : f32
      linalg.yield %120 : f32
    } -> tensor<8x8xf32>
    %47 = tensor.empty() : tensor<8xf32>
    %48 = linalg.fill ins(%cst_1 : f32) outs(%47 : tensor<8xf32>) -> tensor<8xf32>
    %49 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "reduction"]} ins(%46 : tensor<8x8xf32>) outs(%48 : tensor<8xf32>) {
    ^bb0(%in: f32, %out: f32):
      %120 = arith.maximumf %out, %in : f32
      linalg.yield %120 : f32
    } -> tensor<8xf32>
    %50 = tensor.empty() : tensor<8x8xf32>
    %51 = linalg.generic {indexing_maps = [#map1, #map], iterator_types = ["parallel", "parallel"]} ins(%49 : tensor<8xf32>) outs(%50 : tensor<8x8xf32>) {
    ^bb0(%in: f32, %out: f32):
      linalg.yield %in : f32
    } -> tensor<8x8xf32>
    %52 = tensor.empty() : tensor<8x8xf32>
    %53 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%46, %51 : tensor<8x8xf32>, tensor<8x8xf32>) outs(%52 : tensor<8x8xf32>) {
    ^bb0(%in: f32, %in_7: f32, %out: f32):
      %120 = arith.subf %in, %in_7 : f32
      linalg.yield %120 : f32
    } -> tensor<8x8xf32>
    %54 = tensor.empty() : tensor<8x8xf32>
    %55 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%53 : tensor<8x8xf32>) outs(%54 : tensor<8x8xf32>) {
    ^bb0(%in: f32, %out: f32):
      %120 = math.exp %in : f32
      linalg.yield %120 : f32
    } -> tensor<8x8xf32>
    %56 = tensor.empty() : tensor<8xf32>
    %57 = linalg.fill ins(%cst_5 : f32) outs(%56 : tensor<8xf32>) -> tensor<8xf32>
    %58 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "reduction"]} ins(%55 : tensor<8x8xf32>) outs(%57 : tensor<8xf32>) {
    ^bb0(%in: f32, %out: f32):
      %120 = arith.addf %out, %in : f32
      linalg.yield %120 : f32
    } -> tensor<8xf32>
    %59 = tensor.empty() : tensor<8x8xf32>
    %60 = linalg.generic {indexing_maps = [#map1, #map], iterator_types = ["parallel", "parallel"]} ins(%58 : tensor<8xf32>) outs(%59 : tensor<8x8xf32>) {
    ^bb0(%in: f32, %out: f32):
      linalg.yield %in : f32
    } -> tensor<8x8xf32>
    %61 = tensor.empty() : tensor<8x8xf32>
    %62 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%55, %60 : tensor<8x8xf32>, tensor<8x8xf32>) outs(%61 : tensor<8x8xf32>) {
    ^bb0(%in: f32, %in_7: f32, %out: f32):
      %120 = arith.divf %in, %in_7 : f32
      linalg.yield %120 : f32
    } -> tensor<8x8xf32>
    %63 = tensor.empty() : tensor<8x16xf32>
    %64 = linalg.fill ins(%cst_5 : f32) outs(%63 : tensor<8x16xf32>) -> tensor<8x16xf32>
    %65 = linalg.matmul ins(%62, %27 : tensor<8x8xf32>, tensor<8x16xf32>) outs(%64 : tensor<8x16xf32>) -> tensor<8x16xf32>
    %66 = tensor.empty() : tensor<8x16xf32>
    %67 = linalg.fill ins(%cst_5 : f32) outs(%66 : tensor<8x16xf32>) -> tensor<8x16xf32>
    %68 = linalg.matmul ins(%65, %arg4 : tensor<8x16xf32>, tensor<16x16xf32>) outs(%67 : tensor<8x16xf32>) -> tensor<8x16xf32>
    %69 = tensor.empty() : tensor<8x16xf32>
    %70 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0, %68 : tensor<8x16xf32>, tensor<8x16xf32>) outs(%69 : tensor<8x16xf32>) {
    ^bb0(%in: f32, %in_7: f32, %out: f32):
      %120 = arith.addf %in, %in_7 : f32
      linalg.yield %120 : f32
    } -> tensor<8x16xf32>
    %71 = tensor.empty() : tensor<8x16xf32>
    %72 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%70 : tensor<8x16xf32>) outs(%71 : tensor<8x16xf32>) {
    ^bb0(%in: f32, %out: f32):
      %120 = arith.mulf %in, %in : f32
      linalg.yield %120 : f32
    } -> tensor<8x16xf32>
    %73 = tensor.empty() : tensor<8xf32>
    %74 = linalg.fill ins(%cst_5 : f32) outs(%73 : tensor<8xf32>) -> tensor<8xf32>
    %75 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "reduction"]} ins(%72 : tensor<8x16xf32>) outs(%74 : tensor<8xf32>) {
    ^bb0(%in: f32, %out: f32):
      %120 = arith.addf %out, %in : f32
      linalg.yield %120 : f32
    } -> tensor<8xf32>
    %expanded_6 = tensor.expand_shape %75 [[0, 1]] output_shape [8, 1] : tensor<8xf32> into tensor<8x1xf32>
    %76 = tensor.empty() : tensor<8x1xf32>
    %77 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%expanded_6 : tensor<8x1xf32>) outs(%76 : tensor<8x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %120 = arith.divf %in, %cst_4 : f32
      linalg.yield %120 : f32
    } -> tensor<8x1xf32>
    %78 = tensor.empty() : tensor<8x1xf32>
    %79 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%77 : tensor<8x1xf32>) outs(%78 : tensor<8x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %120 = arith.addf %in, %cst_3 : f32
      linalg.yield %120 : f32
    } -> tensor<8x1xf32>
    %80 = tensor.empty() : tensor<8x1xf32>
    %81 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%79 : tensor<8x1xf32>) outs(%80 : tensor<8x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %120 = math.rsqrt %in : f32
      linalg.yield %120 : f32
    } -> tensor<8x1xf32>
    %82 = tensor.empty() : tensor<8x16xf32>
    %83 = linalg.generic {indexing_maps = [#map2, #map], iterator_types = ["parallel", "parallel"]} ins(%81 : tensor<8x1xf32>) outs(%82 : tensor<8x16xf32>) {
    ^bb0(%in: f32, %out: f32):
      linalg.yield %in : f32
    } -> tensor<8x16xf32>
    %84 = tensor.empty() : tensor<8x16xf32>
    %85 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%70, %83 : tensor<8x16xf32>, tensor<8x16xf32>) outs(%84 : tensor<8x16xf32>) {
    ^bb0(%in: f32, %in_7: f32, %out: f32):
      %120 = arith.mulf %in, %in_7 : f32
      linalg.yield %120 : f32
    } -> tensor<8x16xf32>
    %86 = tensor.empty() : tensor<8x16xf32>
    %87 = linalg.generic {indexing_maps = [#map3, #map], iterator_types = ["parallel", "parallel"]} ins(%arg9 : tensor<16xf32>) outs(%86 : tensor<8x16xf32>) {
    ^bb0(%in: f32, %out: f32):
      linalg.yield %in : f32
    } -> tensor<8x16xf32>
    %88 = tensor.empty() : tensor<8x16xf32>
    %89 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%85, %87 : tensor<8x16xf32>, tensor<8x16xf32>) outs(%88 : tensor<8x16xf32>) {
    ^bb0(%in: f32, %in_7: f32, %out: f32):
      %120 = arith.mulf %in, %in_7 : f32
      linalg.yield %120 : f32
    } -> tensor<8x16xf32>
    %90 = tensor.empty() : tensor<8x32xf32>
    %91 = linalg.fill ins(%cst_5 : f32) outs(%90 : tensor<8x32xf32>) -> tensor<8x32xf32>
    %92 = linalg.matmul ins(%89, %arg5 : tensor<8x16xf32>, tensor<16x32xf32>) outs(%91 : tensor<8x32xf32>) -> tensor<8x32xf32>
    %93 = tensor.empty() : tensor<8x32xf32>
    %94 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%92 : tensor<8x32xf32>) outs(%93 : tensor<8x32xf32>) {
    ^bb0(%in: f32, %out: f32):
      %120 = arith.negf %in : f32
      linalg.yield %120 : f32
    } -> tensor<8x32xf32>
    %95 = tensor.empty() : tensor<8x32xf32>
    %96 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%94 : tensor<8x32xf32>) outs(%95 : tensor<8x32xf32>) {
    ^bb0(%in: f32, %out: f32):
      %120 = math.exp %in : f32
      linalg.yield %120 : f32
    } -> tensor<8x32xf32>
    %97 = tensor.empty() : tensor<8x32xf32>
    %98 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%96 : tensor<8x32xf32>) outs(%97 : tensor<8x32xf32>) {
    ^bb0(%in: f32, %out: f32):
      %120 = arith.addf %in, %cst_0 : f32
      linalg.yield %120 : f32
    } -> tensor<8x32xf32>
    %99 = tensor.empty() : tensor<8x32xf32>
    %100 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%98 : tensor<8x32xf32>) outs(%99 : tensor<8x32xf32>) {
    ^bb0(%in: f32, %out: f32):
      %120 = arith.divf %cst_0, %in : f32
      linalg.yield %120 : f32
    } -> tensor<8x32xf32>
    %101 = tensor.empty() : tensor<8x32xf32>
    %102 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%92, %100 : tensor<8x32xf32>, tensor<8x32xf32>) outs(%101 : tensor<8x32xf32>) {
    ^bb0(%in: f32, %in_7: f32, %out: f32):
      %120 = arith.mulf %in, %in_7 : f32
      linalg.yield %120 : f32
    } -> tensor<8x32xf32>
    %103 = tensor.empty() : tensor<8x32xf32>
    %104 = linalg.fill ins(%cst_5 : f32) outs(%103 : tensor<8x32xf32>) -> tensor<8x32xf32>
    %105 = linalg.matmul ins(%89, %arg6 : tensor<8x16xf32>, tensor<16x32xf32>) outs(%104 : tensor<8x32xf32>) -> tensor<8x32xf32>
    %106 = tensor.empty() : tensor<8x32xf32>
    %107 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%102, %105 : tensor<8x32xf32>, tensor<8x32xf32>) outs(%106 : tensor<8x32xf32>) {
    ^bb0(%in: f32, %in_7: f32, %out: f32):
      %120 = arith.mulf %in, %in_7 : f32
      linalg.yield %120 : f32
    } -> tensor<8x32xf32>
    %108 = tensor.empty() : tensor<8x16xf32>
    %109 = linalg.fill ins(%cst_5 : f32) outs(%108 : tensor<8x16xf32>) -> tensor<8x16xf32>
    %110 = linalg.matmul ins(%107, %arg7 : tensor<8x32xf32>, tensor<32x16xf32>) outs(%109 : tensor<8x16xf32>) -> tensor<8x16xf32>
    %111 = tensor.empty() : tensor<8x16xf32>
    %112 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%70, %110 : tensor<8x16xf32>, tensor<8x16xf32>) outs(%111 : tensor<8x16xf32>) {
    ^bb0(%in: f32, %in_7: f32, %out: f32):
      %120 = arith.addf %in, %in_7 : f32
      linalg.yield %120 : f32
    } -> tensor<8x16xf32>
    %113 = tensor.empty() : tensor<i1>
    %114 = linalg.generic {indexing_maps = [#map5, #map5], iterator_types = []} ins(%arg19 : tensor<i32>) outs(%113 : tensor<i1>) {
    ^bb0(%in: i32, %out: i1):
      %120 = arith.cmpi sgt, %in, %c0_i32 : i32
      linalg.yield %120 : i1
    } -> tensor<i1>
    %115 = tensor.empty() : tensor<i32>
    %116 = linalg.generic {indexing_maps = [#map5, #map5], iterator_types = []} ins(%114 : tensor<i1>) outs(%115 : tensor<i32>) {
    ^bb0(%in: i1, %out: i32):
      %120 = arith.extui %in : i1 to i32
      linalg.yield %120 : i32
    } -> tensor<i32>
    %117 = tensor.empty() : tensor<i1>
    %118 = linalg.generic {indexing_maps = [#map5, #map5], iterator_types = []} ins(%116 : tensor<i32>) outs(%117 : tensor<i1>) {
    ^bb0(%in: i32, %out: i1):
      %120 = arith.cmpi eq, %in, %c0_i32 : i32
      linalg.yield %120 : i1
    } -> tensor<i1>
    %extracted = tensor.extract %118[] : tensor<i1>
    %119 = scf.if %extracted -> (tensor<8x16xf32>) {
      %120 = tensor.empty() : tensor<8x16xf32>
      %121 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%112 : tensor<8x16xf32>) outs(%120 : tensor<8x16xf32>) {
      ^bb0(%in: f32, %out: f32):
        %223 = arith.mulf %in, %in : f32
        linalg.yield %223 : f32
      } -> tensor<8x16xf32>
      %122 = tensor.empty() : tensor<8xf32>
      %123 = linalg.fill ins(%cst_5 : f32) outs(%122 : tensor<8xf32>) -> tensor<8xf32>
      %124 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "reduction"]} ins(%121 : tensor<8x16xf32>) outs(%123 : tensor<8xf32>) {
      ^bb0(%in: f32, %out: f32):
        %223 = arith.addf %out, %in : f32
        linalg.yield %223 : f32
      } -> tensor<8xf32>
      %expanded_7 = tensor.expand_shape %124 [[0, 1]] output_shape [8, 1] : tensor<8xf32> into tensor<8x1xf32>
      %125 = tensor.empty() : tensor<8x1xf32>
      %126 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%expanded_7 : tensor<8x1xf32>) outs(%125 : tensor<8x1xf32>) {
      ^bb0(%in: f32, %out: f32):
        %223 = arith.divf %in, %cst_4 : f32
        linalg.yield %223 : f32
      } -> tensor<8x1xf32>
      %127 = tensor.empty() : tensor<8x1xf32>
      %128 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%126 : tensor<8x1xf32>) outs(%127 : tensor<8x1xf32>) {
      ^bb0(%in: f32, %out: f32):
        %223 = arith.addf %in, %cst_3 : f32
        linalg.yield %223 : f32
      } -> tensor<8x1xf32>
      %129 = tensor.empty() : tensor<8x1xf32>
      %130 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%128 : tensor<8x1xf32>) outs(%129 : tensor<8x1xf32>) {
      ^bb0(%in: f32, %out: f32):
        %223 = math.rsqrt %in : f32
        linalg.yield %223 : f32
      } -> tensor<8x1xf32>
      %131 = tensor.empty() : tensor<8x16xf32>
      %132 = linalg.generic {indexing_maps = [#map2, #map], iterator_types = ["parallel", "parallel"]} ins(%130 : tensor<8x1xf32>) outs(%131 : tensor<8x16xf32>) {
      ^bb0(%in: f32, %out: f32):
        linalg.yield %in : f32
      } -> tensor<8x16xf32>
      %133 = tensor.empty() : tensor<8x16xf32>
      %134 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%112, %132 : tensor<8x16xf32>, tensor<8x16xf32>) outs(%133 : tensor<8x16xf32>) {
      ^bb0(%in: f32, %in_9: f32, %out: f32):
        %223 = arith.mulf %in, %in_9 : f32
        linalg.yield %223 : f32
      } -> tensor<8x16xf32>
      %135 = tensor.empty() : tensor<8x16xf32>
      %136 = linalg.generic {indexing_maps = [#map3, #map], iterator_types = ["parallel", "parallel"]} ins(%arg17 : tensor<16xf32>) outs(%135 : tensor<8x16xf32>) {
      ^bb0(%in: f32, %out: f32):
        linalg.yield %in : f32
      } -> tensor<8x16xf32>
      %137 = tensor.empty() : tensor<8x16xf32>
      %138 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%134, %136 : tensor<8x16xf32>, tensor<8x16xf32>) outs(%137 : tensor<8x16xf32>) {
      ^bb0(%in: f32, %in_9: f32, %out: f32):
        %223 = arith.mulf %in, %in_9 : f32
        linalg.yield %223 : f32
      } -> tensor<8x16xf32>
      %139 = tensor.empty() : tensor<8x16xf32>
      %140 = linalg.fill ins(%cst_5 : f32) outs(%139 : tensor<8x16xf32>) -> tensor<8x16xf32>
      %141 = linalg.matmul ins(%138, %arg10 : tensor<8x16xf32>, tensor<16x16xf32>) outs(%140 : tensor<8x16xf32>) -> tensor<8x16xf32>
      %142 = tensor.empty() : tensor<8x16xf32>
      %143 = linalg.fill ins(%cst_5 : f32) outs(%142 : tensor<8x16xf32>) -> tensor<8x16xf32>
      %144 = linalg.matmul ins(%138, %arg11 : tensor<8x16xf32>, tensor<16x16xf32>) outs(%143 : tensor<8x16xf32>) -> tensor<8x16xf32>
      %145 = tensor.empty() : tensor<8x16xf32>
      %146 = linalg.fill ins(%cst_5 : f32) outs(%145 : tensor<8x16xf32>) -> tensor<8x16xf32>
      %147 = linalg.matmul ins(%138, %arg12 : tensor<8x16xf32>, tensor<16x16xf32>) outs(%146 : tensor<8x16xf32>) -> tensor<8x16xf32>
      %148 = tensor.empty() : tensor<16x8xf32>
      %149 = linalg.generic {indexing_maps = [#map4, #map], iterator_types = ["parallel", "parallel"]} ins(%144 : tensor<8x16xf32>) outs(%148 : tensor<16x8xf32>) {
      ^bb0(%in: f32, %out: f32):
        linalg.yield %in : f32
      } -> tensor<16x8xf32>
      %150 = tensor.empty() : tensor<8x8xf32>
      %151 = linalg.fill ins(%cst_5 : f32) outs(%150 : tensor<8x8xf32>) -> tensor<8x8xf32>
      %152 = linalg.matmul ins(%141, %149 : tensor<8x16xf32>, tensor<16x8xf32>) outs(%151 : tensor<8x8xf32>) -> tensor<8x8xf32>
      %153 = tensor.empty() : tensor<8x8xf32>
      %154 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%152, %36 : tensor<8x8xf32>, tensor<8x8xf32>) outs(%153 : tensor<8x8xf32>) {
      ^bb0(%in: f32, %in_9: f32, %out: f32):
        %223 = arith.divf %in, %in_9 : f32
        linalg.yield %223 : f32
      } -> tensor<8x8xf32>
      %155 = tensor.empty() : tensor<8x8xf32>
      %156 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%44, %154 : tensor<8x8xi1>, tensor<8x8xf32>) outs(%155 : tensor<8x8xf32>) {
      ^bb0(%in: i1, %in_9: f32, %out: f32):
        %223 = arith.select %in, %in_9, %cst_2 : f32
        linalg.yield %223 : f32
      } -> tensor<8x8xf32>
      %157 = tensor.empty() : tensor<8xf32>
      %158 = linalg.fill ins(%cst_1 : f32) outs(%157 : tensor<8xf32>) -> tensor<8xf32>
      %159 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "reduction"]} ins(%156 : tensor<8x8xf32>) outs(%158 : tensor<8xf32>) {
      ^bb0(%in: f32, %out: f32):
        %223 = arith.maximumf %out, %in : f32
        linalg.yield %223 : f32
      } -> tensor<8xf32>
      %160 = tensor.empty() : tensor<8x8xf32>
      %161 = linalg.generic {indexing_maps = [#map1, #map], iterator_types = ["parallel", "parallel"]} ins(%159 : tensor<8xf32>) outs(%160 : tensor<8x8xf32>) {
      ^bb0(%in: f32, %out: f32):
        linalg.yield %in : f32
      } -> tensor<8x8xf32>
      %162 = tensor.empty() : tensor<8x8xf32>
      %163 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%156, %161 : tensor<8x8xf32>, tensor<8x8xf32>) outs(%162 : tensor<8x8xf32>) {
      ^bb0(%in: f32, %in_9: f32, %out: f32):
        %223 = arith.subf %in, %in_9 : f32
        linalg.yield %223 : f32
      } -> tensor<8x8xf32>
      %164 = tensor.empty() : tensor<8x8xf32>
      %165 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%163 : tensor<8x8xf32>) outs(%164 : tensor<8x8xf32>) {
      ^bb0(%in: f32, %out: f32):
        %223 = math.exp %in : f32
        linalg.yield %223 : f32
      } -> tensor<8x8xf32>
      %166 = tensor.empty() : tensor<8xf32>
      %167 = linalg.fill ins(%cst_5 : f32) outs(%166 : tensor<8xf32>) -> tensor<8xf32>
      %168 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "reduction"]} ins(%165 : tensor<8x8xf32>) outs(%167 : tensor<8xf32>) {
      ^bb0(%in: f32, %out: f32):
        %223 = arith.addf %out, %in : f32
        linalg.yield %223 : f32
      } -> tensor<8xf32>
      %169 = tensor.empty() : tensor<8x8xf32>
      %170 = linalg.generic {indexing_maps = [#map1, #map], iterator_types = ["parallel", "parallel"]} ins(%168 : tensor<8xf32>) outs(%169 : tensor<8x8xf32>) {
      ^bb0(%in: f32, %out: f32):
        linalg.yield %in : f32
      } -> tensor<8x8xf32>
      %171 = tensor.empty() : tensor<8x8xf32>
      %172 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%165, %170 : tensor<8x8xf32>, tensor<8x8xf32>) outs(%171 : tensor<8x8xf32>) {
      ^bb0(%in: f32, %in_9: f32, %out: f32):
        %223 = arith.divf %in, %in_9 : f32
        linalg.yield %223 : f32
      } -> tensor<8x8xf32>
      %173 = tensor.empty() : tensor<8x16xf32>
      %174 = linalg.fill ins(%cst_5 : f32) outs(%173 : tensor<8x16xf32>) -> tensor<8x16xf32>
      %175 = linalg.matmul ins(%172, %147 : tensor<8x8xf32>, tensor<8x16xf32>) outs(%174 : tensor<8x16xf32>) -> tensor<8x16xf32>
      %176 = tensor.empty() : tensor<8x16xf32>
      %177 = linalg.fill ins(%cst_5 : f32) outs(%176 : tensor<8x16xf32>) -> tensor<8x16xf32>
      %178 = linalg.matmul ins(%175, %arg13 : tensor<8x16xf32>, tensor<16x16xf32>) outs(%177 : tensor<8x16xf32>) -> tensor<8x16xf32>
      %179 = tensor.empty() : tensor<8x16xf32>
      %180 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%112, %178 : tensor<8x16xf32>, tensor<8x16xf32>) outs(%179 : tensor<8x16xf32>) {
      ^bb0(%in: f32, %in_9: f32, %out: f32):
        %223 = arith.addf %in, %in_9 : f32
        linalg.yield %223 : f32
      } -> tensor<8x16xf32>
      %181 = tensor.empty() : tensor<8x16xf32>
      %182 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%180 : tensor<8x16xf32>) outs(%181 : tensor<8x16xf32>) {
      ^bb0(%in: f32, %out: f32):
        %223 = arith.mulf %in, %in : f32
        linalg.yield %223 : f32
      } -> tensor<8x16xf32>
      %183 = tensor.empty() : tensor<8xf32>
      %184 = linalg.fill ins(%cst_5 : f32) outs(%183 : tensor<8xf32>) -> tensor<8xf32>
      %185 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "reduction"]} ins(%182 : tensor<8x16xf32>) outs(%184 : tensor<8xf32>) {
      ^bb0(%in: f32, %out: f32):
        %223 = arith.addf %out, %in : f32
        linalg.yield %223 : f32
      } -> tensor<8xf32>
      %expanded_8 = tensor.expand_shape %185 [[0, 1]] output_shape [8, 1] : tensor<8xf32> into tensor<8x1xf32>
      %186 = tensor.empty() : tensor<8x1xf32>
      %187 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%expanded_8 : tensor<8x1xf32>) outs(%186 : tensor<8x1xf32>) {
      ^bb0(%in: f32, %out: f32):
        %223 = arith.divf %in, %cst_4 : f32
        linalg.yield %223 : f32
      } -> tensor<8x1xf32>
      %188 = tensor.empty() : tensor<8x1xf32>
      %189 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%187 : tensor<8x1xf32>) outs(%188 : tensor<8x1xf32>) {
      ^bb0(%in: f32, %out: f32):
        %223 = arith.addf %in, %cst_3 : f32
        linalg.yield %223 : f32
      } -> tensor<8x1xf32>
      %190 = tensor.empty() : tensor<8x1xf32>
      %191 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%189 : tensor<8x1xf32>) outs(%190 : tensor<8x1xf32>) {
      ^bb0(%in: f32, %out: f32):
        %223 = math.rsqrt %in : f32
        linalg.yield %223 : f32
      } -> tensor<8x1xf32>
      %192 = tensor.empty() : tensor<8x16xf32>
      %193 = linalg.generic {indexing_maps = [#map2, #map], iterator_types = ["parallel", "parallel"]} ins(%191 : tensor<8x1xf32>) outs(%192 : tensor<8x16xf32>) {
      ^bb0(%in: f32, %out: f32):
        linalg.yield %in : f32
      } -> tensor<8x16xf32>
      %194 = tensor.empty() : tensor<8x16xf32>
      %195 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%180, %193 : tensor<8x16xf32>, tensor<8x16xf32>) outs(%194 : tensor<8x16xf32>) {
      ^bb0(%in: f32, %in_9: f32, %out: f32):
        %223 = arith.mulf %in, %in_9 : f32
        linalg.yield %223 : f32
      } -> tensor<8x16xf32>
      %196 = tensor.empty() : tensor<8x16xf32>
      %197 = linalg.generic {indexing_maps = [#map3, #map], iterator_types = ["parallel", "parallel"]} ins(%arg18 : tensor<16xf32>) outs(%196 : tensor<8x16xf32>) {
      ^bb0(%in: f32, %out: f32):
        linalg.yield %in : f32
      } -> tensor<8x16xf32>
      %198 = tensor.empty() : tensor<8x16xf32>
      %199 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%195, %197 : tensor<8x16xf32>, tensor<8x16xf32>) outs(%198 : tensor<8x16xf32>) {
      ^bb0(%in: f32, %in_9: f32, %out: f32):
        %223 = arith.mulf %in, %in_9 : f32
        linalg.yield %223 : f32
      } -> tensor<8x16xf32>
      %200 = tensor.empty() : tensor<8x32xf32>
      %201 = linalg.fill ins(%cst_5 : f32) outs(%200 : tensor<8x32xf32>) -> tensor<8x32xf32>
      %202 = linalg.matmul ins(%199, %arg14 : tensor<8x16xf32>, tensor<16x32xf32>) outs(%201 : tensor<8x32xf32>) -> tensor<8x32xf32>
      %203 = tensor.empty() : tensor<8x32xf32>
      %204 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%202 : tensor<8x32xf32>) outs(%203 : tensor<8x32xf32>) {
      ^bb0(%in: f32, %out: f32):
        %223 = arith.negf %in : f32
        linalg.yield %223 : f32
      } -> tensor<8x32xf32>
      %205 = tensor.empty() : tensor<8x32xf32>
      %206 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%204 : tensor<8x32xf32>) outs(%205 : tensor<8x32xf32>) {
      ^bb0(%in: f32, %out: f32):
        %223 = math.exp %in : f32
        linalg.yield %223 : f32
      } -> tensor<8x32xf32>
      %207 = tensor.empty() : tensor<8x32xf32>
      %208 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%206 : tensor<8x32xf32>) outs(%207 : tensor<8x32xf32>) {
      ^bb0(%in: f32, %out: f32):
        %223 = arith.addf %in, %cst_0 : f32
        linalg.yield %223 : f32
      } -> tensor<8x32xf32>
      %209 = tensor.empty() : tensor<8x32xf32>
      %210 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%208 : tensor<8x32xf32>) outs(%209 : tensor<8x32xf32>) {
      ^bb0(%in: f32, %out: f32):
        %223 = arith.divf %cst_0, %in : f32
        linalg.yield %223 : f32
      } -> tensor<8x32xf32>
      %211 = tensor.empty() : tensor<8x32xf32>
      %212 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%202, %210 : tensor<8x32xf32>, tensor<8x32xf32>) outs(%211 : tensor<8x32xf32>) {
      ^bb0(%in: f32, %in_9: f32, %out: f32):
        %223 = arith.mulf %in, %in_9 : f32
        linalg.yield %223 : f32
      } -> tensor<8x32xf32>
      %213 = tensor.empty() : tensor<8x32xf32>
      %214 = linalg.fill ins(%cst_5 : f32) outs(%213 : tensor<8x32xf32>) -> tensor<8x32xf32>
      %215 = linalg.matmul ins(%199, %arg15 : tensor<8x16xf32>, tensor<16x32xf32>) outs(%214 : tensor<8x32xf32>) -> tensor<8x32xf32>
      %216 = tensor.empty() : tensor<8x32xf32>
      %217 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%212, %215 : tensor<8x32xf32>, tensor<8x32xf32>) outs(%216 : tensor<8x32xf32>) {
      ^bb0(%in: f32, %in_9: f32, %out: f32):
        %223 = arith.mulf %in, %in_9 : f32
        linalg.yield %223 : f32
      } -> tensor<8x32xf32>
      %218 = tensor.empty() : tensor<8x16xf32>
      %219 = linalg.fill ins(%cst_5 : f32) outs(%218 : tensor<8x16xf32>) -> tensor<8x16xf32>
      %220 = linalg.matmul ins(%217, %arg16 : tensor<8x32xf32>, tensor<32x16xf32>) outs(%219 : tensor<8x16xf32>) -> tensor<8x16xf32>
      %221 = tensor.empty() : tensor<8x16xf32>
      %222 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%180, %220 : tensor<8x16xf32>, tensor<8x16xf32>) outs(%221 : tensor<8x16xf32>) {
      ^bb0(%in: f32, %in_9: f32, %out: f32):
        %223 = arith.addf %in, %in_9 : f32
        linalg.yield %223 : f32
      } -> tensor<8x16xf32>
      scf.yield %222 : tensor<8x16xf32>
    } else {
      %120 = tensor.empty() : tensor<8x16xf32>
      %121 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%112 : tensor<8x16xf32>) outs(%120 : tensor<8x16xf32>) {
      ^bb0(%in: f32, %out: f32):
        %223 = arith.mulf %in, %in : f32
        linalg.yield %223 : f32
      } -> tensor<8x16xf32>
      %122 = tensor.empty() : tensor<8xf32>
      %123 = linalg.fill ins(%cst_5 : f32) outs(%122 : tensor<8xf32>) -> tensor<8xf32>
      %124 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "reduction"]} ins(%121 : tensor<8x16xf32>) outs(%123 : tensor<8xf32>) {
      ^bb0(%in: f32, %out: f32):
        %223 = arith.addf %out, %in : f32
        linalg.yield %223 : f32
      } -> tensor<8xf32>
      %expanded_7 = tensor.expand_shape %124 [[0, 1]] output_shape [8, 1] : tensor<8xf32> into tensor<8x1xf32>
      %125 = tensor.empty() : tensor<8x1xf32>
      %126 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%expanded_7 : tensor<8x1xf32>) outs(%125 : tensor<8x1xf32>) {
      ^bb0(%in: f32, %out: f32):
        %223 = arith.divf %in, %cst_4 : f32
        linalg.yield %223 : f32
      } -> tensor<8x1xf32>
      %127 = tensor.empty() : tensor<8x1xf32>
      %128 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%126 : tensor<8x1xf32>) outs(%127 : tensor<8x1xf32>) {
      ^bb0(%in: f32, %out: f32):
        %223 = arith.addf %in, %cst_3 : f32
        linalg.yield %223 : f32
      } -> tensor<8x1xf32>
      %129 = tensor.empty() : tensor<8x1xf32>
      %130 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%128 : tensor<8x1xf32>) outs(%129 : tensor<8x1xf32>) {
      ^bb0(%in: f32, %out: f32):
        %223 = math.rsqrt %in : f32
        linalg.yield %223 : f32
      } -> tensor<8x1xf32>
      %131 = tensor.empty() : tensor<8x16xf32>
      %132 = linalg.generic {indexing_maps = [#map2, #map], iterator_types = ["parallel", "parallel"]} ins(%130 : tensor<8x1xf32>) outs(%131 : tensor<8x16xf32>) {
      ^bb0(%in: f32, %out: f32):
        linalg.yield %in : f32
      } -> tensor<8x16xf32>
      %133 = tensor.empty() : tensor<8x16xf32>
      %134 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%112, %132 : tensor<8x16xf32>, tensor<8x16xf32>) outs(%133 : tensor<8x16xf32>) {
      ^bb0(%in: f32, %in_9: f32, %out: f32):
        %223 = arith.mulf %in, %in_9 : f32
        linalg.yield %223 : f32
      } -> tensor<8x16xf32>
      %135 = tensor.empty() : tensor<8x16xf32>
      %136 = linalg.generic {indexing_maps = [#map3, #map], iterator_types = ["parallel", "parallel"]} ins(%arg17 : tensor<16xf32>) outs(%135 : tensor<8x16xf32>) {
      ^bb0(%in: f32, %out: f32):
        linalg.yield %in : f32
      } -> tensor<8x16xf32>
      %137 = tensor.empty() : tensor<8x16xf32>
      %138 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%134, %136 : tensor<8x16xf32>, tensor<8x16xf32>) outs(%137 : tensor<8x16xf32>) {
      ^bb0(%in: f32, %in_9: f32, %out: f32):
        %223 = arith.mulf %in, %in_9 : f32
        linalg.yield %223 : f32
      } -> tensor<8x16xf32>
      %139 = tensor.empty() : tensor<8x16xf32>
      %140 = linalg.fill ins(%cst_5 : f32) outs(%139 : tensor<8x16xf32>) -> tensor<8x16xf32>
      %141 = linalg.matmul ins(%138, %arg10 : tensor<8x16xf32>, tensor<16x16xf32>) outs(%140 : tensor<8x16xf32>) -> tensor<8x16xf32>
      %142 = tensor.empty() : tensor<8x16xf32>
      %143 = linalg.fill ins(%cst_5 : f32) outs(%142 : tensor<8x16xf32>) -> tensor<8x16xf32>
      %144 = linalg.matmul ins(%138, %arg11 : tensor<8x16xf32>, tensor<16x16xf32>) outs(%143 : tensor<8x16xf32>) -> tensor<8x16xf32>
      %145 = tensor.empty() : tensor<8x16xf32>
      %146 = linalg.fill ins(%cst_5 : f32) outs(%145 : tensor<8x16xf32>) -> tensor<8x16xf32>
      %147 = linalg.matmul ins(%138, %arg12 : tensor<8x16xf32>, tensor<16x16xf32>) outs(%146 : tensor<8x16xf32>) -> tensor<8x16xf32>
      %148 = tensor.empty() : tensor<16x8xf32>
      %149 = linalg.generic {indexing_maps = [#map4, #map], iterator_types = ["parallel", "parallel"]} ins(%144 : tensor<8x16xf32>) outs(%148 : tensor<16x8xf32>) {
      ^bb0(%in: f32, %out: f32):
        linalg.yield %in : f32
      } -> tensor<16x8xf32>
      %150 = tensor.empty() : tensor<8x8xf32>
      %151 = linalg.fill ins(%cst_5 : f32) outs(%150 : tensor<8x8xf32>) -> tensor<8x8xf32>
      %152 = linalg.matmul ins(%141, %149 : tensor<8x16xf32>, tensor<16x8xf32>) outs(%151 : tensor<8x8xf32>) -> tensor<8x8xf32>
      %153 = tensor.empty() : tensor<8x8xf32>
      %154 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%152, %36 : tensor<8x8xf32>, tensor<8x8xf32>) outs(%153 : tensor<8x8xf32>) {
      ^bb0(%in: f32, %in_9: f32, %out: f32):
        %223 = arith.divf %in, %in_9 : f32
        linalg.yield %223 : f32
      } -> tensor<8x8xf32>
      %155 = tensor.empty() : tensor<8x8xf32>
      %156 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%44, %154 : tensor<8x8xi1>, tensor<8x8xf32>) outs(%155 : tensor<8x8xf32>) {
      ^bb0(%in: i1, %in_9: f32, %out: f32):
        %223 = arith.select %in, %in_9, %cst_2 : f32
        linalg.yield %223 : f32
      } -> tensor<8x8xf32>
      %157 = tensor.empty() : tensor<8xf32>
      %158 = linalg.fill ins(%cst_1 : f32) outs(%157 : tensor<8xf32>) -> tensor<8xf32>
      %159 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "reduction"]} ins(%156 : tensor<8x8xf32>) outs(%158 : tensor<8xf32>) {
      ^bb0(%in: f32, %out: f32):
        %223 = arith.maximumf %out, %in : f32
        linalg.yield %223 : f32
      } -> tensor<8xf32>
      %160 = tensor.empty() : tensor<8x8xf32>
      %161 = linalg.generic {indexing_maps = [#map1, #map], iterator_types = ["parallel", "parallel"]} ins(%159 : tensor<8xf32>) outs(%160 : tensor<8x8xf32>) {
      ^bb0(%in: f32, %out: f32):
        linalg.yield %in : f32
      } -> tensor<8x8xf32>
      %162 = tensor.empty() : tensor<8x8xf32>
      %163 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%156, %161 : tensor<8x8xf32>, tensor<8x8xf32>) outs(%162 : tensor<8x8xf32>) {
      ^bb0(%in: f32, %in_9: f32, %out: f32):
        %223 = arith.subf %in, %in_9 : f32
        linalg.yield %223 : f32
      } -> tensor<8x8xf32>
      %164 = tensor.empty() : tensor<8x8xf32>
      %165 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%163 : tensor<8x8xf32>) outs(%164 : tensor<8x8xf32>) {
      ^bb0(%in: f32, %out: f32):
        %223 = math.exp %in : f32
        linalg.yield %223 : f32
      } -> tensor<8x8xf32>
      %166 = tensor.empty() : tensor<8xf32>
      %167 = linalg.fill ins(%cst_5 : f32) outs(%166 : tensor<8xf32>) -> tensor<8xf32>
      %168 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "reduction"]} ins(%165 : tensor<8x8xf32>) outs(%167 : tensor<8xf32>) {
      ^bb0(%in: f32, %out: f32):
        %223 = arith.addf %out, %in : f32
        linalg.yield %223 : f32
      } -> tensor<8xf32>
      %169 = tensor.empty() : tensor<8x8xf32>
      %170 = linalg.generic {indexing_maps = [#map1, #map], iterator_types = ["parallel", "parallel"]} ins(%168 : tensor<8xf32>) outs(%169 : tensor<8x8xf32>) {
      ^bb0(%in: f32, %out: f32):
        linalg.yield %in : f32
      } -> tensor<8x8xf32>
      %171 = tensor.empty() : tensor<8x8xf32>
      %172 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%165, %170 : tensor<8x8xf32>, tensor<8x8xf32>) outs(%171 : tensor<8x8xf32>) {
      ^bb0(%in: f32, %in_9: f32, %out: f32):
        %223 = arith.divf %in, %in_9 : f32
        linalg.yield %223 : f32
      } -> tensor<8x8xf32>
      %173 = tensor.empty() : tensor<8x16xf32>
      %174 = linalg.fill ins(%cst_5 : f32) outs(%173 : tensor<8x16xf32>) -> tensor<8x16xf32>
      %175 = linalg.matmul ins(%172, %147 : tensor<8x8xf32>, tensor<8x16xf32>) outs(%174 : tensor<8x16xf32>) -> tensor<8x16xf32>
      %176 = tensor.empty() : tensor<8x16xf32>
      %177 = linalg.fill ins(%cst_5 : f32) outs(%176 : tensor<8x16xf32>) -> tensor<8x16xf32>
      %178 = linalg.matmul ins(%175, %arg13 : tensor<8x16xf32>, tensor<16x16xf32>) outs(%177 : tensor<8x16xf32>) -> tensor<8x16xf32>
      %179 = tensor.empty() : tensor<8x16xf32>
      %180 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%112, %178 : tensor<8x16xf32>, tensor<8x16xf32>) outs(%179 : tensor<8x16xf32>) {
      ^bb0(%in: f32, %in_9: f32, %out: f32):
        %223 = arith.addf %in, %in_9 : f32
        linalg.yield %223 : f32
      } -> tensor<8x16xf32>
      %181 = tensor.empty() : tensor<8x16xf32>
      %182 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%180 : tensor<8x16xf32>) outs(%181 : tensor<8x16xf32>) {
      ^bb0(%in: f32, %out: f32):
        %223 = arith.mulf %in, %in : f32
        linalg.yield %223 : f32
      } -> tensor<8x16xf32>
      %183 = tensor.empty() : tensor<8xf32>
      %184 = linalg.fill ins(%cst_5 : f32) outs(%183 : tensor<8xf32>) -> tensor<8xf32>
      %185 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "reduction"]} ins(%182 : tensor<8x16xf32>) outs(%184 : tensor<8xf32>) {
      ^bb0(%in: f32, %out: f32):
        %223 = arith.addf %out, %in : f32
        linalg.yield %223 : f32
      } -> tensor<8xf32>
      %expanded_8 = tensor.expand_shape %185 [[0, 1]] output_shape [8, 1] : tensor<8xf32> into tensor<8x1xf32>
      %186 = tensor.empty() : tensor<8x1xf32>
      %187 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%expanded_8 : tensor<8x1xf32>) outs(%186 : tensor<8x1xf32>) {
      ^bb0(%in: f32, %out: f32):
        %223 = arith.divf %in, %cst_4 : f32
        linalg.yield %223 : f32
      } -> tensor<8x1xf32>
      %188 = tensor.empty() : tensor<8x1xf32>
      %189 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%187 : tensor<8x1xf32>) outs(%188 : tensor<8x1xf32>) {
      ^bb0(%in: f32, %out: f32):
        %223 = arith.addf %in, %cst_3 : f32
        linalg.yield %223 : f32
      } -> tensor<8x1xf32>
      %190 = tensor.empty() : tensor<8x1xf32>
      %191 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%189 : tensor<8x1xf32>) outs(%190 : tensor<8x1xf32>) {
      ^bb0(%in: f32, %out: f32):
        %223 = math.rsqrt %in : f32
        linalg.yield %223 : f32
      } -> tensor<8x1xf32>
      %192 = tensor.empty() : tensor<8x16xf32>
      %193 = linalg.generic {indexing_maps = [#map2, #map], iterator_types = ["parallel", "parallel"]} ins(%191 : tensor<8x1xf32>) outs(%192 : tensor<8x16xf32>) {
      ^bb0(%in: f32, %out: f32):
        linalg.yield %in : f32
      } -> tensor<8x16xf32>
      %194 = tensor.empty() : tensor<8x16xf32>
      %195 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%180, %193 : tensor<8x16xf32>, tensor<8x16xf32>) outs(%194 : tensor<8x16xf32>) {
      ^bb0(%in: f32, %in_9: f32, %out: f32):
        %223 = arith.mulf %in, %in_9 : f32
        linalg.yield %223 : f32
      } -> tensor<8x16xf32>
      %196 = tensor.empty() : tensor<8x16xf32>
      %197 = linalg.generic {indexing_maps = [#map3, #map], iterator_types = ["parallel", "parallel"]} ins(%arg18 : tensor<16xf32>) outs(%196 : tensor<8x16xf32>) {
      ^bb0(%in: f32, %out: f32):
        linalg.yield %in : f32
      } -> tensor<8x16xf32>
      %198 = tensor.empty() : tensor<8x16xf32>
      %199 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%195, %197 : tensor<8x16xf32>, tensor<8x16xf32>) outs(%198 : tensor<8x16xf32>) {
      ^bb0(%in: f32, %in_9: f32, %out: f32):
        %223 = arith.mulf %in, %in_9 : f32
        linalg.yield %223 : f32
      } -> tensor<8x16xf32>
      %200 = tensor.empty() : tensor<8x32xf32>
      %201 = linalg.fill ins(%cst_5 : f32) outs(%200 : tensor<8x32xf32>) -> tensor<8x32xf32>
      %202 = linalg.matmul ins(%199, %arg14 : tensor<8x16xf32>, tensor<16x32xf32>) outs(%201 : tensor<8x32xf32>) -> tensor<8x32xf32>
      %203 = tensor.empty() : tensor<8x32xf32>
      %204 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%202 : tensor<8x32xf32>) outs(%203 : tensor<8x32xf32>) {
      ^bb0(%in: f32, %out: f32):
        %223 = arith.negf %in : f32
        linalg.yield %223 : f32
      } -> tensor<8x32xf32>
      %205 = tensor.empty() : tensor<8x32xf32>
      %206 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%204 : tensor<8x32xf32>) outs(%205 : tensor<8x32xf32>) {
      ^bb0(%in: f32, %out: f32):
        %223 = math.exp %in : f32
        linalg.yield %223 : f32
      } -> tensor<8x32xf32>
      %207 = tensor.empty() : tensor<8x32xf32>
      %208 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%206 : tensor<8x32xf32>) outs(%207 : tensor<8x32xf32>) {
      ^bb0(%in: f32, %out: f32):
        %223 = arith.addf %in, %cst_0 : f32
        linalg.yield %223 : f32
      } -> tensor<8x32xf32>
      %209 = tensor.empty() : tensor<8x32xf32>
      %210 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%208 : tensor<8x32xf32>) outs(%209 : tensor<8x32xf32>) {
      ^bb0(%in: f32, %out: f32):
        %223 = arith.divf %cst_0, %in : f32
        linalg.yield %223 : f32
      } -> tensor<8x32xf32>
      %211 = tensor.empty() : tensor<8x32xf32>
      %212 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%202, %210 : tensor<8x32xf32>, tensor<8x32xf32>) outs(%211 : tensor<8x32xf32>) {
      ^bb0(%in: f32, %in_9: f32, %out: f32):
        %223 = arith.mulf %in, %in_9 : f32
        linalg.yield %223 : f32
      } -> tensor<8x32xf32>
      %213 = tensor.empty() : tensor<8x32xf32>
      %214 = linalg.fill ins(%cst_5 : f32) outs(%213 : tensor<8x32xf32>) -> tensor<8x32xf32>
      %215 = linalg.matmul ins(%199, %arg15 : tensor<8x16xf32>, tensor<16x32xf32>) outs(%214 : tensor<8x32xf32>) -> tensor<8x32xf32>
      %216 = tensor.empty() : tensor<8x32xf32>
      %217 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%212, %215 : tensor<8x32xf32>, tensor<8x32xf32>) outs(%216 : tensor<8x32xf32>) {
      ^bb0(%in: f32, %in_9: f32, %out: f32):
        %223 = arith.mulf %in, %in_9 : f32
        linalg.yield %223 : f32
      } -> tensor<8x32xf32>
      %218 = tensor.empty() : tensor<8x16xf32>
      %219 = linalg.fill ins(%cst_5 : f32) outs(%218 : tensor<8x16xf32>) -> tensor<8x16xf32>
      %220 = linalg.matmul ins(%217, %arg16 : tensor<8x32xf32>, tensor<32x16xf32>) outs(%219 : tensor<8x16xf32>) -> tensor<8x16xf32>
      %221 = tensor.empty() : tensor<8x16xf32>
      %222 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%180, %220 : tensor<8x16xf32>, tensor<8x16xf32>) outs(%221 : tensor<8x16xf32>) {
      ^bb0(%in: f32, %in_9: f32, %out: f32):
        %223 = arith.addf %in, %in_9 : f32
        linalg.yield %223 : f32
      } -> tensor<8x16xf32>
      scf.yield %222 : tensor<8x16xf32>
    }
    return %119 : tensor<8x16xf32>
  }
}
