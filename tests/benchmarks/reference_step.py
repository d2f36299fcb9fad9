#!/usr/bin/env python3
"""The training step of ResNet Explorer's benchmark, written the usual PyTorch way.

usage: reference_step.py --arch resnet-20|resnet-56|plain-20|... [--channels-last]
                         [--precision fp32|bf16] [--threads N] [--iterations N] [--batch N]
                         [--data DIR] [--device cpu|cuda]

The CIFAR networks of the paper (Sec. 4.2: 3x3 convs of 16/32/64 filters, n blocks a stage,
option A shortcuts; plain nets without them), He initialisation, SGD with momentum 0.9 and weight
decay 1e-4, batch 128, per-channel normalisation, and the augmentation of the paper (4-pixel zero
padding, random 32x32 crop, horizontal flip half the time) done on the batch on the same device.
--precision bf16 runs the forward pass under torch.autocast("cpu", torch.bfloat16), PyTorch's own
CPU mixed precision. Two warm-up iterations, then prints one line: "images_per_second X".
bench_training runs it as a child process, alternating with the C++ trainer.
"""
import argparse
import os
import re
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class BasicBlock(nn.Module):
    def __init__(self, cin, cout, stride, residual):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.residual = residual
        self.stride = stride
        self.extra = cout - cin

    def shortcut(self, x):
        # Option A: strided subsampling, then zero channels after the input's own.
        if self.stride > 1:
            x = x[:, :, :: self.stride, :: self.stride]
        if self.extra > 0:
            x = F.pad(x, (0, 0, 0, 0, 0, self.extra))
        return x

    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        if self.residual:
            out = out + self.shortcut(x)
        return F.relu(out)


class CifarNet(nn.Module):
    def __init__(self, n, residual, classes=10):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 16, 3, 1, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(16)
        layers, cin = [], 16
        for stage, width in enumerate((16, 32, 64)):
            blocks = []
            for i in range(n):
                stride = 2 if stage > 0 and i == 0 else 1
                blocks.append(BasicBlock(cin, width, stride, residual))
                cin = width
            layers.append(nn.Sequential(*blocks))
        self.layer1, self.layer2, self.layer3 = layers
        self.fc = nn.Linear(64, classes)
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")

    def forward(self, x):
        x = F.relu(self.bn1(self.conv1(x)))
        x = self.layer3(self.layer2(self.layer1(x)))
        return self.fc(torch.flatten(F.adaptive_avg_pool2d(x, 1), 1))


def build(arch):
    m = re.fullmatch(r"(resnet|plain)-(\d+)", arch)
    if not m or (int(m.group(2)) - 2) % 6:
        sys.exit(f"reference_step.py: unknown network {arch!r} (resnet-6n+2 or plain-6n+2)")
    return CifarNet((int(m.group(2)) - 2) // 6, m.group(1) == "resnet")


def load_images(data_dir):
    """The 50,000 training images as one uint8 N x 3 x 32 x 32 tensor, or random ones."""
    files = [os.path.join(data_dir or "", f"data_batch_{i}.bin") for i in range(1, 6)]
    if data_dir and all(os.path.exists(f) for f in files):
        raw = np.concatenate([np.fromfile(f, dtype=np.uint8).reshape(-1, 3073) for f in files])
        labels = torch.from_numpy(raw[:, 0].astype(np.int64))
        images = torch.from_numpy(raw[:, 1:].reshape(-1, 3, 32, 32).copy())
        return images, labels
    g = torch.Generator().manual_seed(2)
    return (torch.randint(0, 256, (10000, 3, 32, 32), generator=g, dtype=torch.uint8),
            torch.randint(0, 10, (10000,), generator=g))


def augment(batch, pad=4):
    """Zero padding, a random crop of the batch's own size, a horizontal flip half the time."""
    b, _, h, w = batch.shape
    dev = batch.device
    padded = F.pad(batch, (pad, pad, pad, pad))
    dy = torch.randint(0, 2 * pad + 1, (b,), device=dev)
    dx = torch.randint(0, 2 * pad + 1, (b,), device=dev)
    rows = (dy.view(b, 1) + torch.arange(h, device=dev).view(1, h)).view(b, 1, h, 1)
    cols = (dx.view(b, 1) + torch.arange(w, device=dev).view(1, w)).view(b, 1, 1, w)
    out = padded.gather(2, rows.expand(b, batch.size(1), h, w + 2 * pad))
    out = out.gather(3, cols.expand(b, batch.size(1), h, w))
    flip = torch.randint(0, 2, (b,), device=dev).bool().view(b, 1, 1, 1)
    return torch.where(flip, out.flip(3), out)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--arch", default="resnet-20")
    p.add_argument("--channels-last", action="store_true")
    p.add_argument("--precision", choices=("fp32", "bf16"), default="fp32")
    p.add_argument("--threads", type=int, default=os.cpu_count())
    p.add_argument("--iterations", type=int, default=20)
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--data", default=os.environ.get("CIFAR10_DIR"))
    p.add_argument("--device", default="cpu")
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    device = torch.device(a.device)
    images, labels = load_images(a.data)
    images, labels = images.to(device), labels.to(device)
    floats = images.float()
    mean = floats.mean(dim=(0, 2, 3)).view(1, 3, 1, 1)
    std = floats.std(dim=(0, 2, 3)).view(1, 3, 1, 1)
    del floats
    fmt = torch.channels_last if a.channels_last else torch.contiguous_format
    net = build(a.arch).to(device=device, memory_format=fmt)
    net.train()
    sgd = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9, weight_decay=1e-4)
    start = 0.0
    for it in range(-2, a.iterations):  # two warm-up iterations are not timed
        if it == 0:
            if device.type == "cuda":
                torch.cuda.synchronize()
            start = time.perf_counter()
        index = torch.randint(0, images.size(0), (a.batch,), device=device)
        x = augment((images.index_select(0, index).float() - mean) / std)
        x = x.contiguous(memory_format=fmt)
        sgd.zero_grad()
        with torch.autocast(device.type, dtype=torch.bfloat16, enabled=a.precision == "bf16"):
            logits = net(x)
        loss = F.cross_entropy(logits.float(), labels.index_select(0, index))
        loss.backward()
        sgd.step()
    if device.type == "cuda":
        torch.cuda.synchronize()
    seconds = time.perf_counter() - start
    print(f"images_per_second {a.iterations * a.batch / seconds:.1f}")


if __name__ == "__main__":
    main()
