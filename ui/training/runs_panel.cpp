#include "runs_panel.h"

#include "background.h"
#include "runs_model.h"

#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QThread>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>

namespace rx {

ExportTarget exportTarget(const QString& path, const QString& selectedFilter) {
    const ExportFormat format =
        exportFormatForFilter(selectedFilter)
            .value_or(exportFormatForPath(path).value_or(exportFormats().front().format));
    ExportTarget target{path, format};
    if (QFileInfo(path).suffix().isEmpty())
        target.path += QLatin1String(exportFormatInfo(format).suffix);
    return target;
}

RunsPanel::RunsPanel(RunsModel* model, QWidget* parent) : QWidget(parent), model_(model) {
    setObjectName(QStringLiteral("runsPanel"));
    auto* v = new QVBoxLayout(this);
    v->setContentsMargins(2, 2, 2, 2);
    folderLabel_ = new QLabel(this);
    folderLabel_->setObjectName(QStringLiteral("runsFolder"));
    folderLabel_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);  // no wider dock
    folderLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    v->addWidget(folderLabel_);
    view_ = new QTreeView(this);
    view_->setObjectName(QStringLiteral("runs"));
    view_->setModel(model);
    view_->setRootIsDecorated(false);
    view_->setUniformRowHeights(true);
    // The name gets what state and best error leave: a narrow dock must not cut run names.
    view_->header()->setStretchLastSection(false);
    view_->header()->setSectionResizeMode(RunsModel::NameColumn, QHeaderView::Stretch);
    view_->header()->setSectionResizeMode(RunsModel::StateColumn, QHeaderView::ResizeToContents);
    view_->header()->setSectionResizeMode(RunsModel::BestColumn, QHeaderView::ResizeToContents);
    texts_.add(view_, "toolTip", QT_TR_NOOP("Tick runs to overlay them on every plot."));
    view_->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(view_, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        const QString id = model_->idAt(view_->indexAt(pos));
        if (id.isEmpty())
            return;
        view_->setCurrentIndex(view_->indexAt(pos));  // Rename, Delete and Export act on it
        QMenu menu(this);
        QAction* resume = menu.addAction(tr("Resume training"));
        resume->setEnabled(isResumable(model_->state(id).value_or(RunState::Finished)));
        connect(resume, &QAction::triggered, this, [this, id] { Q_EMIT resumeRequested(id); });
        connect(menu.addAction(tr("Show predictions")), &QAction::triggered, this,
                [this, id] { Q_EMIT predictionsRequested(id); });
        menu.addSeparator();
        connect(menu.addAction(tr("Rename…")), &QAction::triggered, this, &RunsPanel::rename);
        connect(menu.addAction(tr("Export weights…")), &QAction::triggered, this,
                &RunsPanel::exportWithDialog);
        connect(menu.addAction(tr("Delete…")), &QAction::triggered, this, &RunsPanel::remove);
        menu.exec(view_->viewport()->mapToGlobal(pos));
    });
    v->addWidget(view_);
    auto* grid = new QGridLayout;
    auto button = [this, grid](const char* text, int row, int column, auto slot) {
        auto* b = texts_.add(new QPushButton(this), "text", text);
        grid->addWidget(b, row, column);
        connect(b, &QPushButton::clicked, this, slot);
    };
    button(QT_TR_NOOP("Rename…"), 0, 0, &RunsPanel::rename);
    button(QT_TR_NOOP("Delete…"), 0, 1, &RunsPanel::remove);
    button(QT_TR_NOOP("Export weights…"), 1, 0, &RunsPanel::exportWithDialog);
    // The list follows its folder by itself (the dashboard rescans it every second): the
    // button picks another folder, a shared one where another machine's run is written say.
    button(QT_TR_NOOP("Runs folder…"), 1, 1, &RunsPanel::chooseFolder);
    v->addLayout(grid);
}

void RunsPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void RunsPanel::retranslateUi() {
    texts_.retranslate();
    model_->retranslate();
    elideFolder();
}

void RunsPanel::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    elideFolder();
}

void RunsPanel::showFolder(const QString& dir) {
    folder_ = dir;
    elideFolder();
}

void RunsPanel::elideFolder() {
    const QString path = QDir::toNativeSeparators(folder_);
    folderLabel_->setText(folderLabel_->fontMetrics().elidedText(
        path, Qt::ElideMiddle, std::max(40, folderLabel_->width())));
    folderLabel_->setToolTip(tr("The runs folder: %1").arg(path));
}

QString RunsPanel::currentRun() const {
    return model_->idAt(view_->currentIndex());
}

void RunsPanel::chooseFolder() {
    const QString dir =
        QFileDialog::getExistingDirectory(this, tr("Runs folder"), model_->directory());
    if (!dir.isEmpty())
        Q_EMIT folderChosen(dir);
}

void RunsPanel::rename() {
    const QString id = currentRun();
    if (id.isEmpty())
        return;
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Rename run"), tr("New name"), QLineEdit::Normal, id, &ok);
    QString error;
    if (ok && !name.isEmpty() && !model_->renameRun(id, name, &error))
        QMessageBox::warning(this, tr("Cannot rename"), error);
}

void RunsPanel::remove() {
    const QString id = currentRun();
    if (id.isEmpty())
        return;
    if (QMessageBox::question(this, tr("Delete run"),
                              tr("Delete the run %1 and all its files?").arg(id)) !=
        QMessageBox::Yes)
        return;
    QString error;
    if (!model_->deleteRun(id, &error))
        QMessageBox::warning(this, tr("Cannot delete"), error);
}

void RunsPanel::exportWithDialog() {
    const QString id = currentRun();
    if (id.isEmpty())
        return;
    QString filter;
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export weights"), id, exportFilters(), &filter);
    if (path.isEmpty())
        return;
    const QString written = exportTarget(path, filter).path;
    exportRunAs(id, path, filter, [this, written](const QString& error) {
        if (error.isEmpty())
            Q_EMIT message(tr("Exported %1").arg(written));
        else
            QMessageBox::warning(this, tr("Export failed"), error);
    });
}

QString RunsPanel::exportRunAs(const QString& id, const QString& path,
                               const QString& selectedFilter,
                               std::function<void(const QString&)> done) {
    const ExportTarget target = exportTarget(path, selectedFilter);
    exportRun(id, target.path, target.format, std::move(done));
    return target.path;
}

void RunsPanel::exportRun(const QString& id, const QString& path, ExportFormat format,
                          std::function<void(const QString&)> done) {
    auto error = std::make_shared<QString>();
    const QString source = model_->path(id);
    auto* thread = QThread::create([source, path, format, error] {
        workInBackground();
        exportWeights(source, format, path, error.get());
    });
    connect(thread, &QThread::finished, this, [thread, error, done] {
        thread->deleteLater();
        done(*error);
    });
    thread->start();
}

}  // namespace rx
