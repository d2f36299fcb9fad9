#include "train_form.h"

#include "cifar10.h"
#include "enum_table.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

#include <limits>

namespace rx {

namespace {

// One item per row of an enum's id table (trainer.h): its display text, the value as data.
template <typename Table, typename Text>
QComboBox* fillCombo(QComboBox* box, const Table& table, Text text) {
    for (const auto& e : table)
        box->addItem(text(e.value), int(e.value));
    return box;
}

template <typename E>
E comboValue(const QComboBox* box) {
    return E(box->currentData().toInt());
}

template <typename E>
void setComboValue(QComboBox* box, E value) {
    box->setCurrentIndex(std::max(0, box->findData(int(value))));
}

}  // namespace

TrainForm::TrainForm(QWidget* parent) : QWidget(parent) {
    auto* v = new QVBoxLayout(this);
    networkLabel_ = new QLabel(this);
    networkLabel_->setWordWrap(true);
    v->addWidget(networkLabel_);
    addRecipe();
    addDeviceAndData();
    addControls();
    v->addStretch();
    setConfig(TrainConfig{});
    updateButtons();

    // Which device LibTorch offers is a torch call: ask it off the UI thread.
    QPointer<QLabel> label = deviceLabel_;
    auto* probe = QThread::create([label] {
        const QString device = availableDevice();
        QMetaObject::invokeMethod(
            qApp,
            [label, device] {
                if (label)
                    label->setText(device);
            },
            Qt::QueuedConnection);
    });
    connect(probe, &QThread::finished, probe, &QObject::deleteLater);
    probe->start();
}

QSpinBox* TrainForm::addSpinBox(QFormLayout* form, const char* name, const QString& label,
                                int minimum, int maximum, const QString& special,
                                const QString& tip) {
    auto* box = new QSpinBox(form->parentWidget());
    box->setObjectName(QLatin1String(name));
    box->setRange(minimum, maximum);
    box->setSpecialValueText(special);
    box->setToolTip(tip);
    form->addRow(label, box);
    return box;
}

// The paper's hyperparameters (§4.2); their values come from setConfig.
void TrainForm::addRecipe() {
    auto* box = new QGroupBox(tr("Training (the paper's recipe)"), this);
    auto* f = new QFormLayout(box);
    iterations_ = addSpinBox(f, "iterations", tr("Iterations"), 0, 10000000, tr("auto"),
                             tr("Stop after this many iterations; auto: after the epochs below, "
                                "or the paper's %1 when they are — too.")
                                 .arg(QLocale().toString(kPaperIterations)));
    epochs_ = addSpinBox(f, "epochs", tr("Epochs"), 0, 100000, tr("—"),
                         tr("Used when iterations is auto: stop after this many epochs."));
    batch_ = addSpinBox(f, "batch", tr("Batch"), 1, 4096);
    lr_ = new QDoubleSpinBox(box);
    lr_->setObjectName(QStringLiteral("lr"));
    lr_->setDecimals(4);
    lr_->setRange(0.0001, 10);
    lr_->setSingleStep(0.01);
    f->addRow(tr("Learning rate"), lr_);
    schedule_ = fillCombo(new QComboBox(box), kSchedules, scheduleText);
    schedule_->setObjectName(QStringLiteral("schedule"));
    f->addRow(tr("Schedule"), schedule_);
    warmup_ = addSpinBox(f, "warmup", tr("Warm-up"), 0, 100000, tr("off"),
                         tr("The paper's ResNet-110 warm-up: lr %1 until the training error is "
                            "below %2 % (at most this many iterations).")
                             .arg(TrainConfig{}.warmupLr)
                             .arg(TrainConfig{}.warmupUntilError));
    augment_ = new QCheckBox(tr("pad 4, random crop, flip"), box);
    f->addRow(tr("Augment"), augment_);
    perPixel_ = new QCheckBox(tr("per-pixel mean (the paper)"), box);
    f->addRow(tr("Normalise"), perPixel_);
    validation_ = new QCheckBox(tr("45k/5k train/validation"), box);
    f->addRow(tr("Split"), validation_);
    trainSubset_ = addSpinBox(f, "trainSubset", tr("Training images"), 0, 50000, tr("all"));
    testSubset_ = addSpinBox(f, "testSubset", tr("Test images"), 0, 10000, tr("all"));
    seed_ = addSpinBox(f, "seed", tr("Seed"), 0, std::numeric_limits<int>::max());
    logEvery_ = addSpinBox(f, "logEvery", tr("Report every"), 1, 10000, {},
                           tr("Training error and gradient norms are averaged and reported every "
                              "this many iterations."));
    layout()->addWidget(box);
}

void TrainForm::addDeviceAndData() {
    auto* box = new QGroupBox(tr("Device and data"), this);
    auto* g = new QFormLayout(box);
    device_ = fillCombo(new QComboBox(box), kDevices, deviceText);
    device_->setObjectName(QStringLiteral("device"));
    g->addRow(tr("Device"), device_);
    deviceLabel_ = new QLabel(tr("checking…"), box);
    g->addRow(tr("Available"), deviceLabel_);
    auto* dataRow = new QHBoxLayout;
    dataDir_ = new QLineEdit(box);
    dataDir_->setObjectName(QStringLiteral("dataDir"));
    dataDir_->setPlaceholderText(tr("folder with data_batch_1.bin …"));
    auto* browse = new QPushButton(tr("…"), box);
    browse->setMaximumWidth(32);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("CIFAR-10 folder"), dataDir_->text());
        if (!dir.isEmpty())
            setDataDirectory(dir);
    });
    dataRow->addWidget(dataDir_);
    dataRow->addWidget(browse);
    g->addRow(tr("CIFAR-10"), dataRow);
    downloadButton_ = new QPushButton(tr("Download CIFAR-10 (163 MB)"), box);
    downloadButton_->setObjectName(QStringLiteral("download"));
    connect(downloadButton_, &QPushButton::clicked, this, &TrainForm::downloadClicked);
    g->addRow(QString(), downloadButton_);
    layout()->addWidget(box);
}

void TrainForm::addControls() {
    auto* buttons = new QHBoxLayout;
    auto button = [this, buttons](const char* name, const QString& text,
                                  void (TrainForm::*clicked)()) {
        auto* b = new QPushButton(text, this);
        b->setObjectName(QLatin1String(name));
        connect(b, &QPushButton::clicked, this, clicked);
        buttons->addWidget(b);
        return b;
    };
    startButton_ = button("start", tr("Start"), &TrainForm::startClicked);
    pauseButton_ = button("pause", tr("Pause"), &TrainForm::pauseClicked);
    stopButton_ = button("stop", tr("Stop"), &TrainForm::stopClicked);
    auto* v = static_cast<QVBoxLayout*>(layout());
    v->addLayout(buttons);
    progress_ = new QProgressBar(this);
    progress_->setObjectName(QStringLiteral("progress"));
    v->addWidget(progress_);
    progressLabel_ = new QLabel(this);
    progressLabel_->setObjectName(QStringLiteral("progressLabel"));
    progressLabel_->setWordWrap(true);
    v->addWidget(progressLabel_);
    messageLabel_ = new QLabel(this);
    messageLabel_->setObjectName(QStringLiteral("message"));
    messageLabel_->setWordWrap(true);
    messageLabel_->setStyleSheet(QStringLiteral("color: #b01010"));
    v->addWidget(messageLabel_);
}

void TrainForm::setConfig(const TrainConfig& c) {
    iterations_->setValue(c.iterations);
    epochs_->setValue(c.epochs);
    batch_->setValue(c.batchSize);
    lr_->setValue(c.learningRate);
    setComboValue(schedule_, c.schedule);
    warmup_->setValue(c.warmupIterations);
    augment_->setChecked(c.augment);
    perPixel_->setChecked(c.normalization == Normalization::PerPixelMean);
    validation_->setChecked(c.validationSplit);
    trainSubset_->setValue(c.trainSubset);
    testSubset_->setValue(c.testSubset);
    seed_->setValue(int(std::min<quint64>(c.seed, std::numeric_limits<int>::max())));
    logEvery_->setValue(c.logEvery);
    setComboValue(device_, c.device);
    if (!c.dataDir.isEmpty())
        setDataDirectory(c.dataDir);
}

TrainConfig TrainForm::config() const {
    TrainConfig c;
    c.iterations = iterations_->value();
    c.epochs = c.iterations > 0 ? 0 : epochs_->value();
    c.batchSize = batch_->value();
    c.learningRate = lr_->value();
    c.schedule = comboValue<LrSchedule>(schedule_);
    c.warmupIterations = warmup_->value();
    c.augment = augment_->isChecked();
    c.normalization =
        perPixel_->isChecked() ? Normalization::PerPixelMean : Normalization::PerChannel;
    c.validationSplit = validation_->isChecked();
    c.trainSubset = trainSubset_->value();
    c.testSubset = testSubset_->value();
    c.seed = quint64(seed_->value());
    c.logEvery = logEvery_->value();
    c.device = comboValue<DeviceChoice>(device_);
    c.dataDir = dataDir_->text();
    return c;
}

void TrainForm::setNetwork(const QString& name, bool valid) {
    valid_ = valid;
    networkLabel_->setText(
        valid ? tr("Network: <b>%1</b> (from the builder)").arg(name)
              : tr("Network: <b>%1</b> is invalid; fix it in the builder").arg(name));
    updateButtons();
}

QString TrainForm::dataDirectory() const {
    return dataDir_->text();
}

void TrainForm::setDataDirectory(const QString& dir) {
    dataDir_->setText(dir);
    downloadButton_->setVisible(!looksLikeCifar10(dir));
}

void TrainForm::showDownload() const {
    downloadButton_->setVisible(true);
}

void TrainForm::setDownloading(bool downloading) {
    downloadButton_->setEnabled(!downloading);
}

void TrainForm::setTraining(bool training, bool paused) {
    training_ = training;
    paused_ = paused;
    updateButtons();
}

void TrainForm::updateButtons() {
    startButton_->setEnabled(!training_ && valid_);
    pauseButton_->setEnabled(training_);
    stopButton_->setEnabled(training_);
    pauseButton_->setText(paused_ && training_ ? tr("Resume") : tr("Pause"));
}

void TrainForm::setProgress(int value, int maximum) {
    progress_->setRange(0, maximum);
    progress_->setValue(value);
}

void TrainForm::setProgressText(const QString& text) {
    progressLabel_->setText(text);
}

void TrainForm::showMessage(const QString& text) {
    messageLabel_->setText(text);
}

QString TrainForm::message() const {
    return messageLabel_->text();
}

}  // namespace rx
