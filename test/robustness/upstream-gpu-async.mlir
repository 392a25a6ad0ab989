// In the style of upstream's gpu and async dialect tests.
func.func @gpu_async_copy(%h: memref<64xf32>) {
  %t0 = gpu.wait async
  %d, %t1 = gpu.alloc async [%t0] () : memref<64xf32>
  %t2 = gpu.memcpy async [%t1] %d, %h : memref<64xf32>, memref<64xf32>
  %t3 = gpu.dealloc async [%t2] %d : memref<64xf32>
  gpu.wait [%t3]
  return
}

// -----
func.func @gpu_launch(%a: memref<64xf32>) {
  %c1 = arith.constant 1 : index
  %c64 = arith.constant 64 : index
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1)
             threads(%tx, %ty, %tz) in (%sx = %c64, %sy = %c1, %sz = %c1) {
    %v = memref.load %a[%tx] : memref<64xf32>
    %w = arith.addf %v, %v : f32
    memref.store %w, %a[%tx] : memref<64xf32>
    gpu.terminator
  }
  return
}

// -----
module attributes {gpu.container_module} {
  gpu.module @kernels {
    gpu.func @double(%a: memref<64xf32>) kernel {
      %i = gpu.thread_id x
      %v = memref.load %a[%i] : memref<64xf32>
      %w = arith.addf %v, %v : f32
      memref.store %w, %a[%i] : memref<64xf32>
      gpu.return
    }
  }
  func.func @launch_func(%a: memref<64xf32>) {
    %c1 = arith.constant 1 : index
    %c64 = arith.constant 64 : index
    gpu.launch_func @kernels::@double blocks in (%c1, %c1, %c1) threads in (%c64, %c1, %c1) args(%a : memref<64xf32>)
    return
  }
}

// -----
func.func @gpu_memset(%d: memref<64xf32>) {
  %z = arith.constant 0.0 : f32
  %t0 = gpu.wait async
  %t1 = gpu.memset async [%t0] %d, %z : memref<64xf32>, f32
  gpu.wait [%t1]
  return
}

// -----
func.func @gpu_host_register(%h: memref<64xf32>) {
  %u = memref.cast %h : memref<64xf32> to memref<*xf32>
  gpu.host_register %u : memref<*xf32>
  return
}

// -----
func.func @async_execute(%a: memref<64xf32>, %b: memref<64xf32>) {
  %token = async.execute {
    memref.copy %a, %b : memref<64xf32> to memref<64xf32>
    async.yield
  }
  async.await %token : !async.token
  return
}

// -----
func.func @async_group(%a: memref<64xf32>, %b: memref<64xf32>) {
  %c2 = arith.constant 2 : index
  %g = async.create_group %c2 : !async.group
  %t0 = async.execute {
    memref.copy %a, %b : memref<64xf32> to memref<64xf32>
    async.yield
  }
  %i0 = async.add_to_group %t0, %g : !async.token
  %t1 = async.execute {
    memref.copy %b, %a : memref<64xf32> to memref<64xf32>
    async.yield
  }
  %i1 = async.add_to_group %t1, %g : !async.token
  async.await_all %g
  return
}

// -----
func.func @async_value() -> f32 {
  %token, %value = async.execute -> !async.value<f32> {
    %c = arith.constant 1.0 : f32
    async.yield %c : f32
  }
  %v = async.await %value : !async.value<f32>
  return %v : f32
}

// -----
func.func @gpu_wait_join(%h: memref<64xf32>, %g: memref<64xf32>) {
  %a = gpu.wait async
  %b = gpu.wait async
  %j = gpu.wait async [%a, %b]
  %t = gpu.memcpy async [%j] %g, %h : memref<64xf32>, memref<64xf32>
  gpu.wait [%t]
  return
}

// -----
func.func @gpu_alloc_host_shared() {
  %m = gpu.alloc host_shared () : memref<64xf32>
  gpu.dealloc %m : memref<64xf32>
  return
}
