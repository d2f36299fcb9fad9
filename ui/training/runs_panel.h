// The runs list as a panel (the main window docks it): a tree view on RunsModel, and Rename,
// Delete, Export weights and Runs folder, and a context menu that also offers Show predictions.
// Export loads LibTorch, so it runs in a worker thread. No torch here.
#pragma once

#include "export.h"
#include "language.h"

#include <QWidget>

#include <functional>

class QLabel;
class QTreeView;

namespace rx {

class RunsModel;

// What the export dialog's answer means: the format is the selected filter's (or, for a filter
// it does not know, the typed suffix's, else the table's first), and a name typed without a
// suffix gets the format's.
struct ExportTarget {
    QString path;
    ExportFormat format;
};
ExportTarget exportTarget(const QString& path, const QString& selectedFilter);

class RunsPanel : public QWidget {
    Q_OBJECT

public:
    explicit RunsPanel(RunsModel* model, QWidget* parent = nullptr);

    QTreeView* view() const { return view_; }
    QString currentRun() const;
    // The folder the list shows, above it (elided in the middle, the whole path as tooltip).
    void showFolder(const QString& dir);
    QString shownFolder() const { return folder_; }

    // Exports `id`'s checkpoint in a worker thread; `done` gets an error or nothing, on this
    // object's thread.
    void exportRun(const QString& id, const QString& path, ExportFormat format,
                   std::function<void(const QString& error)> done);
    // What the export dialog does with its answer (see exportTarget); returns the path written.
    QString exportRunAs(const QString& id, const QString& path, const QString& selectedFilter,
                        std::function<void(const QString& error)> done);

Q_SIGNALS:
    void message(const QString& text);
    // The context menu's "Show predictions" on a run (the main window opens the Predictions tab).
    void predictionsRequested(const QString& id);
    // The context menu's "Resume training" on a stopped, failed or interrupted run.
    void resumeRequested(const QString& id);
    // The user chose another runs folder (the "Runs folder…" button's dialog).
    void folderChosen(const QString& dir);

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void retranslateUi();
    void rename();
    void remove();
    void exportWithDialog();
    void chooseFolder();
    void elideFolder();

    RunsModel* model_;
    QTreeView* view_;
    QLabel* folderLabel_;
    QString folder_;
    TranslatedTexts texts_{staticMetaObject.className()};
};

}  // namespace rx
