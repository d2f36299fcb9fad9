#include "train_form.h"

#include "cifar10.h"
#include "cpu_features.h"
#include "enum_table.h"
#include "memory_estimate.h"

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

// The items' texts again, from the same table, in the current language.
template <typename E, typename Text>
void retranslateCombo(QComboBox* box, Text text) {
    for (int i = 0; i < box->count(); ++i)
        box->setItemText(i, text(E(box->itemData(i).toInt())));
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
    retranslateUi();
    // What the memory estimate reads: the network (setNetwork) and these settings.
    for (QSpinBox* box : {batch_, trainSubset_, testSubset_})
        connect(box, &QSpinBox::valueChanged, this, &TrainForm::updateMemory);
    for (QComboBox* box : {device_, precision_})
        connect(box, &QComboBox::currentIndexChanged, this, &TrainForm::updateMemory);
    connect(validation_, &QCheckBox::toggled, this, &TrainForm::updateMemory);

    // Which device LibTorch offers is a torch call: ask it off the UI thread.
    // So is the GPU's free memory, for the memory estimate.
    QPointer<TrainForm> form = this;
    auto* probe = QThread::create([form] {
        const QString device = availableDevice();
        const qint64 cudaFree = availableCudaMemory();
        QMetaObject::invokeMethod(
            qApp,
            [form, device, cudaFree] {
                if (form) {
                    form->availableDevice_ = device;
                    form->cudaFree_ = cudaFree;
                    form->deviceLabel_->setText(device);
                    form->updateMemory();
                }
            },
            Qt::QueuedConnection);
    });
    connect(probe, &QThread::finished, probe, &QObject::deleteLater);
    probe->start();
}

void TrainForm::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

// The texts registered in texts_, and those built with arguments or from a state.
void TrainForm::retranslateUi() {
    texts_.retranslate();
    iterations_->setToolTip(tr("Stop after this many iterations; auto: after the epochs below, "
                               "or the paper's %1 when they are — too.")
                                .arg(QLocale().toString(kPaperIterations)));
    warmup_->setToolTip(tr("The paper's ResNet-110 warm-up: lr %1 until the training error is "
                           "below %2 % (at most this many iterations).")
                            .arg(TrainConfig{}.warmupLr)
                            .arg(TrainConfig{}.warmupUntilError));
    retranslateCombo<LrSchedule>(schedule_, scheduleText);
    retranslateCombo<DeviceChoice>(device_, deviceText);
    retranslateCombo<Precision>(precision_, precisionText);
    precision_->setToolTip(
        tr("bf16 autocast runs the convolutions and matrix products in bfloat16 (batch norm, "
           "the loss and the weights stay in fp32). It needs a GPU or a CPU with native bf16 "
           "(AVX-512 BF16 or AMX); this CPU: %1. fp16 autocast (with loss scaling) needs a GPU.")
            .arg(cpuHasNativeBf16() ? cpuBf16Features() : tr("none")));
    deviceLabel_->setText(availableDevice_.isEmpty() ? tr("checking…") : availableDevice_);
    updateNetworkLabel();
    updateButtons();
    updateMemory();
}

void TrainForm::addRow(QFormLayout* form, const char* label, QWidget* field) {
    auto* text = texts_.add(new QLabel(form->parentWidget()), "text", label);
    text->setBuddy(field);
    form->addRow(text, field);
}

QSpinBox* TrainForm::addSpinBox(QFormLayout* form, const char* name, const char* label, int minimum,
                                int maximum, const char* special, const char* tip) {
    auto* box = new QSpinBox(form->parentWidget());
    box->setObjectName(QLatin1String(name));
    box->setRange(minimum, maximum);
    if (special)
        texts_.add(box, "specialValueText", special);
    if (tip)
        texts_.add(box, "toolTip", tip);
    addRow(form, label, box);
    return box;
}

// The paper's hyperparameters (§4.2); their values come from setConfig.
void TrainForm::addRecipe() {
    auto* box =
        texts_.add(new QGroupBox(this), "title", QT_TR_NOOP("Training (the paper's recipe)"));
    recipeBox_ = box;
    auto* f = new QFormLayout(box);
    iterations_ = addSpinBox(f, "iterations", QT_TR_NOOP("Iterations"), 0, 10000000,
                             QT_TR_NOOP("auto"));  // its tooltip has an argument: retranslateUi
    epochs_ = addSpinBox(f, "epochs", QT_TR_NOOP("Epochs"), 0, 100000, QT_TR_NOOP("—"),
                         QT_TR_NOOP("Used when iterations is auto: stop after this many epochs."));
    batch_ = addSpinBox(f, "batch", QT_TR_NOOP("Batch"), 1, 4096);
    lr_ = new QDoubleSpinBox(box);
    lr_->setObjectName(QStringLiteral("lr"));
    lr_->setDecimals(4);
    lr_->setRange(0.0001, 10);
    lr_->setSingleStep(0.01);
    addRow(f, QT_TR_NOOP("Learning rate"), lr_);
    schedule_ = fillCombo(new QComboBox(box), kSchedules, scheduleText);
    schedule_->setObjectName(QStringLiteral("schedule"));
    addRow(f, QT_TR_NOOP("Schedule"), schedule_);
    warmup_ = addSpinBox(f, "warmup", QT_TR_NOOP("Warm-up"), 0, 100000, QT_TR_NOOP("off"));
    augment_ = texts_.add(new QCheckBox(box), "text", QT_TR_NOOP("pad 4, random crop, flip"));
    addRow(f, QT_TR_NOOP("Augment"), augment_);
    perPixel_ = texts_.add(new QCheckBox(box), "text", QT_TR_NOOP("per-pixel mean (the paper)"));
    addRow(f, QT_TR_NOOP("Normalise"), perPixel_);
    validation_ = texts_.add(new QCheckBox(box), "text", QT_TR_NOOP("45k/5k train/validation"));
    addRow(f, QT_TR_NOOP("Split"), validation_);
    trainSubset_ =
        addSpinBox(f, "trainSubset", QT_TR_NOOP("Training images"), 0, 50000, QT_TR_NOOP("all"));
    testSubset_ =
        addSpinBox(f, "testSubset", QT_TR_NOOP("Test images"), 0, 10000, QT_TR_NOOP("all"));
    seed_ = addSpinBox(f, "seed", QT_TR_NOOP("Seed"), 0, std::numeric_limits<int>::max());
    logEvery_ = addSpinBox(f, "logEvery", QT_TR_NOOP("Report every"), 1, 10000, nullptr,
                           QT_TR_NOOP("Training error and gradient norms are averaged and "
                                      "reported every this many iterations."));
    layout()->addWidget(box);
}

void TrainForm::addDeviceAndData() {
    auto* box = texts_.add(new QGroupBox(this), "title", QT_TR_NOOP("Device and data"));
    deviceBox_ = box;
    auto* g = new QFormLayout(box);
    device_ = fillCombo(new QComboBox(box), kDevices, deviceText);
    device_->setObjectName(QStringLiteral("device"));
    addRow(g, QT_TR_NOOP("Device"), device_);
    deviceLabel_ = new QLabel(box);
    addRow(g, QT_TR_NOOP("Available"), deviceLabel_);
    precision_ = fillCombo(new QComboBox(box), kPrecisions, precisionText);
    precision_->setObjectName(QStringLiteral("precision"));
    addRow(g, QT_TR_NOOP("Precision"), precision_);
    auto* dataRow = new QWidget(box);
    auto* dataLayout = new QHBoxLayout(dataRow);
    dataLayout->setContentsMargins(0, 0, 0, 0);
    dataDir_ = new QLineEdit(box);
    dataDir_->setObjectName(QStringLiteral("dataDir"));
    texts_.add(dataDir_, "placeholderText", QT_TR_NOOP("folder with data_batch_1.bin …"));
    auto* browse = texts_.add(new QPushButton(box), "text", QT_TR_NOOP("…"));
    browse->setMaximumWidth(32);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("CIFAR-10 folder"), dataDir_->text());
        if (!dir.isEmpty())
            setDataDirectory(dir);
    });
    dataLayout->addWidget(dataDir_);
    dataLayout->addWidget(browse);
    addRow(g, QT_TR_NOOP("CIFAR-10"), dataRow);
    downloadButton_ =
        texts_.add(new QPushButton(box), "text", QT_TR_NOOP("Download CIFAR-10 (163 MB)"));
    downloadButton_->setObjectName(QStringLiteral("download"));
    connect(downloadButton_, &QPushButton::clicked, this, &TrainForm::downloadClicked);
    g->addRow(QString(), downloadButton_);
    layout()->addWidget(box);
}

void TrainForm::addControls() {
    auto* buttons = new QHBoxLayout;
    auto button = [this, buttons](const char* name, const char* text,
                                  void (TrainForm::*clicked)()) {
        auto* b = new QPushButton(this);
        if (text)
            texts_.add(b, "text", text);
        b->setObjectName(QLatin1String(name));
        connect(b, &QPushButton::clicked, this, clicked);
        buttons->addWidget(b);
        return b;
    };
    startButton_ = button("start", QT_TR_NOOP("Start"), &TrainForm::startClicked);
    pauseButton_ = button("pause", nullptr, &TrainForm::pauseClicked);  // updateButtons
    stopButton_ = button("stop", QT_TR_NOOP("Stop"), &TrainForm::stopClicked);
    auto* v = static_cast<QVBoxLayout*>(layout());
    memoryLabel_ = new QLabel(this);  // above the buttons
    memoryLabel_->setObjectName(QStringLiteral("memory"));
    memoryLabel_->setWordWrap(true);
    v->addWidget(memoryLabel_);
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
    setComboValue(precision_, c.precision);
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
    c.precision = comboValue<Precision>(precision_);
    c.dataDir = dataDir_->text();
    return c;
}

void TrainForm::setNetwork(const NetworkSpec& spec, bool valid) {
    network_ = spec.name;
    spec_ = spec;
    valid_ = valid;
    updateNetworkLabel();
    updateButtons();
    updateMemory();
}

bool TrainForm::onCuda(DeviceChoice choice) const {
    return trainsOnCuda(choice, availableDevice_.startsWith(QLatin1String("CUDA")));
}

bool TrainForm::memoryFits(const TrainConfig& config, QString* error) const {
    const bool cuda = onCuda(config.device);
    return checkTrainingMemory(config, cuda, cuda ? cudaFree_ : availableHostMemory(), error);
}

// The estimate for the network and the settings shown, against the device's memory now.
void TrainForm::updateMemory() {
    if (!valid_ || !analyze(spec_).ok()) {
        memoryLabel_->clear();
        return;
    }
    TrainConfig c = config();
    c.spec = spec_;
    const bool cuda = onCuda(c.device);
    const qint64 available = cuda ? cudaFree_ : availableHostMemory();
    MemoryEstimate e;
    const bool fits = checkTrainingMemory(c, cuda, available, nullptr, &e);
    QString text;
    if (available < 0)
        text = tr("Memory: about %1").arg(rx::memoryText(e.total()));
    else if (fits)
        text = tr("Memory: %1 of %2 available")
                   .arg(rx::memoryText(e.total()), rx::memoryText(available));
    else
        text = tr("Memory: %1, but only %2 available: this run will not fit. Use a smaller "
                  "batch or a smaller network.")
                   .arg(rx::memoryText(e.total()), rx::memoryText(available));
    memoryLabel_->setText(text);
    memoryLabel_->setStyleSheet(fits ? QString() : QStringLiteral("color: #b01010"));
    memoryLabel_->setToolTip(
        tr("Estimated from the network and the batch: weights %1, gradients %2, momentum %3, "
           "activations of one step %4, kernel buffers %5, evaluation %6, data set %7, "
           "framework allowance %8.")
            .arg(rx::memoryText(e.weights), rx::memoryText(e.gradients),
                 rx::memoryText(e.optimizerState), rx::memoryText(e.activations),
                 rx::memoryText(e.workspace), rx::memoryText(e.evaluation),
                 rx::memoryText(e.dataset), rx::memoryText(e.framework)));
}

QString TrainForm::memoryText() const {
    return memoryLabel_->text();
}

void TrainForm::updateNetworkLabel() {
    networkLabel_->setText(
        valid_ ? tr("Network: <b>%1</b> (from the builder)").arg(network_)
               : tr("Network: <b>%1</b> is invalid; fix it in the builder").arg(network_));
}

void TrainForm::setSettingsVisible(bool visible) {
    recipeBox_->setVisible(visible);
    deviceBox_->setVisible(visible);
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
