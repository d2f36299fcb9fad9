#include "dynamics_view.h"

#include "dynamics_plots.h"
#include "insight_runs.h"
#include "metrics.h"

#include "run_folder.h"
#include "runs_model.h"

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QTextBrowser>

#include <cmath>
#include <utility>

namespace rx {

namespace {

constexpr int kExplanationWidth = 340;

}  // namespace

DynamicsView::DynamicsView(RunsModel* runs, QWidget* parent) : QWidget(parent), runs_(runs) {
    auto* h = new QHBoxLayout(this);
    h->setContentsMargins(4, 4, 4, 4);
    auto* grid = new QGridLayout;
    for (int s = 0; s < kSides; ++s) {
        Side& side = sides_[s];
        side.title = new QLabel(this);
        QFont bold = side.title->font();
        bold.setBold(true);
        bold.setPointSizeF(bold.pointSizeF() * 1.15);
        side.title->setFont(bold);
        side.runBox = new QComboBox(this);
        side.runBox->setObjectName(QStringLiteral("dynamicsRun%1").arg(s));
        side.runBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        side.runBox->setMinimumContentsLength(16);
        side.status = new QLabel(this);
        side.status->setObjectName(QStringLiteral("dynamicsStatus%1").arg(s));
        side.status->setWordWrap(true);
        side.status->setMinimumHeight(2 * side.status->fontMetrics().height());
        side.ratio = new BlockHistoryPlot(BlockHistoryPlot::Quantity::ResidualRatio, this);
        side.gradient = new BlockHistoryPlot(BlockHistoryPlot::Quantity::ActivationGradient, this);
        side.ratio->setObjectName(QStringLiteral("dynamicsRatioPlot%1").arg(s));
        side.gradient->setObjectName(QStringLiteral("dynamicsGradientPlot%1").arg(s));
        side.ratio->setMinimumSize(300, 200);
        side.gradient->setMinimumSize(300, 200);
        grid->addWidget(side.title, 0, s);
        grid->addWidget(side.runBox, 1, s);
        grid->addWidget(side.status, 2, s);
        grid->addWidget(side.ratio, 3, s);
        grid->addWidget(side.gradient, 4, s);
        grid->setColumnStretch(s, 1);
        connect(side.runBox, &QComboBox::activated, this, [this, s](int index) {
            const QString path = sides_[s].runBox->itemData(index).toString();
            if (!path.isEmpty())
                showRun(s, path);
        });
    }
    grid->setRowStretch(3, 1);
    grid->setRowStretch(4, 1);
    h->addLayout(grid, 1);
    explanation_ = new QTextBrowser(this);
    explanation_->setObjectName(QStringLiteral("dynamicsExplanation"));
    explanation_->setOpenExternalLinks(true);
    explanation_->setFixedWidth(kExplanationWidth);
    h->addWidget(explanation_);
    followRuns(runs_, this, [this] { refillRuns(); });
    retranslateUi();
}

void DynamicsView::showRun(int side, const QString& runDir) {
    std::optional<BlockHistory> history;
    QString error;
    BlockHistory read;
    if (!QFileInfo(runDir).isDir())
        error = tr("%1 is not a run folder.").arg(runDir);
    else if (readBlockHistory(runDir, &read, &error))
        history = std::move(read);
    display(side, runDir, history, error);
}

void DynamicsView::display(int side, const QString& runDir,
                           const std::optional<BlockHistory>& history, const QString& error) {
    Side& s = sides_[side];
    s.run = runDir;
    s.history = history;
    s.error = error;
    s.ratio->setHistory(s.history);
    s.gradient->setHistory(s.history);
    refillRuns();
    updateTexts();
}

void DynamicsView::retranslateUi() {
    for (Side& side : sides_) {
        side.runBox->setPlaceholderText(tr("Choose a run…"));
        side.runBox->setToolTip(tr("The runs of the Training tab."));
    }
    explanation_->setHtml(
        tr("<h3>Block dynamics</h3>"
           "<p>Two measurements of every block, taken on a fixed batch of test images while the "
           "network trains (every probe interval). Each line is one block: dark purple for the "
           "first, orange for the last.</p>"
           "<h4>Residual ratio ‖F(x)‖ / ‖x‖ (top)</h4>"
           "<p>How much a residual block adds, relative to what passes through its shortcut. "
           "Look for large ratios in the first blocks and small, falling ones in the later "
           "blocks: the first blocks build the representation, the later ones only refine it, "
           "a step at a time. Plain blocks have no shortcut and no ratio.</p>"
           "<h4>Gradient at each block's output (bottom)</h4>"
           "<p>The norm of the loss gradient with respect to the block's output, the signal "
           "that trains everything below it. In a residual net the shortcuts carry it down to "
           "the first block undiminished, so the lines stay close together; in a deep plain net "
           "it shrinks (or grows) from block to block, and the first blocks learn slowly: the "
           "optimisation difficulty behind the degradation problem.</p>"
           "<h4>References</h4>"
           "<p>S. Jastrzębski, D. Arpit, N. Ballas, V. Verma, T. Che, Y. Bengio: <i>Residual "
           "Connections Encourage Iterative Inference</i>, ICLR 2018, "
           "<a href=\"https://arxiv.org/abs/1710.04773\">arXiv:1710.04773</a> (Fig. 2).<br>"
           "K. He, X. Zhang, S. Ren, J. Sun: <i>Identity Mappings in Deep Residual "
           "Networks</i>, ECCV 2016, <a href=\"https://arxiv.org/abs/1603.05027\">"
           "arXiv:1603.05027</a> (the gradient through the shortcuts).</p>"
           "<p>From the command line: <tt>resnet-explorer-cli analyze dynamics RUN_DIR</tt>.</p>"));
    refillRuns();
    updateTexts();
}

void DynamicsView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void DynamicsView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (std::exchange(shownBefore_, true) || !runs_) {
        for (int s = 0; s < kSides; ++s)  // a run still training has grown
            if (!sides_[s].run.isEmpty())
                showRun(s, sides_[s].run);
        return;
    }
    // Plain on the left, residual on the right; runs with block measurements first.
    // Each run's metrics are read once, and none once a side has a run with measurements.
    std::array<QString, kSides> chosen;
    std::array<std::optional<BlockHistory>, kSides> found;
    std::array<QString, kSides> errors;
    for (const QString& id : runs_->ids()) {
        const QString path = runs_->path(id);
        const auto residual = runIsResidual(path);
        if (!residual)
            continue;
        const int s = *residual ? 1 : 0;
        if (found[s])
            continue;
        BlockHistory history;
        QString error;
        const bool has = readBlockHistory(path, &history, &error);
        if (chosen[s].isEmpty() || has) {
            chosen[s] = path;
            errors[s] = error;
            if (has)
                found[s] = std::move(history);
        }
    }
    for (int s = 0; s < kSides; ++s)
        if (!chosen[s].isEmpty())
            display(s, chosen[s], found[s], errors[s]);
}

void DynamicsView::refillRuns() {
    for (Side& side : sides_)
        fillRunBox(side.runBox, runs_, side.run);
}

void DynamicsView::updateTexts() {
    const QLocale locale;
    for (Side& s : sides_) {
        QString title = s.run.isEmpty() ? tr("No run") : QFileInfo(s.run).fileName();
        QString status;
        if (s.history) {
            const bool residual = s.history->hasResidualBlocks();
            title += QStringLiteral(" · ") + (residual ? tr("residual net") : tr("plain net"));
            status =
                tr("%n measurement(s), up to iteration %1.", nullptr, s.history->measurements())
                    .arg(locale.toString(s.history->iterations.last()));
            if (!residual)
                status += QLatin1Char(' ') + tr("A plain net has no residual ratio.");
            if (s.history->skippedMetricLines > 0)
                status += QLatin1Char(' ') + skippedLinesText(s.history->skippedMetricLines);
        } else if (!s.error.isEmpty()) {
            status = s.error;
        } else {
            status = tr("Choose a run of the Training tab.");
        }
        s.title->setText(title);
        QPalette palette = s.status->palette();
        palette.setColor(QPalette::WindowText, s.error.isEmpty()
                                                   ? this->palette().color(QPalette::WindowText)
                                                   : QColor(180, 0, 0));
        s.status->setPalette(palette);
        s.status->setText(status);
    }
}

}  // namespace rx
