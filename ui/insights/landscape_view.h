// The Insights tab's loss landscape (Li, Xu, Taylor, Studer & Goldstein 2018): two runs side by
// side (plain-56 against resnet-56 is the paper's picture), each with its 2-D colour map and
// contour lines around the trained weights and the 1-D slices through them, on one shared colour
// scale; the grid's settings; and what to look for. A run's landscape.json is shown when it is
// there; Compute makes one (training/landscape.h, in a worker thread, drawn as it grows from the
// centre) and writes it into the run folder; Cancel, another run or closing stops it. No torch.
#pragma once

#include "landscape.h"

#include <QWidget>

#include <array>
#include <memory>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTextBrowser;
class QTimer;

namespace rx {

class LandscapeMapPlot;
class LandscapeSlicePlot;
class RunsModel;

class LandscapeView : public QWidget {
    Q_OBJECT

public:
    static constexpr int kSides = 2;

    // `runs` (may be null) fills the run combos: the Training tab's runs list.
    explicit LandscapeView(RunsModel* runs, QWidget* parent = nullptr);
    // Cancels running computations and waits for their threads.
    ~LandscapeView() override;

    void setDataDirectory(const QString& dir) { dataDir_ = dir; }
    QString dataDirectory() const { return dataDir_; }
    // The settings' widgets' values as computation options (dataDir included).
    LandscapeOptions options() const;
    void setOptions(int grid, double range, int images, quint64 seed);

    // Shows side `side`'s run (a run folder): its landscape.json when there, else nothing yet.
    void showRun(int side, const QString& runDir);
    QString currentRun(int side) const;
    // Computes side `side`'s run with the current options (off the UI thread).
    void compute(int side);
    void cancel(int side);
    bool isComputing(int side) const;
    bool hasLandscape(int side) const;
    const Landscape& landscape(int side) const;
    QString errorText(int side) const;  // the last failure, empty when none
    // Worker threads not ended yet (a cancelled one ends at its next forward pass).
    int runningThreads() const { return int(threads_.size()); }

    LandscapeMapPlot* mapPlot(int side) const;
    LandscapeSlicePlot* slicePlot(int side) const;
    QPushButton* computeButton(int side) const;
    QComboBox* runBox(int side) const;
    QLabel* statusLabel(int side) const;
    QTextBrowser* explanation() const { return explanation_; }

Q_SIGNALS:
    // Side `side` shows a landscape, or its computation failed or was cancelled (errorText).
    void landscapeChanged(int side);

protected:
    void changeEvent(QEvent* event) override;
    // The first time it shows: a plain run on the left and a residual one on the right, if any.
    void showEvent(QShowEvent* event) override;

private:
    struct Job;
    struct Side;
    void retranslateUi();
    void refillRuns();
    void finished(int side, const std::shared_ptr<Job>& job);
    void pullPoints();
    void fail(int side, const QString& message);
    void shareScale();
    void updateStatus(int side);

    RunsModel* runs_;
    QString dataDir_;
    bool shownBefore_ = false;
    std::array<std::unique_ptr<Side>, kSides> sides_;
    QList<QThread*> threads_;
    QTimer* timer_;
    QLabel* gridLabel_;
    QSpinBox* grid_;
    QLabel* rangeLabel_;
    QDoubleSpinBox* range_;
    QLabel* imagesLabel_;
    QSpinBox* images_;
    QLabel* seedLabel_;
    QSpinBox* seed_;
    QTextBrowser* explanation_;
};

}  // namespace rx
