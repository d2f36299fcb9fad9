// The block dynamics view's plots (training/dynamics.h): one line per block over the training
// iterations, coloured by depth (dark purple for the first block, orange for the last), for the
// residual ratio ‖F(x)‖ / ‖x‖ (Jastrzębski et al. 2018, Fig. 2) or the norm of the loss gradient
// with respect to the block's output (log axis). The legend names each stage's first block; the
// tooltip names the nearest line's block. No torch here.
#pragma once

#include "dynamics.h"
#include "plot_base.h"

#include <optional>

namespace rx {

class BlockHistoryPlot : public PlotBase {
    Q_OBJECT

public:
    enum class Quantity { ResidualRatio, ActivationGradient };
    explicit BlockHistoryPlot(Quantity quantity, QWidget* parent = nullptr);

    // Shows `history`; nullopt clears the plot.
    void setHistory(const std::optional<BlockHistory>& history);
    const std::optional<BlockHistory>& history() const { return history_; }
    // Lines drawn (blocks with at least one finite value).
    int lines() const;
    // Whether the plot says it has nothing to draw for the history shown.
    bool saysEmpty() const;
    // The colour of block `block` of `count`, by depth.
    static QColor depthColor(int block, int count);
    QString csv() const override;

public Q_SLOTS:
    void resetView() override;

protected:
    void retranslateUi() override;

private:
    const QVector<double>& values(int block) const;
    Quantity quantity_;
    std::optional<BlockHistory> history_;
    QCPItemText* empty_;
};

}  // namespace rx
