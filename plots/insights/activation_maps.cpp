#include "activation_maps.h"

#include "plot_base.h"

#include <QContextMenuEvent>
#include <QFileInfo>
#include <QHelpEvent>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace rx {

namespace {

constexpr int kThumb = 40;  // pixels of one map at scale 1 (a 32×32 map at 1.25×)
constexpr int kGap = 2;
constexpr int kMaxColumns = 4;
constexpr int kLabelWidth = 150;
constexpr int kGroupGap = 18;
constexpr int kMargin = 6;

int tapIndex(ActivationTap tap) {
    return int(tap);
}

// Blue (negative) – white (zero) – red (positive), as ColorBrewer's RdBu.
QColor diverging(double t) {  // t in [−1, 1]
    const QColor blue(33, 102, 172), red(178, 24, 43);
    const QColor& end = t < 0 ? blue : red;
    const double a = std::min(1.0, std::abs(t));
    return QColor(int(std::lround(255 + a * (end.red() - 255))),
                  int(std::lround(255 + a * (end.green() - 255))),
                  int(std::lround(255 + a * (end.blue() - 255))));
}

}  // namespace

ActivationMaps::ActivationMaps(QWidget* parent) : QWidget(parent) {
    setMouseTracking(true);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
}

QColor ActivationMaps::colorOf(float value, float scale) {
    if (!std::isfinite(value))
        return QColor(128, 128, 128);
    return diverging(scale > 0 ? double(value) / double(scale) : 0.0);
}

void ActivationMaps::setSnapshot(const std::optional<ActivationSnapshot>& snapshot) {
    snapshot_ = snapshot;
    rebuildImages();
}

void ActivationMaps::setChannels(int first, int count) {
    first_ = std::max(0, first);
    count_ = std::max(1, count);
    rebuildImages();
}

void ActivationMaps::setScale(double scale) {
    scale_ = scale;
    resize(sizeHint());  // in a scroll area, the maps take the size they need
    update();
}

QVector<ActivationTap> ActivationMaps::tapsShown(int block) const {
    if (!snapshot_ || block < 0 || block >= snapshot_->blocks.size())
        return {};
    if (!snapshot_->blocks[block].residual)
        return {ActivationTap::Output};
    return {std::begin(kActivationTaps), std::end(kActivationTaps)};
}

std::pair<int, int> ActivationMaps::channelRange(const FeatureMaps& maps) const {
    const int first = std::min(first_, std::max(0, maps.channels - 1));
    return {first, std::min(maps.channels, first + count_)};
}

void ActivationMaps::rebuildImages() {
    images_.clear();
    if (snapshot_) {
        for (int b = 0; b < snapshot_->blocks.size(); ++b) {
            const BlockActivations& block = snapshot_->blocks[b];
            std::array<QVector<QImage>, 3> taps;
            for (ActivationTap tap : tapsShown(b)) {
                const FeatureMaps& m = block.tap(tap);
                const auto [first, end] = channelRange(m);
                for (int c = first; c < end; ++c) {
                    QImage image(m.width, m.height, QImage::Format_RGB32);
                    for (int y = 0; y < m.height; ++y) {
                        auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
                        for (int x = 0; x < m.width; ++x)
                            line[x] = colorOf(m.at(c, y, x), block.scale).rgb();
                    }
                    taps[size_t(tapIndex(tap))] << image;
                }
            }
            images_ << taps;
        }
    }
    resize(sizeHint());  // in a scroll area, the maps take the size they need
    update();
}

ActivationMaps::Geometry ActivationMaps::geometry() const {
    Geometry g;
    const QFontMetrics fm(font());
    g.thumb = int(std::lround(kThumb * scale_));
    g.gap = std::max(1, int(std::lround(kGap * scale_)));
    g.columns = std::min(count_, kMaxColumns);
    g.labelWidth = int(std::lround(kLabelWidth * scale_));
    g.headerHeight = 2 * fm.height() + kMargin;
    g.groupWidth = g.columns * g.thumb + (g.columns - 1) * g.gap;
    g.groupGap = int(std::lround(kGroupGap * scale_));
    const int rows = (count_ + g.columns - 1) / g.columns;
    const int mapsHeight = rows * g.thumb + (rows - 1) * g.gap;
    const int labelHeight = 4 * fm.height() + 2 * kMargin;  // name, kind, ratio, colour bar
    g.rowHeight = std::max(mapsHeight, labelHeight) + 2 * kMargin;
    return g;
}

QSize ActivationMaps::sizeHint() const {
    const Geometry g = geometry();
    const int groups = snapshot_ && !snapshot_->isResidual() ? 1 : 3;
    const int blocks = snapshot_ ? int(snapshot_->blocks.size()) : 0;
    return {kMargin + g.labelWidth + groups * g.groupWidth + (groups - 1) * g.groupGap + kMargin,
            g.headerHeight + blocks * g.rowHeight + kMargin};
}

QRect ActivationMaps::mapRect(int block, ActivationTap tap, int channel) const {
    return mapRect(geometry(), block, tap, channel);
}

QRect ActivationMaps::mapRect(const Geometry& g, int block, ActivationTap tap, int channel) const {
    if (!snapshot_ || block < 0 || block >= images_.size())
        return {};
    const auto& images = images_[block][size_t(tapIndex(tap))];
    const auto [first, end] = channelRange(snapshot_->blocks[block].tap(tap));
    if (images.isEmpty() || channel < first || channel >= end)
        return {};
    // Only-plain nets draw one group; others keep the three columns in every row.
    const int group = snapshot_->isResidual() ? tapIndex(tap) : 0;
    const int k = channel - first;
    const int x = kMargin + g.labelWidth + group * (g.groupWidth + g.groupGap) +
                  (k % g.columns) * (g.thumb + g.gap);
    const int y =
        g.headerHeight + block * g.rowHeight + kMargin + (k / g.columns) * (g.thumb + g.gap);
    return {x, y, g.thumb, g.thumb};
}

bool ActivationMaps::mapAt(const QPoint& pos, int* block, ActivationTap* tap, int* channel) const {
    if (!snapshot_)
        return false;
    const Geometry g = geometry();
    const int b = (pos.y() - g.headerHeight) / std::max(1, g.rowHeight);
    if (pos.y() < g.headerHeight || b >= snapshot_->blocks.size())
        return false;
    for (ActivationTap t : tapsShown(b)) {
        const auto [first, end] = channelRange(snapshot_->blocks[b].tap(t));
        for (int c = first; c < end; ++c)
            if (mapRect(g, b, t, c).contains(pos)) {
                *block = b;
                *tap = t;
                *channel = c;
                return true;
            }
    }
    return false;
}

QString ActivationMaps::tapTitle(ActivationTap tap) const {
    switch (tap) {
        case ActivationTap::Input:
            return tr("x: the block's input");
        case ActivationTap::Residual:
            return tr("F(x): what the residual branch adds");
        case ActivationTap::Output:
            break;
    }
    return snapshot_ && !snapshot_->isResidual() ? tr("the block's output")
                                                 : tr("output: x + F(x), then ReLU");
}

void ActivationMaps::paint(QPainter& p) const {
    if (!snapshot_)
        return;
    const Geometry g = geometry();
    const QFontMetrics fm(font());
    const QColor text = palette().color(QPalette::Text);
    const QColor faint = palette().color(QPalette::PlaceholderText);
    p.setPen(text);
    // Group titles, wrapped over two lines when long.
    const bool residual = snapshot_->isResidual();
    for (ActivationTap tap : kActivationTaps) {
        if (!residual && tap != ActivationTap::Output)
            continue;
        const int group = residual ? tapIndex(tap) : 0;
        const QRect r(kMargin + g.labelWidth + group * (g.groupWidth + g.groupGap), 0,
                      g.groupWidth + g.groupGap - kMargin, g.headerHeight - kMargin / 2);
        QFont bold = font();
        bold.setBold(true);
        p.setFont(bold);
        p.drawText(r, Qt::AlignLeft | Qt::AlignBottom | Qt::TextWordWrap, tapTitle(tap));
    }
    p.setFont(font());
    const QLocale locale;
    for (int b = 0; b < snapshot_->blocks.size(); ++b) {
        const BlockActivations& block = snapshot_->blocks[b];
        const int top = g.headerHeight + b * g.rowHeight;
        if (b > 0) {
            p.setPen(QPen(faint, 0.5));
            p.drawLine(kMargin, top, width() - kMargin, top);
        }
        // The label column: name, kind, ratio, colour bar with its ends.
        int y = top + kMargin;
        QFont bold = font();
        bold.setBold(true);
        p.setFont(bold);
        p.setPen(text);
        p.drawText(QRect(kMargin, y, g.labelWidth, fm.height()), Qt::AlignLeft, block.name);
        p.setFont(font());
        y += fm.height();
        QString kind = block.residual ? tr("residual") : tr("plain");
        if (block.downsampling)
            kind += tr(", downsampling");
        p.setPen(faint);
        p.drawText(QRect(kMargin, y, g.labelWidth, fm.height()), Qt::AlignLeft, kind);
        y += fm.height();
        p.setPen(text);
        if (std::isfinite(block.residualRatio))
            p.drawText(QRect(kMargin, y, g.labelWidth, fm.height()), Qt::AlignLeft,
                       tr("‖F(x)‖/‖x‖ = %1").arg(locale.toString(block.residualRatio, 'f', 2)));
        y += fm.height() + kMargin / 2;
        const QRect bar(kMargin, y, g.labelWidth - 3 * kMargin, std::max(6, fm.height() / 2));
        QLinearGradient gradient(bar.topLeft(), bar.topRight());
        for (int i = 0; i <= 4; ++i)
            gradient.setColorAt(i / 4.0, diverging(i / 2.0 - 1.0));
        p.fillRect(bar, gradient);
        p.setPen(faint);
        p.drawRect(bar);
        p.setPen(text);
        const QRect ends(bar.left(), bar.bottom() + 1, bar.width(), fm.height());
        p.drawText(ends, Qt::AlignLeft, locale.toString(-block.scale, 'g', 2));
        p.drawText(ends, Qt::AlignHCenter, QStringLiteral("0"));
        p.drawText(ends, Qt::AlignRight, locale.toString(block.scale, 'g', 2));
        // The maps.
        for (ActivationTap tap : tapsShown(b)) {
            const auto& images = images_[b][size_t(tapIndex(tap))];
            const int first = channelRange(block.tap(tap)).first;
            for (int k = 0; k < images.size(); ++k) {
                const QRect r = mapRect(g, b, tap, first + k);
                p.drawImage(r, images[k]);
            }
        }
    }
}

void ActivationMaps::paintEvent(QPaintEvent*) {
    QPainter p(this);
    paint(p);
}

bool ActivationMaps::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        const auto* help = static_cast<QHelpEvent*>(event);
        int block = 0, channel = 0;
        ActivationTap tap = ActivationTap::Output;
        if (mapAt(help->pos(), &block, &tap, &channel)) {
            const BlockActivations& b = snapshot_->blocks[block];
            const FeatureMaps& m = b.tap(tap);
            float low = m.at(channel, 0, 0), high = low;
            for (int y = 0; y < m.height; ++y)
                for (int x = 0; x < m.width; ++x) {
                    low = std::min(low, m.at(channel, y, x));
                    high = std::max(high, m.at(channel, y, x));
                }
            const QLocale locale;
            QToolTip::showText(
                help->globalPos(),
                tr("%1 · %2\nchannel %3 of %4, %5×%6\nvalues %7 to %8")
                    .arg(b.name, tapTitle(tap))
                    .arg(channel)
                    .arg(m.channels)
                    .arg(m.height)
                    .arg(m.width)
                    .arg(locale.toString(low, 'g', 3), locale.toString(high, 'g', 3)),
                this);
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QWidget::event(event);
}

void ActivationMaps::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        update();
    QWidget::changeEvent(event);
}

void ActivationMaps::contextMenuEvent(QContextMenuEvent* event) {
    QMenu menu(this);
    PlotBase::addExportActions(
        &menu, this, [this](const QString& path, QString* error) { return exportTo(path, error); },
        [this] { return csv(); });
    menu.exec(event->globalPos());
}

QString ActivationMaps::csv() const {
    static const char* const tapIds[] = {"input", "branch", "output"};
    QString s = QStringLiteral("block,tap,channel,row,column,value\n");
    if (!snapshot_)
        return s;
    for (int b = 0; b < snapshot_->blocks.size(); ++b) {
        const BlockActivations& block = snapshot_->blocks[b];
        for (ActivationTap tap : tapsShown(b)) {
            const FeatureMaps& m = block.tap(tap);
            const auto [first, end] = channelRange(m);
            for (int c = first; c < end; ++c)
                for (int y = 0; y < m.height; ++y)
                    for (int x = 0; x < m.width; ++x)
                        s += QStringLiteral("%1,%2,%3,%4,%5,%6\n")
                                 .arg(block.name, QLatin1String(tapIds[tapIndex(tap)]))
                                 .arg(c)
                                 .arg(y)
                                 .arg(x)
                                 .arg(double(m.at(c, y, x)), 0, 'g', 6);
        }
    }
    return s;
}

bool ActivationMaps::exportTo(const QString& path, QString* error) const {
    const QString lower = path.toLower();
    const QSize size = sizeHint();
    bool ok = false;
    if (lower.endsWith(QLatin1String(".png"))) {
        QImage image(size * 2, QImage::Format_RGB32);
        image.setDevicePixelRatio(2);
        image.fill(palette().color(QPalette::Base));
        {
            QPainter p(&image);
            paint(p);
        }
        ok = image.save(path);
    } else if (lower.endsWith(QLatin1String(".pdf"))) {
        QPdfWriter writer(path);
        writer.setPageSize(QPageSize(QSizeF(size), QPageSize::Point));
        writer.setPageMargins({});
        writer.setResolution(72);
        QPainter p;
        ok = p.begin(&writer);
        if (ok) {
            paint(p);
            p.end();
        }
    } else if (lower.endsWith(QLatin1String(".svg"))) {
        QSvgGenerator generator;
        generator.setFileName(path);
        generator.setSize(size);
        generator.setViewBox(QRect(QPoint(), size));
        QPainter p;
        ok = p.begin(&generator);
        if (ok) {
            paint(p);
            p.end();
        }
    } else {
        if (error)
            *error = tr("unknown export format for %1 (use .png, .pdf or .svg)").arg(path);
        return false;
    }
    ok = ok && QFileInfo(path).size() > 0;
    if (!ok && error)
        *error = tr("cannot write %1").arg(path);
    return ok;
}

}  // namespace rx
