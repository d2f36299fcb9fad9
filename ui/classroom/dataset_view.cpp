#include "dataset_view.h"

#include "augmentation.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QPixmap>
#include <QStackedWidget>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

namespace rx {

namespace {

constexpr int kShownPixels = 96;  // 3 × 32: nearest-neighbour scaling keeps the pixels square
constexpr int kResampleMs = 1000;

// The per-channel mean colour of the images: where the trainer's zero pad of the normalised
// input lies in pixels.
std::array<uchar, 3> meanColour(const CifarSplit& split) {
    std::array<double, 3> sum{};
    const int n = split.size();
    const auto* bytes = reinterpret_cast<const uchar*>(split.images.constData());
    for (int i = 0; i < n; ++i)
        for (int c = 0; c < 3; ++c) {
            const uchar* plane = bytes + qsizetype(i) * kCifarImageBytes + c * 1024;
            quint32 s = 0;
            for (int p = 0; p < 1024; ++p)
                s += plane[p];
            sum[size_t(c)] += s;
        }
    std::array<uchar, 3> mean{};
    for (size_t c = 0; c < 3; ++c)
        mean[c] = uchar(n ? qRound(sum[c] / (double(n) * 1024)) : 0);
    return mean;
}

}  // namespace

QImage cifarImage(const uchar* planes) {
    QImage image(32, 32, QImage::Format_RGB888);
    for (int y = 0; y < 32; ++y) {
        uchar* line = image.scanLine(y);
        for (int x = 0; x < 32; ++x)
            for (int c = 0; c < 3; ++c)
                line[3 * x + c] = planes[(c * 32 + y) * 32 + x];
    }
    return image;
}

QImage cifarImage(const CifarSplit& split, int index) {
    return cifarImage(reinterpret_cast<const uchar*>(split.images.constData()) +
                      qsizetype(index) * kCifarImageBytes);
}

DatasetImagesModel::DatasetImagesModel(QObject* parent) : QAbstractListModel(parent) {}

void DatasetImagesModel::setImages(std::shared_ptr<const CifarSplit> images,
                                   const QStringList& classNames,
                                   const std::array<uchar, 3>& padColour) {
    images_ = std::move(images);
    classNames_ = classNames;
    padColour_ = padColour;
    setClassFilter(filter_);
}

void DatasetImagesModel::setClassFilter(int label) {
    beginResetModel();
    filter_ = label;
    rows_.clear();
    const int n = images_ ? images_->size() : 0;
    for (int i = 0; i < n; ++i)
        if (label < 0 || uchar(images_->labels[i]) == label)
            rows_.append(i);
    endResetModel();
}

void DatasetImagesModel::setAugmented(bool on) {
    if (augmented_ == on)
        return;
    augmented_ = on;
    if (!rows_.isEmpty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1), {Qt::DecorationRole, ImageRole});
}

void DatasetImagesModel::resample() {
    ++draw_;
    if (augmented_ && !rows_.isEmpty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1), {Qt::DecorationRole, ImageRole});
}

void DatasetImagesModel::setPixelSize(int size) {
    pixelSize_ = size;
    if (!rows_.isEmpty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1), {Qt::DecorationRole});
}

void DatasetImagesModel::retranslate() {
    if (!rows_.isEmpty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1), {Qt::DisplayRole});
}

int DatasetImagesModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(rows_.size());
}

QImage DatasetImagesModel::image(int datasetIndex) const {
    const auto* planes = reinterpret_cast<const uchar*>(images_->images.constData()) +
                         qsizetype(datasetIndex) * kCifarImageBytes;
    if (!augmented_)
        return cifarImage(planes);
    // The same (image, draw number) gives the same draw: repaints do not re-draw.
    const quint32 seed[] = {quint32(datasetIndex), draw_};
    QRandomGenerator rng(seed, seed + 2);
    std::array<uchar, kCifarImageBytes> out;
    applyAugmentation(planes, drawAugmentation(rng), padColour_, out.data());
    return cifarImage(out.data());
}

QVariant DatasetImagesModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rows_.size())
        return {};
    const int i = rows_[index.row()];
    const int label = uchar(images_->labels[i]);
    switch (role) {
        case Qt::DisplayRole:
            return cifarClassText(classNames_.value(label));
        case Qt::DecorationRole:
            return QPixmap::fromImage(image(i).scaled(pixelSize_, pixelSize_, Qt::IgnoreAspectRatio,
                                                      Qt::FastTransformation));
        case Qt::ToolTipRole:
            return QStringLiteral("#%1 · %2").arg(i).arg(cifarClassText(classNames_.value(label)));
        case LabelRole:
            return label;
        case ImageRole:
            return image(i);
        case IndexRole:
            return i;
        default:
            return {};
    }
}

// Everything the worker thread reads; the UI keeps only the newest one.
struct DatasetView::Load {
    QString dir;
    std::shared_ptr<CifarSplit> images;
    QStringList classNames;
    std::array<uchar, 3> padColour{};
    QString error;
};

DatasetView::DatasetView(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("datasetView"));
    auto* v = new QVBoxLayout(this);
    auto* bar = new QHBoxLayout;
    filterLabel_ = new QLabel(this);
    filterBox_ = new QComboBox(this);
    filterBox_->setObjectName(QStringLiteral("classFilter"));
    filterBox_->addItem({}, -1);
    for (int c = 0; c < kCifarClasses; ++c)
        filterBox_->addItem({}, c);
    filterLabel_->setBuddy(filterBox_);
    augment_ = new QCheckBox(this);
    augment_->setObjectName(QStringLiteral("showAugmentation"));
    count_ = new QLabel(this);
    bar->addWidget(filterLabel_);
    bar->addWidget(filterBox_);
    bar->addSpacing(24);
    bar->addWidget(augment_);
    bar->addStretch(1);
    bar->addWidget(count_);
    v->addLayout(bar);
    explanation_ = new QLabel(this);
    explanation_->setWordWrap(true);
    explanation_->setVisible(false);
    v->addWidget(explanation_);

    stack_ = new QStackedWidget(this);
    message_ = new QLabel(this);
    message_->setObjectName(QStringLiteral("datasetMessage"));
    message_->setWordWrap(true);
    message_->setAlignment(Qt::AlignCenter);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont big = message_->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    message_->setFont(big);
    model_ = new DatasetImagesModel(this);
    model_->setPixelSize(kShownPixels);
    grid_ = new QListView(this);
    grid_->setObjectName(QStringLiteral("datasetGrid"));
    grid_->setViewMode(QListView::IconMode);
    grid_->setMovement(QListView::Static);
    grid_->setResizeMode(QListView::Adjust);
    grid_->setUniformItemSizes(true);
    grid_->setLayoutMode(QListView::Batched);
    grid_->setBatchSize(500);
    grid_->setSelectionMode(QAbstractItemView::SingleSelection);
    grid_->setIconSize({kShownPixels, kShownPixels});
    QFont names = grid_->font();
    names.setPointSizeF(names.pointSizeF() * 1.25);
    grid_->setFont(names);
    const int textHeight = QFontMetrics(names).height();
    grid_->setGridSize({kShownPixels + 24, kShownPixels + textHeight + 14});
    grid_->setModel(model_);
    stack_->addWidget(message_);
    stack_->addWidget(grid_);
    v->addWidget(stack_, 1);

    resampleTimer_ = new QTimer(this);
    resampleTimer_->setInterval(kResampleMs);
    connect(resampleTimer_, &QTimer::timeout, model_, &DatasetImagesModel::resample);
    connect(filterBox_, &QComboBox::currentIndexChanged, this, [this] {
        model_->setClassFilter(filterBox_->currentData().toInt());
        updateCount();
    });
    connect(augment_, &QCheckBox::toggled, this, [this](bool on) {
        model_->setAugmented(on);
        explanation_->setVisible(on);
        if (on && isVisible())
            resampleTimer_->start();
        else
            resampleTimer_->stop();
    });

    retranslateUi();
    setDataDirectory(findCifar10());
}

DatasetView::~DatasetView() {
    // A read has no stop flag but ends by itself; its thread must not outlive the view.
    for (QThread* t : std::as_const(threads_)) {
        t->wait();
        delete t;
    }
}

void DatasetView::retranslateUi() {
    filterLabel_->setText(tr("&Class:"));
    filterBox_->setItemText(0, tr("All classes"));
    const QStringList names = classNames_.isEmpty() ? readCifarClassNames({}) : classNames_;
    for (int c = 0; c < kCifarClasses; ++c)
        filterBox_->setItemText(c + 1, cifarClassText(names.value(c)));
    augment_->setText(tr("Show training &augmentation"));
    augment_->setToolTip(tr("Show the images as the trainer sees them, drawn anew every second."));
    explanation_->setText(
        tr("Training augmentation (He et al. 2015, §4.2): %1 pixels of padding on each side (in "
           "the mean colour, the zero of the normalised input), a random %2×%2 crop, and a "
           "horizontal flip with probability %3. A new draw every second; the labels stay.")
            .arg(kAugmentPad)
            .arg(kAugmentCrop)
            .arg(QLocale().toString(kAugmentFlipChance)));
    model_->retranslate();
    updateCount();
    updateMessage();
}

void DatasetView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void DatasetView::setDataDirectory(const QString& dir) {
    if (dir == dir_ && (isLoaded() || isLoading()))
        return;
    dir_ = dir;
    status_ = Status::NotRead;
    error_.clear();
    images_.reset();
    loading_.reset();
    model_->setImages(nullptr, {}, {});
    updateCount();
    updateMessage();
    if (isVisible())
        startLoading();
}

void DatasetView::setClassFilter(int label) {
    filterBox_->setCurrentIndex(std::clamp(label + 1, 0, kCifarClasses));
}

void DatasetView::setAugmentation(bool on) {
    augment_->setChecked(on);
}

QString DatasetView::message() const {
    return stack_->currentWidget() == message_ ? message_->text() : QString();
}

void DatasetView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (status_ == Status::NotRead)
        startLoading();
    if (augment_->isChecked())
        resampleTimer_->start();
}

void DatasetView::hideEvent(QHideEvent* event) {
    resampleTimer_->stop();
    QWidget::hideEvent(event);
}

void DatasetView::startLoading() {
    if (!looksLikeCifar10(dir_)) {
        status_ = dir_.isEmpty() ? Status::NoDataset : Status::NotFound;
        updateMessage();
        Q_EMIT loaded();
        return;
    }
    auto load = std::make_shared<Load>();
    load->dir = dir_;
    loading_ = load;
    status_ = Status::Reading;
    updateMessage();
    QThread* thread = QThread::create([load] {
        CifarData data;
        if (!loadCifar10(load->dir, &data, &load->error))
            return;
        load->images = std::make_shared<CifarSplit>(std::move(data.train));
        load->classNames = data.classNames;
        load->padColour = meanColour(*load->images);
    });
    threads_.append(thread);
    connect(thread, &QThread::finished, this, [this, thread, load] {
        threads_.removeOne(thread);
        thread->deleteLater();
        if (load == loading_)
            finishLoading(load);
    });
    thread->start();
}

void DatasetView::finishLoading(const std::shared_ptr<Load>& load) {
    loading_.reset();
    if (!load->images) {
        status_ = Status::Failed;
        error_ = load->error;
        updateMessage();
        Q_EMIT loaded();
        return;
    }
    status_ = Status::Shown;
    images_ = load->images;
    classNames_ = load->classNames;
    model_->setImages(images_, classNames_, load->padColour);
    retranslateUi();
    stack_->setCurrentWidget(grid_);
    Q_EMIT loaded();
}

void DatasetView::updateMessage() {
    const QString where = tr("Download it with the Training tab's Download button, or on the "
                             "command line with\n\nresnet-explorer-cli download --out %1\n\nand "
                             "then open this tab again.")
                              .arg(defaultCifar10Dir());
    QString text;
    switch (status_) {
        case Status::Shown:
            stack_->setCurrentWidget(grid_);
            return;
        case Status::NotRead:
            break;
        case Status::Reading:
            text = tr("Reading CIFAR-10 from %1…").arg(dir_);
            break;
        case Status::NoDataset:
            text = tr("CIFAR-10 is not on this computer.") + QStringLiteral("\n\n") + where;
            break;
        case Status::NotFound:
            text = tr("CIFAR-10 is not in %1 (data_batch_1.bin … test_batch.bin).").arg(dir_) +
                   QStringLiteral("\n\n") + where;
            break;
        case Status::Failed:
            text = error_ + QStringLiteral("\n\n") + where;
            break;
    }
    message_->setText(text);
    stack_->setCurrentWidget(message_);
}

void DatasetView::updateCount() {
    count_->setText(isLoaded() ? tr("%Ln image(s)", nullptr, model_->rowCount()) : QString());
}

}  // namespace rx
