#!/usr/bin/env python3
"""Checks a ResNet Explorer PyTorch export against an independent PyTorch definition.

usage: check_pytorch_export.py WEIGHTS SPEC.resnet.json INPUTS.f32 LOGITS.csv

Builds the network described by SPEC in plain PyTorch (torchvision's resnet.py idiom), loads
WEIGHTS with strict=True, runs the float32 NCHW INPUTS and compares the logits with those the C++
model wrote to LOGITS.csv. Exits 0 when the largest absolute difference is below 1e-4.
"""
import json
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

# block id -> (bottleneck, pre-activation, residual)
KINDS = {
    "basic": (False, False, True),
    "bottleneck": (True, False, True),
    "preact_basic": (False, True, True),
    "preact_bottleneck": (True, True, True),
    "plain_basic": (False, False, False),
    "plain_bottleneck": (True, False, False),
    "plain_preact_basic": (False, True, False),
    "plain_preact_bottleneck": (True, True, False),
}


def conv3x3(cin, cout, stride=1):
    return nn.Conv2d(cin, cout, 3, stride, 1, bias=False)


def conv1x1(cin, cout, stride=1):
    return nn.Conv2d(cin, cout, 1, stride, 0, bias=False)


class Block(nn.Module):
    def __init__(self, kind, inplanes, planes, stride, option):
        super().__init__()
        self.bottleneck, self.preact, residual = KINDS[kind]
        expansion = 4 if self.bottleneck else 1
        outplanes = planes * expansion
        self.stride = stride
        self.extra = outplanes - inplanes
        changes = stride != 1 or inplanes != outplanes
        if not residual:
            self.mode = None
        elif option == "A":
            self.mode = "zeropad" if changes else "identity"
        elif option == "B":
            self.mode = "projection" if changes else "identity"
        else:
            self.mode = "projection"
        if self.preact:
            self.bn1 = nn.BatchNorm2d(inplanes)
        if not self.bottleneck:
            self.conv1 = conv3x3(inplanes, planes, stride)
            if self.preact:
                self.bn2 = nn.BatchNorm2d(planes)
            else:
                self.bn1 = nn.BatchNorm2d(planes)
            self.conv2 = conv3x3(planes, outplanes)
            if not self.preact:
                self.bn2 = nn.BatchNorm2d(outplanes)
        else:
            self.conv1 = conv1x1(inplanes, planes)
            if self.preact:
                self.bn2 = nn.BatchNorm2d(planes)
            else:
                self.bn1 = nn.BatchNorm2d(planes)
            self.conv2 = conv3x3(planes, planes, stride)
            if self.preact:
                self.bn3 = nn.BatchNorm2d(planes)
            else:
                self.bn2 = nn.BatchNorm2d(planes)
            self.conv3 = conv1x1(planes, outplanes)
            if not self.preact:
                self.bn3 = nn.BatchNorm2d(outplanes)
        if self.mode == "projection":
            layers = [conv1x1(inplanes, outplanes, stride)]
            if not self.preact:
                layers.append(nn.BatchNorm2d(outplanes))
            self.downsample = nn.Sequential(*layers)

    def shortcut(self, x, normalised):
        if self.mode == "identity":
            return x
        if self.mode == "projection":
            return self.downsample(normalised)
        s = x[:, :, :: self.stride, :: self.stride]
        return F.pad(s, (0, 0, 0, 0, 0, self.extra))  # [x, 0]

    def forward(self, x):
        if self.preact:
            a = F.relu(self.bn1(x))
            if not self.bottleneck:
                out = self.conv2(F.relu(self.bn2(self.conv1(a))))
            else:
                out = F.relu(self.bn2(self.conv1(a)))
                out = self.conv3(F.relu(self.bn3(self.conv2(out))))
            return out + self.shortcut(x, a) if self.mode else out
        if not self.bottleneck:
            out = self.bn2(self.conv2(F.relu(self.bn1(self.conv1(x)))))
        else:
            out = F.relu(self.bn1(self.conv1(x)))
            out = F.relu(self.bn2(self.conv2(out)))
            out = self.bn3(self.conv3(out))
        if self.mode:
            out = out + self.shortcut(x, x)
        return F.relu(out)


class Net(nn.Module):
    def __init__(self, spec):
        super().__init__()
        inp = spec.get("input", {})
        stem = spec.get("stem", {})
        stages = spec["stages"]
        self.imagenet = stem.get("kind", "cifar") == "imagenet"
        width = stem.get("width", 16)
        k = 7 if self.imagenet else 3
        self.conv1 = nn.Conv2d(inp.get("channels", 3), width, k, 2 if self.imagenet else 1, k // 2,
                               bias=False)
        self.stem_bn = not KINDS[stages[0]["block"]][1]
        if self.stem_bn:
            self.bn1 = nn.BatchNorm2d(width)
        inplanes = width
        for i, st in enumerate(stages):
            blocks = []
            expansion = 4 if KINDS[st["block"]][0] else 1
            for b in range(st["blocks"]):
                stride = st.get("stride", 1) if b == 0 else 1
                blocks.append(Block(st["block"], inplanes, st["width"], stride,
                                    st.get("shortcut", "A")))
                inplanes = st["width"] * expansion
            setattr(self, f"layer{i + 1}", nn.Sequential(*blocks))
        self.stages = len(stages)
        self.head_bn = KINDS[stages[-1]["block"]][1]
        if self.head_bn:
            self.final_bn = nn.BatchNorm2d(inplanes)
        self.fc = nn.Linear(inplanes, inp.get("classes", 10))

    def forward(self, x):
        x = self.conv1(x)
        if self.stem_bn:
            x = F.relu(self.bn1(x))
        if self.imagenet:
            x = F.max_pool2d(x, 3, 2, 1)
        for i in range(self.stages):
            x = getattr(self, f"layer{i + 1}")(x)
        if self.head_bn:
            x = F.relu(self.final_bn(x))
        return self.fc(torch.flatten(F.adaptive_avg_pool2d(x, 1), 1))


def main():
    weights, spec_path, inputs_path, logits_path = sys.argv[1:5]
    spec = json.load(open(spec_path))
    model = Net(spec)
    state = torch.load(weights)
    if not isinstance(state, dict) or not all(torch.is_tensor(v) for v in state.values()):
        print("the export is not a state_dict of tensors")
        return 1
    model.load_state_dict(state, strict=True)
    model.eval()
    inp = spec.get("input", {})
    shape = (inp.get("channels", 3), inp.get("height", 32), inp.get("width", 32))
    x = torch.from_numpy(np.fromfile(inputs_path, dtype=np.float32).reshape(-1, *shape))
    expected = torch.from_numpy(np.loadtxt(logits_path, delimiter=",", ndmin=2))
    with torch.no_grad():
        logits = model(x).double()
    if logits.shape != expected.shape:
        print(f"shape {tuple(logits.shape)} != {tuple(expected.shape)}")
        return 1
    diff = (logits - expected).abs().max().item()
    print(f"{x.shape[0]} images, max abs diff {diff:.3g}")
    return 0 if diff < 1e-4 else 1


if __name__ == "__main__":
    sys.exit(main())
