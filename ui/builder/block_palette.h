// The palette: stems, block kinds, stage and head, each with an icon and a one-sentence tooltip.
// Items drag onto the canvas (mime type kPaletteMime, payload "block:basic", "stem:cifar",
// "stage", "head"); a double-click asks to append.
#pragma once

#include <QListWidget>

namespace rx {

inline constexpr const char* kPaletteMime = "application/x-resnet-explorer-palette";

class BlockPalette : public QListWidget {
    Q_OBJECT

public:
    explicit BlockPalette(QWidget* parent = nullptr);
    // The item whose payload is `payload`, or nullptr.
    QListWidgetItem* itemFor(const QString& payload) const;
    QMimeData* mimeDataFor(const QString& payload) const;

Q_SIGNALS:
    void appendRequested(const QString& payload);

protected:
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QList<QListWidgetItem*>& items) const override;
};

}  // namespace rx
