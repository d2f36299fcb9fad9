// The dashboard's plots, fed with the metric records of training/metrics.h through
// RunPlot::append (each shows the kinds named in its constructor):
//   ErrorCurvePlot     – Fig. 6: error % against iterations, training dashed and thin (smoothed,
//                        raw faint behind), test solid and bold, a colour per run, learning-rate
//                        drops marked;
//   LossRatePlot       – training loss (smoothed, raw faint behind) and learning rate against
//                        iterations;
//   ResponsePlot       – Fig. 7: std of each 3×3 layer's response, in layer order or sorted;
//   ResidualRatioPlot  – ‖F(x)‖ / ‖s(x)‖ per residual block, a line per run;
//   ActivationGradientPlot – ‖∂L/∂y‖ per block output on a log axis, a line per run (the last
//                        three are LayerProfilePlots: one measurement, scrubbed by a slider);
//   GradientHeatmap    – gradient norm of every layer over time (log colour scale), one run;
//   GradientLatestPlot – the latest gradient norm per layer on a log axis, a line per run.
// Points are appended, never re-added; replots are throttled by PlotBase. Which of them the
// dashboard shows, where and with which controls: dashboard_plots.h.
#pragma once

#include "run_plot.h"

namespace rx {

class ErrorCurvePlot : public RunPlot {
    Q_OBJECT
public:
    explicit ErrorCurvePlot(QWidget* parent = nullptr);
    void setLogScale(bool log);
    // x in epochs instead of iterations (the data is kept, so this can be toggled any time).
    void setEpochAxis(bool epochs);
    bool epochAxis() const { return epochs_; }
    int trainPoints(const QString& id) const;
    int testPoints(const QString& id) const;
    int lrDropMarkers(const QString& id) const;
    QString csv() const override;

protected:
    void retranslateUi() override;
    void createRun(Run& run) override;
    void draw(Run& run, qsizetype index) override;
    void runLoaded(const QString&) override { resetView(); }

private:
    enum { TrainCurve };                          // run.curves
    enum { TrainRaw, TrainSmoothed, TestGraph };  // run.graphs, as createRun makes them
    double key(int iteration, double epoch) const { return epochs_ ? epoch : iteration; }
    void extendKeyRange(double x);
    bool epochs_ = false;
};

class LossRatePlot : public RunPlot {
    Q_OBJECT
public:
    explicit LossRatePlot(QWidget* parent = nullptr);
    QString csv() const override;

protected:
    void retranslateUi() override;
    void createRun(Run& run) override;
    void draw(Run& run, qsizetype index) override;
    void runLoaded(const QString&) override { resetView(); }

private:
    enum { LossCurve };                         // run.curves
    enum { LossRaw, LossSmoothed, RateGraph };  // run.graphs, as createRun makes them
};

// One value per layer or block at one measurement of each run, the runs overlaid as lines: a
// slider scrubs through the measurements (setEpochIndex), the values can be sorted. Which
// record kind and which of its values, the y scale and the CSV column are the subclass's.
class LayerProfilePlot : public RunPlot {
    Q_OBJECT
public:
    struct Profile {
        MetricKind kind;
        const QStringList& (*names)(const MetricRecord& record);
        const QVector<double>& (*values)(const MetricRecord& record);
        const char* csvColumn;  // "std"
        bool logScale;
    };
    LayerProfilePlot(const Profile& profile, QWidget* parent = nullptr);
    // Which measurement to show: index into each run's list, or −1 for the latest.
    void setEpochIndex(int index);
    void setSorted(bool sorted);
    int measurementCount() const;  // the longest run's number of measurements
    int points(const QString& id) const;
    QString csv() const override;

Q_SIGNALS:
    // measurementCount() changed (a measurement arrived, a run came or went).
    void measurementsChanged(int count);

protected:
    void createRun(Run& run) override;
    void draw(Run& run, qsizetype index) override;
    void runsChanged() override;
    bool sorted() const { return sorted_; }
    // The x axis' label, in the current language; called again when sorting changes.
    virtual QString xLabel() const = 0;
    void retranslateUi() override;

private:
    void refresh();
    // The measurement shown of `run`, or nullptr when it has none.
    const MetricRecord* shownOf(const Run& run) const;
    QString tooltipAt(const QPoint& pos) const override;
    Profile profile_;
    int index_ = -1;
    bool sorted_ = false;
};

// Fig. 7: std of each 3×3 layer's response after BN, before the addition.
class ResponsePlot : public LayerProfilePlot {
    Q_OBJECT
public:
    explicit ResponsePlot(QWidget* parent = nullptr);

protected:
    QString xLabel() const override;
    void retranslateUi() override;
};

// Issue 11: the residual ratio ‖F(x)‖ / ‖s(x)‖ of each residual block (metrics.h BlockDynamics).
class ResidualRatioPlot : public LayerProfilePlot {
    Q_OBJECT
public:
    explicit ResidualRatioPlot(QWidget* parent = nullptr);

protected:
    QString xLabel() const override;
    void retranslateUi() override;
};

// Issue 11: the norm of the loss gradient with respect to each block's output, on a log axis.
class ActivationGradientPlot : public LayerProfilePlot {
    Q_OBJECT
public:
    explicit ActivationGradientPlot(QWidget* parent = nullptr);

protected:
    QString xLabel() const override;
    void retranslateUi() override;
};

class GradientHeatmap : public RunPlot {
    Q_OBJECT
public:
    explicit GradientHeatmap(QWidget* parent = nullptr);
    // The heat map shows one run: the one focused last, else the first added.
    void focusRun(const QString& id) override;
    QString shownRun() const { return shown_; }
    int columns() const;
    QString csv() const override;

protected:
    void retranslateUi() override;
    void draw(Run& run, qsizetype index) override;
    void runsChanged() override;
    void prepareReplot() override;
    QString tooltipAt(const QPoint& pos) const override;

private:
    void rebuild();
    // The shown run's gradient norms, in order.
    QVector<const GradientNorms*> shownHistory() const;
    bool stale_ = false;
    int stride_ = 1;  // columns shown: every stride-th measurement, at most kMaxColumns
    QCPColorMap* map_;
    QCPColorScale* scale_;
    QString shown_;
};

class GradientLatestPlot : public RunPlot {
    Q_OBJECT
public:
    explicit GradientLatestPlot(QWidget* parent = nullptr);
    int points(const QString& id) const;
    QString csv() const override;

protected:
    void retranslateUi() override;
    void createRun(Run& run) override;
    void draw(Run& run, qsizetype index) override;

private:
    static const GradientNorms* latestOf(const Run& run);
};

}  // namespace rx
