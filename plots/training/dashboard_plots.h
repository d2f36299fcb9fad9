// The Training tab's plots, one row each: how to make it, its title, its place in the grid and
// the controls under it. Plots given the same place share it as tabs, in table order. The dashboard
// lays them out from this table, holds them in one list and gives every metric record to each (a
// plot keeps the kinds it shows, see RunPlot). Adding a view: its RunPlot subclass
// (training_plots.h) and one row here. Controls for all plots at once (the smoothing slider) are
// made here too.
#pragma once

#include <QString>

#include <span>

class QWidget;

namespace rx {

class RunPlot;

struct DashboardPlotInfo {
    const char* title;  // QT_TRANSLATE_NOOP("rx::DashboardPlots", …)
    int row, column, columnSpan;
    int rowStretch;  // the grid row's share of the height
    RunPlot* (*create)(QWidget* parent);
    // Controls shown under the plot (scales, sorting, scrubbing), or nullptr for none.
    QWidget* (*controls)(RunPlot* plot, QWidget* parent);
};

std::span<const DashboardPlotInfo> dashboardPlots();
QString dashboardPlotTitle(const DashboardPlotInfo& info);

// "Smoothing", a slider from 0 to kMaxSmoothing (smoothing.h) starting at kDefaultSmoothing, and
// its value: sets the smoothing of every plot of `plots` (those without smoothed curves ignore it).
QWidget* smoothingControl(std::span<RunPlot* const> plots, QWidget* parent);

}  // namespace rx
