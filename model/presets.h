// The named networks of the papers, as data over one generic constructor.
#pragma once

#include "spec.h"

#include <QStringList>

#include <optional>

namespace rx {

// CIFAR-10 net of the paper §4.2: 3×3 stem, 16/32/64 filters, n blocks per stage (6n+2 layers
// for basic blocks, 9n+2 for bottlenecks).
NetworkSpec cifarNet(const QString& name, BlockKind kind, int n, ShortcutOption shortcut);

// ImageNet-style net of the paper's Table 1 (7×7 stem + max-pool, widths 64/128/256/512).
NetworkSpec imagenetNet(const QString& name, BlockKind kind, std::vector<int> blocks);

// Every preset's name, in menu order.
QStringList presetNames();
std::optional<NetworkSpec> preset(const QString& name);

// "resnet-56" for a three-stage net of `kind`: n blocks per stage for a depth, or -1 when the
// depth is not 6n+2 (9n+2 for bottlenecks); see DepthRule.
int blocksPerStageForDepth(BlockKind kind, int depth);

}  // namespace rx
