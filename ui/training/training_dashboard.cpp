#include "training_dashboard.h"

#include "cifar10.h"
#include "download.h"
#include "plots_area.h"
#include "runs_model.h"
#include "runs_panel.h"
#include "train_form.h"
#include "trainer_thread.h"
#include "training_plots.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QTimer>

#include <cmath>

namespace rx {

namespace {

constexpr int kFormWidth = 360;  // the train form's column, its settings in full

// One of the trainer's metric signals, each record handed on as a MetricRecord.
template <typename T>
void forwardRecords(Trainer* trainer, void (Trainer::*signal)(const T&), QObject* context,
                    const std::function<void(const MetricRecord&)>& sink) {
    QObject::connect(trainer, signal, context, [sink](const T& m) { sink(m); });
}

}  // namespace

TrainingDashboard::TrainingDashboard(QWidget* parent)
    : QWidget(parent),
      downloadUrl_(Cifar10Downloader::officialUrl()),
      downloadMd5_(Cifar10Downloader::officialMd5()) {
    setObjectName(QStringLiteral("dashboard"));
    registerMetricTypes();
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* splitter = splitter_ = new QSplitter(Qt::Horizontal, this);
    layout->addWidget(splitter);

    auto* scroll = formScroll_ = new QScrollArea(splitter);
    scroll->setWidgetResizable(true);
    form_ = new TrainForm(scroll);
    scroll->setWidget(form_);
    scroll->setMinimumWidth(kFormWidth);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    plots_ = new PlotsArea(splitter);
    splitter->addWidget(scroll);
    splitter->addWidget(plots_);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({kFormWidth + 10, 900});

    runs_ = new RunsModel(this);
    runsPanel_ = new RunsPanel(runs_, this);
    connect(runs_, &RunsModel::tickedChanged, this,
            [this](const QString& id, bool ticked) { ticked ? showRun(id) : hideRun(id); });
    connect(runsPanel_, &RunsPanel::message, this, &TrainingDashboard::message);
    connect(runsPanel_, &RunsPanel::resumeRequested, this, &TrainingDashboard::resumeRun);

    connect(form_, &TrainForm::startClicked, this, &TrainingDashboard::start);
    connect(form_, &TrainForm::pauseClicked, this, &TrainingDashboard::togglePause);
    connect(form_, &TrainForm::stopClicked, this, &TrainingDashboard::stop);
    connect(form_, &TrainForm::downloadClicked, this, &TrainingDashboard::downloadData);

    watchTimer_ = new QTimer(this);
    connect(watchTimer_, &QTimer::timeout, this, &TrainingDashboard::watchRuns);
    watchTimer_->start(kWatchIntervalMs);

    connect(runsPanel_, &RunsPanel::folderChosen, this, &TrainingDashboard::chooseRunsDirectory);
    setRunsDirectory(startRunsDirectory());
    setDataDirectory(findCifar10());
}

TrainingDashboard::~TrainingDashboard() {
    trainer_.reset();  // stops the run and waits for its thread
}

ErrorCurvePlot* TrainingDashboard::errorPlot() const {
    return plots_->plot<ErrorCurvePlot>();
}
LossRatePlot* TrainingDashboard::lossPlot() const {
    return plots_->plot<LossRatePlot>();
}
ResponsePlot* TrainingDashboard::responsePlot() const {
    return plots_->plot<ResponsePlot>();
}
GradientHeatmap* TrainingDashboard::gradientHeatmap() const {
    return plots_->plot<GradientHeatmap>();
}
GradientLatestPlot* TrainingDashboard::gradientLatest() const {
    return plots_->plot<GradientLatestPlot>();
}

void TrainingDashboard::setPresentation(bool on) {
    form_->setSettingsVisible(!on);
    // The form as narrow as its buttons allow, the plots the rest (the window may not have its
    // full-screen size yet: a maximum width, not sizes).
    const int form = on ? form_->minimumSizeHint().width() + 8 : kFormWidth;
    formScroll_->setMinimumWidth(form);
    formScroll_->setMaximumWidth(on ? form : QWIDGETSIZE_MAX);
    splitter_->setSizes({form + 10, std::max(900, splitter_->width() - form - 10)});
}

void TrainingDashboard::setFormVisible(bool visible) {
    formScroll_->setVisible(visible);
}

void TrainingDashboard::setNetwork(const NetworkSpec& spec, bool valid) {
    spec_ = spec;
    specValid_ = valid;
    form_->setNetwork(spec, valid);
}

void TrainingDashboard::setRunsDirectory(const QString& dir) {
    runs_->setDirectory(dir);
    runsPanel_->showFolder(dir);
}

QString TrainingDashboard::runsDirectory() const {
    return runs_->directory();
}

QString TrainingDashboard::defaultRunsDirectory() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/runs");
}

namespace {
constexpr char kRunsFolderKey[] = "training/runsFolder";
}

void TrainingDashboard::chooseRunsDirectory(const QString& dir) {
    setRunsDirectory(dir);
    QSettings().setValue(QLatin1String(kRunsFolderKey), dir);
}

QString TrainingDashboard::startRunsDirectory() {
    const QString chosen = QSettings().value(QLatin1String(kRunsFolderKey)).toString();
    return !chosen.isEmpty() && QFileInfo(chosen).isDir() ? chosen : defaultRunsDirectory();
}

void TrainingDashboard::setDataDirectory(const QString& dir) {
    form_->setDataDirectory(dir);
}

void TrainingDashboard::setDownloadSource(const QUrl& url, const QByteArray& md5) {
    downloadUrl_ = url;
    downloadMd5_ = md5;
}

TrainConfig TrainingDashboard::configFromForm() const {
    TrainConfig c = form_->config();
    c.spec = spec_;
    return c;
}

QString TrainingDashboard::noDataText(const QString& dir) {
    return tr("CIFAR-10 is not in %1. Choose its folder or download it.")
        .arg(dir.isEmpty() ? tr("any known place") : dir);
}

void TrainingDashboard::start() {
    if (isTraining())
        return;
    form_->showMessage({});
    if (!specValid_) {
        form_->showMessage(tr("The network is invalid; fix it in the builder first."));
        return;
    }
    const QString data = findCifar10(form_->dataDirectory());
    if (!looksLikeCifar10(data)) {
        form_->showMessage(noDataText(data));
        form_->showDownload();
        return;
    }
    const QString id = runs_->newRunId(spec_.name);
    TrainConfig config = configFromForm();
    config.dataDir = data;
    config.runDir = runs_->path(id);
    // A run that will not fit is refused before its folder is made (the trainer checks again).
    QString refusal;
    if (!form_->memoryFits(config, &refusal)) {
        form_->showMessage(refusal);
        return;
    }
    QDir().mkpath(config.runDir);
    launch(id, config);
}

bool TrainingDashboard::resumeRun(const QString& id) {
    if (isTraining() || !runs_->contains(id))
        return false;
    form_->showMessage({});
    const QDir run(runs_->path(id));
    TrainConfig config;
    QString error;
    qint64 pid = 0;
    if (runFolderInUse(run.path(), &pid))
        error = tr("%1 is being trained by another process (%2).").arg(id).arg(pid);
    else if (!isResumable(runs_->state(id).value_or(RunState::Finished)))
        error = tr("%1 has finished; nothing is left to train.").arg(id);
    else if (!run.exists(QLatin1String(kRunCheckpointFile)))
        error = tr("%1 has no checkpoint to resume from.").arg(id);
    else if (loadRunConfig(run.path(), &config, &error) && !looksLikeCifar10(config.dataDir))
        config.dataDir = findCifar10(form_->dataDirectory());  // the data moved since
    if (error.isEmpty() && !looksLikeCifar10(config.dataDir))
        error = noDataText(config.dataDir);
    if (!error.isEmpty()) {
        form_->showMessage(error);
        Q_EMIT message(error);
        return false;
    }
    config.resume = true;
    runs_->setState(id, RunState::Running);
    launch(id, config);
    // The trainer cuts metrics.jsonl back to its checkpoint: once it has, the plots show the
    // run as the file then holds it, and the live records follow.
    connect(liveTrainer_, &Trainer::started, this, [this, id](const TrainingStart& s) {
        plots_->removeRun(id);
        plots_->addRun(id, {id, runs_->color(id)});
        MetricsLog log;
        QVector<MetricRecord> kept;
        if (readMetrics(QDir(runs_->path(id)).filePath(QLatin1String(kRunMetricsFile)), &log,
                        nullptr))
            for (const MetricRecord& r : log.records)
                if (iterationOf(r) <= s.startIteration)  // later lines are the live ones
                    kept.append(r);
        plots_->appendAll(id, kept);
    });
    return true;
}

void TrainingDashboard::launch(const QString& id, const TrainConfig& config) {
    trainer_.reset();  // the previous run's, whose thread has ended or is ending
    trainer_ = std::make_unique<TrainerThread>(config, this);
    TrainerThread* thread = trainer_.get();
    connect(thread, &TrainerThread::ended, this, [this, thread] {
        if (trainer_.get() == thread)
            trainer_.release()->deleteLater();
    });
    stopFollowed_ = nullptr;
    beginLiveRun(id, thread->trainer());
    thread->start();
}

void TrainingDashboard::followRun(const QString& id, Trainer* trainer,
                                  std::function<void()> stopRun) {
    if (isTraining())
        return;
    stopFollowed_ = std::move(stopRun);
    beginLiveRun(id, trainer);
}

void TrainingDashboard::beginLiveRun(const QString& id, Trainer* trainer) {
    connectTrainer(trainer, id);
    liveTrainer_ = trainer;
    activeRun_ = id;
    paused_ = false;
    lastIteration_ = 0;
    runs_->setLiveRun(id);
    runs_->addRun(id, RunState::Running);
    runs_->setTicked(id, true);
    plots_->focusRun(id);
    form_->setTraining(true, false);
    Q_EMIT runStarted(id);
}

void TrainingDashboard::connectTrainer(Trainer* trainer, const QString& id) {
    const auto sink = [this, id](const MetricRecord& r) { record(id, r); };
    forwardRecords(trainer, &Trainer::trainMetrics, this, sink);
    forwardRecords(trainer, &Trainer::testMetrics, this, sink);
    forwardRecords(trainer, &Trainer::layerResponses, this, sink);
    forwardRecords(trainer, &Trainer::gradientNorms, this, sink);
    forwardRecords(trainer, &Trainer::blockDynamics, this, sink);
    connect(trainer, &Trainer::started, this, [this](const TrainingStart& s) {
        form_->setProgress(s.startIteration, s.totalIterations);
        form_->setProgressText(tr("%1 · %2 training images · %3 iterations per epoch")
                                   .arg(s.device)
                                   .arg(s.trainImages)
                                   .arg(s.iterationsPerEpoch));
    });
    connect(trainer, &Trainer::progress, this, [this](const TrainingProgress& p) {
        lastIteration_ = p.iteration;
        form_->setProgress(p.iteration, p.totalIterations);
        form_->setProgressText(tr("iteration %1 / %2 · epoch %3 · %4 images/s · ETA %5")
                                   .arg(p.iteration)
                                   .arg(p.totalIterations)
                                   .arg(p.epoch, 0, 'f', 2)
                                   .arg(p.imagesPerSecond, 0, 'f', 0)
                                   .arg(durationText(p.etaSeconds)));
    });
    connect(trainer, &Trainer::pausedAt, this, [this, id](int iteration) {
        lastIteration_ = iteration;
        runs_->setState(id, RunState::Paused);
    });
    connect(trainer, &Trainer::finished, this, [this, id](int iteration, bool completed) {
        lastIteration_ = iteration;
        onRunEnded(id, completed ? RunState::Finished : RunState::Stopped);
    });
    connect(trainer, &Trainer::failed, this,
            [this, id](const QString& error) { onRunEnded(id, RunState::Failed, error); });
}

void TrainingDashboard::record(const QString& id, const MetricRecord& record) {
    plots_->append(id, record);
    if (const auto* test = std::get_if<TestMetrics>(&record))
        runs_->noteTestError(id, test->error);
}

void TrainingDashboard::onRunEnded(const QString& id, RunState state, const QString& error) {
    // The trainer itself records the state in the run's status.json.
    activeRun_.clear();
    liveTrainer_ = nullptr;
    stopFollowed_ = nullptr;
    paused_ = false;
    runs_->setLiveRun({});
    runs_->setState(id, state);
    form_->setTraining(false, false);
    if (!error.isEmpty()) {
        form_->showMessage(error);
        Q_EMIT message(error);
    }
}

void TrainingDashboard::togglePause() {
    if (!isTraining() || !liveTrainer_)
        return;
    paused_ = !paused_;
    if (paused_) {
        liveTrainer_->pause();
    } else {
        liveTrainer_->resume();
        runs_->setState(activeRun_, RunState::Running);
    }
    form_->setTraining(true, paused_);
}

void TrainingDashboard::stop() {
    if (!isTraining())
        return;
    if (stopFollowed_)
        stopFollowed_();
    else if (trainer_)
        trainer_->stop();
}

void TrainingDashboard::rescanRuns() {
    runs_->rescan();
}

QStringList TrainingDashboard::runIds() const {
    return runs_->ids();
}

bool TrainingDashboard::isTicked(const QString& id) const {
    return runs_->isTicked(id);
}

void TrainingDashboard::setTicked(const QString& id, bool ticked) {
    runs_->setTicked(id, ticked);
}

std::optional<RunState> TrainingDashboard::runState(const QString& id) const {
    return runs_->state(id);
}

double TrainingDashboard::bestTestError(const QString& id) const {
    return runs_->bestTestError(id);
}

bool TrainingDashboard::renameRun(const QString& id, const QString& name, QString* error) {
    return runs_->renameRun(id, name, error);
}

bool TrainingDashboard::deleteRun(const QString& id, QString* error) {
    return runs_->deleteRun(id, error);
}

void TrainingDashboard::exportRun(const QString& id, const QString& path, ExportFormat format,
                                  std::function<void(const QString&)> done) {
    runsPanel_->exportRun(id, path, format, std::move(done));
}

namespace {
bool trainingElsewhere(std::optional<RunState> state) {
    return state && hasLiveTrainer(*state);
}
}  // namespace

void TrainingDashboard::showRun(const QString& id) {
    plots_->addRun(id, {id, runs_->color(id)});
    if (id == activeRun_)
        return;  // its points arrive live
    MetricsTail tail(QDir(runs_->path(id)).filePath(QLatin1String(kRunMetricsFile)));
    const bool running = trainingElsewhere(runs_->state(id));
    readWatched(id, tail, !running);
    if (running)
        watched_[id] = tail;
}

void TrainingDashboard::hideRun(const QString& id) {
    if (id == activeRun_)
        return;  // the running run stays on the plots
    watched_.erase(id);
    plots_->removeRun(id);
}

QStringList TrainingDashboard::watchedRuns() const {
    QStringList ids;
    for (const auto& [id, tail] : watched_)
        ids << id;
    return ids;
}

void TrainingDashboard::watchRuns() {
    runs_->rescan();  // new folders; whether the watched runs' trainers still run
    for (auto it = watched_.begin(); it != watched_.end();) {
        const bool running = trainingElsewhere(runs_->state(it->first));
        readWatched(it->first, it->second, !running);
        it = running ? std::next(it) : watched_.erase(it);
    }
}

void TrainingDashboard::readWatched(const QString& id, MetricsTail& tail, bool toEnd) {
    MetricsTail::Update update;
    if (!tail.read(&update, nullptr, toEnd))
        return;              // no metrics.jsonl yet
    if (update.restarted) {  // resumed: its file was cut back to the checkpoint
        plots_->removeRun(id);
        plots_->addRun(id, {id, runs_->color(id)});
    }
    plots_->appendAll(id, update.records);
    for (const MetricRecord& r : update.records)
        if (const auto* test = std::get_if<TestMetrics>(&r))
            runs_->noteTestError(id, test->error);
    if (update.skippedLines > 0)
        Q_EMIT message(tr("%1: %2").arg(id, skippedLinesText(update.skippedLines)));
}

void TrainingDashboard::overlay(const QStringList& ids) {
    for (const QString& id : ids)
        setTicked(id, true);
    if (!ids.isEmpty())
        plots_->focusRun(ids.last());
}

void TrainingDashboard::downloadData() {
    if (downloader_)
        return;
    const QString target = defaultCifar10Dir();
    if (looksLikeCifar10(target)) {
        setDataDirectory(target);
        return;
    }
    downloader_ = std::make_unique<Cifar10Downloader>();
    Cifar10Downloader* d = downloader_.get();
    d->setUrl(downloadUrl_);
    d->setExpectedMd5(downloadMd5_);
    form_->setDownloading(true);
    // Every slot ignores a downloader that is no longer the current one.
    connect(d, &Cifar10Downloader::progress, this, [this, d](qint64 got, qint64 total) {
        if (d != downloader_.get())
            return;
        form_->setProgress(int(got >> 10), total > 0 ? int(total >> 10) : 0);
        form_->setProgressText(tr("downloading CIFAR-10: %1 of %2 MB")
                                   .arg(got >> 20)
                                   .arg(total > 0 ? QString::number(total >> 20) : tr("?")));
    });
    connect(d, &Cifar10Downloader::finished, this, [this, d](const QString& dir) {
        if (!endDownload(d))
            return;
        setDataDirectory(dir);
        form_->setProgressText(tr("CIFAR-10 is ready in %1").arg(dir));
    });
    connect(d, &Cifar10Downloader::failed, this, [this, d](const QString& error) {
        if (endDownload(d))
            form_->showMessage(error);
    });
    d->start(target);
}

bool TrainingDashboard::endDownload(Cifar10Downloader* d) {
    if (!d || d != downloader_.get())
        return false;
    downloader_.release()->deleteLater();  // once: the pointer is gone from here on
    form_->setDownloading(false);
    return true;
}

}  // namespace rx
