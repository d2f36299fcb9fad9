#!/usr/bin/env python3
"""Checks ResNet Explorer's PyTorch code exports against the app's logits.

usage: check_pytorch_code.py TOLERANCE CASE_DIR [CASE_DIR ...]

Each CASE_DIR holds model.py (export --format pytorch-code), model.pth and model.resnet.json
(export --format pytorch), pixels.f32 (float32 RGB images in [0, 1]) and logits.csv (the app's
logits for them). The code is imported as it is, build_model("model.pth") loads the weights with
strict=True, and preprocess() normalises the pixels. Exits 0 when every case's logits are within
TOLERANCE of the app's.
"""
import importlib.util
import json
import os
import sys

import numpy as np
import torch


def check(case, tolerance):
    spec = importlib.util.spec_from_file_location(f"exported_{abs(hash(case))}",
                                                  os.path.join(case, "model.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    model = module.build_model(os.path.join(case, "model.pth"))
    if model.training:
        print(f"{case}: build_model(weights) left the model in training mode")
        return False
    arch = json.load(open(os.path.join(case, "model.resnet.json")))
    inp = arch.get("input", {})
    shape = (inp.get("channels", 3), inp.get("height", 32), inp.get("width", 32))
    x = torch.from_numpy(np.fromfile(os.path.join(case, "pixels.f32"), dtype=np.float32))
    expected = torch.from_numpy(np.loadtxt(os.path.join(case, "logits.csv"), delimiter=",",
                                           ndmin=2))
    with torch.no_grad():
        logits = model(module.preprocess(x.reshape(-1, *shape))).double()
    if logits.shape != expected.shape:
        print(f"{case}: shape {tuple(logits.shape)} != {tuple(expected.shape)}")
        return False
    diff = (logits - expected).abs().max().item()
    print(f"{arch.get('name', case)}: {x.numel() // np.prod(shape)} images, max abs diff {diff:.3g}")
    return diff < tolerance


def main():
    tolerance = float(sys.argv[1])
    torch.set_num_threads(2)
    results = [check(case, tolerance) for case in sys.argv[2:]]
    return 0 if results and all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
