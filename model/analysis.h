// Shape inference through every layer of a NetworkSpec: validation, depth, parameters, MACs and
// the output shape after every block. The LibTorch builder follows the same layer list, so what
// is counted here is what gets built.
#pragma once

#include "spec.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace rx {

// Limits beyond which a network is rejected as absurd rather than built.
inline constexpr int kMaxTotalBlocks = 10000;
inline constexpr int kMaxWidth = 16384;
inline constexpr int kMaxStride = 8;
inline constexpr int kMaxInputSize = 4096;
inline constexpr int kMaxInputChannels = 1024;
inline constexpr int kMaxClasses = 100000;
inline constexpr int kMaxStages = 64;

struct Shape {
    int channels = 0;
    int height = 0;
    int width = 0;
    bool operator==(const Shape&) const = default;
};
QString shapeText(const Shape& shape);  // "16×32×32"

enum class LayerType { Conv, BatchNorm, MaxPool, AvgPool, Linear };

struct LayerInfo {
    LayerType type = LayerType::Conv;
    QString name;         // PyTorch name, e.g. "layer1.0.conv1", "layer2.0.downsample.0", "fc"
    int kernel = 0;       // conv / pool kernel size
    int inChannels = 0;   // conv: input channels; linear: input features
    int outChannels = 0;  // conv: filters; BN: features; linear: classes
    int stride = 1;
    bool shortcut = false;  // part of the projection shortcut, not the main path
    bool response = false;  // a conv whose response Fig. 7 plots (see kResponse)
    Shape output;
    std::int64_t params = 0;
    std::int64_t macs = 0;  // multiply-accumulates per image
    QString text() const;   // "3×3 conv, 32, /2"
};
// The text of a layer as the paper's Fig. 3 lists it: "3×3 conv, 32, /2", "BN, 16", "fc, 10".
QString layerText(LayerType type, int kernel, int outChannels, int stride);

enum class ShortcutKind { None, Identity, ZeroPad, Projection };

struct BlockInfo {
    enum class Role { Stem, Block, Head } role = Role::Block;
    int stage = -1;  // 0-based; -1 for stem and head
    int block = -1;  // 0-based within the stage
    QString name;    // "conv1"-level stem, "layer1.0", "fc" head
    BlockKind kind = BlockKind::Basic;
    Shape input;
    Shape output;
    int inChannels = 0;
    int width = 0;
    int outChannels = 0;
    int stride = 1;
    ShortcutKind shortcut = ShortcutKind::None;
    std::vector<LayerInfo> layers;
    std::int64_t params = 0;
    std::int64_t macs = 0;
    int weightedLayers = 0;  // paper's depth convention: main-path convs and fc
};

struct StageSummary {
    int stage = 0;  // 0-based
    BlockKind kind = BlockKind::Basic;
    int blocks = 0;
    int width = 0;
    int outChannels = 0;
    Shape output;
    std::int64_t params = 0;
    std::int64_t macs = 0;
    int weightedLayers = 0;
};

struct ValidationError {
    // What the error is about, for marking it on the canvas.
    enum class Location { Network, Input, Stem, Stage, Block, Head } location = Location::Network;
    int stage = -1;   // 0-based; -1 when not about one stage
    int block = -1;   // 0-based; -1 when about the stage as a whole
    QString message;  // full sentence, already prefixed, e.g. "stage 2, block 1: …"
};

struct Analysis {
    std::vector<ValidationError> errors;
    std::vector<BlockInfo> blocks;  // stem, every block in order, head
    std::vector<StageSummary> stages;
    int depth = 0;
    std::int64_t params = 0;
    std::int64_t macs = 0;
    Shape output;
    bool ok() const { return errors.empty(); }
    QStringList errorMessages() const;
    // Names of every conv whose response (after BN, before addition/ReLU) Fig. 7 plots: the
    // layers marked `response` (every 3×3 conv of the main path), in order.
    QStringList responseLayers() const;
};

Analysis analyze(const NetworkSpec& spec);

// "1,234,567" and "0.27M" / "40.6M" style figures for tables and the status bar.
QString groupedNumber(std::int64_t value);
QString shortNumber(std::int64_t value);

}  // namespace rx
