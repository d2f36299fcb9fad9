#!/usr/bin/env python3
"""Checks a ResNet Explorer ONNX export with ONNX's own checker and OpenCV's DNN module.

usage: check_onnx_export.py MODEL.onnx NAMES.txt PIXELS.f32 LOGITS.csv

NAMES lists the state_dict's float tensors, one name a line: each must be an initializer of the
graph under that name. PIXELS holds float32 images (RGB, C x H x W each, values in [0, 1]): the
plain input, which the graph normalises itself. LOGITS holds the app's logits for them. Exits 0
when the model passes the checker, has the promised interface, and OpenCV's logits are within
1e-4 of the app's, for the whole batch and for a batch of another size (the batch is dynamic).
"""
import sys

import cv2
import numpy as np
import onnx

TOLERANCE = 1e-4


def fail(message):
    print(message)
    return 1


def main():
    path, names_path, pixels_path, logits_path = sys.argv[1:5]
    model = onnx.load(path)
    onnx.checker.check_model(model)  # raises on any finding
    opset = {o.domain: o.version for o in model.opset_import}.get("", 0)
    if opset < 13:
        return fail(f"opset {opset} < 13")
    graph = model.graph
    if [i.name for i in graph.input] != ["input"] or [o.name for o in graph.output] != ["logits"]:
        return fail(f"inputs {[i.name for i in graph.input]}, outputs {[o.name for o in graph.output]}")
    dims = graph.input[0].type.tensor_type.shape.dim
    if len(dims) != 4 or dims[0].dim_param != "N" or any(d.dim_value <= 0 for d in dims[1:]):
        return fail(f"input shape {dims}")
    shape = tuple(d.dim_value for d in dims[1:])
    initializers = {t.name for t in graph.initializer}
    names = open(names_path).read().split()
    missing = [n for n in names if n not in initializers]
    if missing:
        return fail(f"no initializer for {missing[:5]}")
    ops = [n.op_type for n in graph.node]
    if ops[:2] != ["Sub", "Div"] or "Conv" not in ops:
        return fail(f"the graph starts {ops[:3]}: no normalisation nodes")

    x = np.fromfile(pixels_path, dtype=np.float32).reshape(-1, *shape)
    expected = np.loadtxt(logits_path, delimiter=",", ndmin=2)
    net = cv2.dnn.readNetFromONNX(path)
    net.setInput(x)
    logits = net.forward().astype(np.float64)
    if logits.shape != expected.shape:
        return fail(f"shape {logits.shape} != {expected.shape}")
    diff = float(np.abs(logits - expected).max())
    net.setInput(x[:7])
    part = net.forward().astype(np.float64)
    part_diff = float(np.abs(part - expected[:7]).max()) if part.shape == (7, expected.shape[1]) else np.inf
    print(f"{x.shape[0]} images, max abs diff {diff:.3g} (a batch of 7: {part_diff:.3g}), "
          f"largest logit {np.abs(expected).max():.3g}; opset {opset}, {len(graph.node)} nodes")
    return 0 if diff < TOLERANCE and part_diff < TOLERANCE else 1


if __name__ == "__main__":
    sys.exit(main())
