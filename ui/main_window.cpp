#include "main_window.h"

#include "analysis.h"
#include "presets.h"
#include "spec_json.h"

#include <QApplication>
#include <QDockWidget>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTreeWidget>

namespace rx {

namespace {
enum Column { NameColumn, OutputColumn, ParamsColumn, MacsColumn };
}

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    tree_ = new QTreeWidget(this);
    tree_->setHeaderLabels({tr("Layer"), tr("Output"), tr("Parameters"), tr("MACs")});
    tree_->header()->setStretchLastSection(false);
    tree_->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    tree_->setAlternatingRowColors(true);
    setCentralWidget(tree_);

    issues_ = new QListWidget(this);
    auto* dock = new QDockWidget(tr("Issues"), this);
    dock->setObjectName(QStringLiteral("issuesDock"));
    dock->setWidget(issues_);
    addDockWidget(Qt::BottomDockWidgetArea, dock);

    summary_ = new QLabel(this);
    statusBar()->addPermanentWidget(summary_);
    buildMenus();
    resize(1100, 720);
    setSpec(*preset(QStringLiteral("resnet-20")));
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::open);
    file->addAction(tr("Save &As…"), QKeySequence::SaveAs, this, &MainWindow::saveAs);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::closeAllWindows);
    QMenu* presets = menuBar()->addMenu(tr("&Presets"));
    for (const QString& name : presetNames()) {
        QAction* action = presets->addAction(name);
        action->setObjectName(QStringLiteral("preset:") + name);
        action->setToolTip(preset(name)->description);
        connect(action, &QAction::triggered, this, [this, name] { loadPreset(name); });
    }
}

void MainWindow::setSpec(const NetworkSpec& spec) {
    spec_ = spec;
    refresh();
}

QString MainWindow::statusText() const {
    return summary_->text();
}

void MainWindow::refresh() {
    const Analysis a = analyze(spec_);
    const QString title = filePath_.isEmpty() ? spec_.name : filePath_;
    setWindowTitle(tr("%1 — ResNet Explorer").arg(title));

    issues_->clear();
    for (const QString& message : a.errorMessages())
        issues_->addItem(message);

    tree_->clear();
    if (a.ok()) {
        summary_->setText(tr("depth %1 · %2 parameters · %3 MACs")
                              .arg(a.depth)
                              .arg(groupedNumber(a.params), shortNumber(a.macs)));
    } else {
        summary_->setText(
            tr("invalid network: %n problem(s)", nullptr, static_cast<int>(a.errors.size())));
        return;
    }
    auto addRow = [](QTreeWidgetItem* item, const QString& name, const Shape& output,
                     std::int64_t params, std::int64_t macs) {
        item->setText(NameColumn, name);
        item->setText(OutputColumn, shapeText(output));
        item->setText(ParamsColumn, groupedNumber(params));
        item->setText(MacsColumn, groupedNumber(macs));
        item->setTextAlignment(ParamsColumn, Qt::AlignRight | Qt::AlignVCenter);
        item->setTextAlignment(MacsColumn, Qt::AlignRight | Qt::AlignVCenter);
    };
    QTreeWidgetItem* stageItem = nullptr;
    for (const BlockInfo& block : a.blocks) {
        QTreeWidgetItem* item = nullptr;
        QString name;
        switch (block.role) {
            case BlockInfo::Role::Stem:
                item = new QTreeWidgetItem(tree_);
                name = tr("stem");
                break;
            case BlockInfo::Role::Head:
                item = new QTreeWidgetItem(tree_);
                name = tr("head");
                break;
            case BlockInfo::Role::Block: {
                if (block.block == 0) {
                    const StageSummary& s = a.stages[block.stage];
                    stageItem = new QTreeWidgetItem(tree_);
                    addRow(stageItem,
                           tr("stage %1: %2 × %3")
                               .arg(s.stage + 1)
                               .arg(s.blocks)
                               .arg(QCoreApplication::translate("BlockKind",
                                                                blockKindInfo(s.kind).label)),
                           s.output, s.params, s.macs);
                    stageItem->setExpanded(s.blocks <= 9);
                }
                item = new QTreeWidgetItem(stageItem);
                name = block.name;
                break;
            }
        }
        addRow(item, name, block.output, block.params, block.macs);
        for (const LayerInfo& layer : block.layers) {
            auto* child = new QTreeWidgetItem(item);
            addRow(child, layer.text() + QStringLiteral("   ") + layer.name, layer.output,
                   layer.params, layer.macs);
        }
    }
    for (int c = OutputColumn; c <= MacsColumn; ++c)
        tree_->resizeColumnToContents(c);
}

void MainWindow::loadPreset(const QString& name) {
    filePath_.clear();
    setSpec(*preset(name));
}

bool MainWindow::openFile(const QString& path) {
    NetworkSpec spec;
    QString error;
    if (!loadSpecFile(path, &spec, &error)) {
        QMessageBox::warning(this, tr("Cannot open network"), error);
        return false;
    }
    filePath_ = path;
    setSpec(spec);
    return true;
}

bool MainWindow::saveFile(const QString& path) {
    QString error;
    if (!saveSpecFile(path, spec_, &error)) {
        QMessageBox::warning(this, tr("Cannot save network"), error);
        return false;
    }
    filePath_ = path;
    refresh();
    return true;
}

void MainWindow::open() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open network"), QString(),
                                                      tr("Networks (*.resnet.json *.json)"));
    if (!path.isEmpty())
        openFile(path);
}

void MainWindow::saveAs() {
    QString path = QFileDialog::getSaveFileName(this, tr("Save network"), spec_.name,
                                                tr("Networks (*.resnet.json)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(kSpecFileSuffix)))
        path += QLatin1String(kSpecFileSuffix);
    saveFile(path);
}

}  // namespace rx
