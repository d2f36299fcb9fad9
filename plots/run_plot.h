// What every plot of runs shares: the runs it shows by id, each with its style, its graphs and
// items, and the metric records it was given; add, remove, and one entry point append(runId,
// record) that fans nothing out itself. A plot says which metric kinds it shows and draws one
// record at a time (draw); redraw() draws every stored record again, e.g. after a change of axis
// or of smoothing. Noisy curves are smoothed curves (addSmoothedCurve): the smoothed line over its
// raw data drawn faint, with the weight of setSmoothing (smoothing.h). No torch here.
#pragma once

#include "metrics.h"
#include "plot_base.h"
#include "smoothing.h"

#include <QHash>

#include <initializer_list>

namespace rx {

struct RunStyle {
    QString name;
    QColor color;
};

class RunPlot : public PlotBase {
    Q_OBJECT

public:
    RunPlot(std::initializer_list<MetricKind> kinds, QWidget* parent = nullptr);

    // The metric kinds this plot shows; append() ignores the others.
    bool shows(MetricKind kind) const { return kinds_.contains(kind); }

    void addRun(const QString& id, const RunStyle& style);
    void removeRun(const QString& id);
    bool hasRun(const QString& id) const { return runs_.contains(id); }
    QStringList runIds() const { return runs_.keys(); }
    // The records of `id` this plot holds (of the kinds it shows).
    int records(const QString& id) const;

    // One record of a run; ignored for a run not added or a kind this plot does not show.
    void append(const QString& runId, const MetricRecord& record);
    // A run's saved records in one go (a reopened run folder), then the view is fitted.
    void appendAll(const QString& runId, const QVector<MetricRecord>& records);
    // Plots that show one run at a time (the heat map) show this one; the others show all.
    virtual void focusRun(const QString& id) { Q_UNUSED(id); }

    // The weight of the smoothed curves, 0 (raw) to kMaxSmoothing; a change redraws them.
    void setSmoothing(double weight);
    double smoothing() const { return smoothing_; }

protected:
    // A noisy curve: its raw data faint behind (not in the legend), the smoothed one over it.
    // `smooth` shows the smoothed values at most one point per pixel column (the mean of the
    // column's values), made again before a replot when the data, the x range or the width
    // changed (afterLayout): a thick or dashed line through 10,000 noisy points would cost Qt's
    // stroker about 100 ms a replot, through one point per column about 2 ms.
    struct SmoothedCurve {
        QCPGraph* raw = nullptr;
        QCPGraph* smooth = nullptr;
        Smoother smoother;
        QVector<double> keys, values;  // the whole smoothed curve
        // What `smooth` holds: its values for this range and width, or all of them (width 0).
        qsizetype shownCount = 0;
        QCPRange shownRange;
        int shownWidth = 0;
    };
    struct Run {
        QString id;
        RunStyle style;
        QList<QCPGraph*> graphs;        // removed with the run
        QList<QCPAbstractItem*> items;  // removed with the run and by redraw()
        QVector<MetricRecord> records;  // every record given, in order
        QList<SmoothedCurve> curves;    // made by addSmoothedCurve, in order
    };

    // Creates the run's graphs with addRunGraph. None by default.
    virtual void createRun(Run& run) { Q_UNUSED(run); }
    // Draws run.records[index] (just appended, or replayed by redraw()).
    virtual void draw(Run& run, qsizetype index) = 0;
    // After runs were added or removed.
    virtual void runsChanged() {}
    // After appendAll() (nothing by default; plots that follow a live run's extent fit the view).
    virtual void runLoaded(const QString& id) { Q_UNUSED(id); }

    // The axis labels in subclasses (which chain to this one and call it from their
    // constructor); here the graphs' names, which createRun gives: every run's graphs are made
    // again in the current language and its records drawn again.
    void retranslateUi() override;

    // A graph named and styled for `run` (on yAxis unless another value axis is given); the pen
    // and the scatter at the plot's scale.
    QCPGraph* addRunGraph(Run& run, const QString& name, const QPen& pen,
                          const QCPScatterStyle& scatter = QCPScatterStyle(),
                          QCPAxis* valueAxis = nullptr);
    // A smoothed curve of `run` (two graphs, the raw one first); returns its index in run.curves.
    int addSmoothedCurve(Run& run, const QString& name, const QPen& pen,
                         QCPAxis* valueAxis = nullptr);
    // The next point of run.curves[curve]: raw as given, smoothed with the plot's weight.
    void addSmoothedData(Run& run, int curve, double key, double value);
    // Clears every run's graphs and items and draws all its records again.
    void redraw();

    const QHash<QString, Run>& runs() const { return runs_; }
    QHash<QString, Run>& runs() { return runs_; }
    const Run* run(const QString& id) const;

    // The last record of type T in `run` before `index`, if any.
    template <typename T>
    static const T* previous(const Run& run, qsizetype index) {
        for (qsizetype i = index - 1; i >= 0; --i)
            if (const T* t = std::get_if<T>(&run.records[i]))
                return t;
        return nullptr;
    }

private:
    // `curve`'s smoothed values into its graph for the current x range and width.
    void showSmoothed(SmoothedCurve& curve);

    QList<MetricKind> kinds_;
    QHash<QString, Run> runs_;
    double smoothing_ = kDefaultSmoothing;
};

}  // namespace rx
