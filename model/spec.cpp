#include "spec.h"

#include <algorithm>

namespace rx {

const StemKindInfo& stemKindInfo(StemKind kind) {
    const auto* info = enumEntry(kStemKinds, kind);
    return info ? static_cast<const StemKindInfo&>(*info) : kStemKinds[0];
}

const ShortcutOptionInfo& shortcutOptionInfo(ShortcutOption option) {
    const auto* info = enumEntry(kShortcutOptions, option);
    return info ? static_cast<const ShortcutOptionInfo&>(*info) : kShortcutOptions[0];
}

char shortcutLetter(ShortcutOption option) {
    return shortcutOptionInfo(option).id[0];
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

int DepthRule::blocksFor(int depth) const {
    if (step <= 0 || depth < step + 2 || (depth - 2) % step != 0)
        return -1;
    return (depth - 2) / step;
}

DepthRule depthRule(BlockKind kind, int stages, int blocks) {
    return {weightedLayers(kind) * stages, blocks};
}

DepthRule depthRule(const NetworkSpec& spec) {
    if (spec.stages.empty())
        return {};
    const StageSpec& first = spec.stages.front();
    for (const StageSpec& s : spec.stages)
        if (s.blocks != first.blocks || weightedLayers(s.block) != weightedLayers(first.block))
            return {};
    return depthRule(first.block, static_cast<int>(spec.stages.size()), first.blocks);
}

}  // namespace rx
