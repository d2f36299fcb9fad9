#include "main_window.h"

#include "app_resources.h"
#include "autosave.h"
#include "block_palette.h"
#include "dataset_view.h"
#include "edits.h"
#include "experiment_panel.h"
#include "insights_tab.h"
#include "plot_base.h"
#include "predictions_view.h"
#include "presets.h"
#include "properties_panel.h"
#include "runs_model.h"
#include "runs_panel.h"
#include "spec_json.h"
#include "training_dashboard.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QUndoCommand>
#include <QUndoStack>

#include <utility>

namespace rx {

namespace {

constexpr int kMaxRecent = 8;
constexpr const char* kOwnSizePolicy = "rxOwnSizePolicy";  // a tab page's policy when shown

// The docks and toolbars (by object name) that stay in presentation mode; every other one hides.
// "experimentDock" is the experiment's explanation, docked when an experiment is open.
constexpr const char* kPresentationDocks[] = {"runsDock", "experimentDock"};

bool keptInPresentation(const QObject* object) {
    for (const char* name : kPresentationDocks)
        if (object->objectName() == QLatin1String(name))
            return true;
    return false;
}

class SpecCommand : public QUndoCommand {
public:
    SpecCommand(MainWindow* window, NetworkSpec before, NetworkSpec after, const QString& text)
        : QUndoCommand(text),
          window_(window),
          before_(std::move(before)),
          after_(std::move(after)) {}
    void undo() override { window_->applySpec(before_); }
    void redo() override { window_->applySpec(after_); }

private:
    MainWindow* window_;
    NetworkSpec before_, after_;
};

}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(applicationIconPath()));
    setAcceptDrops(true);
    undo_ = new QUndoStack(this);
    tabs_ = new QTabWidget(this);
    tabs_->setObjectName(QStringLiteral("tabs"));
    tabs_->setDocumentMode(true);
    canvas_ = new NetworkCanvas(tabs_);
    tabs_->addTab(canvas_, QString());
    dashboard_ = new TrainingDashboard(tabs_);
    tabs_->addTab(dashboard_, QString());
    datasetView_ = new DatasetView(tabs_);
    tabs_->addTab(datasetView_, QString());
    predictionsView_ = new PredictionsView(dashboard_->runsModel(), tabs_);
    tabs_->addTab(predictionsView_, QString());
    insightsTab_ = new InsightsTab(dashboard_->runsModel(), tabs_);
    tabs_->addTab(insightsTab_, QString());
    connect(dashboard_->runsPanel(), &RunsPanel::predictionsRequested, this,
            [this](const QString& id) {
                tabs_->setCurrentWidget(predictionsView_);
                predictionsView_->showRun(dashboard_->runsModel()->path(id));
            });
    setCentralWidget(tabs_);

    palette_ = new BlockPalette(this);
    auto* paletteDock = texts_.add(new QDockWidget(this), "windowTitle", QT_TR_NOOP("Palette"));
    paletteDock->setObjectName(QStringLiteral("paletteDock"));
    paletteDock->setWidget(palette_);
    addDockWidget(Qt::LeftDockWidgetArea, paletteDock);

    properties_ = new PropertiesPanel(this);
    auto* propertiesDock =
        texts_.add(new QDockWidget(this), "windowTitle", QT_TR_NOOP("Properties"));
    propertiesDock->setObjectName(QStringLiteral("propertiesDock"));
    propertiesDock->setWidget(properties_);
    addDockWidget(Qt::RightDockWidgetArea, propertiesDock);

    issues_ = new QListWidget(this);
    issues_->setObjectName(QStringLiteral("issues"));
    auto* issuesDock = issuesDock_ =
        texts_.add(new QDockWidget(this), "windowTitle", QT_TR_NOOP("Issues"));
    issuesDock->setObjectName(QStringLiteral("issuesDock"));
    issuesDock->setWidget(issues_);
    addDockWidget(Qt::BottomDockWidgetArea, issuesDock);
    // The user's own choices: the dock's close button and the View menu's toggle.
    issuesDock->installEventFilter(this);
    connect(issuesDock->toggleViewAction(), &QAction::triggered, this,
            [this](bool checked) { issuesWanted_ = checked; });

    auto* runsDock = texts_.add(new QDockWidget(this), "windowTitle", QT_TR_NOOP("Runs"));
    runsDock->setObjectName(QStringLiteral("runsDock"));
    runsDock->setWidget(dashboard_->runsPanel());
    addDockWidget(Qt::RightDockWidgetArea, runsDock);
    tabifyDockWidget(propertiesDock, runsDock);
    propertiesDock->raise();
    // The Experiments panel: what to look for, the queue of runs, the paper's numbers beside
    // the measured ones. Opened from the Experiments menu (and kept in presentation mode).
    experiments_ = new ExperimentPanel(dashboard_, this);
    auto* experimentDock = experimentDock_ =
        texts_.add(new QDockWidget(this), "windowTitle", QT_TR_NOOP("Experiment"));
    experimentDock->setObjectName(QStringLiteral("experimentDock"));
    experimentDock->setWidget(experiments_);
    // On the Training tab, in place of the train form: an experiment sets its own runs.
    addDockWidget(Qt::LeftDockWidgetArea, experimentDock);
    experimentDock->hide();
    experimentDock->installEventFilter(this);
    connect(experimentDock->toggleViewAction(), &QAction::triggered, this,
            [this](bool checked) { experimentWanted_ = checked; });
    connect(experimentDock, &QDockWidget::visibilityChanged, this,
            [this](bool visible) { dashboard_->setFormVisible(!visible); });
    connect(experiments_, &ExperimentPanel::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 10000); });

    connect(dashboard_, &TrainingDashboard::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    connect(dashboard_, &TrainingDashboard::runStarted, this, [runsDock] { runsDock->raise(); });
    connect(tabs_, &QTabWidget::currentChanged, this, [this, runsDock, propertiesDock](int index) {
        (index == 0 ? propertiesDock : runsDock)->raise();  // runs: Training, Predictions
        showTabDocks();
        fitCentreToCurrentTab();
    });
    fitCentreToCurrentTab();

    summary_ = new QLabel(this);
    summary_->setObjectName(QStringLiteral("summary"));
    statusBar()->addPermanentWidget(summary_);

    connect(palette_, &BlockPalette::appendRequested, this, [this](const QString& payload) {
        insertFromPalette(payload, {static_cast<int>(spec_.stages.size()), 0});
    });
    connect(canvas_, &NetworkCanvas::paletteDropped, this, &MainWindow::insertFromPalette);
    connect(canvas_, &NetworkCanvas::fileDropped, this, [this](const QString& path) {
        if (maybeSave())
            openFile(path);
    });
    connect(canvas_, &NetworkCanvas::selectionChanged, this,
            [this](const CanvasRef& ref) { properties_->setSpec(spec_, ref); });
    connect(properties_, &PropertiesPanel::editRequested, this, &MainWindow::edit);
    connect(issues_, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        const int stage = item->data(Qt::UserRole).toInt();
        const int block = item->data(Qt::UserRole + 1).toInt();
        if (stage >= 0)
            canvas_->setSelection(block >= 0 ? CanvasRef{CanvasRef::Kind::Block, stage, block}
                                             : CanvasRef{CanvasRef::Kind::Stage, stage, -1});
    });
    connect(undo_, &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);

    buildActions();
    resize(1280, 800);
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    defaultDockSizes_ = !restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    retranslateUi();
    loadSpec(*preset(QStringLiteral("resnet-20")));
}

MainWindow::~MainWindow() {
    // The undo stack, deleted with the children, still signals while it clears; the autosave
    // writes a pending change then.
    undo_->disconnect(this);
    if (autosave_)
        autosave_->disconnect(this);
}

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslateUi() {
    texts_.retranslate();  // docks, menus, actions
    tabs_->setTabText(0, tr("Builder"));
    tabs_->setTabText(1, tr("Training"));
    tabs_->setTabText(2, tr("Dataset"));
    tabs_->setTabText(3, tr("Predictions"));
    tabs_->setTabText(4, tr("Insights"));
    updateUndoTexts();
    for (QAction* action : findChildren<QAction*>()) {
        const QString name = action->objectName();
        if (name.startsWith(QLatin1String("preset:")))
            action->setStatusTip(preset(name.mid(7))->description);
        else if (name.startsWith(QLatin1String("experiment:")))
            action->setText(experimentTitle(*findExperiment(name.mid(11))));
        else if (name.startsWith(QLatin1String("language:")))
            action->setChecked(name.mid(9) == currentLanguage());
    }
    // The analysis's messages, the summary, the title, the canvas's and the panels' texts: the
    // spec applied again (after the first analysis; the undo history stays as it is).
    if (hadIssues_)
        applySpec(spec_);
}

void MainWindow::updateUndoTexts() {
    // As QUndoStack::createUndoAction words it ("&Undo Insert block"), in the current language.
    auto prefixed = [](const QString& prefix, const QString& command) {
        return command.isEmpty() ? prefix : prefix + QLatin1Char(' ') + command;
    };
    undoAction_->setText(prefixed(tr("&Undo"), undo_->undoText()));
    redoAction_->setText(prefixed(tr("&Redo"), undo_->redoText()));
}

void MainWindow::buildActions() {
    // Every menu and action text is registered in texts_ (re-read on a language change).
    auto menu = [this](QMenu* parent, const char* title) {
        QMenu* m = parent ? parent->addMenu(QString()) : menuBar()->addMenu(QString());
        texts_.add(m->menuAction(), "text", title);
        return m;
    };
    auto action = [this](QAction* a, const char* text) { return texts_.add(a, "text", text); };

    QMenu* file = menu(nullptr, QT_TR_NOOP("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    action(file->addAction(QString(), QKeySequence::New, this,
                           [this] {
                               if (maybeSave())
                                   loadSpec(*preset(QStringLiteral("resnet-20")));
                           }),
           QT_TR_NOOP("&New"));
    action(file->addAction(QString(), QKeySequence::Open, this, &MainWindow::open),
           QT_TR_NOOP("&Open…"));
    recentMenu_ = menu(file, QT_TR_NOOP("Open &Recent"));
    action(file->addAction(QString(), QKeySequence::Save, this, &MainWindow::save),
           QT_TR_NOOP("&Save"));
    action(file->addAction(QString(), QKeySequence::SaveAs, this, &MainWindow::saveAs),
           QT_TR_NOOP("Save &As…"));
    file->addSeparator();
    QAction* openExperiment =
        action(file->addAction(QString(), this, &MainWindow::openExperimentDialog),
               QT_TR_NOOP("Open &Experiment…"));
    openExperiment->setObjectName(QStringLiteral("openExperiment"));
    file->addSeparator();
    action(file->addAction(QString(), QKeySequence::Quit, this, &QWidget::close),
           QT_TR_NOOP("&Quit"));
    updateRecentMenu();

    QMenu* editMenu = menu(nullptr, QT_TR_NOOP("&Edit"));
    // Not QUndoStack::createUndoAction: its "&Undo" prefix could not follow the language.
    undoAction_ = editMenu->addAction(QString(), QKeySequence::Undo, undo_, &QUndoStack::undo);
    undoAction_->setEnabled(undo_->canUndo());
    connect(undo_, &QUndoStack::canUndoChanged, undoAction_, &QAction::setEnabled);
    redoAction_ = editMenu->addAction(QString(), undo_, &QUndoStack::redo);
    redoAction_->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence::Redo});
    redoAction_->setEnabled(undo_->canRedo());
    connect(undo_, &QUndoStack::canRedoChanged, redoAction_, &QAction::setEnabled);
    connect(undo_, &QUndoStack::undoTextChanged, this, &MainWindow::updateUndoTexts);
    connect(undo_, &QUndoStack::redoTextChanged, this, &MainWindow::updateUndoTexts);
    editMenu->addSeparator();
    QAction* del = action(
        editMenu->addAction(QString(), QKeySequence::Delete, this, &MainWindow::deleteSelection),
        QT_TR_NOOP("&Delete"));
    del->setObjectName(QStringLiteral("delete"));
    QAction* dup = action(editMenu->addAction(QString(), QKeySequence(Qt::CTRL | Qt::Key_D), this,
                                              &MainWindow::duplicateSelection),
                          QT_TR_NOOP("D&uplicate"));
    dup->setObjectName(QStringLiteral("duplicate"));
    action(editMenu->addAction(QString(), QKeySequence(Qt::ALT | Qt::Key_Up), this,
                               [this] { moveSelectedStage(-1); }),
           QT_TR_NOOP("Move Stage &Up"));
    action(editMenu->addAction(QString(), QKeySequence(Qt::ALT | Qt::Key_Down), this,
                               [this] { moveSelectedStage(+1); }),
           QT_TR_NOOP("Move Stage Do&wn"));
    editMenu->addSeparator();
    QAction* toggle =
        action(editMenu->addAction(
                   QString(), QKeySequence(Qt::CTRL | Qt::Key_R), this,
                   [this] { edit(edits::togglePlainResidual(spec_), tr("Plain ↔ residual")); }),
               QT_TR_NOOP("&Plain ↔ Residual"));
    toggle->setObjectName(QStringLiteral("togglePlainResidual"));
    texts_.add(toggle, "toolTip",
               QT_TR_NOOP("Turn the network into its plain or residual counterpart"));

    QMenu* view = menu(nullptr, QT_TR_NOOP("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    action(view->addAction(QString(), QKeySequence::ZoomIn, canvas_, &NetworkCanvas::zoomIn),
           QT_TR_NOOP("Zoom &In"));
    action(view->addAction(QString(), QKeySequence::ZoomOut, canvas_, &NetworkCanvas::zoomOut),
           QT_TR_NOOP("Zoom &Out"));
    QAction* fit = action(view->addAction(QString(), QKeySequence(Qt::CTRL | Qt::Key_0), canvas_,
                                          &NetworkCanvas::fitToWindow),
                          QT_TR_NOOP("&Fit to Window"));
    fit->setObjectName(QStringLiteral("fit"));
    action(view->addAction(QString(), QKeySequence(Qt::Key_Space), this,
                           [this] {
                               const CanvasRef ref = canvas_->selection();
                               if (ref.stage >= 0)
                                   canvas_->setCollapsed(ref.stage,
                                                         !canvas_->isCollapsed(ref.stage));
                           }),
           QT_TR_NOOP("&Collapse or Expand Stage"));
    view->addSeparator();
    presentationAction_ = action(view->addAction(QString()), QT_TR_NOOP("&Presentation"));
    presentationAction_->setObjectName(QStringLiteral("presentation"));
    presentationAction_->setCheckable(true);
    presentationAction_->setShortcut(QKeySequence(Qt::Key_F11));
    texts_.add(presentationAction_, "toolTip",
               QT_TR_NOOP("Full screen with large text for the classroom; Esc leaves"));
    connect(presentationAction_, &QAction::triggered, this, &MainWindow::setPresentation);
    addAction(presentationAction_);  // F11 also works while the menu bar is hidden
    // Esc leaves; only while presenting, so that Esc keeps its other uses.
    auto* leave = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    leave->setEnabled(false);
    connect(presentationAction_, &QAction::toggled, leave, &QShortcut::setEnabled);
    connect(leave, &QShortcut::activated, this, [this] { setPresentation(false); });
    view->addSeparator();
    for (QDockWidget* dock : findChildren<QDockWidget*>())
        view->addAction(dock->toggleViewAction());
    buildLanguageMenu(menu(view, QT_TR_NOOP("&Language")));

    QMenu* presets = menu(nullptr, QT_TR_NOOP("&Presets"));
    for (const QString& name : presetNames()) {
        QAction* action = presets->addAction(name);
        action->setObjectName(QStringLiteral("preset:") + name);
        connect(action, &QAction::triggered, this, [this, name] { loadPreset(name); });
    }
    presets->setToolTipsVisible(true);

    QMenu* experimentsMenu = menu(nullptr, QT_TR_NOOP("E&xperiments"));
    experimentsMenu->setObjectName(QStringLiteral("experimentsMenu"));
    for (const ExperimentInfo& info : experiments()) {
        const QString id = QLatin1String(info.id);
        QAction* action = experimentsMenu->addAction(experimentTitle(info));
        action->setObjectName(QStringLiteral("experiment:") + id);
        connect(action, &QAction::triggered, this, [this, id] { showExperiment(id); });
    }
    experimentsMenu->addSeparator();
    action(experimentsMenu->addAction(QString(), this, &MainWindow::openExperimentDialog),
           QT_TR_NOOP("Open Experiment Folder…"));
}

void MainWindow::showExperiment(const QString& id) {
    if (!experiments_->isRunning() && experiments_->folder().isEmpty())
        experiments_->selectExperiment(id);
    experimentWanted_ = true;
    showTab(1);
    showExperimentDock();
}

void MainWindow::showExperimentDock() {
    setExperimentLayout(true);
    experimentDock_->raise();
    // After the pending layout (a window not shown yet has no sizes to share out).
    QTimer::singleShot(0, this, [this] { resizeDocks({experimentDock_}, {400}, Qt::Horizontal); });
}

bool MainWindow::openExperiment(const QString& dir) {
    QString error;
    if (!experiments_->openFolder(dir, &error)) {
        QMessageBox::warning(this, tr("Cannot open experiment"), error);
        return false;
    }
    experimentWanted_ = true;
    showTab(1);
    showExperimentDock();
    return true;
}

void MainWindow::closeExperiment() {
    experimentWanted_ = false;
    setExperimentLayout(false);
}

void MainWindow::setExperimentLayout(bool experiment) {
    // The experiment's table lists its runs: the runs list (and the properties tabbed with it)
    // give the plots their room while the panel is up, and come back after.
    experimentDock_->setVisible(experiment);
    findChild<QDockWidget*>(QStringLiteral("runsDock"))->setVisible(!experiment);
    if (experiment || !isPresentation())  // presenting: the properties stay away
        findChild<QDockWidget*>(QStringLiteral("propertiesDock"))->setVisible(!experiment);
    if (!experiment && tabs_->currentIndex() != 0)
        findChild<QDockWidget*>(QStringLiteral("runsDock"))->raise();
}

void MainWindow::openExperimentDialog() {
    const QString dir = QFileDialog::getExistingDirectory(
        this, tr("Open experiment folder"),
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
            QStringLiteral("/experiments"));
    if (!dir.isEmpty())
        openExperiment(dir);
}

void MainWindow::buildLanguageMenu(QMenu* menu) {
    menu->setObjectName(QStringLiteral("languageMenu"));
    languages_ = new QActionGroup(this);
    languages_->setExclusive(true);
    // Each language in its own words, never translated: whoever cannot read the current one
    // still finds theirs.
    for (const LanguageInfo& info : availableLanguages()) {
        const QString code = QString::fromLatin1(info.code);
        QAction* action = menu->addAction(QString::fromUtf8(info.nativeName));
        action->setObjectName(QStringLiteral("language:") + code);
        action->setCheckable(true);
        languages_->addAction(action);
        connect(action, &QAction::triggered, this, [code] {
            if (setLanguage(code))
                saveLanguage(code);
        });
    }
}

void MainWindow::showTab(int index) {
    tabs_->setCurrentIndex(index);
}

bool MainWindow::isModified() const {
    return !undo_->isClean();
}

void MainWindow::applySpec(const NetworkSpec& spec, bool resetView) {
    spec_ = spec;
    analysis_ = analyze(spec_);
    canvas_->setSpec(spec_, analysis_, resetView);
    dashboard_->setNetwork(spec_, analysis_.ok());
    properties_->setSpec(spec_, canvas_->selection());

    updateIssues();
    if (analysis_.ok())
        summary_->setText(tr("depth %1 · %2 parameters · %3 MACs")
                              .arg(analysis_.depth)
                              .arg(groupedNumber(analysis_.params), shortNumber(analysis_.macs)));
    else
        summary_->setText(tr("invalid network: %n problem(s)", nullptr,
                             static_cast<int>(analysis_.errors.size())));
    updateTitle();
}

void MainWindow::updateIssues() {
    issues_->clear();
    for (const ValidationError& e : analysis_.errors) {
        auto* item = new QListWidgetItem(e.message, issues_);
        item->setData(Qt::UserRole, e.stage);
        item->setData(Qt::UserRole + 1, e.block);
        item->setForeground(QColor(180, 20, 20));
    }
    // Only the transitions decide, so a dock the user closed (or opened) stays so meanwhile.
    const bool hasIssues = !analysis_.errors.empty();
    if (hasIssues != hadIssues_)
        issuesWanted_ = hasIssues;
    hadIssues_ = hasIssues;
    showIssuesDock();
}

void MainWindow::showIssuesDock() {
    if (!isPresentation())
        issuesDock_->setVisible(issuesWanted_ && tabs_->currentIndex() == 0);
}

void MainWindow::showTabDocks() {
    QWidget* const tab = tabs_->currentWidget();
    auto* runsDock = findChild<QDockWidget*>(QStringLiteral("runsDock"));
    setExperimentLayout(experimentWanted_ && tab == dashboard_);
    if (isPresentation()) {
        // Only what the demonstration on show needs: the runs beside the training plots.
        if (tab != dashboard_)
            runsDock->hide();
        return;
    }
    findChild<QDockWidget*>(QStringLiteral("paletteDock"))->setVisible(tab == canvas_);
    // The Dataset, Predictions and Insights tabs choose their own runs and need no properties: the
    // right docks give them the window's width.
    if (tab == datasetView_ || tab == predictionsView_ || tab == insightsTab_) {
        runsDock->hide();
        findChild<QDockWidget*>(QStringLiteral("propertiesDock"))->hide();
    }
    showIssuesDock();
}

void MainWindow::setPresentation(bool on) {
    presentationAction_->setChecked(on);
    if (on == isPresentation())
        return;
    const double scale = on ? kPresentationScale : 1 / kPresentationScale;
    if (on) {
        normal_ = NormalView{saveGeometry(), saveState(), windowState(), QApplication::font()};
        for (QDockWidget* dock : findChildren<QDockWidget*>())
            if (!keptInPresentation(dock))
                dock->hide();
        for (QToolBar* bar : findChildren<QToolBar*>())
            if (!keptInPresentation(bar))
                bar->hide();
        summary_->hide();
        // The explanation of the experiment on show stays in front of the class.
        if (experiments_->isRunning() || !experiments_->folder().isEmpty())
            experimentWanted_ = true;
        showTabDocks();
        QFont font = normal_->font;
        if (font.pointSizeF() > 0)
            font.setPointSizeF(font.pointSizeF() * kPresentationScale);
        else
            font.setPixelSize(qRound(font.pixelSize() * kPresentationScale));
        QApplication::setFont(font);
        PlotBase::setDefaultScale(kPresentationScale);
    } else {
        const NormalView normal = *std::exchange(normal_, std::nullopt);
        QApplication::setFont(normal.font);
        PlotBase::setDefaultScale(1);
        summary_->show();
        setWindowState(normal.windowState);
        restoreGeometry(normal.geometry);
        restoreState(normal.state);  // the docks and toolbars as they were
        showTabDocks();              // unless the tab changed meanwhile
    }
    canvas_->scale(scale, scale);
    dashboard_->setPresentation(on);
    experiments_->setPresentation(on);
    if (on)
        showFullScreen();
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event) {
    if (watched == experimentDock_ && event->type() == QEvent::Close) {
        experimentWanted_ = false;
        QTimer::singleShot(0, this, [this] { setExperimentLayout(false); });
    }
    if (watched == issuesDock_ && event->type() == QEvent::Close)
        issuesWanted_ = false;  // closed by hand: stays closed until issues appear anew
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::loadSpec(const NetworkSpec& spec, const QString& path) {
    filePath_ = path;
    undo_->clear();
    canvas_->setSelection({});
    applySpec(spec, /*resetView=*/true);
    canvas_->resetTransform();
}

void MainWindow::edit(const NetworkSpec& spec, const QString& description) {
    if (spec == spec_)
        return;
    undo_->push(new SpecCommand(this, spec_, spec, description));
}

void MainWindow::updateTitle() {
    const QString shown = filePath_.isEmpty() ? spec_.name : QFileInfo(filePath_).fileName();
    setWindowTitle(tr("%1[*] — ResNet Explorer").arg(shown));
    setWindowModified(isModified());
}

void MainWindow::startAutosave(const QString& folder) {
    if (autosave_)
        return;
    auto* autosave = new Autosave(folder, this);
    QString error;
    if (!autosave->start(&error)) {
        delete autosave;
        statusBar()->showMessage(tr("Autosave is off: %1").arg(error));
        return;
    }
    autosave_ = autosave;
    connect(autosave_, &Autosave::failed, this,
            [this](const QString& text) { statusBar()->showMessage(text, 10000); });
    // Every edit, undo and redo moves the index; saving, New and Open change the clean state.
    connect(undo_, &QUndoStack::indexChanged, this, &MainWindow::scheduleAutosave);
    connect(undo_, &QUndoStack::cleanChanged, this, &MainWindow::scheduleAutosave);
    scheduleAutosave();
}

void MainWindow::scheduleAutosave() {
    if (autosave_)
        autosave_->schedule(spec_, filePath_, isModified());
}

void MainWindow::offerRestore() {
    if (!autosave_)
        return;
    QList<AutosaveEntry> found = autosave_->findOrphans();
    QList<AutosaveEntry> readable;
    for (const AutosaveEntry& entry : std::as_const(found)) {
        if (entry.error.isEmpty()) {
            readable.append(entry);
            continue;
        }
        const QString kept = autosave_->keepAside(entry);
        askRestore({tr("Autosave unreadable"),
                    tr("An autosaved network could not be read, so it cannot be restored:\n%1"
                       "\n\nThe file was kept as %2.")
                        .arg(entry.error, kept),
                    false});
    }
    if (readable.isEmpty())
        return;
    const AutosaveEntry newest = readable.takeFirst();
    for (const AutosaveEntry& older : std::as_const(readable))
        autosave_->release(older);  // offered on the next start
    const QString when = QLocale().toString(newest.savedAt.toLocalTime(), QLocale::ShortFormat);
    QString text = tr("ResNet Explorer did not close normally.") + QLatin1String("\n\n");
    text += newest.sourcePath.isEmpty()
                ? tr("The network “%1” had unsaved changes, autosaved at %2.")
                      .arg(newest.spec.name, when)
                : tr("The network “%1” (%2) had unsaved changes, autosaved at %3.")
                      .arg(newest.spec.name, QDir::toNativeSeparators(newest.sourcePath), when);
    if (!readable.isEmpty())
        text += QLatin1Char(' ') + tr("%n older autosave(s) will be offered on the next start.",
                                      nullptr, int(readable.size()));
    text += QLatin1String("\n\n") + tr("Restore it?");
    if (!askRestore({tr("Restore network"), text, true})) {
        autosave_->discard(newest);
        return;
    }
    if (!maybeSave()) {
        autosave_->release(newest);
        return;
    }
    restore(newest);
}

bool MainWindow::askRestore(const RestoreQuestion& question) {
    if (restorePrompt_)
        return restorePrompt_(question);
    if (!question.canRestore) {
        QMessageBox::warning(this, question.title, question.text);
        return false;
    }
    QMessageBox box(QMessageBox::Question, question.title, question.text, QMessageBox::NoButton,
                    this);
    box.setObjectName(QStringLiteral("restoreDialog"));
    QPushButton* restore = box.addButton(tr("&Restore"), QMessageBox::AcceptRole);
    QPushButton* discard = box.addButton(tr("&Discard"), QMessageBox::DestructiveRole);
    box.setDefaultButton(restore);
    box.exec();
    return box.clickedButton() != discard;  // only an explicit Discard deletes it
}

void MainWindow::restore(const AutosaveEntry& entry) {
    loadSpec(entry.spec, entry.sourcePath);
    undo_->resetClean();  // unsaved: the title shows it and closing asks
    // This instance's autosave holds the network before the crashed one's goes.
    scheduleAutosave();
    if (autosave_->flush())
        autosave_->discard(entry);
    else
        autosave_->release(entry);
    statusBar()->showMessage(
        tr("Restored the network autosaved at %1.")
            .arg(QLocale().toString(entry.savedAt.toLocalTime(), QLocale::ShortFormat)),
        10000);
}

QString MainWindow::statusText() const {
    return summary_->text();
}

void MainWindow::loadPreset(const QString& name) {
    if (!maybeSave())
        return;
    if (auto p = preset(name))
        loadSpec(*p);
}

void MainWindow::insertFromPalette(const QString& payload, const DropTarget& target) {
    if (const auto kind = blockFromPayload(payload)) {
        edits::BlockPosition inserted;
        edit(edits::insertBlock(spec_, target.stage, target.index, *kind, &inserted),
             tr("Insert %1 block").arg(textOf(kBlockKinds, *kind, kBlockKindContext)));
        canvas_->setSelection({CanvasRef::Kind::Block, inserted.stage, inserted.block});
    } else if (const auto stem = stemFromPayload(payload)) {
        edit(edits::setStem(spec_, *stem), tr("Change stem"));
    } else if (payload == QLatin1String(kStagePayload)) {
        const int at = target.index > 0 ? target.stage + 1 : target.stage;
        edit(edits::insertStage(spec_, at), tr("Insert stage"));
    } else if (payload == QLatin1String(kHeadPayload)) {
        statusBar()->showMessage(tr("Every network already ends with its head: global average "
                                    "pooling and a fully connected layer."),
                                 5000);
    }
}

void MainWindow::deleteSelection() {
    const CanvasRef ref = canvas_->selection();
    if (ref.kind == CanvasRef::Kind::Block)
        edit(edits::removeBlock(spec_, ref.stage), tr("Delete block"));
    else if (ref.kind == CanvasRef::Kind::Stage)
        edit(edits::removeStage(spec_, ref.stage), tr("Delete stage"));
    else if (ref.kind != CanvasRef::Kind::None)
        statusBar()->showMessage(tr("The stem and the head cannot be deleted."), 5000);
}

void MainWindow::duplicateSelection() {
    const CanvasRef ref = canvas_->selection();
    if (ref.kind == CanvasRef::Kind::Block)
        edit(edits::duplicateBlock(spec_, ref.stage), tr("Duplicate block"));
    else if (ref.kind == CanvasRef::Kind::Stage)
        edit(edits::duplicateStage(spec_, ref.stage), tr("Duplicate stage"));
}

void MainWindow::moveSelectedStage(int delta) {
    const CanvasRef ref = canvas_->selection();
    if (ref.stage < 0)
        return;
    const NetworkSpec moved = edits::moveStage(spec_, ref.stage, delta);
    if (moved == spec_)
        return;
    edit(moved, tr("Move stage"));
    canvas_->setSelection({CanvasRef::Kind::Stage, ref.stage + delta, -1});
}

bool MainWindow::openFile(const QString& path) {
    NetworkSpec spec;
    QString error;
    if (!loadSpecFile(path, &spec, &error)) {
        QMessageBox::warning(this, tr("Cannot open network"), error);
        return false;
    }
    loadSpec(spec, path);
    addRecent(path);
    return true;
}

bool MainWindow::saveFile(const QString& path) {
    QString error;
    if (!saveSpecFile(path, spec_, &error)) {
        QMessageBox::warning(this, tr("Cannot save network"), error);
        return false;
    }
    filePath_ = path;
    undo_->setClean();
    addRecent(path);
    updateTitle();
    return true;
}

bool MainWindow::save() {
    return filePath_.isEmpty() ? saveAs() : saveFile(filePath_);
}

bool MainWindow::saveAs() {
    QString path = QFileDialog::getSaveFileName(this, tr("Save network"),
                                                spec_.name + QLatin1String(kSpecFileSuffix),
                                                tr("Networks (*.resnet.json)"));
    if (path.isEmpty())
        return false;
    if (!path.endsWith(QLatin1String(".json")))
        path += QLatin1String(kSpecFileSuffix);
    return saveFile(path);
}

void MainWindow::open() {
    if (!maybeSave())
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open network"), QString(),
                                                      tr("Networks (*.resnet.json *.json)"));
    if (!path.isEmpty())
        openFile(path);
}

bool MainWindow::maybeSave() {
    if (!isModified())
        return true;
    const QMessageBox::StandardButton answer =
        prompt_
            ? prompt_()
            : QMessageBox::warning(this, tr("Unsaved changes"),
                                   tr("The network has unsaved changes. Save them?"),
                                   QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

QStringList MainWindow::recentFiles() const {
    return QSettings().value(QStringLiteral("recentFiles")).toStringList();
}

void MainWindow::addRecent(const QString& path) {
    QStringList files = recentFiles();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > kMaxRecent)
        files.removeLast();
    QSettings().setValue(QStringLiteral("recentFiles"), files);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu() {
    if (!recentMenu_)
        return;
    recentMenu_->clear();
    const QStringList files = recentFiles();
    for (const QString& path : files)
        recentMenu_
            ->addAction(QFileInfo(path).fileName(), this,
                        [this, path] {
                            if (maybeSave())
                                openFile(path);
                        })
            ->setStatusTip(path);
    recentMenu_->setEnabled(!files.isEmpty());
}

void MainWindow::fitCentreToCurrentTab() {
    // A tab widget is as wide as its widest page's minimum, shown or not: the Training tab's
    // plots (~740 px) squeezed the Builder's palette to 200 px at 1280×800. Pages not shown
    // ignore their size; the shown one keeps its own policy.
    for (int i = 0; i < tabs_->count(); ++i) {
        QWidget* page = tabs_->widget(i);
        const QVariant own = page->property(kOwnSizePolicy);
        if (!own.isValid())
            page->setProperty(kOwnSizePolicy, QVariant::fromValue(page->sizePolicy()));
        page->setSizePolicy(i == tabs_->currentIndex()
                                ? page->property(kOwnSizePolicy).value<QSizePolicy>()
                                : QSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored));
    }
}

void MainWindow::showEvent(QShowEvent* event) {
    QMainWindow::showEvent(event);
    // The docks have no geometry to resize before the window first shows. The palette gets the
    // width of its widest label; a saved layout is the user's and stays as it was.
    if (std::exchange(defaultDockSizes_, false)) {
        auto* paletteDock = findChild<QDockWidget*>(QStringLiteral("paletteDock"));
        auto* propertiesDock = findChild<QDockWidget*>(QStringLiteral("propertiesDock"));
        resizeDocks({paletteDock, propertiesDock}, {palette_->sizeHint().width(), 330},
                    Qt::Horizontal);
        resizeDocks({issuesDock_}, {90}, Qt::Vertical);
    }
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    if (autosave_)
        autosave_->remove();  // a clean exit: nothing to offer on the next start
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile() && url.toLocalFile().endsWith(QLatin1String(".json"))) {
            event->acceptProposedAction();
            return;
        }
}

void MainWindow::dropEvent(QDropEvent* event) {
    for (const QUrl& url : event->mimeData()->urls()) {
        if (url.isLocalFile() && url.toLocalFile().endsWith(QLatin1String(".json"))) {
            event->acceptProposedAction();
            if (maybeSave())
                openFile(url.toLocalFile());
            return;
        }
    }
}

}  // namespace rx
