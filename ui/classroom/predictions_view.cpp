#include "predictions_view.h"

#include "background.h"
#include "confusion_matrix_plot.h"
#include "dataset_view.h"

#include "run_folder.h"
#include "runs_model.h"

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

#include <utility>

namespace rx {

namespace {

constexpr int kGalleryPixels = 64;  // 2 × 32
constexpr int kDetailPixels = 128;  // 4 × 32
constexpr int kTopClasses = 3;
const QColor kMatrixHigh(8, 48, 107);  // the colour of a row's whole share

QImage scaledImage(const CifarSplit& split, int index, int pixels) {
    return cifarImage(split, index)
        .scaled(pixels, pixels, Qt::IgnoreAspectRatio, Qt::FastTransformation);
}

QString percent(double value, int decimals = 1) {
    return QLocale().toString(value, 'f', decimals) + QStringLiteral(" %");
}

// A gallery cell: the image, then "true → predicted" and the confidence, centred, each line
// elided to the cell's width (QListView's icon mode wraps the text too early).
class GalleryDelegate : public QStyledItemDelegate {
public:
    GalleryDelegate(QSize cell, QObject* parent) : QStyledItemDelegate(parent), cell_(cell) {}
    QSize sizeHint(const QStyleOptionViewItem&, const QModelIndex&) const override { return cell_; }
    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        opt.text.clear();
        opt.icon = QIcon();
        opt.widget->style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
        const QRect r = option.rect.adjusted(2, 4, -2, -2);
        const QPixmap pixmap = index.data(Qt::DecorationRole).value<QPixmap>();
        painter->drawPixmap(r.left() + (r.width() - pixmap.width()) / 2, r.top(), pixmap);
        const QFontMetrics fm(option.font);
        int y = r.top() + pixmap.height() + 2;
        painter->setPen(option.palette.color(QPalette::Text));
        for (const QString& line : index.data().toString().split(QLatin1Char('\n'))) {
            painter->drawText(QRect(r.left(), y, r.width(), fm.height()), Qt::AlignCenter,
                              fm.elidedText(line, Qt::ElideRight, r.width()));
            y += fm.height();
        }
    }

private:
    QSize cell_;
};

}  // namespace

// ---------------------------------------------------------------------------------------------

ConfusionMatrixPlot::ConfusionMatrixPlot(QWidget* parent) : QCustomPlot(parent) {
    setObjectName(QStringLiteral("confusionMatrix"));
    QFont labels = font();
    labels.setPointSizeF(labels.pointSizeF() * 1.15);
    QFont bold = labels;
    bold.setBold(true);
    for (QCPAxis* axis : {xAxis, yAxis, yAxis2}) {
        axis->setTickLabelFont(labels);
        axis->setLabelFont(bold);
        axis->setRange(-0.5, kCifarClasses - 0.5);
        axis->setTicks(true);
        axis->setSubTicks(false);
        axis->setTickLength(0, 4);
        axis->grid()->setVisible(false);
    }
    yAxis->setRangeReversed(true);  // the first class at the top
    yAxis2->setRangeReversed(true);
    yAxis2->setVisible(true);
    xAxis->setTickLabelRotation(45);

    map_ = new QCPColorMap(xAxis, yAxis);
    map_->data()->setSize(kCifarClasses, kCifarClasses);
    map_->data()->setRange(QCPRange(0, kCifarClasses - 1), QCPRange(0, kCifarClasses - 1));
    map_->setInterpolate(false);
    QCPColorGradient gradient;
    gradient.setColorStopAt(0, Qt::white);
    gradient.setColorStopAt(1, kMatrixHigh);
    gradient.setColorInterpolation(QCPColorGradient::ciRGB);

    scale_ = new QCPColorScale(this);
    scale_->setType(QCPAxis::atRight);
    scale_->setBarWidth(12);
    scale_->axis()->setTickLabelFont(labels);
    scale_->axis()->setLabelFont(labels);
    map_->setColorScale(scale_);  // the map takes the scale's gradient and range
    scale_->setGradient(gradient);
    scale_->setDataRange(QCPRange(0, 100));
    plotLayout()->addElement(0, 1, scale_);
    auto* margins = new QCPMarginGroup(this);
    axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    scale_->setMarginGroup(QCP::msBottom | QCP::msTop, margins);

    plotLayout()->insertRow(0);
    QFont titleFont = labels;
    titleFont.setPointSizeF(labels.pointSizeF() * 1.2);
    titleFont.setBold(true);
    title_ = new QCPTextElement(this, QString(), titleFont);
    plotLayout()->addElement(0, 0, title_);

    QFont counts = font();
    counts.setBold(true);
    for (int t = 0; t < kCifarClasses; ++t)
        for (int p = 0; p < kCifarClasses; ++p) {
            auto* item = new QCPItemText(this);
            item->position->setType(QCPItemPosition::ptPlotCoords);
            item->position->setCoords(p, t);
            item->setPositionAlignment(Qt::AlignCenter);
            item->setFont(counts);
            item->setClipToAxisRect(true);
            cells_.append(item);
        }
    clearMatrix();
}

void ConfusionMatrixPlot::setMatrix(const ConfusionMatrix& matrix, const QStringList& classNames) {
    matrix_ = matrix;
    names_ = classNames;
    for (int t = 0; t < kCifarClasses; ++t) {
        const int row = matrix_.rowTotal(t);
        for (int p = 0; p < kCifarClasses; ++p) {
            const double share = row ? 100.0 * matrix_.at(t, p) / row : 0.0;
            map_->data()->setCell(p, t, share);
            QCPItemText* item = cells_[t * kCifarClasses + p];
            item->setText(QString::number(matrix_.at(t, p)));
            item->setColor(share > 50 ? Qt::white : Qt::black);
        }
    }
    updateTexts();
    replot();
}

void ConfusionMatrixPlot::clearMatrix() {
    matrix_ = ConfusionMatrix{};
    matrix_.counts.fill(0, kCifarClasses * kCifarClasses);
    map_->data()->fill(0);
    for (QCPItemText* item : std::as_const(cells_))
        item->setText({});
    updateTexts();
    replot();
}

void ConfusionMatrixPlot::retranslate(const QStringList& classNames) {
    names_ = classNames;
    updateTexts();
    replot();
}

void ConfusionMatrixPlot::updateTexts() {
    auto names = QSharedPointer<QCPAxisTickerText>::create();
    auto errors = QSharedPointer<QCPAxisTickerText>::create();
    const bool any = matrix_.total() > 0;
    for (int c = 0; c < kCifarClasses; ++c) {
        names->addTick(c, names_.value(c));
        errors->addTick(c, any ? percent(matrix_.rowErrorPercent(c)) : QString());
    }
    xAxis->setTicker(names);
    yAxis->setTicker(names);
    yAxis2->setTicker(errors);
    xAxis->setLabel(tr("Predicted class"));
    yAxis->setLabel(tr("True class"));
    yAxis2->setLabel({});  // the error per class reads "47.0 %": the title says what it is
    scale_->axis()->setLabel(tr("% of the true class"));
    title_->setText(any ? tr("Test error %1 (right: each class's error)")
                              .arg(percent(matrix_.errorPercent(), 2))
                        : tr("Confusion matrix"));
}

QString ConfusionMatrixPlot::cellText(int truth, int predicted) const {
    return cells_[truth * kCifarClasses + predicted]->text();
}

QString ConfusionMatrixPlot::title() const {
    return title_->text();
}

void ConfusionMatrixPlot::mousePressEvent(QMouseEvent* event) {
    QCustomPlot::mousePressEvent(event);
    if (matrix_.total() == 0 || !axisRect()->rect().contains(event->pos()))
        return;
    const int p = qRound(xAxis->pixelToCoord(event->pos().x()));
    const int t = qRound(yAxis->pixelToCoord(event->pos().y()));
    if (p >= 0 && p < kCifarClasses && t >= 0 && t < kCifarClasses)
        Q_EMIT cellClicked(t, p);
}

// ---------------------------------------------------------------------------------------------

MisclassifiedModel::MisclassifiedModel(QObject* parent) : QAbstractListModel(parent) {}

void MisclassifiedModel::setPredictions(std::shared_ptr<const TestPredictions> predictions,
                                        std::shared_ptr<const CifarSplit> images,
                                        const QStringList& classNames) {
    predictions_ = std::move(predictions);
    images_ = std::move(images);
    names_ = classNames;
    setPair(-1, -1);
}

void MisclassifiedModel::setPair(int truth, int predicted) {
    beginResetModel();
    truth_ = truth;
    predicted_ = predicted;
    rows_.clear();
    const int n = predictions_ ? predictions_->size() : 0;
    for (int i = 0; i < n; ++i) {
        const int t = predictions_->label(i), p = predictions_->predicted(i);
        if (truth < 0 ? t != p : (t == truth && p == predicted))
            rows_.append(i);
    }
    endResetModel();
}

void MisclassifiedModel::retranslate(const QStringList& classNames) {
    names_ = classNames;
    if (!rows_.isEmpty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1), {Qt::DisplayRole, Qt::ToolTipRole});
}

int MisclassifiedModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(rows_.size());
}

QVariant MisclassifiedModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rows_.size())
        return {};
    const int i = rows_[index.row()];
    const QString truth = names_.value(predictions_->label(i));
    const QString predicted = names_.value(predictions_->predicted(i));
    switch (role) {
        case Qt::DisplayRole:
            //: Under a misclassified image: the true class, the predicted class, the confidence.
            return tr("%1 → %2\n%3")
                .arg(truth, predicted, percent(100.0 * predictions_->confidence(i), 0));
        case Qt::ToolTipRole:
            return tr("Test image %1: a %2, taken for a %3 with %4 confidence")
                .arg(i)
                .arg(truth, predicted, percent(100.0 * predictions_->confidence(i)));
        case Qt::DecorationRole:
            if (images_ && i < images_->size())
                return QPixmap::fromImage(scaledImage(*images_, i, kGalleryPixels));
            return {};
        case IndexRole:
            return i;
        default:
            return {};
    }
}

// ---------------------------------------------------------------------------------------------

// One evaluation: the worker thread writes, the UI reads after `finished` (progress any time).
struct PredictionsView::Job {
    QString path;
    QString dataDir;
    int testSubset = 0;
    QDateTime modified;
    std::atomic<bool> stop{false};
    std::atomic<int> done{0};
    std::atomic<int> total{0};
    bool ok = false;
    QString error;
    std::shared_ptr<TestPredictions> predictions;
    std::shared_ptr<CifarSplit> images;
};

PredictionsView::PredictionsView(RunsModel* runs, QWidget* parent) : QWidget(parent), runs_(runs) {
    setObjectName(QStringLiteral("predictionsView"));
    auto* v = new QVBoxLayout(this);
    auto* bar = new QHBoxLayout;
    runLabel_ = new QLabel(this);
    runBox_ = new QComboBox(this);
    runBox_->setObjectName(QStringLiteral("runBox"));
    runBox_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    runBox_->setMinimumContentsLength(24);
    runLabel_->setBuddy(runBox_);
    browse_ = new QPushButton(this);
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("predictionsStatus"));
    status_->setWordWrap(true);
    QFont statusFont = status_->font();
    statusFont.setPointSizeF(statusFont.pointSizeF() * 1.15);
    status_->setFont(statusFont);
    progress_ = new QProgressBar(this);
    progress_->setVisible(false);
    progress_->setMaximumWidth(220);
    bar->addWidget(runLabel_);
    bar->addWidget(runBox_);
    bar->addWidget(browse_);
    bar->addSpacing(16);
    bar->addWidget(status_, 1);
    bar->addWidget(progress_);
    v->addLayout(bar);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    plot_ = new ConfusionMatrixPlot(splitter);
    plot_->setMinimumSize(560, 420);
    splitter->addWidget(plot_);

    auto* right = new QWidget(splitter);
    auto* rv = new QVBoxLayout(right);
    rv->setContentsMargins(0, 0, 0, 0);
    galleryGroup_ = new QGroupBox(right);
    auto* gv = new QVBoxLayout(galleryGroup_);
    auto* hint = new QHBoxLayout;
    galleryHint_ = new QLabel(galleryGroup_);
    galleryHint_->setWordWrap(true);
    showAll_ = new QPushButton(galleryGroup_);
    showAll_->setVisible(false);
    hint->addWidget(galleryHint_, 1);
    hint->addWidget(showAll_);
    gv->addLayout(hint);
    galleryModel_ = new MisclassifiedModel(this);
    galleryView_ = new QListView(galleryGroup_);
    galleryView_->setObjectName(QStringLiteral("misclassified"));
    galleryView_->setViewMode(QListView::IconMode);
    galleryView_->setMovement(QListView::Static);
    galleryView_->setResizeMode(QListView::Adjust);
    galleryView_->setUniformItemSizes(true);
    galleryView_->setLayoutMode(QListView::Batched);
    galleryView_->setIconSize({kGalleryPixels, kGalleryPixels});
    const QFontMetrics fm(galleryView_->font());
    const QSize cell(fm.horizontalAdvance(QStringLiteral("automobile → airplane")) + 8,
                     kGalleryPixels + 2 * fm.height() + 12);
    galleryView_->setGridSize(cell);
    galleryView_->setItemDelegate(new GalleryDelegate(cell, galleryView_));
    galleryView_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    galleryView_->setModel(galleryModel_);
    gv->addWidget(galleryView_);
    rv->addWidget(galleryGroup_, 3);

    detailGroup_ = new QGroupBox(right);
    auto* dg = new QGridLayout(detailGroup_);
    imageLabel_ = new QLabel(detailGroup_);
    imageIndex_ = new QSpinBox(detailGroup_);
    imageIndex_->setObjectName(QStringLiteral("testImage"));
    imageIndex_->setRange(0, 0);
    imageLabel_->setBuddy(imageIndex_);
    image_ = new QLabel(detailGroup_);
    image_->setFixedSize(kDetailPixels, kDetailPixels);
    image_->setFrameShape(QFrame::Box);
    truth_ = new QLabel(detailGroup_);
    truth_->setWordWrap(true);
    QFont big = truth_->font();
    big.setPointSizeF(big.pointSizeF() * 1.15);
    truth_->setFont(big);
    auto* pick = new QHBoxLayout;
    pick->addWidget(imageLabel_);
    pick->addWidget(imageIndex_);
    pick->addStretch(1);
    dg->addLayout(pick, 0, 0, 1, 3);
    dg->addWidget(image_, 1, 0, kTopClasses + 1, 1, Qt::AlignTop);
    dg->addWidget(truth_, 1, 1, 1, 2);
    for (int k = 0; k < kTopClasses; ++k) {
        auto* name = new QLabel(detailGroup_);
        name->setFont(big);
        auto* b = new QProgressBar(detailGroup_);
        b->setRange(0, 1000);
        b->setTextVisible(true);
        b->setMinimumHeight(QFontMetrics(big).height() + 6);
        b->setFont(big);
        dg->addWidget(name, 2 + k, 1);
        dg->addWidget(b, 2 + k, 2);
        barNames_.append(name);
        bars_.append(b);
    }
    dg->setColumnStretch(2, 1);
    dg->setRowStretch(kTopClasses + 2, 1);
    rv->addWidget(detailGroup_, 2);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    v->addWidget(splitter, 1);

    progressTimer_ = new QTimer(this);
    progressTimer_->setInterval(200);
    connect(progressTimer_, &QTimer::timeout, this, &PredictionsView::updateStatus);
    connect(runBox_, &QComboBox::activated, this, [this](int index) {
        const QString path = runBox_->itemData(index).toString();
        if (!path.isEmpty())
            showRun(path);
    });
    connect(browse_, &QPushButton::clicked, this, &PredictionsView::browse);
    connect(plot_, &ConfusionMatrixPlot::cellClicked, this, [this](int truth, int predicted) {
        galleryModel_->setPair(truth, predicted);
        showAll_->setVisible(true);
        retranslateUi();
    });
    connect(showAll_, &QPushButton::clicked, this, [this] {
        galleryModel_->setPair(-1, -1);
        showAll_->setVisible(false);
        retranslateUi();
    });
    connect(galleryView_, &QListView::clicked, this, [this](const QModelIndex& index) {
        selectImage(index.data(MisclassifiedModel::IndexRole).toInt());
    });
    connect(imageIndex_, &QSpinBox::valueChanged, this, &PredictionsView::updateDetail);
    if (runs_) {
        connect(runs_, &QAbstractItemModel::modelReset, this, &PredictionsView::refillRuns);
        connect(runs_, &QAbstractItemModel::rowsInserted, this, &PredictionsView::refillRuns);
        connect(runs_, &QAbstractItemModel::rowsRemoved, this, &PredictionsView::refillRuns);
        connect(runs_, &QAbstractItemModel::dataChanged, this, &PredictionsView::refillRuns);
    }

    dataDir_ = findCifar10();
    retranslateUi();
}

PredictionsView::~PredictionsView() {
    cancel();
    for (QThread* t : std::as_const(threads_)) {
        t->wait();
        delete t;
    }
}

QString PredictionsView::matrixCellText(int truth, int predicted) const {
    return plot_->cellText(truth, predicted);
}

QString PredictionsView::matrixTitle() const {
    return plot_->title();
}

QStringList PredictionsView::classNames() const {
    QStringList out;
    for (const QString& name : readCifarClassNames(dataDir_))
        out << cifarClassText(name);
    return out;
}

void PredictionsView::retranslateUi() {
    runLabel_->setText(tr("&Run:"));
    runBox_->setPlaceholderText(tr("Choose a trained run…"));
    runBox_->setToolTip(
        tr("The runs of the Training tab. The test set is evaluated with the "
           "run's last checkpoint."));
    browse_->setText(tr("&Browse…"));
    browse_->setToolTip(tr("Evaluate another run folder."));
    galleryGroup_->setTitle(tr("Misclassified test images"));
    showAll_->setText(tr("Show all mistakes"));
    imageLabel_->setText(tr("Test &image:"));
    detailGroup_->setTitle(tr("The network's three best guesses"));
    names_ = classNames();
    galleryModel_->retranslate(names_);
    const int n = galleryModel_->rowCount();
    if (showAll_->isVisible() && predictions_)
        galleryHint_->setText(tr("%Ln image(s) of this cell of the matrix.", nullptr, n));
    else if (predictions_)
        galleryHint_->setText(
            tr("%Ln mistake(s). Click a cell of the matrix to see only its images; click an "
               "image for its best guesses.",
               nullptr, n));
    else
        galleryHint_->setText(tr("Choose a run to evaluate it on the test set."));
    plot_->retranslate(names_);
    refillRuns();
    updateStatus();
    updateDetail();
}

void PredictionsView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void PredictionsView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (std::exchange(shownBefore_, true) || !run_.isEmpty() || !runs_)
        return;
    QString newest;
    QDateTime newestTime;
    for (const QString& id : runs_->ids()) {
        const QDateTime t = modifiedOf(runs_->path(id));
        if (t.isValid() && (newest.isEmpty() || t > newestTime)) {
            newest = runs_->path(id);
            newestTime = t;
        }
    }
    if (!newest.isEmpty())
        showRun(newest);
}

void PredictionsView::refillRuns() {
    const QSignalBlocker block(runBox_);
    runBox_->clear();
    QStringList paths;
    if (runs_)
        for (const QString& id : runs_->ids()) {
            runBox_->addItem(id, runs_->path(id));
            paths << QDir::cleanPath(runs_->path(id));
        }
    for (const QString& path : std::as_const(browsed_))
        if (!paths.contains(QDir::cleanPath(path)))
            runBox_->addItem(QFileInfo(path).fileName(), path);
    runBox_->setCurrentIndex(run_.isEmpty() ? -1 : runBox_->findData(run_));
    if (runBox_->currentIndex() < 0 && !run_.isEmpty()) {
        runBox_->addItem(QFileInfo(run_).fileName(), run_);
        runBox_->setCurrentIndex(runBox_->count() - 1);
    }
}

void PredictionsView::browse() {
    const QString start = run_.isEmpty() ? QString() : QFileInfo(run_).absolutePath();
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Choose a run folder"), start);
    if (dir.isEmpty())
        return;
    if (!browsed_.contains(dir))
        browsed_ << dir;
    showRun(dir);
}

void PredictionsView::setDataDirectory(const QString& dir) {
    if (dir == dataDir_)
        return;
    dataDir_ = dir;
    results_.clear();
    names_ = classNames();
}

QDateTime PredictionsView::modifiedOf(const QString& path) {
    const QFileInfo info(path);
    return info.isDir()
               ? QFileInfo(QDir(path).filePath(QLatin1String(kRunCheckpointFile))).lastModified()
               : info.lastModified();
}

void PredictionsView::cancel() {
    if (job_)
        job_->stop = true;
    job_.reset();
    progressTimer_->stop();
}

void PredictionsView::showRun(const QString& path) {
    cancel();
    run_ = path;
    error_.clear();
    refillRuns();
    predictions_.reset();
    images_.reset();
    galleryModel_->setPredictions(nullptr, nullptr, names_);
    matrix_ = ConfusionMatrix{};
    plot_->clearMatrix();
    showAll_->setVisible(false);

    const QFileInfo info(path);
    if (!info.exists()) {
        fail(tr("%1 does not exist.").arg(path));
        return;
    }
    if (info.isDir() &&
        !QFileInfo::exists(QDir(path).filePath(QLatin1String(kRunCheckpointFile)))) {
        fail(tr("The run %1 has no checkpoint (%2) yet: train it until its first test, or "
                "choose another run.")
                 .arg(info.fileName(), QLatin1String(kRunCheckpointFile)));
        return;
    }
    if (!looksLikeCifar10(dataDir_)) {
        fail(tr("CIFAR-10 is not on this computer: download it with the Training tab's Download "
                "button or with resnet-explorer-cli download --out %1.")
                 .arg(defaultCifar10Dir()));
        return;
    }
    const QDateTime modified = modifiedOf(path);
    const auto cached = results_.constFind(path);
    if (cached != results_.constEnd() && cached->modified == modified) {
        showResult(*cached);
        return;
    }

    auto job = std::make_shared<Job>();
    job->path = path;
    job->dataDir = dataDir_;
    job->testSubset = testSubset_;
    job->modified = modified;
    job_ = job;
    QThread* thread = QThread::create([job] {
        workInBackground();
        EvalOptions options;
        options.dataDir = job->dataDir;
        options.testSubset = job->testSubset;
        options.cancel = &job->stop;
        options.onBatch = [job](int done, int total) {
            job->done = done;
            job->total = total;
        };
        auto predictions = std::make_shared<TestPredictions>();
        if (!predictTestSet(job->path, options, predictions.get(), &job->error))
            return;
        auto images = std::make_shared<CifarSplit>();
        if (!readCifarBatch(QDir(job->dataDir).filePath(QStringLiteral("test_batch.bin")),
                            images.get(), &job->error))
            return;
        job->predictions = std::move(predictions);
        job->images = std::move(images);
        job->ok = true;
    });
    threads_.append(thread);
    connect(thread, &QThread::finished, this, [this, thread, job] {
        threads_.removeOne(thread);
        thread->deleteLater();
        if (job == job_)
            finished(job);
    });
    thread->start();
    progressTimer_->start();
    retranslateUi();
}

void PredictionsView::finished(const std::shared_ptr<Job>& job) {
    job_.reset();
    progressTimer_->stop();
    if (!job->ok) {
        fail(job->error);
        return;
    }
    Result result{job->modified, job->predictions, job->images};
    results_.insert(job->path, result);
    showResult(result);
}

void PredictionsView::showResult(const Result& result) {
    predictions_ = result.predictions;
    images_ = result.images;
    matrix_ = confusionMatrix(predictions_->labels, predictedClasses(*predictions_));
    names_ = classNames();
    plot_->setMatrix(matrix_, names_);
    galleryModel_->setPredictions(predictions_, images_, names_);
    imageIndex_->setRange(0, std::max(0, predictions_->size() - 1));
    retranslateUi();
    // The first mistake is a good first example.
    if (galleryModel_->rowCount() > 0)
        selectImage(galleryModel_->index(0).data(MisclassifiedModel::IndexRole).toInt());
    Q_EMIT evaluated();
}

void PredictionsView::fail(const QString& message) {
    error_ = message;
    retranslateUi();
    Q_EMIT evaluated();
}

void PredictionsView::updateStatus() {
    progress_->setVisible(job_ != nullptr);
    QPalette palette = status_->palette();
    palette.setColor(QPalette::WindowText, error_.isEmpty()
                                               ? this->palette().color(QPalette::WindowText)
                                               : QColor(180, 0, 0));
    status_->setPalette(palette);
    if (job_) {
        const int total = job_->total, done = job_->done;
        progress_->setRange(0, std::max(1, total));
        progress_->setValue(done);
        status_->setText(total ? tr("Evaluating the test set… %1 of %2 images")
                                     .arg(QLocale().toString(done), QLocale().toString(total))
                               : tr("Loading the network…"));
    } else if (!error_.isEmpty()) {
        status_->setText(error_);
    } else if (predictions_) {
        status_->setText(tr("Test error %1 on %2 test images (loss %3).")
                             .arg(percent(predictions_->error, 2),
                                  QLocale().toString(predictions_->size()),
                                  QLocale().toString(predictions_->loss, 'f', 3)));
    } else {
        status_->setText(tr("Choose a trained run to see what it gets right and wrong."));
    }
}

void PredictionsView::selectImage(int index) {
    imageIndex_->setValue(index);
    updateDetail();
}

int PredictionsView::selectedImage() const {
    return imageIndex_->value();
}

QVector<ClassProbability> PredictionsView::selectedTopK() const {
    if (!predictions_ || selectedImage() >= predictions_->size())
        return {};
    return topK(predictions_->row(selectedImage()), kTopClasses);
}

void PredictionsView::updateDetail() {
    const QVector<ClassProbability> top = selectedTopK();
    imageIndex_->setEnabled(predictions_ != nullptr);
    if (top.isEmpty()) {
        image_->clear();
        truth_->clear();
        for (int k = 0; k < kTopClasses; ++k) {
            barNames_[k]->clear();
            bars_[k]->setValue(0);
            bars_[k]->setFormat({});
        }
        return;
    }
    const int i = selectedImage();
    const int truth = predictions_->label(i);
    if (images_ && i < images_->size())
        image_->setPixmap(QPixmap::fromImage(scaledImage(*images_, i, kDetailPixels)));
    truth_->setText(tr("True class: %1\nPredicted: %2")
                        .arg(names_.value(truth), names_.value(predictions_->predicted(i))));
    for (int k = 0; k < kTopClasses; ++k) {
        const ClassProbability& c = top[k];
        barNames_[k]->setText(names_.value(c.label));
        bars_[k]->setValue(qRound(c.probability * 1000));
        bars_[k]->setFormat(percent(100.0 * c.probability));
        // The true class's bar is green, the others blue.
        bars_[k]->setStyleSheet(
            c.label == truth ? QStringLiteral("QProgressBar::chunk { background: #2e9e44; }")
                             : QStringLiteral("QProgressBar::chunk { background: #3b6fb6; }"));
    }
}

}  // namespace rx
