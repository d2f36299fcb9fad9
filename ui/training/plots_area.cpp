#include "plots_area.h"

#include "dashboard_plots.h"

#include <QEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QTabWidget>
#include <QVBoxLayout>

#include <map>

namespace rx {

PlotsArea::PlotsArea(QWidget* parent) : QWidget(parent) {
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(2, 2, 2, 2);
    column->setSpacing(2);
    auto* grid = new QGridLayout;
    grid->setContentsMargins(0, 0, 0, 0);
    // Each cell is a titled box; a cell given several plots shows them as tabs (the titles
    // move onto the tabs).
    const auto infos = dashboardPlots();
    std::map<std::pair<int, int>, std::vector<size_t>> cells;
    for (size_t i = 0; i < infos.size(); ++i)
        cells[{infos[i].row, infos[i].column}].push_back(i);
    plots_.resize(infos.size());
    titles_.resize(infos.size());
    for (const auto& [cell, rows] : cells) {
        const DashboardPlotInfo& first = infos[rows.front()];
        auto* box = new QGroupBox(this);
        box->setMinimumSize(180, 140);  // long titles must not widen the window
        auto* boxLayout = new QVBoxLayout(box);
        QTabWidget* tabs = nullptr;
        if (rows.size() > 1) {
            boxLayout->setContentsMargins(2, 2, 2, 2);
            tabs = new QTabWidget(box);
            tabs->setDocumentMode(true);
            // Every tab in sight at the narrowest width: titles elide, no scroll arrows hiding
            // the second plot; the whole title is the tab's tooltip.
            tabs->setElideMode(Qt::ElideRight);
            tabs->setUsesScrollButtons(false);
            boxLayout->addWidget(tabs);
        } else {
            boxLayout->setContentsMargins(4, 4, 4, 4);
        }
        for (size_t i : rows) {
            QWidget* page = tabs ? new QWidget(tabs) : box;
            QVBoxLayout* l = tabs ? new QVBoxLayout(page) : boxLayout;
            if (tabs)
                l->setContentsMargins(2, 2, 2, 2);
            RunPlot* plot = infos[i].create(page);
            l->addWidget(plot, 1);
            if (infos[i].controls)
                l->addWidget(infos[i].controls(plot, page));
            if (tabs)
                tabs->addTab(page, QString());
            plots_[i] = plot;
            titles_[i] = {box, tabs, tabs ? tabs->count() - 1 : -1};
        }
        grid->addWidget(box, first.row, first.column, 1, first.columnSpan);
        grid->setRowStretch(first.row, first.rowStretch);
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
    for (size_t i = 0; i < titles_.size(); ++i) {
        const Title& t = titles_[i];
        if (t.tabs) {
            t.tabs->setTabText(t.tab, dashboardPlotTitle(infos[i]));
            t.tabs->setTabToolTip(t.tab, dashboardPlotTitle(infos[i]));
        } else
            t.box->setTitle(dashboardPlotTitle(infos[i]));
    }
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
