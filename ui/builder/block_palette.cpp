#include "block_palette.h"

#include "palette_icons.h"

#include <QCoreApplication>
#include <QMimeData>

namespace rx {

namespace {
constexpr int kPayloadRole = Qt::UserRole + 1;

QString blockTooltip(BlockKind kind) {
    switch (kind) {
        case BlockKind::Basic:
            return BlockPalette::tr(
                "Two 3×3 convs with BN and ReLU; the input is added back "
                "before the last ReLU (paper Fig. 2).");
        case BlockKind::Bottleneck:
            return BlockPalette::tr(
                "1×1 reduces, 3×3 works, 1×1 restores 4× the width; the "
                "input is added back (paper Fig. 5, right).");
        case BlockKind::PreActBasic:
            return BlockPalette::tr(
                "BN-ReLU before each of two 3×3 convs, a pure identity "
                "shortcut and nothing after the addition (ECCV 2016).");
        case BlockKind::PreActBottleneck:
            return BlockPalette::tr(
                "Pre-activation 1×1, 3×3, 1×1 bottleneck used by "
                "ResNet-164 and ResNet-1001 (ECCV 2016).");
        case BlockKind::PlainBasic:
            return BlockPalette::tr(
                "Two 3×3 convs with BN and ReLU and no shortcut: the plain "
                "nets of Fig. 6 that degrade with depth.");
        case BlockKind::PlainBottleneck:
            return BlockPalette::tr("A bottleneck without its shortcut.");
        case BlockKind::PlainPreActBasic:
            return BlockPalette::tr("A pre-activation basic block without its shortcut.");
        case BlockKind::PlainPreActBottleneck:
            return BlockPalette::tr("A pre-activation bottleneck without its shortcut.");
    }
    return {};
}

}  // namespace

BlockPalette::BlockPalette(QWidget* parent) : QListWidget(parent) {
    setObjectName(QStringLiteral("palette"));
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setIconSize(QSize(32, 32));
    setSpacing(2);
    auto add = [this](const QIcon& icon, const QString& text, const QString& tip,
                      const QString& payload) {
        auto* item = new QListWidgetItem(icon, text, this);
        item->setToolTip(tip);
        item->setData(kPayloadRole, payload);
    };
    add(stemIcon(StemKind::Cifar), tr("CIFAR stem"),
        tr("3×3 conv, 16 filters, stride 1: the first layer of the paper's CIFAR-10 nets."),
        QStringLiteral("stem:cifar"));
    add(stemIcon(StemKind::ImageNet), tr("ImageNet stem"),
        tr("7×7 conv, stride 2, then 3×3 max-pool, stride 2: the first layers of ResNet-18…152."),
        QStringLiteral("stem:imagenet"));
    for (const BlockKindInfo& info : blockKinds())
        add(blockIcon(info.kind), QCoreApplication::translate("BlockKind", info.label),
            blockTooltip(info.kind), QStringLiteral("block:") + QLatin1String(info.id));
    add(stageIcon(), tr("Stage"),
        tr("A new stage of blocks at twice the width and half the feature-map size."),
        QStringLiteral("stage"));
    add(headIcon(), tr("Head"),
        tr("Global average pooling and a fully connected layer to the 10 classes; every "
           "network ends with it."),
        QStringLiteral("head"));
    connect(this, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem* item) {
        Q_EMIT appendRequested(item->data(kPayloadRole).toString());
    });
}

QListWidgetItem* BlockPalette::itemFor(const QString& payload) const {
    for (int i = 0; i < count(); ++i)
        if (item(i)->data(kPayloadRole).toString() == payload)
            return item(i);
    return nullptr;
}

QMimeData* BlockPalette::mimeDataFor(const QString& payload) const {
    auto* mime = new QMimeData;
    mime->setData(QLatin1String(kPaletteMime), payload.toUtf8());
    return mime;
}

QStringList BlockPalette::mimeTypes() const {
    return {QLatin1String(kPaletteMime)};
}

QMimeData* BlockPalette::mimeData(const QList<QListWidgetItem*>& items) const {
    if (items.isEmpty())
        return nullptr;
    return mimeDataFor(items.first()->data(kPayloadRole).toString());
}

}  // namespace rx
