#include "spec.h"

#include <QtGlobal>

#include <algorithm>
#include <array>
#include <numeric>

namespace rx {

namespace {

// The one table of block kinds; adding a kind means adding a row here.
constexpr std::array kBlockKinds = {
    BlockKindInfo{BlockKind::Basic, "basic", QT_TRANSLATE_NOOP("BlockKind", "Basic"), 1, false,
                  false, true},
    BlockKindInfo{BlockKind::Bottleneck, "bottleneck", QT_TRANSLATE_NOOP("BlockKind", "Bottleneck"),
                  4, true, false, true},
    BlockKindInfo{BlockKind::PreActBasic, "preact_basic",
                  QT_TRANSLATE_NOOP("BlockKind", "Pre-activation basic"), 1, false, true, true},
    BlockKindInfo{BlockKind::PreActBottleneck, "preact_bottleneck",
                  QT_TRANSLATE_NOOP("BlockKind", "Pre-activation bottleneck"), 4, true, true, true},
    BlockKindInfo{BlockKind::PlainBasic, "plain_basic",
                  QT_TRANSLATE_NOOP("BlockKind", "Plain basic"), 1, false, false, false},
    BlockKindInfo{BlockKind::PlainBottleneck, "plain_bottleneck",
                  QT_TRANSLATE_NOOP("BlockKind", "Plain bottleneck"), 4, true, false, false},
    BlockKindInfo{BlockKind::PlainPreActBasic, "plain_preact_basic",
                  QT_TRANSLATE_NOOP("BlockKind", "Plain pre-activation basic"), 1, false, true,
                  false},
    BlockKindInfo{BlockKind::PlainPreActBottleneck, "plain_preact_bottleneck",
                  QT_TRANSLATE_NOOP("BlockKind", "Plain pre-activation bottleneck"), 4, true, true,
                  false},
};

}  // namespace

std::span<const BlockKindInfo> blockKinds() {
    return kBlockKinds;
}

const BlockKindInfo& blockKindInfo(BlockKind kind) {
    auto it = std::find_if(kBlockKinds.begin(), kBlockKinds.end(),
                           [kind](const BlockKindInfo& info) { return info.kind == kind; });
    return *it;  // every enumerator has a row
}

std::optional<BlockKind> blockKindFromId(const QString& id) {
    for (const auto& info : kBlockKinds) {
        if (id == QLatin1String(info.id))
            return info.kind;
    }
    return std::nullopt;
}

BlockKind withResidual(BlockKind kind, bool residual) {
    const auto& from = blockKindInfo(kind);
    for (const auto& info : kBlockKinds) {
        if (info.bottleneck == from.bottleneck && info.preActivation == from.preActivation &&
            info.residual == residual)
            return info.kind;
    }
    return kind;
}

char shortcutLetter(ShortcutOption option) {
    switch (option) {
        case ShortcutOption::ZeroPad:
            return 'A';
        case ShortcutOption::ProjectOnChange:
            return 'B';
        case ShortcutOption::ProjectAll:
            return 'C';
    }
    return 'A';
}

std::optional<ShortcutOption> shortcutFromLetter(const QString& letter) {
    if (letter == QLatin1String("A"))
        return ShortcutOption::ZeroPad;
    if (letter == QLatin1String("B"))
        return ShortcutOption::ProjectOnChange;
    if (letter == QLatin1String("C"))
        return ShortcutOption::ProjectAll;
    return std::nullopt;
}

const char* stemId(StemKind kind) {
    return kind == StemKind::Cifar ? "cifar" : "imagenet";
}

std::optional<StemKind> stemFromId(const QString& id) {
    if (id == QLatin1String("cifar"))
        return StemKind::Cifar;
    if (id == QLatin1String("imagenet"))
        return StemKind::ImageNet;
    return std::nullopt;
}

bool NetworkSpec::stemHasBatchNorm() const {
    return stages.empty() || !blockKindInfo(stages.front().block).preActivation;
}

bool NetworkSpec::headHasBatchNorm() const {
    return !stages.empty() && blockKindInfo(stages.back().block).preActivation;
}

int NetworkSpec::totalBlocks() const {
    // Saturating sum: a hostile file may hold huge counts.
    long long total = 0;
    for (const auto& stage : stages)
        total += std::max(0, stage.blocks);
    return static_cast<int>(std::min<long long>(total, 1LL << 30));
}

}  // namespace rx
