#include "landscape_view.h"

#include "background.h"
#include "insight_runs.h"

#include "landscape_plots.h"

#include "metrics.h"
#include "run_folder.h"
#include "runs_model.h"

#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMutex>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTextBrowser>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>
#include <limits>

namespace rx {

namespace {

constexpr int kPullMs = 250;  // how often the UI draws the points computed so far
constexpr int kMaxImages = 50000;

}  // namespace

// One computation: the worker thread writes, the UI reads `points` under the mutex while it runs
// and the rest after the thread finished.
struct LandscapeView::Job {
    QString runDir;
    LandscapeOptions options;
    std::atomic<bool> stop{false};
    std::atomic<int> done{0};
    std::atomic<int> total{0};
    QMutex mutex;
    QVector<LandscapePoint> points;  // computed, not drawn yet
    bool ok = false;
    QString error;
    Landscape result;
};

struct LandscapeView::Side {
    QString run;
    QString error;
    Landscape landscape;  // shown (NaN where not computed yet)
    std::shared_ptr<Job> job;
    QLabel* runLabel;
    QComboBox* runBox;
    QPushButton* compute;
    QProgressBar* progress;
    QLabel* status;
    LandscapeMapPlot* map;
    LandscapeSlicePlot* slice;
};

LandscapeView::LandscapeView(RunsModel* runs, QWidget* parent) : QWidget(parent), runs_(runs) {
    setObjectName(QStringLiteral("landscapeView"));
    auto* v = new QVBoxLayout(this);

    auto* settings = new QHBoxLayout;
    gridLabel_ = new QLabel(this);
    grid_ = new QSpinBox(this);
    grid_->setObjectName(QStringLiteral("landscapeGrid"));
    grid_->setRange(3, kLandscapeMaxGrid);
    grid_->setSingleStep(2);
    grid_->setValue(kLandscapeDefaultGrid);
    rangeLabel_ = new QLabel(this);
    range_ = new QDoubleSpinBox(this);
    range_->setObjectName(QStringLiteral("landscapeRange"));
    range_->setRange(0.05, 10);
    range_->setSingleStep(0.25);
    range_->setDecimals(2);
    range_->setValue(kLandscapeDefaultRange);
    imagesLabel_ = new QLabel(this);
    images_ = new QSpinBox(this);
    images_->setObjectName(QStringLiteral("landscapeImages"));
    images_->setRange(1, kMaxImages);
    images_->setSingleStep(500);
    images_->setValue(kLandscapeDefaultImages);
    seedLabel_ = new QLabel(this);
    seed_ = new QSpinBox(this);
    seed_->setObjectName(QStringLiteral("landscapeSeed"));
    seed_->setRange(0, std::numeric_limits<int>::max());
    seed_->setValue(1);
    for (auto [label, box] : {std::pair<QLabel*, QWidget*>{gridLabel_, grid_},
                              {rangeLabel_, range_},
                              {imagesLabel_, images_},
                              {seedLabel_, seed_}}) {
        label->setBuddy(box);
        settings->addWidget(label);
        settings->addWidget(box);
        settings->addSpacing(12);
    }
    settings->addStretch(1);
    v->addLayout(settings);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    for (int s = 0; s < kSides; ++s) {
        auto side = std::make_unique<Side>();
        auto* panel = new QWidget(splitter);
        auto* pv = new QVBoxLayout(panel);
        pv->setContentsMargins(0, 0, 0, 0);
        auto* bar = new QHBoxLayout;
        side->runLabel = new QLabel(panel);
        side->runBox = new QComboBox(panel);
        side->runBox->setObjectName(QStringLiteral("landscapeRun%1").arg(s));
        side->runBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        side->runBox->setMinimumContentsLength(16);
        side->runLabel->setBuddy(side->runBox);
        side->compute = new QPushButton(panel);
        side->compute->setObjectName(QStringLiteral("landscapeCompute%1").arg(s));
        side->progress = new QProgressBar(panel);
        side->progress->setVisible(false);
        side->progress->setMaximumWidth(160);
        bar->addWidget(side->runLabel);
        bar->addWidget(side->runBox, 1);
        bar->addWidget(side->compute);
        bar->addWidget(side->progress);
        pv->addLayout(bar);
        side->status = new QLabel(panel);
        side->status->setObjectName(QStringLiteral("landscapeStatus%1").arg(s));
        side->status->setWordWrap(true);
        pv->addWidget(side->status);
        side->map = new LandscapeMapPlot(panel);
        side->map->setMinimumSize(320, 280);
        pv->addWidget(side->map, 3);
        side->slice = new LandscapeSlicePlot(panel);
        side->slice->setMinimumSize(320, 160);
        pv->addWidget(side->slice, 2);
        splitter->addWidget(panel);

        connect(side->runBox, &QComboBox::activated, this, [this, s](int index) {
            const QString path = sides_[s]->runBox->itemData(index).toString();
            if (!path.isEmpty())
                showRun(s, path);
        });
        connect(side->compute, &QPushButton::clicked, this, [this, s] {
            if (isComputing(s))
                cancel(s);
            else
                compute(s);
        });
        sides_[size_t(s)] = std::move(side);
    }
    explanation_ = new QTextBrowser(splitter);
    explanation_->setObjectName(QStringLiteral("landscapeExplanation"));
    explanation_->setOpenExternalLinks(true);
    splitter->addWidget(explanation_);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 2);
    v->addWidget(splitter, 1);

    timer_ = new QTimer(this);
    timer_->setInterval(kPullMs);
    connect(timer_, &QTimer::timeout, this, &LandscapeView::pullPoints);
    followRuns(runs_, this, [this] { refillRuns(); });
    dataDir_ = findCifar10();
    refillRuns();
    retranslateUi();
}

LandscapeView::~LandscapeView() {
    for (int s = 0; s < kSides; ++s)
        cancel(s);
    for (QThread* t : std::as_const(threads_)) {
        t->wait();
        delete t;
    }
}

LandscapeOptions LandscapeView::options() const {
    LandscapeOptions o;
    o.grid = grid_->value();
    o.range = range_->value();
    o.images = images_->value();
    o.seed = quint64(seed_->value());
    o.dataDir = dataDir_;
    return o;
}

void LandscapeView::setOptions(int grid, double range, int images, quint64 seed) {
    grid_->setValue(grid);
    range_->setValue(range);
    images_->setValue(images);
    seed_->setValue(int(seed));
}

QString LandscapeView::currentRun(int side) const {
    return sides_[size_t(side)]->run;
}
bool LandscapeView::isComputing(int side) const {
    return sides_[size_t(side)]->job != nullptr;
}
bool LandscapeView::hasLandscape(int side) const {
    return sides_[size_t(side)]->landscape.isValid();
}
const Landscape& LandscapeView::landscape(int side) const {
    return sides_[size_t(side)]->landscape;
}
QString LandscapeView::errorText(int side) const {
    return sides_[size_t(side)]->error;
}
LandscapeMapPlot* LandscapeView::mapPlot(int side) const {
    return sides_[size_t(side)]->map;
}
LandscapeSlicePlot* LandscapeView::slicePlot(int side) const {
    return sides_[size_t(side)]->slice;
}
QPushButton* LandscapeView::computeButton(int side) const {
    return sides_[size_t(side)]->compute;
}
QComboBox* LandscapeView::runBox(int side) const {
    return sides_[size_t(side)]->runBox;
}
QLabel* LandscapeView::statusLabel(int side) const {
    return sides_[size_t(side)]->status;
}

void LandscapeView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void LandscapeView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (shownBefore_ || !runs_)
        return;
    shownBefore_ = true;
    QStringList withCheckpoint;
    for (const QString& id : runs_->ids())
        if (QFileInfo::exists(QDir(runs_->path(id)).filePath(QLatin1String(kRunCheckpointFile))))
            withCheckpoint << id;
    // The paper's pair when it is there: a plain net on the left, a residual one on the right.
    const QString plain = withCheckpoint.filter(QStringLiteral("plain")).value(0);
    const QString residual = withCheckpoint.filter(QStringLiteral("resnet")).value(0);
    const QString left = plain.isEmpty() ? withCheckpoint.value(0) : plain;
    QString right = residual;
    if (right.isEmpty() || right == left)
        for (const QString& id : std::as_const(withCheckpoint))
            if (id != left) {
                right = id;
                break;
            }
    if (!left.isEmpty() && currentRun(0).isEmpty())
        showRun(0, runs_->path(left));
    if (!right.isEmpty() && currentRun(1).isEmpty())
        showRun(1, runs_->path(right));
}

void LandscapeView::refillRuns() {
    for (const auto& side : sides_)
        fillRunBox(side->runBox, runs_, side->run);
}

void LandscapeView::showRun(int s, const QString& runDir) {
    cancel(s);
    Side& side = *sides_[size_t(s)];
    side.run = runDir;
    side.error.clear();
    side.landscape = Landscape{};
    refillRuns();
    Landscape loaded;
    QString error;
    if (QFileInfo::exists(QDir(runDir).filePath(QLatin1String(kRunLandscapeFile)))) {
        if (readLandscape(runDir, &loaded, &error))
            side.landscape = loaded;
        else
            side.error = error;
    }
    shareScale();
    updateStatus(s);
    Q_EMIT landscapeChanged(s);
}

void LandscapeView::compute(int s) {
    Side& side = *sides_[size_t(s)];
    if (side.job || side.run.isEmpty())
        return;
    side.error.clear();
    auto job = std::make_shared<Job>();
    job->runDir = side.run;
    job->options = options();
    if (const QString problem = landscapeOptionsProblem(job->options); !problem.isEmpty()) {
        fail(s, problem);
        return;
    }
    if (!QFileInfo::exists(QDir(side.run).filePath(QLatin1String(kRunCheckpointFile)))) {
        fail(s, tr("The run %1 has no checkpoint (%2) yet: train it first, or choose another run.")
                    .arg(QFileInfo(side.run).fileName(), QLatin1String(kRunCheckpointFile)));
        return;
    }
    if (!looksLikeCifar10(dataDir_)) {
        fail(s, tr("CIFAR-10 is not on this computer: download it with the Training tab's "
                   "Download button or with resnet-explorer-cli download --out %1.")
                    .arg(defaultCifar10Dir()));
        return;
    }
    // The grid fills as the points come, from the centre outward.
    const int cells = job->options.grid * job->options.grid;
    side.landscape = Landscape{};
    side.landscape.grid = job->options.grid;
    side.landscape.range = job->options.range;
    side.landscape.loss.fill(std::numeric_limits<double>::quiet_NaN(), cells);
    side.landscape.error = side.landscape.loss;
    job->options.cancel = &job->stop;
    Job* raw = job.get();
    job->options.onPoint = [raw](const LandscapePoint& point, int done, int total) {
        QMutexLocker lock(&raw->mutex);
        raw->points.append(point);
        raw->done = done;
        raw->total = total;
    };
    side.job = job;
    QThread* thread = QThread::create([job] {
        workInBackground();
        job->ok = computeLandscape(job->runDir, job->options, &job->result, &job->error) &&
                  writeLandscape(job->runDir, job->result, &job->error);
    });
    threads_.append(thread);
    connect(thread, &QThread::finished, this, [this, thread, job, s] {
        threads_.removeOne(thread);
        thread->deleteLater();
        finished(s, job);
    });
    thread->start();
    timer_->start();
    shareScale();
    updateStatus(s);
}

void LandscapeView::cancel(int s) {
    Side& side = *sides_[size_t(s)];
    if (!side.job)
        return;
    side.job->stop = true;
    side.job.reset();
    side.error = tr("Cancelled.");
    side.landscape = Landscape{};
    shareScale();
    updateStatus(s);
    Q_EMIT landscapeChanged(s);
}

void LandscapeView::finished(int s, const std::shared_ptr<Job>& job) {
    Side& side = *sides_[size_t(s)];
    if (job != side.job)
        return;  // cancelled or replaced: its result is not shown
    side.job.reset();
    if (!job->ok) {
        side.landscape = Landscape{};
        fail(s, job->error);
        return;
    }
    side.landscape = job->result;
    shareScale();
    updateStatus(s);
    Q_EMIT landscapeChanged(s);
}

void LandscapeView::pullPoints() {
    bool any = false;
    for (int s = 0; s < kSides; ++s) {
        Side& side = *sides_[size_t(s)];
        if (!side.job)
            continue;
        any = true;
        QVector<LandscapePoint> points;
        {
            QMutexLocker lock(&side.job->mutex);
            points.swap(side.job->points);
        }
        for (const LandscapePoint& p : std::as_const(points)) {
            side.landscape.loss[p.j * side.landscape.grid + p.i] = p.loss;
            side.landscape.error[p.j * side.landscape.grid + p.i] = p.error;
        }
        if (!points.isEmpty())
            shareScale();
        updateStatus(s);
    }
    if (!any)
        timer_->stop();
}

void LandscapeView::fail(int s, const QString& message) {
    sides_[size_t(s)]->error = message;
    shareScale();
    updateStatus(s);
    Q_EMIT landscapeChanged(s);
}

void LandscapeView::shareScale() {
    QVector<const Landscape*> shown;
    for (const auto& side : sides_)
        if (side->landscape.grid > 0)
            shown << &side->landscape;
    const QCPRange range = landscapeLossRange(shown);
    for (const auto& side : sides_) {
        side->map->setScaleRange(range);
        side->slice->setLossRange(range);
        if (side->landscape.grid > 0) {
            const QString name = QFileInfo(side->run).fileName();
            side->map->setLandscape(side->landscape, name);
            side->slice->setLandscape(side->landscape);
        } else {
            side->map->clearLandscape();
            side->slice->clearLandscape();
        }
    }
}

void LandscapeView::updateStatus(int s) {
    Side& side = *sides_[size_t(s)];
    side.progress->setVisible(side.job != nullptr);
    side.compute->setText(side.job ? tr("Cancel") : tr("Compute"));
    side.compute->setEnabled(!side.run.isEmpty());
    QPalette palette = side.status->palette();
    palette.setColor(QPalette::WindowText, side.error.isEmpty()
                                               ? this->palette().color(QPalette::WindowText)
                                               : QColor(180, 0, 0));
    side.status->setPalette(palette);
    const QLocale locale;
    if (side.job) {
        const int total = side.job->total, done = side.job->done;
        side.progress->setRange(0, std::max(1, total));
        side.progress->setValue(done);
        side.status->setText(total ? tr("Computing… %1 of %2 grid points")
                                         .arg(locale.toString(done), locale.toString(total))
                                   : tr("Loading the network and the training images…"));
    } else if (!side.error.isEmpty()) {
        side.status->setText(side.error);
    } else if (side.landscape.isValid()) {
        const Landscape& l = side.landscape;
        side.status->setText(
            tr("%1, iteration %2: loss %3 at the trained weights; %4×%4 grid over ±%5 on %6 "
               "training images (%7).")
                .arg(l.architecture)
                .arg(l.iteration)
                .arg(locale.toString(l.centreLoss(), 'f', 4))
                .arg(l.grid)
                .arg(locale.toString(l.range, 'g', 3), locale.toString(l.images),
                     durationText(l.seconds)));
    } else if (!side.run.isEmpty()) {
        side.status->setText(
            tr("No landscape yet: Compute makes one (a 21×21 grid on 1,000 "
               "images takes a few minutes on two cores)."));
    } else {
        side.status->setText(tr("Choose a trained run."));
    }
}

void LandscapeView::retranslateUi() {
    gridLabel_->setText(tr("&Grid:"));
    grid_->setToolTip(
        tr("Points per axis (odd, so that the trained weights are the centre). "
           "The paper used 51."));
    rangeLabel_->setText(tr("R&ange ±:"));
    range_->setToolTip(
        tr("How far along each direction, in units of the filter-normalised "
           "direction (1 = as long as the weights' own filters)."));
    imagesLabel_->setText(tr("&Images:"));
    images_->setToolTip(
        tr("Training images the loss is averaged over, spread evenly over the "
           "50,000. The paper used all of them."));
    seedLabel_->setText(tr("&Seed:"));
    seed_->setToolTip(tr("Draws the two random directions."));
    for (int s = 0; s < kSides; ++s) {
        Side& side = *sides_[size_t(s)];
        side.runLabel->setText(s == 0 ? tr("Left run:") : tr("Right run:"));
        side.runBox->setPlaceholderText(tr("Choose a trained run…"));
        updateStatus(s);
    }
    explanation_->setHtml(
        tr("<h3>The loss landscape</h3>"
           "<p>Each map shows the training loss around the trained weights w₀, at "
           "w₀ + α·d₁ + β·d₂, where d₁ and d₂ are two random directions. The cross in the "
           "middle is the trained network; dark is low loss, the white lines join points of "
           "equal loss. The curves below cut through the middle along each direction.</p>"
           "<p><b>Filter normalisation.</b> A network whose filters are scaled up computes the "
           "same thing but looks flatter. So each filter of a random direction is scaled to the "
           "size of the same filter of the weights; biases and batch-norm parameters stay put. "
           "Then maps of different networks can be compared.</p>"
           "<h4>What to look for</h4>"
           "<p>Put a deep plain network (plain-56) on the left and its residual twin (resnet-56) "
           "on the right. The plain net's landscape is chaotic: sharp walls, many small basins, "
           "the loss climbs fast as you leave the centre. The residual net sits in a wide, "
           "smooth, nearly convex basin with round contours. Shortcuts make the loss surface "
           "easier to descend, which is one reason why deep residual nets train where plain "
           "ones of the same depth degrade (the paper's Fig. 4).</p>"
           "<p>The colours use one logarithmic scale for both maps, clipped at a loss of 10 as "
           "in the paper's plots. Two random directions are only a glimpse of millions of "
           "dimensions, but different seeds tell the same story.</p>"
           "<p><i>Li, Xu, Taylor, Studer, Goldstein: Visualizing the Loss Landscape of Neural "
           "Nets. NeurIPS 2018.</i> The paper used all 50,000 training images and a 51×51 grid "
           "over [−1, 1]; here the default is 1,000 images and 21×21, so that it takes minutes "
           "on a laptop.</p>"));
}

}  // namespace rx
