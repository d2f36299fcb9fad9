#include "palette_icons.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

#include <algorithm>

namespace rx {

namespace {

constexpr int kSize = 32;

QPixmap canvas() {
    QPixmap pixmap(kSize, kSize);
    pixmap.fill(Qt::transparent);
    return pixmap;
}

// A block glyph: one bar per conv of the kind's plan (1×1 convs narrower), an arc for the
// shortcut, a small BN-ReLU dot before the bars for pre-activation.
QPixmap blockGlyph(BlockKind kind) {
    const BlockKindInfo& info = blockKindInfo(kind);
    QPixmap pixmap = canvas();
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor c = blockColor(kind);
    const int bars = std::max(1, weightedLayers(kind));
    const int barHeight = std::min(9, (24 - 3 * (bars - 1)) / bars);
    int i = 0;
    for (const LayerStep& step : info.plan) {
        if (step.op != StepOp::Conv)
            continue;
        const int width = step.kernel == 1 ? 14 : 18;
        QRectF r(4 + (18 - width) / 2.0, 4 + i++ * (barHeight + 3), width, barHeight);
        p.setPen(c.darker(150));
        p.setBrush(c);
        p.drawRoundedRect(r, 2, 2);
    }
    if (info.preActivation) {
        p.setPen(Qt::NoPen);
        p.setBrush(c.darker(180));
        p.drawEllipse(QPointF(3, 4), 2.5, 2.5);
    }
    if (info.residual) {
        QPainterPath arc;
        arc.moveTo(23, 5);
        arc.cubicTo(31, 8, 31, 24, 23, 27);
        p.setPen(QPen(QColor(60, 60, 60), 1.6));
        p.setBrush(Qt::NoBrush);
        p.drawPath(arc);
    }
    return pixmap;
}

}  // namespace

QColor blockColor(BlockKind kind) {
    const Rgb c = blockKindInfo(kind).color;
    return QColor(c.r, c.g, c.b);
}

QColor stemColor() {
    return QColor(200, 200, 220);
}

QIcon blockIcon(BlockKind kind) {
    return QIcon(blockGlyph(kind));
}

QIcon stemIcon(StemKind kind) {
    QPixmap pixmap = canvas();
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(stemColor().darker(160));
    p.setBrush(stemColor());
    const StemKindInfo& info = stemKindInfo(kind);
    const int s = 8 + (info.kernel - 1) * 2;  // 12 for 3×3, 20 for 7×7
    p.drawRect(QRectF((kSize - s) / 2.0, 4, s, s));
    if (info.maxPool)
        p.drawRect(QRectF(11, 26, 10, 4));
    return QIcon(pixmap);
}

QIcon stageIcon() {
    QPixmap pixmap = canvas();
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor c(150, 196, 240);
    for (int i = 2; i >= 0; --i) {
        p.setPen(c.darker(150));
        p.setBrush(c.lighter(100 + 8 * i));
        p.drawRoundedRect(QRectF(4 + 3 * i, 4 + 3 * i, 18, 18), 2, 2);
    }
    return QIcon(pixmap);
}

QIcon headIcon() {
    QPixmap pixmap = canvas();
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QColor(120, 120, 120));
    p.setBrush(QColor(220, 220, 220));
    p.drawEllipse(QRectF(8, 3, 16, 10));
    p.drawRect(QRectF(6, 17, 20, 10));
    return QIcon(pixmap);
}

}  // namespace rx
