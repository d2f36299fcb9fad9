// The live training dashboard wires four parts together: the train form (train_form.h), the
// plots (plots_area.h, laid out from plots/training/dashboard_plots.h), the runs list (a
// RunsModel shown by runs_panel.h; ticked runs are overlaid on every plot) and the run being
// trained (a TrainerThread it owns, whose metric signals it turns into MetricRecords for the
// plots). Training uses the network on the canvas; this widget only receives queued structs.
#pragma once

#include "export.h"
#include "metrics.h"
#include "run_folder.h"
#include "runs_panel.h"
#include "spec.h"
#include "trainer.h"

#include <QByteArray>
#include <QUrl>
#include <QWidget>

#include <functional>
#include <map>
#include <memory>
#include <optional>

class QScrollArea;
class QSplitter;
class QTimer;

namespace rx {

class Cifar10Downloader;
class ErrorCurvePlot;
class GradientHeatmap;
class GradientLatestPlot;
class LossRatePlot;
class PlotsArea;
class ResponsePlot;
class RunsModel;
class TrainForm;
class TrainerThread;

class TrainingDashboard : public QWidget {
    Q_OBJECT

public:
    explicit TrainingDashboard(QWidget* parent = nullptr);
    // Stops a run that is still going and waits for its thread (TrainerThread's destructor).
    ~TrainingDashboard() override;

    // The network Start trains (the canvas's).
    void setNetwork(const NetworkSpec& spec, bool valid);
    void setRunsDirectory(const QString& dir);
    QString runsDirectory() const;
    // The runs folder the user chose (the Runs dock's "Runs folder…"): shown now, and where the
    // dashboard opens from then on (remembered in QSettings).
    void chooseRunsDirectory(const QString& dir);
    // The default runs folder (AppDataLocation/runs), where Start puts its runs.
    static QString defaultRunsDirectory();
    // The folder a new dashboard opens on: the one chosen last, if it is still there, else the
    // default.
    static QString startRunsDirectory();
    void setDataDirectory(const QString& dir);
    // Where Download fetches CIFAR-10 from (the official archive unless set; tests, mirrors).
    void setDownloadSource(const QUrl& url, const QByteArray& md5);

    // The settings the form describes, for the current network.
    TrainConfig configFromForm() const;

    // The runs list (also behind the runs panel's buttons).
    QStringList runIds() const;
    bool isTicked(const QString& id) const;
    void setTicked(const QString& id, bool ticked);
    std::optional<RunState> runState(const QString& id) const;
    double bestTestError(const QString& id) const;  // NaN when there is none
    bool renameRun(const QString& id, const QString& name, QString* error);
    bool deleteRun(const QString& id, QString* error);
    // Exports in a worker thread; `done` is called on the UI thread with an error or empty.
    void exportRun(const QString& id, const QString& path, ExportFormat format,
                   std::function<void(const QString& error)> done);
    QString activeRun() const { return activeRun_; }
    bool isTraining() const { return !activeRun_.isEmpty(); }
    int lastIteration() const { return lastIteration_; }
    // Shows a run that someone else trains (an experiment's runner owns `trainer`) as the live
    // run: its records reach the plots as they come, Pause pauses it and Stop calls `stopRun`.
    // `id` is its folder's name in the runs directory.
    void followRun(const QString& id, Trainer* trainer, std::function<void()> stopRun);
    // Ticked runs that another process is training (the CLI, another machine's rank 0 writing
    // into a shared folder): their curves grow as their metrics.jsonl does, read every
    // kWatchIntervalMs, and the runs list picks up new folders and ended runs as often.
    static constexpr int kWatchIntervalMs = 1000;
    QStringList watchedRuns() const;
    // Ticks the runs whose folder names are given (demo set-ups: --overlay on the command line).
    void overlay(const QStringList& ids);
    // Presentation mode: the form shows only the network, Start / Pause / Stop and the progress,
    // and the plots take the room.
    void setPresentation(bool on);
    // Shows or hides the train form's column (an experiment's panel takes its place).
    void setFormVisible(bool visible);

    TrainForm* form() const { return form_; }
    PlotsArea* plots() const { return plots_; }
    RunsModel* runsModel() const { return runs_; }
    RunsPanel* runsPanel() const { return runsPanel_; }
    Cifar10Downloader* downloader() const { return downloader_.get(); }
    ErrorCurvePlot* errorPlot() const;
    LossRatePlot* lossPlot() const;
    ResponsePlot* responsePlot() const;
    GradientHeatmap* gradientHeatmap() const;
    GradientLatestPlot* gradientLatest() const;

public Q_SLOTS:
    void start();
    // Trains a stopped, failed or interrupted run of the list on from its checkpoint, with its
    // own settings; false (and a message) when it cannot.
    bool resumeRun(const QString& id);
    void togglePause();
    void stop();
    void rescanRuns();
    void downloadData();

Q_SIGNALS:
    void runStarted(const QString& id);
    void message(const QString& text);

private:
    void launch(const QString& id, const TrainConfig& config);  // a trainer thread for `id`
    static QString noDataText(const QString& dir);              // CIFAR-10 is not in `dir`
    void connectTrainer(Trainer* trainer, const QString& id);
    void beginLiveRun(const QString& id, Trainer* trainer);
    void record(const QString& id, const MetricRecord& record);
    void onRunEnded(const QString& id, RunState state, const QString& error = {});
    void showRun(const QString& id);  // adds a ticked run to every plot
    void hideRun(const QString& id);
    void watchRuns();  // new lines of the watched runs, new run folders, ended runs
    // Hands the watched run's new records to the plots; `toEnd`: its trainer has ended.
    void readWatched(const QString& id, MetricsTail& tail, bool toEnd);
    // Ends the download `d` if it is the current one: false for a stale downloader's signal.
    bool endDownload(Cifar10Downloader* d);

    NetworkSpec spec_;
    bool specValid_ = true;
    QString activeRun_;
    bool paused_ = false;
    int lastIteration_ = 0;
    std::unique_ptr<TrainerThread> trainer_;  // the last run's, until its thread has ended
    Trainer* liveTrainer_ = nullptr;          // the live run's (ours or an experiment's)
    std::function<void()> stopFollowed_;      // how to stop a followed run
    std::unique_ptr<Cifar10Downloader> downloader_;
    QUrl downloadUrl_;
    QByteArray downloadMd5_;

    TrainForm* form_;
    QScrollArea* formScroll_;
    QSplitter* splitter_;
    PlotsArea* plots_;
    RunsModel* runs_;
    RunsPanel* runsPanel_;
    std::map<QString, MetricsTail> watched_;  // ticked runs another process trains
    QTimer* watchTimer_;
};

}  // namespace rx
