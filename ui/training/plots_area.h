// The Training tab's plots, laid out from the table of plots/training/dashboard_plots.h and held
// in one list: runs are added to and removed from all of them, and every metric record goes to
// each (a plot keeps the kinds it shows). No torch here.
#pragma once

#include "metrics.h"
#include "run_plot.h"

#include <QWidget>

#include <vector>

class QGroupBox;
class QTabWidget;

namespace rx {

class PlotsArea : public QWidget {
    Q_OBJECT

public:
    explicit PlotsArea(QWidget* parent = nullptr);

    const std::vector<RunPlot*>& plots() const { return plots_; }
    // The first plot of type T, or nullptr.
    template <typename T>
    T* plot() const {
        for (RunPlot* p : plots_)
            if (auto* t = qobject_cast<T*>(p))
                return t;
        return nullptr;
    }

    void addRun(const QString& id, const RunStyle& style);
    void removeRun(const QString& id);
    bool hasRun(const QString& id) const;
    // The run that single-run plots (the heat map) show.
    void focusRun(const QString& id);
    void append(const QString& id, const MetricRecord& record);
    // A run's saved records in one go (a reopened run folder).
    void appendAll(const QString& id, const QVector<MetricRecord>& records);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();  // the plots' titles (the plots retranslate themselves)
    std::vector<RunPlot*> plots_;
    // Where each plot's title is shown (a row of dashboardPlots() each, in order): its box's
    // title, or its tab in a cell of several plots.
    struct Title {
        QGroupBox* box;
        QTabWidget* tabs;
        int tab;
    };
    std::vector<Title> titles_;
};

}  // namespace rx
