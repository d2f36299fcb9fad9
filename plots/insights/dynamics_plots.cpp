#include "dynamics_plots.h"

#include <cmath>

namespace rx {

BlockHistoryPlot::BlockHistoryPlot(Quantity quantity, QWidget* parent)
    : PlotBase(parent), quantity_(quantity) {
    if (quantity_ == Quantity::ActivationGradient) {
        yAxis->setScaleType(QCPAxis::stLogarithmic);
        yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    }
    // Said in the plot when there is nothing to draw (a plain net's ratio).
    empty_ = new QCPItemText(this);
    empty_->setPositionAlignment(Qt::AlignCenter);
    empty_->position->setType(QCPItemPosition::ptAxisRectRatio);
    empty_->position->setCoords(0.5, 0.5);
    empty_->setColor(Qt::gray);
    empty_->setVisible(false);
    showLegendAbove();
    retranslateUi();
}

QColor BlockHistoryPlot::depthColor(int block, int count) {
    // Dark purple → magenta → orange: every stop readable on white.
    static const QColor stops[] = {QColor(13, 8, 135), QColor(204, 71, 120), QColor(237, 145, 30)};
    const double t = count > 1 ? double(block) / double(count - 1) : 0.0;
    const double x = 2.0 * std::clamp(t, 0.0, 1.0);
    const int i = std::min(1, int(x));
    const double f = x - i;
    const QColor &a = stops[i], &b = stops[i + 1];
    return QColor(int(std::lround(a.red() + f * (b.red() - a.red()))),
                  int(std::lround(a.green() + f * (b.green() - a.green()))),
                  int(std::lround(a.blue() + f * (b.blue() - a.blue()))));
}

const QVector<double>& BlockHistoryPlot::values(int block) const {
    return quantity_ == Quantity::ResidualRatio ? history_->residualRatio[block]
                                                : history_->activationGradient[block];
}

void BlockHistoryPlot::setHistory(const std::optional<BlockHistory>& history) {
    history_ = history;
    clearGraphs();
    if (history_) {
        const int count = int(history_->blocks.size());
        for (int b = 0; b < count; ++b) {
            QVector<double> keys, vals;
            for (int m = 0; m < history_->measurements(); ++m) {
                const double v = values(b)[m];
                if (std::isfinite(v) && (quantity_ != Quantity::ActivationGradient || v > 0)) {
                    keys << history_->iterations[m];
                    vals << v;
                }
            }
            if (keys.isEmpty())
                continue;
            QCPGraph* g = addGraph();
            g->setName(history_->blocks[b]);
            g->setPen(scaled(QPen(depthColor(b, count), 1.6)));
            g->setData(keys, vals, true);
            // The legend names the first block of each stage ("layer2.0"), the rest by colour.
            if (!history_->blocks[b].endsWith(QLatin1String(".0")))
                g->removeFromLegend();
        }
    }
    empty_->setVisible(history_ && graphCount() == 0);
    updateLegend();
    resetView();
}

int BlockHistoryPlot::lines() const {
    return graphCount();
}

bool BlockHistoryPlot::saysEmpty() const {
    return empty_->visible();
}

void BlockHistoryPlot::resetView() {
    rescaleAxes(true);
    if (quantity_ == Quantity::ResidualRatio && graphCount() > 0)
        yAxis->setRangeLower(0);
    requestReplot();
}

void BlockHistoryPlot::retranslateUi() {
    xAxis->setLabel(tr("iteration"));
    yAxis->setLabel(quantity_ == Quantity::ResidualRatio ? tr("‖F(x)‖ / ‖x‖")
                                                         : tr("‖∂loss/∂ block output‖"));
    empty_->setText(quantity_ == Quantity::ResidualRatio
                        ? tr("No residual blocks:\na plain net has no shortcut.")
                        : tr("No measurements."));
}

QString BlockHistoryPlot::csv() const {
    QString s =
        QStringLiteral("iteration,block,%1\n")
            .arg(quantity_ == Quantity::ResidualRatio ? QStringLiteral("residual_ratio")
                                                      : QStringLiteral("activation_gradient"));
    if (!history_)
        return s;
    for (int m = 0; m < history_->measurements(); ++m)
        for (int b = 0; b < history_->blocks.size(); ++b)
            if (std::isfinite(values(b)[m]))
                s += QStringLiteral("%1,%2,%3\n")
                         .arg(history_->iterations[m])
                         .arg(history_->blocks[b])
                         .arg(values(b)[m], 0, 'g', 6);
    return s;
}

}  // namespace rx
