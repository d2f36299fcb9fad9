// Edits of a NetworkSpec as pure functions, used by the builder's undoable commands. Blocks of a
// stage are identical, so a stage is a run of equal blocks: inserting a block of another kind
// splits the stage, and removing it lets equal neighbours merge again.
#pragma once

#include "spec.h"

namespace rx::edits {

// Where a block is: block `block` of stage `stage` (both 0-based).
struct BlockPosition {
    int stage = -1;
    int block = -1;
    bool operator==(const BlockPosition&) const = default;
};

// Inserts a block of `kind` before block `index` of `stage` (index == blocks: after the last).
// `stage == stages.size()` appends at the end of the network. A block of the stage's own kind
// grows the stage; another kind splits it and gets a width that keeps the channel count.
// `inserted`, when given, receives where the new block ends up in the result.
NetworkSpec insertBlock(const NetworkSpec& spec, int stage, int index, BlockKind kind,
                        BlockPosition* inserted = nullptr);
// A new stage before `stage` (== size: at the end): the neighbour's kind, twice its width,
// stride 2, as the paper's stages do.
NetworkSpec insertStage(const NetworkSpec& spec, int stage);
// Removes one block; a stage left empty is removed.
NetworkSpec removeBlock(const NetworkSpec& spec, int stage);
NetworkSpec removeStage(const NetworkSpec& spec, int stage);
NetworkSpec duplicateBlock(const NetworkSpec& spec, int stage);
// A copy after the original, with stride 1.
NetworkSpec duplicateStage(const NetworkSpec& spec, int stage);
NetworkSpec moveStage(const NetworkSpec& spec, int stage, int delta);
NetworkSpec setStem(const NetworkSpec& spec, StemKind kind);
// Plain ↔ residual: if any stage has shortcuts, all lose them; else all gain them.
NetworkSpec togglePlainResidual(const NetworkSpec& spec);
bool isResidual(const NetworkSpec& spec);
// For 6n+2 (9n+2) nets: every stage gets n blocks.
NetworkSpec setBlocksPerStage(const NetworkSpec& spec, int n);
// Merges neighbouring stages that are the same run of blocks (same kind, width and shortcut,
// the second with stride 1).
NetworkSpec mergeEqualNeighbours(const NetworkSpec& spec);

}  // namespace rx::edits
