// Small drawn icons for the palette and the canvas; colours and bars come from the block kind
// table (block_kinds.h).
#pragma once

#include "spec.h"

#include <QColor>
#include <QIcon>

namespace rx {

QColor blockColor(BlockKind kind);
QColor stemColor();
QIcon blockIcon(BlockKind kind);
QIcon stemIcon(StemKind kind);
QIcon stageIcon();
QIcon headIcon();

}  // namespace rx
