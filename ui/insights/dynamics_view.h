// The Insights tab's block dynamics: two runs side by side (a plain net on the left, a residual
// one on the right when the runs list has them), each with its blocks' residual ratio
// ‖F(x)‖ / ‖x‖ and the norm of the loss gradient at each block's output over training
// (plots/insights/dynamics_plots.h), read from the run's metrics.jsonl, and what to look for.
// The runs are read again each time the view shows, so a run still training grows.
// `resnet-explorer-cli analyze dynamics` writes the same data to RUN_DIR/dynamics.json. No torch.
#pragma once

#include "dynamics.h"

#include <QWidget>

#include <array>
#include <optional>

class QComboBox;
class QLabel;
class QTextBrowser;

namespace rx {

class BlockHistoryPlot;
class RunsModel;

class DynamicsView : public QWidget {
    Q_OBJECT

public:
    static constexpr int kSides = 2;

    // `runs` (may be null) fills the run boxes: the Training tab's runs list.
    explicit DynamicsView(RunsModel* runs, QWidget* parent = nullptr);

    // Shows a run folder on one side (reads its metrics.jsonl).
    void showRun(int side, const QString& runDir);
    QString run(int side) const { return sides_[side].run; }
    const std::optional<BlockHistory>& history(int side) const { return sides_[side].history; }
    QString errorText(int side) const { return sides_[side].error; }

    BlockHistoryPlot* ratioPlot(int side) const { return sides_[side].ratio; }
    BlockHistoryPlot* gradientPlot(int side) const { return sides_[side].gradient; }
    QComboBox* runBox(int side) const { return sides_[side].runBox; }
    QLabel* statusLabel(int side) const { return sides_[side].status; }
    QTextBrowser* explanation() const { return explanation_; }

protected:
    void changeEvent(QEvent* event) override;
    // Reads the shown runs again; the first time, picks a plain run left and a residual right.
    void showEvent(QShowEvent* event) override;

private:
    struct Side {
        QString run;
        std::optional<BlockHistory> history;
        QString error;
        QLabel* title = nullptr;
        QComboBox* runBox = nullptr;
        QLabel* status = nullptr;
        BlockHistoryPlot* ratio = nullptr;
        BlockHistoryPlot* gradient = nullptr;
    };
    void retranslateUi();
    // Shows what was read of a run: its history, or why there is none.
    void display(int side, const QString& runDir, const std::optional<BlockHistory>& history,
                 const QString& error);
    void refillRuns();
    void updateTexts();

    RunsModel* runs_;
    bool shownBefore_ = false;
    std::array<Side, kSides> sides_;
    QTextBrowser* explanation_;
};

}  // namespace rx
