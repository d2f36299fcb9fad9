// The activation viewer's drawing (training/activations.h): one row per block, its input x, its
// residual branch F(x) and its output as grids of feature maps (a chosen channel range), all
// three on the block's shared colour scale (blue below zero, white at zero, red above), with the
// block's name, kind, ‖F(x)‖ / ‖x‖ and a colour bar. A plain block shows its output only (its
// input is the previous block's output). Every map is drawn at one thumbnail size, so a
// downsampled 8×8 map shows as large as a 32×32 one. The usual context menu: PNG/PDF/SVG, CSV
// (the drawn maps, one value per line). A plain QWidget (no axes to zoom); no torch here.
#pragma once

#include "activations.h"

#include <QImage>
#include <QWidget>

#include <optional>

namespace rx {

class ActivationMaps : public QWidget {
    Q_OBJECT

public:
    explicit ActivationMaps(QWidget* parent = nullptr);

    // Shows `snapshot`; nullopt clears the view.
    void setSnapshot(const std::optional<ActivationSnapshot>& snapshot);
    const std::optional<ActivationSnapshot>& snapshot() const { return snapshot_; }
    // The channels drawn: `count` from `first` (each tap clamps them to its channels).
    void setChannels(int first, int count);
    int firstChannel() const { return first_; }
    int channelCount() const { return count_; }
    // Thumbnails and text this many times their normal size (presentation mode).
    void setScale(double scale);

    // The taps drawn for block `block` (plain blocks: the output only).
    QVector<ActivationTap> tapsShown(int block) const;
    // The channels drawn of a block's tap: [first, first + count) clamped to its channels.
    std::pair<int, int> channelRange(const FeatureMaps& maps) const;
    // The colour of `value` on a scale of ±`scale`.
    static QColor colorOf(float value, float scale);
    // The map under `pos` (pixels): block, tap and channel; false when none.
    bool mapAt(const QPoint& pos, int* block, ActivationTap* tap, int* channel) const;
    // The screen rectangle of a map (empty when not drawn).
    QRect mapRect(int block, ActivationTap tap, int channel) const;

    // The drawn maps as CSV: block, tap, channel, row, column, value.
    QString csv() const;
    // Exports by file suffix: .png, .pdf or .svg. False with a message on failure.
    bool exportTo(const QString& path, QString* error) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void paintEvent(QPaintEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    bool event(QEvent* event) override;  // tooltips; texts follow the language
    void changeEvent(QEvent* event) override;

private:
    struct Geometry {
        int thumb, gap, columns, labelWidth, headerHeight, groupWidth, rowHeight, groupGap;
    };
    Geometry geometry() const;
    // mapRect with the geometry computed once by the caller (painting asks for every map).
    QRect mapRect(const Geometry& g, int block, ActivationTap tap, int channel) const;
    void paint(QPainter& painter) const;
    QString tapTitle(ActivationTap tap) const;
    void rebuildImages();

    std::optional<ActivationSnapshot> snapshot_;
    int first_ = 0;
    int count_ = 8;
    double scale_ = 1;
    // Per block, per tap, the drawn channels' images (empty where the tap is not drawn).
    QVector<std::array<QVector<QImage>, 3>> images_;
};

}  // namespace rx
