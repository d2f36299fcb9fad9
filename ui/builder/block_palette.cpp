#include "block_palette.h"

#include "palette_icons.h"

#include <QCoreApplication>
#include <QEvent>
#include <QMimeData>
#include <QScrollBar>

#include <cstring>

namespace rx {

namespace {
constexpr int kPayloadRole = Qt::UserRole + 1;

struct PaletteTexts {
    QString label, tooltip;
};
}  // namespace

BlockPalette::BlockPalette(QWidget* parent) : QListWidget(parent) {
    setObjectName(QStringLiteral("palette"));
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setIconSize(QSize(32, 32));
    setSpacing(2);
    // Every label readable in full: the dock opens at sizeHint()'s width, which fits the widest
    // label, and a dock narrowed by hand wraps labels rather than scrolling sideways.
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setWordWrap(true);
    setTextElideMode(Qt::ElideNone);
    setResizeMode(QListView::Adjust);
    auto add = [this](const QIcon& icon, const QString& payload) {
        auto* item = new QListWidgetItem(icon, QString(), this);
        item->setData(kPayloadRole, payload);
    };
    for (const StemKindInfo& info : kStemKinds)
        add(stemIcon(info.value), stemPayload(info.value));
    for (const BlockKindInfo& info : kBlockKinds)
        add(blockIcon(info.value), blockPayload(info.value));
    add(stageIcon(), QLatin1String(kStagePayload));
    add(headIcon(), QLatin1String(kHeadPayload));
    retranslateUi();
    connect(this, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem* item) {
        Q_EMIT appendRequested(item->data(kPayloadRole).toString());
    });
}

void BlockPalette::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QListWidget::changeEvent(event);
}

void BlockPalette::retranslateUi() {
    // An item's texts from its payload: the kinds' tables, or the stage's and the head's own.
    auto textsOf = [](const QString& payload) -> PaletteTexts {
        if (const auto stem = stemFromPayload(payload)) {
            const StemKindInfo& info = stemKindInfo(*stem);
            return {QCoreApplication::translate(kStemContext, info.paletteLabel),
                    QCoreApplication::translate(kStemContext, info.tooltip)};
        }
        if (const auto kind = blockFromPayload(payload))
            return {textOf(kBlockKinds, *kind, kBlockKindContext),
                    QCoreApplication::translate(kBlockKindContext, blockKindInfo(*kind).tooltip)};
        if (payload == QLatin1String(kStagePayload))
            return {tr("Stage"),
                    tr("A new stage of blocks at twice the width and half the feature-map size.")};
        return {tr("Head"), tr("Global average pooling and a fully connected layer to the 10 "
                               "classes; every network ends with it.")};
    };
    for (int i = 0; i < count(); ++i) {
        const PaletteTexts texts = textsOf(item(i)->data(kPayloadRole).toString());
        item(i)->setText(texts.label);
        item(i)->setToolTip(texts.tooltip);
    }
    updateGeometry();  // the widest label may have changed
}

QString blockPayload(BlockKind kind) {
    return QLatin1String(kBlockPrefix) + idOf(kBlockKinds, kind);
}

QString stemPayload(StemKind kind) {
    return QLatin1String(kStemPrefix) + idOf(kStemKinds, kind);
}

std::optional<BlockKind> blockFromPayload(const QString& payload) {
    if (!payload.startsWith(QLatin1String(kBlockPrefix)))
        return std::nullopt;
    return fromId(kBlockKinds, payload.mid(qsizetype(std::strlen(kBlockPrefix))));
}

std::optional<StemKind> stemFromPayload(const QString& payload) {
    if (!payload.startsWith(QLatin1String(kStemPrefix)))
        return std::nullopt;
    return fromId(kStemKinds, payload.mid(qsizetype(std::strlen(kStemPrefix))));
}

QSize BlockPalette::sizeHint() const {
    // sizeHintForColumn asks the delegate without a width, so the labels are measured unwrapped.
    const int width = sizeHintForColumn(0) + 2 * spacing() + 2 * frameWidth() +
                      verticalScrollBar()->sizeHint().width();
    return {width, QListWidget::sizeHint().height()};
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
