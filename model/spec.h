// The description of a network that the GUI edits, the trainer builds and files store.
// Plain values only: no torch, no Qt Widgets.
#pragma once

#include <QString>
#include <QStringList>

#include <optional>
#include <span>
#include <vector>

namespace rx {

// How the input is first processed before the stages.
enum class StemKind {
    Cifar,     // 3×3 conv, stride 1 (paper §4.2)
    ImageNet,  // 7×7 conv, stride 2, then 3×3 max-pool, stride 2 (paper Table 1)
};

// The residual (or plain) unit repeated inside a stage.
enum class BlockKind {
    Basic,                  // 3×3, 3×3 with an identity/projection shortcut
    Bottleneck,             // 1×1, 3×3, 1×1 (expansion 4) with a shortcut
    PreActBasic,            // BN-ReLU-conv ×2, pure identity shortcut (ECCV 2016)
    PreActBottleneck,       // BN-ReLU-conv ×3, expansion 4
    PlainBasic,             // Basic without the shortcut
    PlainBottleneck,        // Bottleneck without the shortcut
    PlainPreActBasic,       // PreActBasic without the shortcut
    PlainPreActBottleneck,  // PreActBottleneck without the shortcut
};

// What a residual block's shortcut does where the shape changes (paper §3.3).
enum class ShortcutOption {
    ZeroPad,          // A: identity; subsample and append zero channels, [x, 0]; no parameters
    ProjectOnChange,  // B: 1×1 conv + BN projection only where the shape changes
    ProjectAll,       // C: 1×1 conv + BN projection on every shortcut
};

// Everything that is fixed about a block kind, in one table (see blockKinds()).
struct BlockKindInfo {
    BlockKind kind;
    const char* id;      // the name in .resnet.json files
    const char* label;   // short English label (translate with QCoreApplication)
    int expansion;       // output channels = width × expansion
    bool bottleneck;     // 1×1, 3×3, 1×1 instead of 3×3, 3×3
    bool preActivation;  // BN-ReLU before each conv, nothing after the addition
    bool residual;       // has a shortcut
};

std::span<const BlockKindInfo> blockKinds();
const BlockKindInfo& blockKindInfo(BlockKind kind);
std::optional<BlockKind> blockKindFromId(const QString& id);
// The same block with (residual = true) or without (false) the shortcut.
BlockKind withResidual(BlockKind kind, bool residual);

char shortcutLetter(ShortcutOption option);
std::optional<ShortcutOption> shortcutFromLetter(const QString& letter);

const char* stemId(StemKind kind);
std::optional<StemKind> stemFromId(const QString& id);

struct InputSpec {
    int channels = 3;
    int height = 32;
    int width = 32;
    int classes = 10;
    bool operator==(const InputSpec&) const = default;
};

struct StemSpec {
    StemKind kind = StemKind::Cifar;
    int width = 16;
    bool operator==(const StemSpec&) const = default;
};

struct StageSpec {
    BlockKind block = BlockKind::Basic;
    int blocks = 3;
    int width = 16;  // "planes": the 3×3 width; outputs are width × expansion
    int stride = 1;  // stride of the stage's first block
    ShortcutOption shortcut = ShortcutOption::ZeroPad;
    bool operator==(const StageSpec&) const = default;
};

// Global average pooling and a fully connected layer to InputSpec::classes.
struct HeadSpec {
    bool operator==(const HeadSpec&) const = default;
};

struct NetworkSpec {
    QString name;
    QString description;
    InputSpec input;
    StemSpec stem;
    std::vector<StageSpec> stages;
    HeadSpec head;
    bool operator==(const NetworkSpec&) const = default;

    // Pre-activation nets have no BN-ReLU after the stem conv and a final BN-ReLU before the
    // pooling (ECCV 2016); both are derived from the first and last stage's block kind.
    bool stemHasBatchNorm() const;
    bool headHasBatchNorm() const;
    int totalBlocks() const;
};

}  // namespace rx
