#include "plots_area.h"

#include "dashboard_plots.h"

#include <QEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QVBoxLayout>

namespace rx {

PlotsArea::PlotsArea(QWidget* parent) : QWidget(parent) {
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(2, 2, 2, 2);
    column->setSpacing(2);
    auto* grid = new QGridLayout;
    grid->setContentsMargins(0, 0, 0, 0);
    for (const DashboardPlotInfo& info : dashboardPlots()) {
        auto* box = new QGroupBox(this);
        boxes_.push_back(box);
        box->setMinimumSize(180, 140);  // long titles must not widen the window
        auto* l = new QVBoxLayout(box);
        l->setContentsMargins(4, 4, 4, 4);
        RunPlot* plot = info.create(box);
        l->addWidget(plot, 1);
        if (info.controls)
            l->addWidget(info.controls(plot, box));
        grid->addWidget(box, info.row, info.column, 1, info.columnSpan);
        grid->setRowStretch(info.row, info.rowStretch);
        plots_.push_back(plot);
    }
    // The paper's figures (left) get three fifths of the width; loss and heat map beside them
    // need room for two axes and a colour scale, not a strip.
    grid->setColumnStretch(0, 3);
    grid->setColumnStretch(1, 2);
    // Controls of several plots at once above them, the grid below.
    column->addWidget(smoothingControl(plots_, this));
    column->addLayout(grid, 1);
    retranslateUi();
}

void PlotsArea::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void PlotsArea::retranslateUi() {
    const auto infos = dashboardPlots();
    for (size_t i = 0; i < boxes_.size(); ++i)
        boxes_[i]->setTitle(dashboardPlotTitle(infos[i]));
}

void PlotsArea::addRun(const QString& id, const RunStyle& style) {
    for (RunPlot* plot : plots_)
        plot->addRun(id, style);
}

void PlotsArea::removeRun(const QString& id) {
    for (RunPlot* plot : plots_)
        plot->removeRun(id);
}

bool PlotsArea::hasRun(const QString& id) const {
    return !plots_.empty() && plots_.front()->hasRun(id);
}

void PlotsArea::focusRun(const QString& id) {
    for (RunPlot* plot : plots_)
        plot->focusRun(id);
}

void PlotsArea::append(const QString& id, const MetricRecord& record) {
    for (RunPlot* plot : plots_)
        plot->append(id, record);
}

void PlotsArea::appendAll(const QString& id, const QVector<MetricRecord>& records) {
    for (RunPlot* plot : plots_)
        plot->appendAll(id, records);
}

}  // namespace rx
