// The main window. For now it shows the network as a table of stages, blocks and layers; the
// architecture builder (canvas, palette, properties) replaces the central view.
#pragma once

#include "spec.h"

#include <QMainWindow>

class QTreeWidget;
class QListWidget;
class QLabel;

namespace rx {

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);

    const NetworkSpec& spec() const { return spec_; }
    void setSpec(const NetworkSpec& spec);
    bool openFile(const QString& path);
    bool saveFile(const QString& path);

    QTreeWidget* networkView() const { return tree_; }
    QListWidget* issuesView() const { return issues_; }
    QString statusText() const;

private Q_SLOTS:
    void open();
    void saveAs();
    void loadPreset(const QString& name);

private:
    void buildMenus();
    void refresh();

    NetworkSpec spec_;
    QString filePath_;
    QTreeWidget* tree_ = nullptr;
    QListWidget* issues_ = nullptr;
    QLabel* summary_ = nullptr;
};

}  // namespace rx
