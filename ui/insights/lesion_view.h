// The Insights tab's lesion study (Veit, Wilber, Belongie 2016; training/lesion.h): two trained
// runs side by side (a plain net on the left, a residual one on the right when the runs list has
// them), each with the test error per removed block and against k random blocks removed
// (plots/insights/lesion_plots.h), and an explanation panel. A run's RUN_DIR/lesion.json (from
// `analyze lesion` or an earlier computation here) is shown at once; Compute runs the study in a
// worker thread with progress, Cancel stops it, and the result is written to the run folder.
// Choosing another run, or closing, cancels a computation. No torch here.
#pragma once

#include "lesion.h"

#include <QWidget>

#include <array>
#include <atomic>
#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTextBrowser;
class QTimer;

namespace rx {

class LesionBlockPlot;
class LesionRandomPlot;
class RunsModel;

class LesionView : public QWidget {
    Q_OBJECT

public:
    static constexpr int kSides = 2;  // left and right

    // `runs` (may be null) fills the run boxes: the Training tab's runs list.
    explicit LesionView(RunsModel* runs, QWidget* parent = nullptr);
    // Cancels running computations and waits for their threads.
    ~LesionView() override;

    void setDataDirectory(const QString& dir) { dataDir_ = dir; }
    QString dataDirectory() const { return dataDir_; }
    // Test images a computation evaluates (the spin box).
    void setImages(int images);
    int images() const;
    void setTrials(int trials) { trials_ = trials; }

    // Shows a run folder on one side: its lesion.json when it has one, else what to do.
    void showRun(int side, const QString& runDir);
    QString run(int side) const { return sides_[side].run; }
    // Computes the study of the side's run in a worker thread (the Compute button).
    void compute(int side);
    void cancel(int side);
    bool isComputing(int side) const { return sides_[side].job != nullptr; }
    // Whether a worker thread still runs (a cancelled one until its next batch).
    bool isBusy() const { return !threads_.isEmpty(); }
    const std::optional<LesionStudy>& study(int side) const { return sides_[side].study; }
    QString errorText(int side) const { return sides_[side].error; }

    LesionBlockPlot* blockPlot(int side) const { return sides_[side].blocks; }
    LesionRandomPlot* randomPlot(int side) const { return sides_[side].random; }
    QComboBox* runBox(int side) const { return sides_[side].runBox; }
    QPushButton* computeButton(int side) const { return sides_[side].compute; }
    QLabel* statusLabel(int side) const { return sides_[side].status; }
    QProgressBar* progressBar(int side) const { return sides_[side].progress; }
    QTextBrowser* explanation() const { return explanation_; }

Q_SIGNALS:
    // A side shows a new study, or its computation failed or was cancelled (errorText).
    void sideChanged(int side);

protected:
    void changeEvent(QEvent* event) override;
    // The first time it shows with no runs chosen: a plain run left, a residual one right.
    void showEvent(QShowEvent* event) override;

private:
    struct Job {
        QString run;
        LesionOptions options;
        std::atomic<bool> stop{false};
        std::atomic<qint64> done{0}, total{0};
        bool ok = false;
        QString error;
        LesionStudy study;
    };
    struct Side {
        QString run;
        std::optional<LesionStudy> study;
        QString error;
        QString note;  // how the study came (read from the folder, computed in N s)
        std::shared_ptr<Job> job;
        QLabel* title = nullptr;
        QComboBox* runBox = nullptr;
        QPushButton* compute = nullptr;
        QLabel* status = nullptr;
        QProgressBar* progress = nullptr;
        LesionBlockPlot* blocks = nullptr;
        LesionRandomPlot* random = nullptr;
    };
    void retranslateUi();
    void refillRuns();
    void finished(int side, const std::shared_ptr<Job>& job);
    void draw(int side);
    void updateStatus();

    RunsModel* runs_;
    QString dataDir_;
    int trials_ = kLesionDefaultTrials;
    bool shownBefore_ = false;
    std::array<Side, kSides> sides_;
    QList<QThread*> threads_;
    QLabel* imagesLabel_;
    QSpinBox* images_;
    QTextBrowser* explanation_;
    QTimer* progressTimer_;
};

}  // namespace rx
