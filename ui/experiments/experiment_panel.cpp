#include "experiment_panel.h"

#include "background.h"
#include "cifar10.h"
#include "experiment_figure.h"
#include "train_form.h"
#include "training_dashboard.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QThread>
#include <QVBoxLayout>

namespace rx {

namespace {

enum Column { NetworkColumn, StateColumn, TrainColumn, TestColumn, PaperColumn, ColumnCount };

// Measured errors with one decimal, the paper's as the paper gives them (8.75 %).
QString percent(const std::optional<double>& fraction, int decimals = 1) {
    return fraction ? QStringLiteral("%1 %").arg(*fraction * 100.0, 0, 'f', decimals)
                    : QStringLiteral("—");
}

}  // namespace

ExperimentPanel::ExperimentPanel(TrainingDashboard* dashboard, QWidget* parent)
    : QWidget(parent),
      dashboard_(dashboard),
      root_(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
            QStringLiteral("/experiments")) {
    setObjectName(QStringLiteral("experimentPanel"));
    setMinimumWidth(340);  // the explanation and the table's five columns stay readable
    auto* layout = new QVBoxLayout(this);
    combo_ = new QComboBox(this);
    combo_->setObjectName(QStringLiteral("experimentCombo"));
    for (const ExperimentInfo& info : experiments())
        combo_->addItem(QString(), QLatin1String(info.id));
    layout->addWidget(combo_);

    title_ = new QLabel(this);
    title_->setWordWrap(true);
    layout->addWidget(title_);
    explanation_ = new QLabel(this);
    explanation_->setObjectName(QStringLiteral("experimentExplanation"));
    explanation_->setWordWrap(true);
    explanation_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(explanation_);

    quick_ = new QCheckBox(this);
    quick_->setObjectName(QStringLiteral("quickVariant"));
    quick_->setChecked(true);
    layout->addWidget(quick_);
    recipe_ = new QLabel(this);
    recipe_->setWordWrap(true);
    layout->addWidget(recipe_);
    estimate_ = new QLabel(this);
    estimate_->setObjectName(QStringLiteral("experimentEstimate"));
    estimate_->setWordWrap(true);
    layout->addWidget(estimate_);

    auto* buttons = new QHBoxLayout;
    start_ = new QPushButton(this);
    start_->setObjectName(QStringLiteral("startExperiment"));
    resume_ = new QPushButton(this);
    resume_->setObjectName(QStringLiteral("resumeExperiment"));
    stop_ = new QPushButton(this);
    stop_->setObjectName(QStringLiteral("stopExperiment"));
    buttons->addWidget(start_);
    buttons->addWidget(resume_);
    buttons->addWidget(stop_);
    buttons->addStretch();
    layout->addLayout(buttons);

    table_ = new QTableWidget(0, ColumnCount, this);
    table_->setObjectName(QStringLiteral("experimentTable"));
    table_->verticalHeader()->hide();
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionMode(QAbstractItemView::NoSelection);
    // Every column as wide as its contents (a network's name is never cut), the paper's column
    // taking what is left; a scroll bar only when the panel is narrower than the table.
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(table_, 1);

    folderLabel_ = new QLabel(this);
    folderLabel_->setWordWrap(true);
    folderLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(folderLabel_);
    close_ = new QPushButton(this);
    close_->setObjectName(QStringLiteral("closeExperiment"));
    layout->addWidget(close_, 0, Qt::AlignLeft);

    connect(combo_, &QComboBox::currentIndexChanged, this, [this] {
        if (!isRunning())
            dir_.clear();
        updateTexts();
        updateTable();
        updateButtons();
    });
    connect(quick_, &QCheckBox::toggled, this, [this] {
        updateTexts();
        updateTable();
    });
    connect(start_, &QPushButton::clicked, this, [this] { startExperiment(); });
    connect(resume_, &QPushButton::clicked, this, [this] { resumeExperiment(); });
    connect(stop_, &QPushButton::clicked, this, &ExperimentPanel::stopExperiment);
    connect(close_, &QPushButton::clicked, this, &ExperimentPanel::closeFolder);
    applyFonts();
    retranslateUi();
}

ExperimentPanel::~ExperimentPanel() {
    runner_.reset();  // stops the run and waits for its thread
    if (measurement_) {
        // A few training steps at most; torch must not outlive the application under it.
        measurement_->wait();
        delete measurement_;
    }
}

void ExperimentPanel::setPresentation(bool on) {
    recipe_->setVisible(!on);
    folderLabel_->setVisible(!on);
}

void ExperimentPanel::applyFonts() {
    // Relative to the panel's font, so that presentation mode's larger font reaches them.
    QFont titleFont = font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    title_->setFont(titleFont);
    QFont textFont = font();
    textFont.setPointSizeF(textFont.pointSizeF() * 1.1);
    explanation_->setFont(textFont);
}

void ExperimentPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    if (event->type() == QEvent::FontChange)
        applyFonts();
    QWidget::changeEvent(event);
}

void ExperimentPanel::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (secondsPerMac_ < 0 && !measurement_)
        measureStep();
}

void ExperimentPanel::retranslateUi() {
    for (int i = 0; i < combo_->count(); ++i)
        if (const ExperimentInfo* info = findExperiment(combo_->itemData(i).toString()))
            combo_->setItemText(i, experimentTitle(*info));
    quick_->setText(tr("Quick variant for a CPU"));
    quick_->setToolTip(
        tr("Fewer networks, a subset of the training images and far fewer "
           "iterations, chosen so that the paper's effect still shows. Without "
           "it: the paper's full recipe, meant for a GPU."));
    start_->setText(tr("Start experiment"));
    resume_->setText(tr("Resume"));
    stop_->setText(tr("Stop"));
    close_->setText(tr("Show all runs"));
    close_->setToolTip(tr("Leave this experiment's folder and list every run again"));
    table_->setHorizontalHeaderLabels(
        {tr("Network"), tr("State"), tr("Training error"), tr("Test error"), tr("Paper")});
    table_->horizontalHeaderItem(PaperColumn)
        ->setToolTip(tr("The paper's test error (Table 6), where it gives one"));
    updateTexts();
    updateTable();
    updateButtons();
}

void ExperimentPanel::selectExperiment(const QString& id) {
    const int index = combo_->findData(id);
    if (index >= 0)
        combo_->setCurrentIndex(index);
}

QString ExperimentPanel::selectedExperiment() const {
    return combo_->currentData().toString();
}

void ExperimentPanel::setQuick(bool quick) {
    quick_->setChecked(quick);
}

bool ExperimentPanel::isQuick() const {
    return quick_->isChecked();
}

void ExperimentPanel::updateTexts() {
    const ExperimentInfo* info = findExperiment(selectedExperiment());
    if (!info)
        return;
    title_->setText(experimentTitle(*info));
    explanation_->setText(experimentExplanation(*info));
    ExperimentOptions options;
    options.quick = isQuick();
    const ExperimentPlan plan = planExperiment(*info, options);
    recipe_->setText(isQuick()
                         ? tr("Quick variant for a CPU: %1 (the paper's warm-up rate: at "
                              "0.1 a run this short is ruled by a deep net's unsteady first "
                              "steps). Not the paper's numbers: the paper's effect, early in "
                              "training.")
                               .arg(quickRecipeText(*info))
                         : tr("Full variant: the paper's recipe (%1 iterations per network, all "
                              "50,000 training images). Meant for a GPU.")
                               .arg(QLocale().toString(kPaperIterations)));
    if (secondsPerMac_ < 0)
        estimate_->setText(tr("Estimated time: measuring a training step…"));
    else
        estimate_->setText(
            tr("Estimated time on %1: %2 (from a measured training step)")
                .arg(device_, durationText(estimateExperimentSeconds(plan, secondsPerMac_))));
}

void ExperimentPanel::setSecondsPerMac(double seconds, const QString& device) {
    secondsPerMac_ = seconds;
    device_ = device;
    updateTexts();
}

void ExperimentPanel::measureStep() {
    auto result = std::make_shared<std::pair<double, QString>>(-1, QString());
    QThread* thread = QThread::create([result] {
        workInBackground();
        TrainConfig config;
        QString error;
        result->first = measureSecondsPerMac(config, &result->second, &error);
    });
    thread->setObjectName(QStringLiteral("step measurement"));
    measurement_ = thread;
    connect(thread, &QThread::finished, this, [this, thread, result] {
        measurement_ = nullptr;
        thread->deleteLater();
        if (result->first > 0)
            setSecondsPerMac(result->first, result->second);
    });
    thread->start();
}

void ExperimentPanel::updateTable() {
    ExperimentSummary summary;
    QString error;
    if (dir_.isEmpty() || !readExperimentSummary(dir_, &summary, &error)) {
        // Nothing run yet: the plan of the selection, with the paper's numbers.
        const ExperimentInfo* info = findExperiment(selectedExperiment());
        if (!info)
            return;
        ExperimentOptions options;
        options.quick = isQuick();
        summary = summarizeExperiment(planExperiment(*info, options));
        for (ExperimentRunResult& r : summary.runs)
            r = {r.name, r.arch, r.dir, r.iterations, {}, 0, {}, {}, r.paperTestError};
    }
    table_->setRowCount(int(summary.runs.size()));
    for (int row = 0; row < summary.runs.size(); ++row) {
        const ExperimentRunResult& r = summary.runs[row];
        QString state = r.state ? runStateText(*r.state) : tr("queued");
        if (runner_ && runner_->currentIndex() == row)
            state = tr("training");
        const QString texts[ColumnCount] = {r.name, state, percent(r.finalTrainError),
                                            percent(r.finalTestError),
                                            percent(r.paperTestError, 2)};
        for (int column = 0; column < ColumnCount; ++column) {
            auto* item = new QTableWidgetItem(texts[column]);
            if (column >= TrainColumn)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            table_->setItem(row, column, item);
        }
    }
    folderLabel_->setText(dir_.isEmpty() ? QString() : tr("Folder: %1").arg(dir_));
}

void ExperimentPanel::updateButtons() {
    const bool running = isRunning();
    ExperimentSummary summary;
    QString error;
    const bool resumable = !running && !dir_.isEmpty() &&
                           readExperimentSummary(dir_, &summary, &error) && !summary.complete;
    start_->setEnabled(!running);
    resume_->setVisible(resumable);
    stop_->setEnabled(running);
    combo_->setEnabled(!running);
    quick_->setEnabled(!running && dir_.isEmpty());
    close_->setVisible(!dir_.isEmpty() && !running);
}

bool ExperimentPanel::fail(const QString& text, QString* error) {
    if (error)
        *error = text;
    Q_EMIT message(text);
    return false;
}

bool ExperimentPanel::startExperiment(QString* error) {
    const ExperimentInfo* info = findExperiment(selectedExperiment());
    if (!info || isRunning())
        return fail(tr("An experiment is already running."), error);
    ExperimentOptions options;
    options.quick = isQuick();
    options.dir = QDir(root_).filePath(
        QLatin1String(info->id) + (options.quick ? QStringLiteral("-quick") : QString()) +
        QDateTime::currentDateTime().toString(QStringLiteral("-yyyyMMdd-HHmmss")));
    options.dataDir = findCifar10(dashboard_->form()->dataDirectory());
    if (!looksLikeCifar10(options.dataDir))
        return fail(tr("CIFAR-10 is not there yet: choose its folder or download it on the "
                       "Training tab."),
                    error);
    return run(planExperiment(*info, options), false, error);
}

bool ExperimentPanel::resumeExperiment(QString* error) {
    ExperimentSummary summary;
    QString readError;
    if (dir_.isEmpty() || !readExperimentSummary(dir_, &summary, &readError))
        return fail(readError.isEmpty() ? tr("No experiment folder is open.") : readError, error);
    ExperimentOptions options;
    options.quick = summary.quick;
    options.seed = summary.seed;
    options.dir = dir_;
    options.dataDir = findCifar10(dashboard_->form()->dataDirectory());
    if (!looksLikeCifar10(options.dataDir))
        return fail(tr("CIFAR-10 is not there yet: choose its folder or download it on the "
                       "Training tab."),
                    error);
    return run(planExperiment(*findExperiment(summary.experiment), options), true, error);
}

bool ExperimentPanel::run(ExperimentPlan plan, bool resume, QString* error) {
    if (adjust_)
        adjust_(&plan);
    if (dashboard_->isTraining())
        return fail(tr("A run is training; stop it before starting an experiment."), error);
    auto runner = std::make_unique<ExperimentRunner>(plan);
    QString startError;
    ExperimentRunner* r = runner.get();
    connect(r, &ExperimentRunner::runStarted, this, [this, r](int index, Trainer* trainer) {
        dashboard_->followRun(r->plan().runs[index].name, trainer, [this] { stopExperiment(); });
        updateTable();
    });
    connect(r, &ExperimentRunner::runEnded, this, [this](int, RunState, const QString& text) {
        if (!text.isEmpty())
            Q_EMIT message(text);
        updateTable();
    });
    connect(r, &ExperimentRunner::finished, this, [this, r](bool completed) {
        QString figureError;
        const QDir dir(r->plan().dir);
        writeExperimentFigure(dir.path(),
                              {dir.filePath(QStringLiteral("figure.png")),
                               dir.filePath(QStringLiteral("figure.pdf"))},
                              &figureError);
        Q_EMIT message(completed ? tr("The experiment is complete; its figure is in %1")
                                       .arg(dir.filePath(QStringLiteral("figure.png")))
                                 : tr("The experiment stopped; Resume continues it."));
        // The runner is done; delete it once this signal has returned.
        if (runner_.get() == r)
            runner_.release()->deleteLater();
        updateTable();
        updateButtons();
        Q_EMIT runningChanged(false);
    });
    if (dir_.isEmpty())
        runsBefore_ = dashboard_->runsDirectory();
    dir_ = plan.dir;
    runner_ = std::move(runner);
    QDir().mkpath(plan.dir);
    dashboard_->setRunsDirectory(plan.dir);
    if (resume) {  // the runs done before, on the plots again
        QStringList done;
        for (const PlannedRun& run : plan.runs)
            if (QFileInfo::exists(run.config.runDir))
                done << run.name;
        dashboard_->overlay(done);
    }
    if (!r->start(resume, &startError)) {
        runner_.reset();
        updateTable();
        updateButtons();
        return fail(startError, error);
    }
    updateTable();
    updateButtons();
    if (runner_)
        Q_EMIT runningChanged(true);
    return true;
}

void ExperimentPanel::stopExperiment() {
    if (runner_)
        runner_->stop();
}

bool ExperimentPanel::openFolder(const QString& dir, QString* error) {
    if (isRunning())
        return fail(tr("An experiment is running; stop it before opening another."), error);
    ExperimentSummary summary;
    QString readError;
    if (!readExperimentSummary(dir, &summary, &readError))
        return fail(readError, error);
    if (dir_.isEmpty())
        runsBefore_ = dashboard_->runsDirectory();
    dir_ = QFileInfo(dir).absoluteFilePath();
    {
        const QSignalBlocker block(combo_);
        selectExperiment(summary.experiment);
    }
    {
        const QSignalBlocker block(quick_);
        quick_->setChecked(summary.quick);
    }
    dashboard_->setRunsDirectory(dir_);
    QStringList names;
    for (const ExperimentRunResult& r : summary.runs)
        if (QFileInfo::exists(QDir(dir_).filePath(r.dir)))
            names << r.dir;
    dashboard_->overlay(names);
    updateTexts();
    updateTable();
    updateButtons();
    return true;
}

void ExperimentPanel::closeFolder() {
    if (isRunning())
        return;
    dir_.clear();
    dashboard_->setRunsDirectory(runsBefore_.isEmpty() ? TrainingDashboard::defaultRunsDirectory()
                                                       : runsBefore_);
    updateTable();
    updateButtons();
}

}  // namespace rx
