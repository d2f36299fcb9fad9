// The dashboard's plots, fed with the metric records of training/metrics.h through
// RunPlot::append (each shows the kinds named in its constructor):
//   ErrorCurvePlot     – Fig. 6: error % against iterations, training dashed and thin (smoothed,
//                        raw faint behind), test solid and bold, a colour per run, learning-rate
//                        drops marked;
//   LossRatePlot       – training loss (smoothed, raw faint behind) and learning rate against
//                        iterations;
//   ResponsePlot       – Fig. 7: std of each 3×3 layer's response, in layer order or sorted;
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

class ResponsePlot : public RunPlot {
    Q_OBJECT
public:
    explicit ResponsePlot(QWidget* parent = nullptr);
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
    void retranslateUi() override;
    void createRun(Run& run) override;
    void draw(Run& run, qsizetype index) override;
    void runsChanged() override;

private:
    void refresh();
    // The measurement shown of `run`, or nullptr when it has none.
    const LayerResponses* shownOf(const Run& run) const;
    QString tooltipAt(const QPoint& pos) const override;
    int index_ = -1;
    bool sorted_ = false;
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
