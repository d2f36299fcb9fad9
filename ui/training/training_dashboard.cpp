#include "training_dashboard.h"

#include "cifar10.h"
#include "download.h"
#include "export.h"
#include "spec_json.h"
#include "training_plots.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QThread>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <cmath>
#include <limits>

namespace rx {

namespace {

enum RunColumn { NameColumn, StateColumn, BestColumn };

QString safeName(QString name) {
    for (QChar& c : name)
        if (!c.isLetterOrNumber() && c != QLatin1Char('-') && c != QLatin1Char('_'))
            c = QLatin1Char('-');
    return name.isEmpty() ? QStringLiteral("run") : name;
}

}  // namespace

TrainingDashboard::TrainingDashboard(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("dashboard"));
    registerMetricTypes();
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    layout->addWidget(splitter);

    auto* scroll = new QScrollArea(splitter);
    scroll->setWidgetResizable(true);
    auto* panel = new QWidget(scroll);
    buildForm(panel);
    scroll->setWidget(panel);
    scroll->setMinimumWidth(360);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* area = new QWidget(splitter);
    buildPlots(area);
    splitter->addWidget(scroll);
    splitter->addWidget(area);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({370, 900});
    buildRunsPanel();

    setRunsDirectory(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                     QStringLiteral("/runs"));
    setDataDirectory(findCifar10());

    // Which device LibTorch offers is a torch call: ask it off the UI thread.
    QPointer<QLabel> label = deviceLabel_;
    auto* probe = QThread::create([label] {
        const QString device = availableDevice();
        QMetaObject::invokeMethod(
            qApp,
            [label, device] {
                if (label)
                    label->setText(device);
            },
            Qt::QueuedConnection);
    });
    connect(probe, &QThread::finished, probe, &QObject::deleteLater);
    probe->start();
}

TrainingDashboard::~TrainingDashboard() {
    if (trainer_) {
        QThread* thread = trainer_->thread();
        trainer_->stop();
        if (thread)
            thread->wait(30000);
    }
}

void TrainingDashboard::buildForm(QWidget* panel) {
    auto* v = new QVBoxLayout(panel);
    networkLabel_ = new QLabel(panel);
    networkLabel_->setWordWrap(true);
    v->addWidget(networkLabel_);

    auto* hyper = new QGroupBox(tr("Training (the paper's recipe)"), panel);
    auto* f = new QFormLayout(hyper);
    iterations_ = new QSpinBox(hyper);
    iterations_->setObjectName(QStringLiteral("iterations"));
    iterations_->setRange(0, 10000000);
    iterations_->setValue(64000);
    iterations_->setSpecialValueText(tr("— (use epochs)"));
    iterations_->setToolTip(tr("Stop after this many iterations (the paper: 64,000)."));
    f->addRow(tr("Iterations"), iterations_);
    epochs_ = new QSpinBox(hyper);
    epochs_->setObjectName(QStringLiteral("epochs"));
    epochs_->setRange(0, 100000);
    epochs_->setSpecialValueText(tr("—"));
    epochs_->setToolTip(tr("Used when iterations is —: stop after this many epochs."));
    f->addRow(tr("Epochs"), epochs_);
    batch_ = new QSpinBox(hyper);
    batch_->setObjectName(QStringLiteral("batch"));
    batch_->setRange(1, 4096);
    batch_->setValue(128);
    f->addRow(tr("Batch"), batch_);
    lr_ = new QDoubleSpinBox(hyper);
    lr_->setObjectName(QStringLiteral("lr"));
    lr_->setDecimals(4);
    lr_->setRange(0.0001, 10);
    lr_->setSingleStep(0.01);
    lr_->setValue(0.1);
    f->addRow(tr("Learning rate"), lr_);
    schedule_ = new QComboBox(hyper);
    schedule_->setObjectName(QStringLiteral("schedule"));
    schedule_->addItem(tr("paper: ÷10 at 32k and 48k"), int(LrSchedule::Paper));
    schedule_->addItem(tr("multi-step: ÷10 at 50 % and 75 %"), int(LrSchedule::MultiStep));
    schedule_->addItem(tr("cosine"), int(LrSchedule::Cosine));
    f->addRow(tr("Schedule"), schedule_);
    warmup_ = new QSpinBox(hyper);
    warmup_->setObjectName(QStringLiteral("warmup"));
    warmup_->setRange(0, 100000);
    warmup_->setSpecialValueText(tr("off"));
    warmup_->setToolTip(
        tr("The paper's ResNet-110 warm-up: lr 0.01 until the training error is "
           "below 80 % (at most this many iterations)."));
    f->addRow(tr("Warm-up"), warmup_);
    augment_ = new QCheckBox(tr("pad 4, random crop, flip"), hyper);
    augment_->setChecked(true);
    f->addRow(tr("Augment"), augment_);
    perPixel_ = new QCheckBox(tr("per-pixel mean (the paper)"), hyper);
    f->addRow(tr("Normalise"), perPixel_);
    validation_ = new QCheckBox(tr("45k/5k train/validation"), hyper);
    f->addRow(tr("Split"), validation_);
    trainSubset_ = new QSpinBox(hyper);
    trainSubset_->setObjectName(QStringLiteral("trainSubset"));
    trainSubset_->setRange(0, 50000);
    trainSubset_->setSpecialValueText(tr("all"));
    f->addRow(tr("Training images"), trainSubset_);
    testSubset_ = new QSpinBox(hyper);
    testSubset_->setObjectName(QStringLiteral("testSubset"));
    testSubset_->setRange(0, 10000);
    testSubset_->setSpecialValueText(tr("all"));
    f->addRow(tr("Test images"), testSubset_);
    seed_ = new QSpinBox(hyper);
    seed_->setObjectName(QStringLiteral("seed"));
    seed_->setRange(0, std::numeric_limits<int>::max());
    seed_->setValue(1);
    f->addRow(tr("Seed"), seed_);
    logEvery_ = new QSpinBox(hyper);
    logEvery_->setObjectName(QStringLiteral("logEvery"));
    logEvery_->setRange(1, 10000);
    logEvery_->setValue(50);
    logEvery_->setToolTip(
        tr("Training error and gradient norms are averaged and reported every "
           "this many iterations."));
    f->addRow(tr("Report every"), logEvery_);
    v->addWidget(hyper);

    auto* where = new QGroupBox(tr("Device and data"), panel);
    auto* g = new QFormLayout(where);
    device_ = new QComboBox(where);
    device_->setObjectName(QStringLiteral("device"));
    device_->addItem(tr("automatic"), int(DeviceChoice::Auto));
    device_->addItem(tr("CPU"), int(DeviceChoice::Cpu));
    device_->addItem(tr("CUDA"), int(DeviceChoice::Cuda));
    g->addRow(tr("Device"), device_);
    deviceLabel_ = new QLabel(tr("checking…"), where);
    g->addRow(tr("Available"), deviceLabel_);
    auto* dataRow = new QHBoxLayout;
    dataDir_ = new QLineEdit(where);
    dataDir_->setObjectName(QStringLiteral("dataDir"));
    dataDir_->setPlaceholderText(tr("folder with data_batch_1.bin …"));
    auto* browse = new QPushButton(tr("…"), where);
    browse->setMaximumWidth(32);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("CIFAR-10 folder"), dataDir_->text());
        if (!dir.isEmpty())
            setDataDirectory(dir);
    });
    dataRow->addWidget(dataDir_);
    dataRow->addWidget(browse);
    g->addRow(tr("CIFAR-10"), dataRow);
    downloadButton_ = new QPushButton(tr("Download CIFAR-10 (163 MB)"), where);
    connect(downloadButton_, &QPushButton::clicked, this, &TrainingDashboard::downloadData);
    g->addRow(QString(), downloadButton_);
    v->addWidget(where);

    auto* buttons = new QHBoxLayout;
    startButton_ = new QPushButton(tr("Start"), panel);
    startButton_->setObjectName(QStringLiteral("start"));
    pauseButton_ = new QPushButton(tr("Pause"), panel);
    pauseButton_->setObjectName(QStringLiteral("pause"));
    stopButton_ = new QPushButton(tr("Stop"), panel);
    stopButton_->setObjectName(QStringLiteral("stop"));
    buttons->addWidget(startButton_);
    buttons->addWidget(pauseButton_);
    buttons->addWidget(stopButton_);
    v->addLayout(buttons);
    connect(startButton_, &QPushButton::clicked, this, &TrainingDashboard::start);
    connect(pauseButton_, &QPushButton::clicked, this, &TrainingDashboard::togglePause);
    connect(stopButton_, &QPushButton::clicked, this, &TrainingDashboard::stop);
    progress_ = new QProgressBar(panel);
    progress_->setObjectName(QStringLiteral("progress"));
    v->addWidget(progress_);
    progressLabel_ = new QLabel(panel);
    progressLabel_->setObjectName(QStringLiteral("progressLabel"));
    progressLabel_->setWordWrap(true);
    v->addWidget(progressLabel_);
    messageLabel_ = new QLabel(panel);
    messageLabel_->setObjectName(QStringLiteral("message"));
    messageLabel_->setWordWrap(true);
    messageLabel_->setStyleSheet(QStringLiteral("color: #b01010"));
    v->addWidget(messageLabel_);
    v->addStretch();
    updateButtons();
}

void TrainingDashboard::buildPlots(QWidget* area) {
    auto* grid = new QGridLayout(area);
    grid->setContentsMargins(2, 2, 2, 2);
    auto titled = [area](const QString& title, QWidget* plot, QWidget* extra = nullptr) {
        auto* box = new QGroupBox(title, area);
        box->setMinimumSize(180, 140);  // long titles must not widen the window
        auto* l = new QVBoxLayout(box);
        l->setContentsMargins(4, 4, 4, 4);
        l->addWidget(plot, 1);
        if (extra)
            l->addWidget(extra);
        return box;
    };
    errorPlot_ = new ErrorCurvePlot(area);
    logY_ = new QCheckBox(tr("log scale"), area);
    connect(logY_, &QCheckBox::toggled, errorPlot_, &ErrorCurvePlot::setLogScale);
    epochAxis_ = new QCheckBox(tr("x in epochs"), area);
    epochAxis_->setObjectName(QStringLiteral("epochAxis"));
    connect(epochAxis_, &QCheckBox::toggled, errorPlot_, &ErrorCurvePlot::setEpochAxis);
    auto* errorOptions = new QWidget(area);
    auto* eo = new QHBoxLayout(errorOptions);
    eo->setContentsMargins(0, 0, 0, 0);
    eo->addWidget(logY_);
    eo->addWidget(epochAxis_);
    eo->addStretch();
    grid->addWidget(
        titled(tr("Error (Fig. 6): training dashed, test bold"), errorPlot_, errorOptions), 0, 0);
    lossPlot_ = new LossRatePlot(area);
    grid->addWidget(titled(tr("Loss and learning rate"), lossPlot_), 0, 1);

    responsePlot_ = new ResponsePlot(area);
    auto* controls = new QWidget(area);
    auto* c = new QHBoxLayout(controls);
    c->setContentsMargins(0, 0, 0, 0);
    sorted_ = new QCheckBox(tr("sorted"), controls);
    sorted_->setObjectName(QStringLiteral("sorted"));
    connect(sorted_, &QCheckBox::toggled, responsePlot_, &ResponsePlot::setSorted);
    epochSlider_ = new QSlider(Qt::Horizontal, controls);
    epochSlider_->setObjectName(QStringLiteral("epochSlider"));
    epochSlider_->setRange(0, 0);
    epochLabel_ = new QLabel(tr("latest"), controls);
    connect(epochSlider_, &QSlider::valueChanged, this, [this](int value) {
        const bool latest = value >= epochSlider_->maximum();
        responsePlot_->setEpochIndex(latest ? -1 : value);
        epochLabel_->setText(latest ? tr("latest") : tr("measurement %1").arg(value + 1));
    });
    c->addWidget(sorted_);
    c->addWidget(epochSlider_, 1);
    c->addWidget(epochLabel_);
    grid->addWidget(titled(tr("Layer responses (Fig. 7): std after BN, before addition"),
                           responsePlot_, controls),
                    1, 0);
    heatmap_ = new GradientHeatmap(area);
    grid->addWidget(titled(tr("Gradient norms: layers × time"), heatmap_), 1, 1);
    latest_ = new GradientLatestPlot(area);
    grid->addWidget(titled(tr("Latest gradient norm per layer"), latest_), 2, 0, 1, 2);
    grid->setRowStretch(0, 3);
    grid->setRowStretch(1, 3);
    grid->setRowStretch(2, 2);
}

void TrainingDashboard::buildRunsPanel() {
    runsPanel_ = new QWidget(this);
    runsPanel_->setObjectName(QStringLiteral("runsPanel"));
    auto* v = new QVBoxLayout(runsPanel_);
    v->setContentsMargins(2, 2, 2, 2);
    runs_ = new QTreeWidget(runsPanel_);
    runs_->setObjectName(QStringLiteral("runs"));
    runs_->setHeaderLabels({tr("Run"), tr("State"), tr("Best test error")});
    runs_->setRootIsDecorated(false);
    runs_->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    runs_->setToolTip(tr("Tick runs to overlay them on every plot."));
    v->addWidget(runs_);
    auto* row = new QGridLayout;
    auto* rename = new QPushButton(tr("Rename…"), runsPanel_);
    auto* remove = new QPushButton(tr("Delete…"), runsPanel_);
    auto* exportButton = new QPushButton(tr("Export weights…"), runsPanel_);
    auto* refresh = new QPushButton(tr("Refresh"), runsPanel_);
    row->addWidget(rename, 0, 0);
    row->addWidget(remove, 0, 1);
    row->addWidget(exportButton, 1, 0);
    row->addWidget(refresh, 1, 1);
    v->addLayout(row);
    connect(runs_, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem* item, int column) {
        if (column != NameColumn)
            return;
        const QString id = item->data(NameColumn, Qt::UserRole).toString();
        if (item->checkState(NameColumn) == Qt::Checked)
            showRun(id);
        else
            hideRun(id);
    });
    auto current = [this] {
        QTreeWidgetItem* item = runs_->currentItem();
        return item ? item->data(NameColumn, Qt::UserRole).toString() : QString();
    };
    connect(rename, &QPushButton::clicked, this, [this, current] {
        const QString id = current();
        if (id.isEmpty())
            return;
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Rename run"), tr("New name"),
                                                   QLineEdit::Normal, id, &ok);
        QString error;
        if (ok && !name.isEmpty() && !renameRun(id, name, &error))
            QMessageBox::warning(this, tr("Cannot rename"), error);
    });
    connect(remove, &QPushButton::clicked, this, [this, current] {
        const QString id = current();
        if (id.isEmpty())
            return;
        if (QMessageBox::question(this, tr("Delete run"),
                                  tr("Delete the run %1 and all its files?").arg(id)) !=
            QMessageBox::Yes)
            return;
        QString error;
        if (!deleteRun(id, &error))
            QMessageBox::warning(this, tr("Cannot delete"), error);
    });
    connect(exportButton, &QPushButton::clicked, this, [this, current] {
        const QString id = current();
        if (id.isEmpty())
            return;
        QString filter;
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export weights"), id,
            tr("PyTorch state_dict (*.pth);;LibTorch archive (*.pt)"), &filter);
        if (path.isEmpty())
            return;
        const bool pytorch = !path.endsWith(QLatin1String(".pt"));
        exportRun(id, path, pytorch, [this, path](const QString& error) {
            if (error.isEmpty())
                Q_EMIT message(tr("Exported %1").arg(path));
            else
                QMessageBox::warning(this, tr("Export failed"), error);
        });
    });
    connect(refresh, &QPushButton::clicked, this, &TrainingDashboard::rescanRuns);
}

void TrainingDashboard::setNetwork(const NetworkSpec& spec, bool valid) {
    spec_ = spec;
    specValid_ = valid;
    networkLabel_->setText(
        valid ? tr("Network: <b>%1</b> (from the builder)").arg(spec.name)
              : tr("Network: <b>%1</b> is invalid; fix it in the builder").arg(spec.name));
    updateButtons();
}

void TrainingDashboard::setRunsDirectory(const QString& dir) {
    runsDir_ = dir;
    rescanRuns();
}

void TrainingDashboard::setDataDirectory(const QString& dir) {
    dataDir_->setText(dir);
    downloadButton_->setVisible(!looksLikeCifar10(dir));
}

QString TrainingDashboard::runPath(const QString& id) const {
    return QDir(runsDir_).filePath(id);
}

TrainConfig TrainingDashboard::configFromForm() const {
    TrainConfig c;
    c.spec = spec_;
    c.iterations = iterations_->value();
    c.epochs = c.iterations > 0 ? 0 : epochs_->value();
    c.batchSize = batch_->value();
    c.learningRate = lr_->value();
    c.schedule = LrSchedule(schedule_->currentData().toInt());
    c.warmupIterations = warmup_->value();
    c.augment = augment_->isChecked();
    c.normalization =
        perPixel_->isChecked() ? Normalization::PerPixelMean : Normalization::PerChannel;
    c.validationSplit = validation_->isChecked();
    c.trainSubset = trainSubset_->value();
    c.testSubset = testSubset_->value();
    c.seed = quint64(seed_->value());
    c.logEvery = logEvery_->value();
    c.device = DeviceChoice(device_->currentData().toInt());
    c.dataDir = dataDir_->text();
    return c;
}

void TrainingDashboard::start() {
    if (trainer_)
        return;
    messageLabel_->clear();
    if (!specValid_) {
        messageLabel_->setText(tr("The network is invalid; fix it in the builder first."));
        return;
    }
    const QString data = findCifar10(dataDir_->text());
    if (!looksLikeCifar10(data)) {
        messageLabel_->setText(tr("CIFAR-10 is not in %1. Choose its folder or download it.")
                                   .arg(data.isEmpty() ? tr("any known place") : data));
        downloadButton_->setVisible(true);
        return;
    }
    QString id = safeName(spec_.name) +
                 QDateTime::currentDateTime().toString(QStringLiteral("-yyyyMMdd-HHmmss"));
    for (int n = 2; QFileInfo::exists(runPath(id)); ++n)
        id = id.section(QLatin1Char('~'), 0, 0) + QStringLiteral("~%1").arg(n);
    TrainConfig config = configFromForm();
    config.dataDir = data;
    config.runDir = runPath(id);
    QDir().mkpath(config.runDir);

    auto* trainer = new Trainer(config);
    trainer_ = trainer;
    activeRun_ = id;
    paused_ = false;
    lastIteration_ = 0;
    connect(trainer, &Trainer::started, this, [this](const TrainingStart& s) {
        progress_->setRange(0, s.totalIterations);
        progress_->setValue(s.startIteration);
        progressLabel_->setText(tr("%1 · %2 training images · %3 iterations per epoch")
                                    .arg(s.device)
                                    .arg(s.trainImages)
                                    .arg(s.iterationsPerEpoch));
    });
    connect(trainer, &Trainer::trainMetrics, this, [this, id](const TrainMetrics& m) {
        errorPlot_->appendTrain(id, m);
        lossPlot_->appendTrain(id, m);
    });
    connect(trainer, &Trainer::testMetrics, this, [this, id](const TestMetrics& m) {
        errorPlot_->appendTest(id, m);
        if (!best_.contains(id) || m.error < best_[id])
            best_[id] = m.error;
        updateRunItem(id);
    });
    connect(trainer, &Trainer::layerResponses, this, [this, id](const LayerResponses& r) {
        responsePlot_->appendResponses(id, r);
        const bool atEnd = epochSlider_->value() >= epochSlider_->maximum();
        epochSlider_->setMaximum(std::max(0, responsePlot_->measurementCount() - 1));
        if (atEnd)
            epochSlider_->setValue(epochSlider_->maximum());
    });
    connect(trainer, &Trainer::gradientNorms, this, [this, id](const GradientNorms& g) {
        heatmap_->appendGradients(id, g);
        latest_->appendGradients(id, g);
    });
    connect(trainer, &Trainer::progress, this, [this](const TrainingProgress& p) {
        lastIteration_ = p.iteration;
        progress_->setMaximum(p.totalIterations);
        progress_->setValue(p.iteration);
        progressLabel_->setText(tr("iteration %1 / %2 · epoch %3 · %4 images/s · ETA %5")
                                    .arg(p.iteration)
                                    .arg(p.totalIterations)
                                    .arg(p.epoch, 0, 'f', 2)
                                    .arg(p.imagesPerSecond, 0, 'f', 0)
                                    .arg(durationText(p.etaSeconds)));
    });
    connect(trainer, &Trainer::pausedAt, this, [this, id](int iteration) {
        lastIteration_ = iteration;
        setState(id, QStringLiteral("paused"));
    });
    connect(trainer, &Trainer::finished, this, [this, id](int iteration, bool completed) {
        lastIteration_ = iteration;
        trainer_ = nullptr;
        activeRun_.clear();
        setState(id, completed ? QStringLiteral("finished") : QStringLiteral("stopped"));
        updateButtons();
        Q_EMIT runEnded(id, states_[id]);
    });
    connect(trainer, &Trainer::failed, this, [this, id](const QString& error) {
        trainer_ = nullptr;
        activeRun_.clear();
        messageLabel_->setText(error);
        setState(id, QStringLiteral("failed"));
        updateButtons();
        Q_EMIT message(error);
        Q_EMIT runEnded(id, states_[id]);
    });

    addRunItem(id, QStringLiteral("running"), std::nan(""));
    setTicked(id, true);
    heatmap_->showRun(id);
    trainer->startInThread();
    updateButtons();
    Q_EMIT runStarted(id);
}

void TrainingDashboard::togglePause() {
    if (!trainer_)
        return;
    paused_ = !paused_;
    if (paused_) {
        trainer_->pause();
    } else {
        trainer_->resume();
        setState(activeRun_, QStringLiteral("running"));
    }
    updateButtons();
}

void TrainingDashboard::stop() {
    if (trainer_)
        trainer_->stop();
}

void TrainingDashboard::updateButtons() {
    const bool training = trainer_ != nullptr;
    startButton_->setEnabled(!training && specValid_);
    pauseButton_->setEnabled(training);
    stopButton_->setEnabled(training);
    pauseButton_->setText(paused_ && training ? tr("Resume") : tr("Pause"));
}

void TrainingDashboard::setState(const QString& id, const QString& state) {
    states_[id] = state;  // the trainer itself records the state in the run's status.json
    updateRunItem(id);
}

void TrainingDashboard::rescanRuns() {
    QDir dir(runsDir_);
    const QStringList ticked = [this] {
        QStringList out;
        for (const QString& id : runIds())
            if (isTicked(id))
                out << id;
        return out;
    }();
    for (const QString& id : runIds())
        if (id != activeRun_ && !QFileInfo::exists(runPath(id))) {
            hideRun(id);
            delete itemFor(id);
        }
    for (const QString& id : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        if (itemFor(id))
            continue;
        const QDir run(dir.filePath(id));
        if (!run.exists(QLatin1String(kRunConfigFile)))
            continue;
        MetricsLog log;
        double best = std::nan("");
        if (readMetrics(run.filePath(QLatin1String(kRunMetricsFile)), &log, nullptr))
            for (const TestMetrics& t : log.test)
                if (std::isnan(best) || t.error < best)
                    best = t.error;
        QString state;
        QFile status(run.filePath(QLatin1String(kRunStatusFile)));
        if (status.open(QIODevice::ReadOnly))
            state = QJsonDocument::fromJson(status.readAll()).object().value("state").toString();
        if (state.isEmpty() || state == QLatin1String("running")) {
            // No word from the trainer (an older run, or one cut off): judge by its metrics.
            QFile config(run.filePath(QLatin1String(kRunConfigFile)));
            const int total = config.open(QIODevice::ReadOnly)
                                  ? QJsonDocument::fromJson(config.readAll())
                                        .object()
                                        .value("iterations_total")
                                        .toInt()
                                  : 0;
            const int last = log.train.isEmpty() ? 0 : log.train.last().iteration;
            state =
                total > 0 && last >= total ? QStringLiteral("finished") : QStringLiteral("stopped");
        }
        if (!std::isnan(best))
            best_[id] = best;
        states_[id] = state;
        addRunItem(id, state, best);
    }
    for (const QString& id : ticked)
        if (itemFor(id))
            setTicked(id, true);
}

QTreeWidgetItem* TrainingDashboard::itemFor(const QString& id) const {
    for (int i = 0; i < runs_->topLevelItemCount(); ++i)
        if (runs_->topLevelItem(i)->data(NameColumn, Qt::UserRole).toString() == id)
            return runs_->topLevelItem(i);
    return nullptr;
}

void TrainingDashboard::addRunItem(const QString& id, const QString& state, double best) {
    if (itemFor(id))
        return;
    const QSignalBlocker blocker(runs_);
    auto* item = new QTreeWidgetItem(runs_);
    item->setData(NameColumn, Qt::UserRole, id);
    item->setText(NameColumn, id);
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    item->setCheckState(NameColumn, Qt::Unchecked);
    states_[id] = state;
    if (!std::isnan(best))
        best_[id] = best;
    updateRunItem(id);
}

void TrainingDashboard::updateRunItem(const QString& id) {
    QTreeWidgetItem* item = itemFor(id);
    if (!item)
        return;
    const QSignalBlocker blocker(runs_);
    const QString state = states_.value(id);
    item->setText(StateColumn, state == QLatin1String("running")    ? tr("running")
                               : state == QLatin1String("finished") ? tr("finished")
                               : state == QLatin1String("stopped")  ? tr("stopped")
                               : state == QLatin1String("failed")   ? tr("failed")
                               : state == QLatin1String("paused")   ? tr("paused")
                                                                    : state);
    item->setText(BestColumn, best_.contains(id) ? QStringLiteral("%1 %").arg(best_[id], 0, 'f', 2)
                                                 : QString());
    if (colors_.contains(id))
        item->setForeground(NameColumn, runColor(colors_[id]));
}

QStringList TrainingDashboard::runIds() const {
    QStringList ids;
    for (int i = 0; i < runs_->topLevelItemCount(); ++i)
        ids << runs_->topLevelItem(i)->data(NameColumn, Qt::UserRole).toString();
    return ids;
}

bool TrainingDashboard::isTicked(const QString& id) const {
    QTreeWidgetItem* item = itemFor(id);
    return item && item->checkState(NameColumn) == Qt::Checked;
}

void TrainingDashboard::setTicked(const QString& id, bool ticked) {
    if (QTreeWidgetItem* item = itemFor(id))
        item->setCheckState(NameColumn, ticked ? Qt::Checked : Qt::Unchecked);
}

QString TrainingDashboard::runState(const QString& id) const {
    return states_.value(id);
}

double TrainingDashboard::bestTestError(const QString& id) const {
    return best_.value(id, std::nan(""));
}

void TrainingDashboard::showRun(const QString& id) {
    if (!colors_.contains(id))
        colors_[id] = colorIndex_++;
    const RunStyle style{id, runColor(colors_[id])};
    errorPlot_->addRun(id, style);
    lossPlot_->addRun(id, style);
    responsePlot_->addRun(id, style);
    latest_->addRun(id, style);
    updateRunItem(id);
    if (id == activeRun_)
        return;  // its points arrive live
    MetricsLog log;
    if (!readMetrics(QDir(runPath(id)).filePath(QLatin1String(kRunMetricsFile)), &log, nullptr))
        return;
    for (const TrainMetrics& m : log.train) {
        errorPlot_->appendTrain(id, m);
        lossPlot_->appendTrain(id, m);
    }
    for (const TestMetrics& m : log.test)
        errorPlot_->appendTest(id, m);
    for (const LayerResponses& r : log.responses)
        responsePlot_->appendResponses(id, r);
    for (const GradientNorms& g : log.gradients)
        heatmap_->appendGradients(id, g);
    if (!log.gradients.isEmpty())
        latest_->appendGradients(id, log.gradients.last());
    epochSlider_->setMaximum(std::max(0, responsePlot_->measurementCount() - 1));
    epochSlider_->setValue(epochSlider_->maximum());
    errorPlot_->resetView();
    lossPlot_->resetView();
}

void TrainingDashboard::overlay(const QStringList& ids) {
    for (const QString& id : ids)
        setTicked(id, true);
    if (!ids.isEmpty())
        heatmap_->showRun(ids.last());
}

void TrainingDashboard::hideRun(const QString& id) {
    if (id == activeRun_)
        return;  // the running run stays on the plots
    errorPlot_->removeRun(id);
    lossPlot_->removeRun(id);
    responsePlot_->removeRun(id);
    heatmap_->removeRun(id);
    latest_->removeRun(id);
}

bool TrainingDashboard::renameRun(const QString& id, const QString& name, QString* error) {
    const QString to = safeName(name);
    if (id == activeRun_) {
        *error = tr("a running run cannot be renamed");
        return false;
    }
    if (QFileInfo::exists(runPath(to))) {
        *error = tr("a run named %1 already exists").arg(to);
        return false;
    }
    const bool ticked = isTicked(id);
    setTicked(id, false);
    if (!QDir().rename(runPath(id), runPath(to))) {
        *error = tr("cannot rename %1 to %2").arg(runPath(id), runPath(to));
        return false;
    }
    delete itemFor(id);
    if (colors_.contains(id))
        colors_[to] = colors_.take(id);
    best_.remove(id);
    states_.remove(id);
    rescanRuns();
    setTicked(to, ticked);
    return true;
}

bool TrainingDashboard::deleteRun(const QString& id, QString* error) {
    if (id == activeRun_) {
        *error = tr("stop the run before deleting it");
        return false;
    }
    setTicked(id, false);
    if (!QDir(runPath(id)).removeRecursively()) {
        *error = tr("cannot delete %1").arg(runPath(id));
        return false;
    }
    delete itemFor(id);
    best_.remove(id);
    states_.remove(id);
    return true;
}

void TrainingDashboard::exportRun(const QString& id, const QString& path, bool pytorch,
                                  std::function<void(const QString&)> done) {
    // Export loads the model with LibTorch: off the UI thread.
    auto error = std::make_shared<QString>();
    const QString source = runPath(id);
    auto* thread = QThread::create([source, path, pytorch, error] {
        exportWeights(source, pytorch ? ExportFormat::PyTorch : ExportFormat::LibTorch, path,
                      error.get());
    });
    connect(thread, &QThread::finished, this, [thread, error, done] {
        thread->deleteLater();
        done(*error);
    });
    thread->start();
}

void TrainingDashboard::downloadData() {
    if (downloader_)
        return;
    const QString target = defaultCifar10Dir();
    if (looksLikeCifar10(target)) {
        setDataDirectory(target);
        return;
    }
    downloader_ = new Cifar10Downloader(this);
    downloadButton_->setEnabled(false);
    connect(downloader_, &Cifar10Downloader::progress, this, [this](qint64 got, qint64 total) {
        progress_->setRange(0, total > 0 ? int(total >> 10) : 0);
        progress_->setValue(int(got >> 10));
        progressLabel_->setText(tr("downloading CIFAR-10: %1 of %2 MB")
                                    .arg(got >> 20)
                                    .arg(total > 0 ? QString::number(total >> 20) : tr("?")));
    });
    connect(downloader_, &Cifar10Downloader::finished, this, [this](const QString& dir) {
        downloader_->deleteLater();
        downloader_ = nullptr;
        downloadButton_->setEnabled(true);
        setDataDirectory(dir);
        progressLabel_->setText(tr("CIFAR-10 is ready in %1").arg(dir));
    });
    connect(downloader_, &Cifar10Downloader::failed, this, [this](const QString& error) {
        downloader_->deleteLater();
        downloader_ = nullptr;
        downloadButton_->setEnabled(true);
        messageLabel_->setText(error);
    });
    downloader_->start(target);
}

}  // namespace rx
