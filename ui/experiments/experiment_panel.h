// The Experiments panel (a dock beside the Training tab): pick one of the paper's experiments
// (training/experiments.h), read what to look for, choose the quick CPU variant or the paper's
// full recipe (each with its time on this machine, estimated from a measured training step), and
// start it. Its runs train one after another through an ExperimentRunner and show live on the
// dashboard's plots, overlaid; the table puts the measured errors beside the paper's. An
// experiment folder can be opened again (File ▸ Open Experiment), and resumed if it stopped.
#pragma once

#include "experiments.h"

#include <QWidget>

#include <functional>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace rx {

class TrainingDashboard;

class ExperimentPanel : public QWidget {
    Q_OBJECT

public:
    explicit ExperimentPanel(TrainingDashboard* dashboard, QWidget* parent = nullptr);
    ~ExperimentPanel() override;  // stops a running experiment and waits for its run

    void selectExperiment(const QString& id);
    QString selectedExperiment() const;
    void setQuick(bool quick);
    bool isQuick() const;
    // Where Start makes the experiment's folder (default AppDataLocation/experiments).
    void setExperimentsDirectory(const QString& dir) { root_ = dir; }
    // Changes every plan before it runs (tests and demos shrink the runs with it).
    void setPlanAdjustment(std::function<void(ExperimentPlan*)> adjust) {
        adjust_ = std::move(adjust);
    }

    // Starts the selected experiment in a new folder; false with a message (also shown).
    bool startExperiment(QString* error = nullptr);
    // Shows an experiment folder: its explanation, results and runs (overlaid on the plots).
    bool openFolder(const QString& dir, QString* error = nullptr);
    // Continues the open folder's experiment where it stopped.
    bool resumeExperiment(QString* error = nullptr);
    void stopExperiment();
    // Back to the ordinary runs folder.
    void closeFolder();

    bool isRunning() const { return runner_ && runner_->isRunning(); }
    QString folder() const { return dir_; }
    QTableWidget* table() const { return table_; }
    QLabel* explanation() const { return explanation_; }
    QLabel* estimate() const { return estimate_; }
    QLabel* recipe() const { return recipe_; }
    // Presentation mode: the explanation and the table stay; the quick recipe's details and the
    // folder (small print a class need not read) step aside for them.
    void setPresentation(bool on);
    // The measured cost of a training step (seconds per MAC), or < 0 while it is measured.
    double secondsPerMac() const { return secondsPerMac_; }
    void setSecondsPerMac(double seconds, const QString& device);

Q_SIGNALS:
    void message(const QString& text);
    void runningChanged(bool running);

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void retranslateUi();
    // The title and explanation fonts, larger than the application font (which they follow).
    void applyFonts();
    void updateTexts();  // explanation, recipe and estimate of the selection
    void updateTable();  // from the open folder's state, or the plan of the selection
    void updateButtons();
    bool run(ExperimentPlan plan, bool resume, QString* error);
    void measureStep();
    bool fail(const QString& text, QString* error);

    TrainingDashboard* dashboard_;
    QComboBox* combo_;
    QCheckBox* quick_;
    QLabel* title_;
    QLabel* explanation_;
    QLabel* recipe_;
    QLabel* estimate_;
    QLabel* folderLabel_;
    QTableWidget* table_;
    QPushButton* start_;
    QPushButton* resume_;
    QPushButton* stop_;
    QPushButton* close_;
    QString root_;
    QString dir_;         // the open or running experiment's folder, empty when none
    QString runsBefore_;  // the dashboard's runs folder before an experiment's was shown
    std::unique_ptr<ExperimentRunner> runner_;
    std::function<void(ExperimentPlan*)> adjust_;
    double secondsPerMac_ = -1;
    QString device_;
    class QThread* measurement_ = nullptr;  // the step measurement while it runs
};

}  // namespace rx
