// Properties of the selected item (stem, stage or block: kind, count, width, stride, shortcut)
// and of the network (name, 6n+2 depth). Every change becomes an edit request with the new spec.
#pragma once

#include "language.h"
#include "network_canvas.h"
#include "spec.h"

#include <QWidget>

class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace rx {

class PropertiesPanel : public QWidget {
    Q_OBJECT

public:
    explicit PropertiesPanel(QWidget* parent = nullptr);
    void setSpec(const NetworkSpec& spec, const CanvasRef& selection);

Q_SIGNALS:
    void editRequested(const rx::NetworkSpec& spec, const QString& description);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    // A form row whose label follows the language (QT_TR_NOOP).
    void addRow(QFormLayout* form, const char* label, QWidget* field);
    // The texts that depend on the spec and the selection: depth hint, the stage's title.
    void updateTexts();
    void emitEdit(const NetworkSpec& spec, const QString& description);
    int selectedStage() const;

    NetworkSpec spec_;
    CanvasRef selection_;
    bool updating_ = false;
    TranslatedTexts texts_{staticMetaObject.className()};

    QLineEdit* name_;
    QSpinBox* depth_;
    QLabel* depthHint_;
    QGroupBox* stemGroup_;
    QComboBox* stemKind_;
    QSpinBox* stemWidth_;
    QGroupBox* stageGroup_;
    QComboBox* blockKind_;
    QSpinBox* blocks_;
    QSpinBox* width_;
    QSpinBox* stride_;
    QComboBox* shortcut_;
};

}  // namespace rx
