// The live training dashboard: the train panel (the paper's hyperparameters, device, dataset
// with download, Start / Pause / Resume / Stop, progress), the plots of plots/, and the runs list
// (each run a folder: ticked runs are overlaid on every plot). Training uses the network on the
// canvas and runs in a worker thread; this widget only receives queued metric structs.
#pragma once

#include "metrics.h"
#include "spec.h"
#include "trainer.h"

#include <QPointer>
#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSlider;
class QSpinBox;
class QTreeWidget;
class QTreeWidgetItem;

namespace rx {

class ErrorCurvePlot;
class LossRatePlot;
class ResponsePlot;
class GradientHeatmap;
class GradientLatestPlot;
class Cifar10Downloader;

class TrainingDashboard : public QWidget {
    Q_OBJECT

public:
    explicit TrainingDashboard(QWidget* parent = nullptr);
    ~TrainingDashboard() override;

    // The network Start trains (the canvas's).
    void setNetwork(const NetworkSpec& spec, bool valid);
    void setRunsDirectory(const QString& dir);
    QString runsDirectory() const { return runsDir_; }
    void setDataDirectory(const QString& dir);

    // The settings the form describes, for the current network.
    TrainConfig configFromForm() const;

    // Run list operations (also behind the runs panel's buttons).
    QStringList runIds() const;
    bool isTicked(const QString& id) const;
    void setTicked(const QString& id, bool ticked);
    QString runState(const QString& id) const;
    double bestTestError(const QString& id) const;  // NaN when there is none
    bool renameRun(const QString& id, const QString& name, QString* error);
    bool deleteRun(const QString& id, QString* error);
    // Exports in a worker thread; `done` is called on the UI thread with an error or empty.
    void exportRun(const QString& id, const QString& path, bool pytorch,
                   std::function<void(const QString& error)> done);
    QString activeRun() const { return activeRun_; }
    bool isTraining() const { return trainer_ != nullptr; }

    ErrorCurvePlot* errorPlot() const { return errorPlot_; }
    LossRatePlot* lossPlot() const { return lossPlot_; }
    ResponsePlot* responsePlot() const { return responsePlot_; }
    GradientHeatmap* gradientHeatmap() const { return heatmap_; }
    GradientLatestPlot* gradientLatest() const { return latest_; }
    QTreeWidget* runsView() const { return runs_; }
    QWidget* runsPanel() const { return runsPanel_; }
    // Ticks the runs whose folder names are given (demo set-ups: --overlay on the command line).
    void overlay(const QStringList& ids);
    int lastIteration() const { return lastIteration_; }

public Q_SLOTS:
    void start();
    void togglePause();
    void stop();
    void rescanRuns();

Q_SIGNALS:
    void runStarted(const QString& id);
    void runEnded(const QString& id, const QString& state);
    void message(const QString& text);

private:
    void buildForm(QWidget* panel);
    void buildPlots(QWidget* area);
    void buildRunsPanel();
    QTreeWidgetItem* itemFor(const QString& id) const;
    void addRunItem(const QString& id, const QString& state, double best);
    void updateRunItem(const QString& id);
    void showRun(const QString& id);  // adds a ticked run to every plot
    void hideRun(const QString& id);
    void setState(const QString& id, const QString& state);
    void updateButtons();
    void downloadData();
    QString runPath(const QString& id) const;

    NetworkSpec spec_;
    bool specValid_ = true;
    QString runsDir_;
    QString activeRun_;
    QPointer<Trainer> trainer_;
    bool paused_ = false;
    int lastIteration_ = 0;
    int colorIndex_ = 0;
    QHash<QString, int> colors_;
    QHash<QString, double> best_;
    QHash<QString, QString> states_;
    Cifar10Downloader* downloader_ = nullptr;

    // form
    QLabel* networkLabel_;
    QSpinBox* epochs_;
    QSpinBox* iterations_;
    QSpinBox* batch_;
    QDoubleSpinBox* lr_;
    QComboBox* schedule_;
    QSpinBox* warmup_;
    QCheckBox* augment_;
    QCheckBox* perPixel_;
    QCheckBox* validation_;
    QSpinBox* trainSubset_;
    QSpinBox* testSubset_;
    QSpinBox* seed_;
    QSpinBox* logEvery_;
    QComboBox* device_;
    QLabel* deviceLabel_;
    QLineEdit* dataDir_;
    QPushButton* downloadButton_;
    QPushButton* startButton_;
    QPushButton* pauseButton_;
    QPushButton* stopButton_;
    QProgressBar* progress_;
    QLabel* progressLabel_;
    QLabel* messageLabel_;
    // plots
    ErrorCurvePlot* errorPlot_;
    LossRatePlot* lossPlot_;
    ResponsePlot* responsePlot_;
    GradientHeatmap* heatmap_;
    GradientLatestPlot* latest_;
    QSlider* epochSlider_;
    QLabel* epochLabel_;
    QCheckBox* sorted_;
    QCheckBox* logY_;
    QCheckBox* epochAxis_;
    // runs
    QWidget* runsPanel_;
    QTreeWidget* runs_;
};

}  // namespace rx
