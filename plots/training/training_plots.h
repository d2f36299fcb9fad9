// The dashboard's plots, fed with the plain metric structs of training/metrics.h:
//   ErrorCurvePlot     – Fig. 6: error % against iterations, training dashed and thin, test solid
//                        and bold, a colour per run, learning-rate drops marked;
//   LossRatePlot       – training loss and learning rate against iterations;
//   ResponsePlot       – Fig. 7: std of each 3×3 layer's response, in layer order or sorted;
//   GradientHeatmap    – gradient norm of every layer over time (log colour scale);
//   GradientLatestPlot – the latest gradient norm per layer on a log axis, a line per run.
// Points are appended, never re-added; replots are throttled by PlotBase.
#pragma once

#include "metrics.h"
#include "plot_base.h"

#include <QHash>

namespace rx {

struct RunStyle {
    QString name;
    QColor color;
};

class ErrorCurvePlot : public PlotBase {
    Q_OBJECT
public:
    explicit ErrorCurvePlot(QWidget* parent = nullptr);
    void addRun(const QString& id, const RunStyle& style);
    void removeRun(const QString& id);
    void appendTrain(const QString& id, const TrainMetrics& m);
    void appendTest(const QString& id, const TestMetrics& m);
    void setLogScale(bool log);
    // x in epochs instead of iterations (the data is kept, so this can be toggled any time).
    void setEpochAxis(bool epochs);
    bool epochAxis() const { return epochs_; }
    int trainPoints(const QString& id) const;
    int testPoints(const QString& id) const;
    int lrDropMarkers(const QString& id) const;
    QString csv() const override;

private:
    struct Run {
        QCPGraph* train = nullptr;
        QCPGraph* test = nullptr;
        double lastLr = 0;
        QList<QCPItemStraightLine*> drops;
        QVector<TrainMetrics> trainData;
        QVector<TestMetrics> testData;
    };
    double key(int iteration, double epoch) const { return epochs_ ? epoch : iteration; }
    void addTrainPoint(Run& run, const TrainMetrics& m);
    QHash<QString, Run> runs_;
    bool epochs_ = false;
};

class LossRatePlot : public PlotBase {
    Q_OBJECT
public:
    explicit LossRatePlot(QWidget* parent = nullptr);
    void addRun(const QString& id, const RunStyle& style);
    void removeRun(const QString& id);
    void appendTrain(const QString& id, const TrainMetrics& m);
    QString csv() const override;

private:
    struct Run {
        QCPGraph* loss = nullptr;
        QCPGraph* lr = nullptr;
    };
    QHash<QString, Run> runs_;
};

class ResponsePlot : public PlotBase {
    Q_OBJECT
public:
    explicit ResponsePlot(QWidget* parent = nullptr);
    void addRun(const QString& id, const RunStyle& style);
    void removeRun(const QString& id);
    void appendResponses(const QString& id, const LayerResponses& r);
    // Which measurement to show: index into each run's list, or −1 for the latest.
    void setEpochIndex(int index);
    void setSorted(bool sorted);
    int measurementCount() const;  // the longest run's number of measurements
    int points(const QString& id) const;
    QString csv() const override;

private:
    void refresh();
    QString tooltipAt(const QPoint& pos) const override;
    struct Run {
        QCPGraph* graph = nullptr;
        QVector<LayerResponses> history;
    };
    QHash<QString, Run> runs_;
    int index_ = -1;
    bool sorted_ = false;
};

class GradientHeatmap : public PlotBase {
    Q_OBJECT
public:
    explicit GradientHeatmap(QWidget* parent = nullptr);
    // The heat map shows one run: the one whose id was set last with showRun().
    void showRun(const QString& id);
    void appendGradients(const QString& id, const GradientNorms& g);
    void removeRun(const QString& id);
    int columns() const;
    QString csv() const override;

protected:
    void prepareReplot() override;

private:
    void rebuild();
    QString tooltipAt(const QPoint& pos) const override;
    bool stale_ = false;
    int stride_ = 1;  // columns shown: every stride-th measurement, at most kMaxColumns
    QCPColorMap* map_;
    QCPColorScale* scale_;
    QString shown_;
    QHash<QString, QVector<GradientNorms>> history_;
};

class GradientLatestPlot : public PlotBase {
    Q_OBJECT
public:
    explicit GradientLatestPlot(QWidget* parent = nullptr);
    void addRun(const QString& id, const RunStyle& style);
    void removeRun(const QString& id);
    void appendGradients(const QString& id, const GradientNorms& g);
    int points(const QString& id) const;
    QString csv() const override;

private:
    struct Run {
        QCPGraph* graph = nullptr;
        GradientNorms latest;
    };
    QHash<QString, Run> runs_;
};

}  // namespace rx
