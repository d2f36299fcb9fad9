#include "main_window.h"

#include "app_resources.h"
#include "block_palette.h"
#include "dataset_view.h"
#include "edits.h"
#include "predictions_view.h"
#include "presets.h"
#include "properties_panel.h"
#include "runs_model.h"
#include "runs_panel.h"
#include "spec_json.h"
#include "training_dashboard.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMimeData>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QUndoCommand>
#include <QUndoStack>

#include <utility>

namespace rx {

namespace {

constexpr int kMaxRecent = 8;
constexpr const char* kOwnSizePolicy = "rxOwnSizePolicy";  // a tab page's policy when shown

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
    tabs_->addTab(canvas_, tr("Builder"));
    dashboard_ = new TrainingDashboard(tabs_);
    tabs_->addTab(dashboard_, tr("Training"));
    datasetView_ = new DatasetView(tabs_);
    tabs_->addTab(datasetView_, tr("Dataset"));
    predictionsView_ = new PredictionsView(dashboard_->runsModel(), tabs_);
    tabs_->addTab(predictionsView_, tr("Predictions"));
    connect(dashboard_->runsPanel(), &RunsPanel::predictionsRequested, this,
            [this](const QString& id) {
                tabs_->setCurrentWidget(predictionsView_);
                predictionsView_->showRun(dashboard_->runsModel()->path(id));
            });
    setCentralWidget(tabs_);

    palette_ = new BlockPalette(this);
    auto* paletteDock = new QDockWidget(tr("Palette"), this);
    paletteDock->setObjectName(QStringLiteral("paletteDock"));
    paletteDock->setWidget(palette_);
    addDockWidget(Qt::LeftDockWidgetArea, paletteDock);

    properties_ = new PropertiesPanel(this);
    auto* propertiesDock = new QDockWidget(tr("Properties"), this);
    propertiesDock->setObjectName(QStringLiteral("propertiesDock"));
    propertiesDock->setWidget(properties_);
    addDockWidget(Qt::RightDockWidgetArea, propertiesDock);

    issues_ = new QListWidget(this);
    issues_->setObjectName(QStringLiteral("issues"));
    auto* issuesDock = issuesDock_ = new QDockWidget(tr("Issues"), this);
    issuesDock->setObjectName(QStringLiteral("issuesDock"));
    issuesDock->setWidget(issues_);
    addDockWidget(Qt::BottomDockWidgetArea, issuesDock);
    // The user's own choices: the dock's close button and the View menu's toggle.
    issuesDock->installEventFilter(this);
    connect(issuesDock->toggleViewAction(), &QAction::triggered, this,
            [this](bool checked) { issuesWanted_ = checked; });

    auto* runsDock = new QDockWidget(tr("Runs"), this);
    runsDock->setObjectName(QStringLiteral("runsDock"));
    runsDock->setWidget(dashboard_->runsPanel());
    addDockWidget(Qt::RightDockWidgetArea, runsDock);
    tabifyDockWidget(propertiesDock, runsDock);
    propertiesDock->raise();
    connect(dashboard_, &TrainingDashboard::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    connect(dashboard_, &TrainingDashboard::runStarted, this, [runsDock] { runsDock->raise(); });
    connect(tabs_, &QTabWidget::currentChanged, this,
            [this, runsDock, propertiesDock, paletteDock](int index) {
                (index == 0 ? propertiesDock : runsDock)->raise();  // runs: Training, Predictions
                paletteDock->setVisible(index == 0);
                showIssuesDock();
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
    loadSpec(*preset(QStringLiteral("resnet-20")));
}

void MainWindow::buildActions() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New"), QKeySequence::New, this, [this] {
        if (maybeSave())
            loadSpec(*preset(QStringLiteral("resnet-20")));
    });
    file->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::open);
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    file->addAction(tr("&Save"), QKeySequence::Save, this, &MainWindow::save);
    file->addAction(tr("Save &As…"), QKeySequence::SaveAs, this, &MainWindow::saveAs);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    updateRecentMenu();

    QMenu* editMenu = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = undo_->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = undo_->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence::Redo});
    editMenu->addAction(undo);
    editMenu->addAction(redo);
    editMenu->addSeparator();
    QAction* del = editMenu->addAction(tr("&Delete"), QKeySequence::Delete, this,
                                       &MainWindow::deleteSelection);
    del->setObjectName(QStringLiteral("delete"));
    QAction* dup = editMenu->addAction(tr("D&uplicate"), QKeySequence(Qt::CTRL | Qt::Key_D), this,
                                       &MainWindow::duplicateSelection);
    dup->setObjectName(QStringLiteral("duplicate"));
    editMenu->addAction(tr("Move Stage &Up"), QKeySequence(Qt::ALT | Qt::Key_Up), this,
                        [this] { moveSelectedStage(-1); });
    editMenu->addAction(tr("Move Stage Do&wn"), QKeySequence(Qt::ALT | Qt::Key_Down), this,
                        [this] { moveSelectedStage(+1); });
    editMenu->addSeparator();
    QAction* toggle = editMenu->addAction(
        tr("&Plain ↔ Residual"), QKeySequence(Qt::CTRL | Qt::Key_R), this,
        [this] { edit(edits::togglePlainResidual(spec_), tr("Plain ↔ residual")); });
    toggle->setObjectName(QStringLiteral("togglePlainResidual"));
    toggle->setToolTip(tr("Turn the network into its plain or residual counterpart"));

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("Zoom &In"), QKeySequence::ZoomIn, canvas_, &NetworkCanvas::zoomIn);
    view->addAction(tr("Zoom &Out"), QKeySequence::ZoomOut, canvas_, &NetworkCanvas::zoomOut);
    QAction* fit = view->addAction(tr("&Fit to Window"), QKeySequence(Qt::CTRL | Qt::Key_0),
                                   canvas_, &NetworkCanvas::fitToWindow);
    fit->setObjectName(QStringLiteral("fit"));
    view->addAction(tr("&Collapse or Expand Stage"), QKeySequence(Qt::Key_Space), this, [this] {
        const CanvasRef ref = canvas_->selection();
        if (ref.stage >= 0)
            canvas_->setCollapsed(ref.stage, !canvas_->isCollapsed(ref.stage));
    });
    view->addSeparator();
    for (QDockWidget* dock : findChildren<QDockWidget*>())
        view->addAction(dock->toggleViewAction());

    QMenu* presets = menuBar()->addMenu(tr("&Presets"));
    for (const QString& name : presetNames()) {
        QAction* action = presets->addAction(name);
        action->setObjectName(QStringLiteral("preset:") + name);
        action->setStatusTip(preset(name)->description);
        connect(action, &QAction::triggered, this, [this, name] { loadPreset(name); });
    }
    presets->setToolTipsVisible(true);
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
    issuesDock_->setVisible(issuesWanted_ && tabs_->currentIndex() == 0);
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event) {
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
