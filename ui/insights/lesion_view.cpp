#include "lesion_view.h"

#include "background.h"
#include "insight_runs.h"
#include "lesion_plots.h"

#include "cifar10.h"
#include "plot_base.h"
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
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTextBrowser>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

#include <utility>

namespace rx {

namespace {

constexpr int kMaxImages = 10000;  // the whole test set
constexpr int kExplanationWidth = 340;

QString percent(double value) {
    return QLocale().toString(value, 'f', 1) + QStringLiteral(" %");
}

}  // namespace

LesionView::LesionView(RunsModel* runs, QWidget* parent) : QWidget(parent), runs_(runs) {
    auto* h = new QHBoxLayout(this);
    h->setContentsMargins(4, 4, 4, 4);
    auto* left = new QWidget(this);
    auto* v = new QVBoxLayout(left);
    v->setContentsMargins(0, 0, 0, 0);
    auto* bar = new QHBoxLayout;
    imagesLabel_ = new QLabel(left);
    images_ = new QSpinBox(left);
    images_->setObjectName(QStringLiteral("lesionImages"));
    images_->setRange(10, kMaxImages);
    images_->setSingleStep(500);
    images_->setValue(kLesionDefaultImages);
    imagesLabel_->setBuddy(images_);
    bar->addWidget(imagesLabel_);
    bar->addWidget(images_);
    bar->addStretch(1);
    v->addLayout(bar);

    auto* grid = new QGridLayout;
    for (int s = 0; s < kSides; ++s) {
        Side& side = sides_[s];
        side.title = new QLabel(left);
        QFont bold = side.title->font();
        bold.setBold(true);
        bold.setPointSizeF(bold.pointSizeF() * 1.15);
        side.title->setFont(bold);
        side.runBox = new QComboBox(left);
        side.runBox->setObjectName(QStringLiteral("lesionRun%1").arg(s));
        side.runBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        side.runBox->setMinimumContentsLength(16);
        side.compute = new QPushButton(left);
        side.compute->setObjectName(QStringLiteral("lesionCompute%1").arg(s));
        side.status = new QLabel(left);
        side.status->setObjectName(QStringLiteral("lesionStatus%1").arg(s));
        side.status->setWordWrap(true);
        side.status->setMinimumHeight(2 * side.status->fontMetrics().height());
        side.progress = new QProgressBar(left);
        side.progress->setVisible(false);
        side.blocks = new LesionBlockPlot(left);
        side.random = new LesionRandomPlot(left);
        side.blocks->setObjectName(QStringLiteral("lesionBlockPlot%1").arg(s));
        side.random->setObjectName(QStringLiteral("lesionRandomPlot%1").arg(s));
        side.blocks->setMinimumSize(300, 220);
        side.random->setMinimumSize(300, 200);
        auto* pick = new QHBoxLayout;
        pick->addWidget(side.runBox, 1);
        pick->addWidget(side.compute);
        grid->addWidget(side.title, 0, s);
        grid->addLayout(pick, 1, s);
        grid->addWidget(side.status, 2, s);
        grid->addWidget(side.progress, 3, s);
        grid->addWidget(side.blocks, 4, s);
        grid->addWidget(side.random, 5, s);
        grid->setColumnStretch(s, 1);

        connect(side.runBox, &QComboBox::activated, this, [this, s](int index) {
            const QString path = sides_[s].runBox->itemData(index).toString();
            if (!path.isEmpty())
                showRun(s, path);
        });
        connect(side.compute, &QPushButton::clicked, this, [this, s] {
            if (isComputing(s))
                cancel(s);
            else
                compute(s);
        });
    }
    grid->setRowStretch(4, 3);
    grid->setRowStretch(5, 2);
    v->addLayout(grid, 1);
    h->addWidget(left, 1);

    explanation_ = new QTextBrowser(this);
    explanation_->setObjectName(QStringLiteral("lesionExplanation"));
    explanation_->setOpenExternalLinks(true);
    explanation_->setFixedWidth(kExplanationWidth);
    h->addWidget(explanation_);

    progressTimer_ = new QTimer(this);
    progressTimer_->setInterval(200);
    connect(progressTimer_, &QTimer::timeout, this, &LesionView::updateStatus);
    followRuns(runs_, this, [this] { refillRuns(); });
    dataDir_ = findCifar10();
    retranslateUi();
}

LesionView::~LesionView() {
    for (int s = 0; s < kSides; ++s)
        cancel(s);
    for (QThread* t : std::as_const(threads_)) {
        t->wait();
        delete t;
    }
}

void LesionView::setImages(int images) {
    images_->setValue(images);
}

int LesionView::images() const {
    return images_->value();
}

void LesionView::retranslateUi() {
    imagesLabel_->setText(tr("Test &images per evaluation:"));
    images_->setToolTip(
        tr("Each lesioned network is evaluated on this many test images, spread over the "
           "classes. 1000 give the error to about one percentage point."));
    for (int s = 0; s < kSides; ++s) {
        Side& side = sides_[s];
        side.runBox->setPlaceholderText(tr("Choose a trained run…"));
        side.runBox->setToolTip(tr("The runs of the Training tab."));
        side.compute->setText(side.job     ? tr("Cancel")
                              : side.study ? tr("Recompute")
                                           : tr("Compute"));
        side.compute->setToolTip(
            tr("Leave out each block in turn, then k random blocks at once, and evaluate the "
               "test error each time. The result is saved in the run folder (lesion.json)."));
    }
    explanation_->setHtml(
        tr("<h3>Lesion study</h3>"
           "<p>Take a trained network and leave blocks out, without retraining. A residual "
           "block left out still passes its input on through its shortcut; a plain block "
           "left out breaks the only path the signal had.</p>"
           "<h4>What to look for</h4>"
           "<ul><li><b>Residual net</b>: most bars stay close to the dashed line (the error "
           "with every block). Only the downsampling blocks, where the shortcut changes the "
           "shape, hurt clearly. With k blocks removed at random the error grows smoothly.</li>"
           "<li><b>Plain net</b>: leaving out any block sends the error to chance (the dotted "
           "line, 90 %). Blocks that change the shape cannot be left out at all "
           "(hatched).</li></ul>"
           "<h4>The paper's numbers</h4>"
           "<p>ResNet-110 on CIFAR-10: removing a single block changes the error noticeably "
           "only for a downsampling block; removing 10 of its 54 blocks leaves it around "
           "20 %. Removing any layer of a plain VGG-like network gives chance, 90 %.</p>"
           "<h4>Why</h4>"
           "<p>Unrolled, a residual network is a collection of paths of many lengths, each "
           "block adding a choice between its branch and its shortcut. Removing a block "
           "takes out only the paths through its branch, half of them, and leaves the rest "
           "working: the network behaves like an ensemble of relatively shallow "
           "networks.</p>"
           "<h4>Reference</h4>"
           "<p>A. Veit, M. Wilber, S. Belongie: <i>Residual Networks Behave Like Ensembles of "
           "Relatively Shallow Networks</i>, NeurIPS 2016, "
           "<a href=\"https://arxiv.org/abs/1605.06431\">arXiv:1605.06431</a>.</p>"
           "<p>From the command line: <tt>resnet-explorer-cli analyze lesion RUN_DIR</tt>.</p>"));
    refillRuns();
    updateStatus();
}

void LesionView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void LesionView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (std::exchange(shownBefore_, true) || !runs_ || !sides_[0].run.isEmpty() ||
        !sides_[1].run.isEmpty())
        return;
    // Plain on the left, residual on the right; runs with a study first.
    std::array<QString, kSides> chosen;
    std::array<bool, kSides> withStudy{false, false};
    for (const QString& id : runs_->ids()) {
        const QString path = runs_->path(id);
        const auto residual = runIsResidual(path);
        if (!residual || !hasCheckpoint(path))
            continue;
        const int s = *residual ? 1 : 0;
        const bool studied = QFileInfo::exists(QDir(path).filePath(kRunLesionFile));
        if (chosen[s].isEmpty() || (studied && !withStudy[s])) {
            chosen[s] = path;
            withStudy[s] = studied;
        }
    }
    for (int s = 0; s < kSides; ++s)
        if (!chosen[s].isEmpty())
            showRun(s, chosen[s]);
}

void LesionView::refillRuns() {
    for (Side& side : sides_)
        fillRunBox(side.runBox, runs_, side.run);
}

void LesionView::showRun(int side, const QString& runDir) {
    cancel(side);
    Side& s = sides_[side];
    s.run = runDir;
    s.study.reset();
    s.error.clear();
    s.note.clear();
    if (!QFileInfo(runDir).isDir()) {
        s.error = tr("%1 is not a run folder.").arg(runDir);
    } else if (QFileInfo::exists(QDir(runDir).filePath(kRunLesionFile))) {
        LesionStudy study;
        QString error;
        if (readLesionStudy(runDir, &study, &error)) {
            s.study = study;
            s.note = tr("Read from %1.").arg(QLatin1String(kRunLesionFile));
        } else {
            s.error = error;
        }
    }
    draw(side);
    refillRuns();
    retranslateUi();
    Q_EMIT sideChanged(side);
}

void LesionView::compute(int side) {
    Side& s = sides_[side];
    if (s.job || s.run.isEmpty())
        return;
    s.error.clear();
    if (!hasCheckpoint(s.run)) {
        s.error = tr("The run %1 has no checkpoint (%2) yet: train it first.")
                      .arg(QFileInfo(s.run).fileName(), QLatin1String(kRunCheckpointFile));
    } else if (!looksLikeCifar10(dataDir_)) {
        s.error = tr("CIFAR-10 is not on this computer: download it with the Training tab's "
                     "Download button or with resnet-explorer-cli download --out %1.")
                      .arg(defaultCifar10Dir());
    }
    if (!s.error.isEmpty()) {
        retranslateUi();
        Q_EMIT sideChanged(side);
        return;
    }
    auto job = std::make_shared<Job>();
    job->run = s.run;
    job->options.dataDir = dataDir_;
    job->options.images = images();
    job->options.trials = trials_;
    job->options.cancel = &job->stop;
    Job* raw = job.get();  // the thread's lambda keeps the job alive
    job->options.onProgress = [raw](qint64 done, qint64 total) {
        raw->done = done;
        raw->total = total;
    };
    s.job = job;
    QThread* thread = QThread::create([job] {
        workInBackground();
        job->ok = runLesionStudy(job->run, job->options, &job->study, &job->error);
        if (job->ok && !writeLesionStudy(job->run, job->study, &job->error))
            job->error = tr("Computed, but not saved: %1").arg(job->error);
        else if (job->ok)
            job->error.clear();
    });
    threads_.append(thread);
    connect(thread, &QThread::finished, this, [this, thread, job, side] {
        threads_.removeOne(thread);
        thread->deleteLater();
        if (job == sides_[side].job)
            finished(side, job);
    });
    thread->start();
    progressTimer_->start();
    retranslateUi();
}

void LesionView::cancel(int side) {
    Side& s = sides_[side];
    if (!s.job)
        return;
    s.job->stop = true;
    s.job.reset();
    s.error = tr("Cancelled.");
    if (!sides_[1 - side].job)
        progressTimer_->stop();
    retranslateUi();
    Q_EMIT sideChanged(side);
}

void LesionView::finished(int side, const std::shared_ptr<Job>& job) {
    Side& s = sides_[side];
    s.job.reset();
    if (!sides_[1 - side].job)
        progressTimer_->stop();
    if (job->ok) {
        s.study = job->study;
        s.error = job->error;  // a failed save, else empty
        s.note = tr("Computed in %1 s.").arg(QLocale().toString(job->study.seconds, 'f', 1));
    } else {
        s.error = job->error;
    }
    draw(side);
    retranslateUi();
    Q_EMIT sideChanged(side);
}

void LesionView::draw(int side) {
    Side& s = sides_[side];
    // The left side in the first run colour, the right in the second, as the runs list would.
    const QColor color = runColor(side);
    s.blocks->setStudy(s.study, color);
    s.random->setStudy(s.study, color);
}

void LesionView::updateStatus() {
    for (Side& s : sides_) {
        QString title = s.run.isEmpty() ? tr("No run") : QFileInfo(s.run).fileName();
        if (s.study)
            title += QStringLiteral(" · ") +
                     (s.study->isResidual() ? tr("residual net") : tr("plain net"));
        s.title->setText(title);
        s.progress->setVisible(s.job != nullptr);
        QPalette palette = s.status->palette();
        palette.setColor(QPalette::WindowText, !s.job && !s.error.isEmpty()
                                                   ? QColor(180, 0, 0)
                                                   : this->palette().color(QPalette::WindowText));
        s.status->setPalette(palette);
        if (s.job) {
            const qint64 total = s.job->total, done = s.job->done;
            s.progress->setRange(0, 1000);
            s.progress->setValue(total ? int(1000 * done / total) : 0);
            s.status->setText(total ? tr("Leaving blocks out and evaluating… %1 % done")
                                          .arg(total ? 100 * done / total : 0)
                                    : tr("Loading the network and the test images…"));
        } else if (!s.error.isEmpty()) {
            s.status->setText(s.error);
        } else if (s.study) {
            s.status->setText(tr("%1, %2 test images: %3 error with every block, %4 with "
                                 "every removable block left out. %5")
                                  .arg(s.study->architecture, QLocale().toString(s.study->images),
                                       percent(s.study->baselineError),
                                       s.study->random.isEmpty()
                                           ? QStringLiteral("–")
                                           : percent(s.study->random.last().mean()),
                                       s.note));
        } else if (!s.run.isEmpty()) {
            s.status->setText(tr("No lesion study of this run yet: press Compute."));
        } else {
            s.status->setText(tr("Choose a trained run."));
        }
    }
}

}  // namespace rx
