// The palette: stems, block kinds, stage and head, each with an icon and a one-sentence tooltip.
// Items drag onto the canvas (mime type kPaletteMime, payload "block:basic", "stem:cifar",
// "stage", "head"); a double-click asks to append. Labels are never cut: no horizontal scroll bar,
// the palette asks for the width of its widest label and wraps when narrowed.
#pragma once

#include "spec.h"

#include <QListWidget>

#include <optional>

namespace rx {

inline constexpr const char* kPaletteMime = "application/x-resnet-explorer-palette";
inline constexpr const char* kBlockPrefix = "block:";
inline constexpr const char* kStemPrefix = "stem:";
inline constexpr const char* kStagePayload = "stage";
inline constexpr const char* kHeadPayload = "head";

// "block:basic" ↔ BlockKind::Basic, "stem:cifar" ↔ StemKind::Cifar (ids from the kinds' tables).
QString blockPayload(BlockKind kind);
QString stemPayload(StemKind kind);
std::optional<BlockKind> blockFromPayload(const QString& payload);
std::optional<StemKind> stemFromPayload(const QString& payload);

class BlockPalette : public QListWidget {
    Q_OBJECT

public:
    explicit BlockPalette(QWidget* parent = nullptr);
    // The item whose payload is `payload`, or nullptr.
    QListWidgetItem* itemFor(const QString& payload) const;
    QMimeData* mimeDataFor(const QString& payload) const;
    // Wide enough for every label on one line, beside its icon, with a vertical scroll bar.
    QSize sizeHint() const override;

Q_SIGNALS:
    void appendRequested(const QString& payload);

protected:
    void changeEvent(QEvent* event) override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QList<QListWidgetItem*>& items) const override;

private:
    // Every item's label and tooltip in the current language (textsOf its payload).
    void retranslateUi();
};

}  // namespace rx
