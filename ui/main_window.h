// The main window: palette (left), canvas (centre), properties (right), issues (bottom), a
// status bar with depth, parameters and MACs. Every edit goes through a QUndoStack.
#pragma once

#include "analysis.h"
#include "language.h"
#include "network_canvas.h"
#include "spec.h"

#include <QFont>
#include <QMainWindow>
#include <QMessageBox>

#include <functional>
#include <optional>

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QListWidget;
class QMenu;
class QUndoStack;

namespace rx {

class Autosave;
struct AutosaveEntry;
class BlockPalette;
class ExperimentPanel;
class DatasetView;
class InsightsTab;
class PredictionsView;
class TrainingDashboard;
class PropertiesPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    const NetworkSpec& spec() const { return spec_; }
    const Analysis& analysis() const { return analysis_; }
    QString filePath() const { return filePath_; }
    bool isModified() const;

    // Replaces the network without undo history (New, Open, a preset).
    void loadSpec(const NetworkSpec& spec, const QString& path = {});
    // An undoable edit; nothing happens when `spec` equals the current one.
    void edit(const NetworkSpec& spec, const QString& description);
    bool openFile(const QString& path);
    bool saveFile(const QString& path);
    void loadPreset(const QString& name);
    // Inserts a palette item ("block:basic", "stem:imagenet", "stage", "head") at `target`.
    void insertFromPalette(const QString& payload, const DropTarget& target);

    NetworkCanvas* canvas() const { return canvas_; }
    BlockPalette* palette() const { return palette_; }
    PropertiesPanel* properties() const { return properties_; }
    TrainingDashboard* dashboard() const { return dashboard_; }
    // The Experiments panel with `id` selected (unless one runs or a folder is open), shown.
    void showExperiment(const QString& id);
    // File ▸ Open Experiment: shows the folder's experiment; a message box when it is not one.
    bool openExperiment(const QString& dir);
    // Hides the Experiment dock (as its close button does); the train form comes back.
    void closeExperiment();
    ExperimentPanel* experimentPanel() const { return experiments_; }
    QDockWidget* experimentDock() const { return experimentDock_; }
    void showTab(int index);  // 0 builder, 1 training, 2 dataset, 3 predictions, 4 insights
    DatasetView* datasetView() const { return datasetView_; }
    PredictionsView* predictionsView() const { return predictionsView_; }
    InsightsTab* insightsTab() const { return insightsTab_; }
    QListWidget* issuesView() const { return issues_; }
    QUndoStack* undoStack() const { return undo_; }
    QString statusText() const;
    QStringList recentFiles() const;

    // Asked before unsaved changes would be lost; tests replace the dialog.
    void setDiscardPrompt(std::function<QMessageBox::StandardButton()> prompt) {
        prompt_ = std::move(prompt);
    }

    // Autosaves the network into `folder` (Autosave::defaultFolder() in the app) while it has
    // unsaved changes, Autosave::kDelayMs after each edit, undo or redo; a clean close removes it.
    void startAutosave(const QString& folder);
    Autosave* autosave() const { return autosave_; }
    // Offers to restore the newest autosave of an instance that crashed or was killed (Restore
    // opens it as an unsaved document, Discard deletes it); unreadable ones are reported and
    // kept aside. Older ones stay for the next start. Needs startAutosave().
    void offerRestore();
    // What offerRestore() asks; tests answer instead of the dialog (true: restore). When
    // `canRestore` is false the text reports an unreadable autosave and the answer is ignored.
    struct RestoreQuestion {
        QString title, text;
        bool canRestore = true;
    };
    void setRestorePrompt(std::function<bool(const RestoreQuestion&)> prompt) {
        restorePrompt_ = std::move(prompt);
    }

    // Applies a spec without touching the undo stack (used by the undo commands).
    void applySpec(const NetworkSpec& spec, bool resetView = false);

    // Presentation mode (View ▸ Presentation, F11; Esc leaves): full screen, fonts, plots and the
    // canvas kPresentationScale× larger, only the demonstration's docks (kPresentationDocks: the
    // runs list and, when it exists, "experimentDock"). Leaving restores geometry, state, docks
    // and the font.
    void setPresentation(bool on);
    bool isPresentation() const { return normal_.has_value(); }
    static constexpr double kPresentationScale = 1.5;

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void buildActions();
    void buildLanguageMenu(QMenu* menu);
    // Every text of the window in the current language (constructor, QEvent::LanguageChange).
    void retranslateUi();
    void updateUndoTexts();
    // The docks the current tab shows: the palette on the builder, Issues when wanted there.
    void showTabDocks();
    void updateTitle();
    void scheduleAutosave();
    bool askRestore(const RestoreQuestion& question);
    void restore(const AutosaveEntry& entry);
    void updateRecentMenu();
    void addRecent(const QString& path);
    bool maybeSave();
    bool save();
    bool saveAs();
    void open();
    void deleteSelection();
    void duplicateSelection();
    void moveSelectedStage(int delta);
    // Fills the Issues list; the dock shows itself when issues appear and hides when they are
    // gone, and otherwise keeps what the user chose (closed by hand stays closed).
    void updateIssues();
    void showIssuesDock();
    void fitCentreToCurrentTab();
    void openExperimentDialog();
    void showExperimentDock();
    void setExperimentLayout(bool experiment);

    NetworkSpec spec_;
    Analysis analysis_;
    QString filePath_;
    QUndoStack* undo_;
    NetworkCanvas* canvas_;
    BlockPalette* palette_;
    PropertiesPanel* properties_;
    TrainingDashboard* dashboard_;
    DatasetView* datasetView_;
    PredictionsView* predictionsView_;
    InsightsTab* insightsTab_;
    class QTabWidget* tabs_;
    QListWidget* issues_;
    ExperimentPanel* experiments_;
    QDockWidget* experimentDock_;
    QDockWidget* issuesDock_;
    bool experimentWanted_ = false;  // the Experiment dock's visibility on the Training tab
    bool issuesWanted_ = false;      // the Issues dock's visibility on the Builder tab
    bool defaultDockSizes_ = false;  // no saved layout: size the docks when first shown
    std::optional<bool> hadIssues_;  // unset until the first analysis, which decides alone
    QLabel* summary_;
    QMenu* recentMenu_ = nullptr;
    QAction* undoAction_ = nullptr;
    QAction* redoAction_ = nullptr;
    QAction* presentationAction_ = nullptr;
    QActionGroup* languages_ = nullptr;
    TranslatedTexts texts_{staticMetaObject.className()};
    // What presentation mode changed, to put back when it ends; empty when not presenting.
    struct NormalView {
        QByteArray geometry, state;
        Qt::WindowStates windowState;
        QFont font;
    };
    std::optional<NormalView> normal_;
    std::function<QMessageBox::StandardButton()> prompt_;
    Autosave* autosave_ = nullptr;
    std::function<bool(const RestoreQuestion&)> restorePrompt_;
};

}  // namespace rx
