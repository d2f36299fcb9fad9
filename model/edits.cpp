#include "edits.h"

#include <algorithm>

namespace rx::edits {

namespace {

int outChannels(const StageSpec& s) {
    return s.width * blockKindInfo(s.block).expansion;
}

int clampIndex(int value, int low, int high) {
    return std::clamp(value, low, high);
}

}  // namespace

namespace {

// Merges equal neighbours; `tracked`, when given, follows one block through the merge.
NetworkSpec merge(const NetworkSpec& spec, BlockPosition* tracked) {
    NetworkSpec out = spec;
    out.stages.clear();
    BlockPosition moved;
    for (int i = 0; i < static_cast<int>(spec.stages.size()); ++i) {
        const StageSpec& s = spec.stages[i];
        int offset = 0;  // blocks already in the stage this one joins
        if (!out.stages.empty()) {
            StageSpec& last = out.stages.back();
            if (last.block == s.block && last.width == s.width && last.shortcut == s.shortcut &&
                s.stride == 1) {
                offset = last.blocks;
                last.blocks += s.blocks;
            }
        }
        if (offset == 0)
            out.stages.push_back(s);
        if (tracked && tracked->stage == i)
            moved = {static_cast<int>(out.stages.size()) - 1, offset + tracked->block};
    }
    if (tracked)
        *tracked = moved;
    return out;
}

}  // namespace

NetworkSpec mergeEqualNeighbours(const NetworkSpec& spec) {
    return merge(spec, nullptr);
}

NetworkSpec insertBlock(const NetworkSpec& spec, int stage, int index, BlockKind kind,
                        BlockPosition* inserted) {
    NetworkSpec out = spec;
    const int count = static_cast<int>(spec.stages.size());
    stage = clampIndex(stage, 0, count);
    const int expansion = blockKindInfo(kind).expansion;
    BlockPosition where;
    if (stage == count) {
        // At the end: grow the last stage or start a new one that keeps the channel count.
        if (count > 0 && spec.stages.back().block == kind) {
            out.stages.back().blocks += 1;
            where = {count - 1, out.stages.back().blocks - 1};
        } else {
            const int channels = count > 0 ? outChannels(spec.stages.back()) : spec.stem.width;
            const ShortcutOption option =
                count > 0 ? spec.stages.back().shortcut : ShortcutOption::ZeroPad;
            out.stages.push_back({kind, 1, std::max(1, channels / expansion), 1, option});
            where = {count, 0};
        }
    } else if (const StageSpec s = spec.stages[stage]; s.block == kind) {
        index = clampIndex(index, 0, s.blocks);
        out.stages[stage].blocks += 1;
        if (inserted)
            *inserted = {stage, index};
        return out;
    } else {
        // Split: [0, index) of the old kind, the new block, [index, n) of the old kind.
        index = clampIndex(index, 0, s.blocks);
        std::vector<StageSpec> parts;
        if (index > 0)
            parts.push_back({s.block, index, s.width, s.stride, s.shortcut});
        where = {stage + static_cast<int>(parts.size()), 0};
        parts.push_back({kind, 1, std::max(1, outChannels(s) / expansion),
                         index == 0 ? s.stride : 1, s.shortcut});
        if (index < s.blocks)
            parts.push_back({s.block, s.blocks - index, s.width, 1, s.shortcut});
        out.stages.erase(out.stages.begin() + stage);
        out.stages.insert(out.stages.begin() + stage, parts.begin(), parts.end());
    }
    out = merge(out, &where);
    if (inserted)
        *inserted = where;
    return out;
}

NetworkSpec insertStage(const NetworkSpec& spec, int stage) {
    NetworkSpec out = spec;
    const int count = static_cast<int>(spec.stages.size());
    stage = clampIndex(stage, 0, count);
    StageSpec s;
    if (count == 0) {
        s = {BlockKind::Basic, 3, spec.stem.width, 1, ShortcutOption::ZeroPad};
    } else {
        const StageSpec& neighbour = spec.stages[std::max(0, stage - 1)];
        s = neighbour;
        s.blocks = neighbour.blocks;
        s.width = stage == 0 ? neighbour.width : neighbour.width * 2;
        s.stride = stage == 0 ? 1 : 2;
    }
    out.stages.insert(out.stages.begin() + stage, s);
    return out;
}

NetworkSpec removeBlock(const NetworkSpec& spec, int stage) {
    if (stage < 0 || stage >= static_cast<int>(spec.stages.size()))
        return spec;
    NetworkSpec out = spec;
    if (--out.stages[stage].blocks <= 0)
        return removeStage(spec, stage);
    return out;
}

NetworkSpec removeStage(const NetworkSpec& spec, int stage) {
    if (stage < 0 || stage >= static_cast<int>(spec.stages.size()))
        return spec;
    NetworkSpec out = spec;
    const int stride = out.stages[stage].stride;
    out.stages.erase(out.stages.begin() + stage);
    // The next stage takes over the downsampling, so feature-map sizes downstream stay as they
    // were.
    if (stage < static_cast<int>(out.stages.size()) && stride > out.stages[stage].stride)
        out.stages[stage].stride = stride;
    return mergeEqualNeighbours(out);
}

NetworkSpec duplicateBlock(const NetworkSpec& spec, int stage) {
    if (stage < 0 || stage >= static_cast<int>(spec.stages.size()))
        return spec;
    NetworkSpec out = spec;
    out.stages[stage].blocks += 1;
    return out;
}

NetworkSpec duplicateStage(const NetworkSpec& spec, int stage) {
    if (stage < 0 || stage >= static_cast<int>(spec.stages.size()))
        return spec;
    NetworkSpec out = spec;
    StageSpec copy = spec.stages[stage];
    copy.stride = 1;
    out.stages.insert(out.stages.begin() + stage + 1, copy);
    return out;
}

NetworkSpec moveStage(const NetworkSpec& spec, int stage, int delta) {
    const int count = static_cast<int>(spec.stages.size());
    const int to = stage + delta;
    if (stage < 0 || stage >= count || to < 0 || to >= count)
        return spec;
    NetworkSpec out = spec;
    std::swap(out.stages[stage], out.stages[to]);
    return out;
}

NetworkSpec setStem(const NetworkSpec& spec, StemKind kind) {
    NetworkSpec out = spec;
    out.stem.kind = kind;
    return out;
}

bool isResidual(const NetworkSpec& spec) {
    return std::any_of(spec.stages.begin(), spec.stages.end(),
                       [](const StageSpec& s) { return blockKindInfo(s.block).residual; });
}

NetworkSpec togglePlainResidual(const NetworkSpec& spec) {
    NetworkSpec out = spec;
    const bool residual = !isResidual(spec);
    for (StageSpec& s : out.stages)
        s.block = withResidual(s.block, residual);
    QString name = spec.name;
    if (residual && name.startsWith(QLatin1String("plain-")))
        out.name = QStringLiteral("resnet-") + name.mid(6);
    else if (!residual && name.startsWith(QLatin1String("resnet-")))
        out.name = QStringLiteral("plain-") + name.mid(7);
    return out;
}

NetworkSpec setBlocksPerStage(const NetworkSpec& spec, int n) {
    NetworkSpec out = spec;
    for (StageSpec& s : out.stages)
        s.blocks = std::max(1, n);
    return out;
}

}  // namespace rx::edits
