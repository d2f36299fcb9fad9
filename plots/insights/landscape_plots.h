// The loss landscape's plots (Li et al. 2018): the 2-D colour map of the training loss around the
// trained weights with contour lines, and the 1-D slices through them. Two runs side by side share
// one colour scale and one set of contour levels (setScaleRange), so their basins compare at a
// glance. No torch here.
#pragma once

#include "landscape.h"
#include "plot_base.h"

namespace rx {

// The loss range a view shows for `landscapes`: the lowest loss up to the highest, clipped at
// kLandscapeMaxShownLoss (the paper's contour plots stop at 10) so that a plain net's cliffs do
// not wash out the basins; higher losses take the top colour. Missing points (NaN) are skipped.
inline constexpr double kLandscapeMaxShownLoss = 10.0;
inline constexpr int kLandscapeContourLevels = 12;
QCPRange landscapeLossRange(const QVector<const Landscape*>& landscapes);

class LandscapeMapPlot : public PlotBase {
    Q_OBJECT

public:
    explicit LandscapeMapPlot(QWidget* parent = nullptr);

    // Grid points not computed yet are NaN (drawn transparent, no contour through them).
    void setLandscape(const Landscape& landscape, const QString& title);
    void clearLandscape();
    const Landscape& landscape() const { return landscape_; }
    bool hasLandscape() const { return landscape_.grid > 0; }
    // The colour scale's loss range (log scale) and the contour levels spaced evenly in it.
    void setScaleRange(const QCPRange& range);
    QCPRange scaleRange() const { return range_; }
    QVector<double> levels() const { return levels_; }
    // The contour lines drawn, one curve per polyline (tests read them).
    QVector<QCPCurve*> contourCurves() const { return contours_; }
    QString title() const;

    // alpha,beta,loss,error per grid point.
    QString csv() const override;

public Q_SLOTS:
    void resetView() override;

protected:
    void retranslateUi() override;
    QString tooltipAt(const QPoint& pos) const override;

private:
    void redraw();

    Landscape landscape_;
    QCPRange range_{0.1, 10};
    QVector<double> levels_;
    QCPColorMap* map_;
    QCPColorScale* scale_;
    QCPTextElement* title_;
    QCPGraph* centre_;
    QVector<QCPCurve*> contours_;
};

class LandscapeSlicePlot : public PlotBase {
    Q_OBJECT

public:
    explicit LandscapeSlicePlot(QWidget* parent = nullptr);

    void setLandscape(const Landscape& landscape);
    void clearLandscape();
    void setLossRange(const QCPRange& range);  // shared by both runs' slices
    QCPGraph* alphaGraph() const { return alpha_; }
    QCPGraph* betaGraph() const { return beta_; }

    // coordinate,loss_along_d1,loss_along_d2.
    QString csv() const override;

public Q_SLOTS:
    void resetView() override;

protected:
    void retranslateUi() override;

private:
    Landscape landscape_;
    QCPRange range_{0.1, 10};
    QCPGraph* alpha_;
    QCPGraph* beta_;
};

}  // namespace rx
