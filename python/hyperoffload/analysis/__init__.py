"""Analyses of functions on buffers: program order, liveness, costs, the
offload planner and its bounds. Below the simulator and the passes."""
