// The lesion study's two plots (Veit et al. 2016, Figs. 3 and 5; training/lesion.h), one study
// each, on a fixed 0–100 % error axis so that two nets side by side compare at a glance, with the
// error of the whole net and chance (90 %) as reference lines:
//   LesionBlockPlot   the test error with each block left out, one bar per block (downsampling
//                     blocks darker; plain blocks that change the shape hatched: not removable)
//   LesionRandomPlot  the test error with k random blocks left out, the mean over the subsets
//                     and their min–max band, k = 0 (nothing removed) … every removable block
// No torch here.
#pragma once

#include "lesion.h"
#include "plot_base.h"

#include <optional>

namespace rx {

// What both lesion plots share: the study shown, its colour, the reference lines and the
// fixed error axis.
class LesionPlot : public PlotBase {
    Q_OBJECT

public:
    explicit LesionPlot(QWidget* parent = nullptr);
    // Shows `study` in `color`; nullopt clears the plot.
    void setStudy(const std::optional<LesionStudy>& study, const QColor& color);
    const std::optional<LesionStudy>& study() const { return study_; }

public Q_SLOTS:
    void resetView() override;

protected:
    void retranslateUi() override;
    // Redraws the study's own data (the reference lines are drawn here).
    virtual void drawStudy() = 0;
    // The x range the study's data takes.
    virtual QCPRange keyRange() const = 0;
    QColor color() const { return color_; }

    QCPGraph* baseline_;
    QCPGraph* chance_;

private:
    std::optional<LesionStudy> study_;
    QColor color_;
};

class LesionBlockPlot : public LesionPlot {
    Q_OBJECT

public:
    explicit LesionBlockPlot(QWidget* parent = nullptr);
    QString csv() const override;
    // The block under `pos` (pixels), −1 when none.
    int blockAt(const QPoint& pos) const;
    // Bars drawn: removable blocks, of them downsampling, and blocks marked not removable.
    int removableBars() const;
    int notRemovableBars() const;

protected:
    void retranslateUi() override;
    void drawStudy() override;
    QCPRange keyRange() const override;
    QString tooltipAt(const QPoint& pos) const override;

private:
    QCPBars* kept_;          // the error with a shape-keeping block left out
    QCPBars* downsampling_;  // … with a downsampling block left out
    QCPBars* fixed_;         // a plain block that changes the shape: cannot be left out
};

class LesionRandomPlot : public LesionPlot {
    Q_OBJECT

public:
    explicit LesionRandomPlot(QWidget* parent = nullptr);
    QString csv() const override;
    int points() const { return mean_->dataCount(); }

protected:
    void retranslateUi() override;
    void drawStudy() override;
    QCPRange keyRange() const override;
    QString tooltipAt(const QPoint& pos) const override;

private:
    QCPGraph* min_;
    QCPGraph* max_;  // filled down to min_: the band
    QCPGraph* mean_;
};

}  // namespace rx
