// The Predictions tab's confusion matrix (QCustomPlot). No torch here; torch targets (which
// build with QT_NO_KEYWORDS) must not include this header, as qcustomplot.h uses Qt keywords.
#pragma once

#include "predictions.h"

#include <qcustomplot.h>

namespace rx {

// The confusion matrix as a QCPColorMap: rows are the true classes (top to bottom in label
// order), columns the predicted ones; each cell shows its count and is coloured by its share of
// the row, each row's error % is on the right axis and the test error is the title.
class ConfusionMatrixPlot : public QCustomPlot {
    Q_OBJECT

public:
    explicit ConfusionMatrixPlot(QWidget* parent = nullptr);
    void setMatrix(const ConfusionMatrix& matrix, const QStringList& classNames);
    void clearMatrix();
    void retranslate(const QStringList& classNames);
    QString cellText(int truth, int predicted) const;  // what the cell shows ("" when none)
    QString title() const;

Q_SIGNALS:
    void cellClicked(int truth, int predicted);

protected:
    void mousePressEvent(QMouseEvent* event) override;

private:
    void updateTexts();

    ConfusionMatrix matrix_;
    QStringList names_;
    QCPColorMap* map_;
    QCPColorScale* scale_;
    QCPTextElement* title_;
    QVector<QCPItemText*> cells_;
};

}  // namespace rx
