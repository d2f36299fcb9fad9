#include "activation_view.h"

#include "activation_maps.h"
#include "background.h"
#include "insight_runs.h"

#include "cifar10.h"
#include "dataset_view.h"
#include "plot_base.h"
#include "run_folder.h"
#include "runs_model.h"

#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRandomGenerator>
#include <QScrollArea>
#include <QSpinBox>
#include <QTextBrowser>
#include <QThread>
#include <QVBoxLayout>

#include <utility>

namespace rx {

namespace {

constexpr int kTestImages = 10000;
constexpr int kMaxChannels = 64;  // the widest stage of the CIFAR nets
constexpr int kMaxShown = 16;
constexpr int kDefaultShown = 8;
constexpr int kExplanationWidth = 340;
constexpr int kPictureSize = 96;

QString className(int label) {
    return cifarClassText(QLatin1String(kCifarClassNames[label]));
}

}  // namespace

ActivationView::ActivationView(RunsModel* runs, QWidget* parent)
    : QWidget(parent),
      runs_(runs),
      latest_(std::make_shared<std::atomic<int>>(0)),
      probe_(std::make_shared<ActivationProbe>()),
      loaded_(std::make_shared<QDateTime>()) {
    auto* h = new QHBoxLayout(this);
    h->setContentsMargins(4, 4, 4, 4);
    auto* left = new QWidget(this);
    auto* v = new QVBoxLayout(left);
    v->setContentsMargins(0, 0, 0, 0);

    auto* bar = new QHBoxLayout;
    runLabel_ = new QLabel(left);
    runBox_ = new QComboBox(left);
    runBox_->setObjectName(QStringLiteral("activationRun"));
    runBox_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    runBox_->setMinimumContentsLength(14);
    runLabel_->setBuddy(runBox_);
    imageLabel_ = new QLabel(left);
    image_ = new QSpinBox(left);
    image_->setObjectName(QStringLiteral("activationImage"));
    image_->setRange(0, kTestImages - 1);
    image_->setKeyboardTracking(false);
    imageLabel_->setBuddy(image_);
    random_ = new QPushButton(left);
    random_->setObjectName(QStringLiteral("activationRandom"));
    channelsLabel_ = new QLabel(left);
    first_ = new QSpinBox(left);
    first_->setObjectName(QStringLiteral("activationFirstChannel"));
    first_->setRange(0, kMaxChannels - 1);
    count_ = new QSpinBox(left);
    count_->setObjectName(QStringLiteral("activationChannelCount"));
    count_->setRange(1, kMaxShown);
    count_->setValue(kDefaultShown);
    channelsLabel_->setBuddy(first_);
    bar->addWidget(runLabel_);
    bar->addWidget(runBox_, 1);
    bar->addSpacing(8);
    bar->addWidget(imageLabel_);
    bar->addWidget(image_);
    bar->addWidget(random_);
    bar->addSpacing(8);
    bar->addWidget(channelsLabel_);
    bar->addWidget(first_);
    bar->addWidget(count_);
    v->addLayout(bar);

    auto* info = new QHBoxLayout;
    picture_ = new QLabel(left);
    picture_->setFixedSize(kPictureSize, kPictureSize);
    picture_->setFrameShape(QFrame::StyledPanel);
    picture_->setAlignment(Qt::AlignCenter);
    prediction_ = new QLabel(left);
    prediction_->setObjectName(QStringLiteral("activationPrediction"));
    prediction_->setTextFormat(Qt::RichText);
    prediction_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    status_ = new QLabel(left);
    status_->setObjectName(QStringLiteral("activationStatus"));
    status_->setWordWrap(true);
    status_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    info->addWidget(picture_);
    info->addWidget(prediction_);
    info->addWidget(status_, 1);
    v->addLayout(info);

    maps_ = new ActivationMaps(left);
    maps_->setObjectName(QStringLiteral("activationMaps"));
    maps_->setChannels(0, kDefaultShown);
    scroll_ = new QScrollArea(left);
    scroll_->setWidget(maps_);
    scroll_->setWidgetResizable(false);
    scroll_->setBackgroundRole(QPalette::Base);
    v->addWidget(scroll_, 1);
    h->addWidget(left, 1);

    explanation_ = new QTextBrowser(this);
    explanation_->setObjectName(QStringLiteral("activationExplanation"));
    explanation_->setOpenExternalLinks(true);
    explanation_->setFixedWidth(kExplanationWidth);
    h->addWidget(explanation_);

    // The worker thread: requests run there in order; the newest one wins.
    thread_ = new QThread(this);
    worker_ = new QObject;
    worker_->moveToThread(thread_);
    connect(thread_, &QThread::finished, worker_, &QObject::deleteLater);
    connect(thread_, &QThread::started, worker_, &workInBackground);  // runs in the thread
    thread_->start();

    connect(runBox_, &QComboBox::activated, this, [this](int index) {
        const QString path = runBox_->itemData(index).toString();
        if (!path.isEmpty())
            showRun(path);
    });
    connect(image_, &QSpinBox::valueChanged, this, [this] { request(); });
    connect(random_, &QPushButton::clicked, this,
            [this] { showImage(int(QRandomGenerator::global()->bounded(kTestImages))); });
    auto channels = [this] { maps_->setChannels(first_->value(), count_->value()); };
    connect(first_, &QSpinBox::valueChanged, this, channels);
    connect(count_, &QSpinBox::valueChanged, this, channels);
    followRuns(runs_, this, [this] { refillRuns(); });
    dataDir_ = findCifar10();
    retranslateUi();
}

ActivationView::~ActivationView() {
    ++*latest_;  // pending requests are skipped
    // The network is released on the worker thread (no torch on the UI thread).
    QMetaObject::invokeMethod(worker_, [probe = std::move(probe_)]() mutable { probe.reset(); });
    thread_->quit();
    thread_->wait();
}

const std::optional<ActivationSnapshot>& ActivationView::snapshot() const {
    return maps_->snapshot();
}

int ActivationView::image() const {
    return image_->value();
}

void ActivationView::showImage(int image) {
    if (image == image_->value())
        request();
    else
        image_->setValue(image);  // requests through valueChanged
}

void ActivationView::setChannels(int first, int count) {
    first_->setValue(first);
    count_->setValue(count);
}

void ActivationView::showRun(const QString& runDir) {
    run_ = runDir;
    refillRuns();
    request();
}

void ActivationView::request() {
    error_.clear();
    if (run_.isEmpty()) {
        updateTexts();
        return;
    }
    if (!QFileInfo(run_).isDir())
        error_ = tr("%1 is not a run folder.").arg(run_);
    else if (!hasCheckpoint(run_))
        error_ = tr("The run %1 has no checkpoint (%2) yet: train it first.")
                     .arg(QFileInfo(run_).fileName(), QLatin1String(kRunCheckpointFile));
    else if (!looksLikeCifar10(dataDir_))
        error_ = tr("CIFAR-10 is not on this computer: download it with the Training tab's "
                    "Download button or with resnet-explorer-cli download --out %1.")
                     .arg(defaultCifar10Dir());
    if (!error_.isEmpty()) {
        maps_->setSnapshot(std::nullopt);
        updateTexts();
        Q_EMIT computed();
        return;
    }
    const int sequence = ++*latest_;
    ++pending_;
    const QString run = run_, dataDir = dataDir_;
    const int image = image_->value();
    // A run still training rewrites its checkpoint: then the network is loaded again.
    const QDateTime saved =
        QFileInfo(QDir(run_).filePath(QLatin1String(kRunCheckpointFile))).lastModified();
    QMetaObject::invokeMethod(worker_, [this, probe = probe_, loaded = loaded_, latest = latest_,
                                        sequence, run, dataDir, image, saved] {
        // On the worker thread. A newer request makes this one moot.
        std::optional<ActivationSnapshot> result;
        QString error;
        if (*latest == sequence) {
            // A failed open leaves the probe closed: the next request tries again.
            const bool current = probe->weights() == run && *loaded == saved;
            const bool open = current || probe->open(run, dataDir, &error);
            *loaded = open ? saved : QDateTime();
            ActivationSnapshot s;
            if (open && probe->compute(image, &s, &error))
                result = std::move(s);
        }
        // Back on the UI thread (dropped when the view is gone).
        QMetaObject::invokeMethod(
            this, [this, sequence, result, error] { finished(sequence, result, error); });
    });
    updateTexts();
}

void ActivationView::finished(int sequence, const std::optional<ActivationSnapshot>& snapshot,
                              const QString& error) {
    --pending_;
    if (sequence != *latest_)
        return;  // superseded: a newer result follows
    error_ = error;
    maps_->setSnapshot(snapshot);
    updateTexts();
    Q_EMIT computed();
}

void ActivationView::retranslateUi() {
    runLabel_->setText(tr("&Run:"));
    runBox_->setPlaceholderText(tr("Choose a trained run…"));
    runBox_->setToolTip(tr("The runs of the Training tab."));
    imageLabel_->setText(tr("Test &image:"));
    image_->setToolTip(tr("The test image's index in the test set, 0 to 9999."));
    random_->setText(tr("Random"));
    random_->setToolTip(tr("Show a test image chosen at random."));
    channelsLabel_->setText(tr("&Channels from:"));
    first_->setToolTip(tr("The first channel shown of each block."));
    count_->setToolTip(tr("How many channels are shown of each block."));
    count_->setSuffix(tr(" shown"));
    explanation_->setHtml(
        tr("<h3>Activations</h3>"
           "<p>One test image goes through the trained network. Each row is a block: on the left "
           "what comes in (<b>x</b>), in the middle what the residual branch computes "
           "(<b>F(x)</b>), on the right what the block passes on (<b>x + F(x)</b>, then ReLU). "
           "Each small square is one channel's feature map: red above zero, blue below, white at "
           "zero, on one colour scale per block.</p>"
           "<h4>What to look for</h4>"
           "<ul><li><b>Residual net</b>: in most blocks F(x) is faint next to x, and the output "
           "looks like the input: each block changes the picture only a little. The number "
           "‖F(x)‖/‖x‖ says how much. Only the downsampling blocks (the first of each stage) "
           "change it clearly.</li>"
           "<li><b>Plain net</b>: there is no x to add to, so each block's output is a new "
           "picture; only the outputs are shown.</li>"
           "<li>Compare an image the network gets right with one it gets wrong (the top-3 "
           "classes above the maps).</li></ul>"
           "<h4>Why</h4>"
           "<p>A residual block only has to learn a correction to its input. In a trained "
           "network the corrections of later blocks are small: the blocks refine one "
           "representation step by step instead of each building a new one (the paper's Fig. 7, "
           "and Greff et al.'s and Jastrzębski et al.'s \"iterative inference\").</p>"
           "<h4>References</h4>"
           "<p>K. He, X. Zhang, S. Ren, J. Sun: <i>Deep Residual Learning for Image "
           "Recognition</i>, CVPR 2016, <a href=\"https://arxiv.org/abs/1512.03385\">"
           "arXiv:1512.03385</a>.<br>K. Greff, R. K. Srivastava, J. Schmidhuber: <i>Highway and "
           "Residual Networks learn Unrolled Iterative Estimation</i>, ICLR 2017, "
           "<a href=\"https://arxiv.org/abs/1612.07771\">arXiv:1612.07771</a>.<br>"
           "S. Jastrzębski et al.: <i>Residual Connections Encourage Iterative Inference</i>, ICLR "
           "2018, <a href=\"https://arxiv.org/abs/1710.04773\">arXiv:1710.04773</a>.</p>"
           "<p>From the command line: <tt>resnet-explorer-cli analyze activations RUN_DIR "
           "--image N</tt>.</p>"));
    refillRuns();
    updateTexts();
}

void ActivationView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ActivationView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    maps_->setScale(PlotBase::defaultScale());
    if (std::exchange(shownBefore_, true) || !runs_ || !run_.isEmpty())
        return;
    // A residual run first (its three columns show the most), else any trained run.
    QString chosen;
    bool chosenResidual = false;
    for (const QString& id : runs_->ids()) {
        const QString path = runs_->path(id);
        const auto residual = runIsResidual(path);
        if (!residual || !hasCheckpoint(path))
            continue;
        if (chosen.isEmpty() || (*residual && !chosenResidual)) {
            chosen = path;
            chosenResidual = *residual;
        }
    }
    if (!chosen.isEmpty())
        showRun(chosen);
}

void ActivationView::refillRuns() {
    fillRunBox(runBox_, runs_, run_);
}

void ActivationView::updateTexts() {
    const std::optional<ActivationSnapshot>& s = maps_->snapshot();
    const QLocale locale;
    if (s) {
        picture_->setPixmap(
            QPixmap::fromImage(cifarImage(reinterpret_cast<const uchar*>(s->pixels.constData())))
                .scaled(kPictureSize - 4, kPictureSize - 4, Qt::KeepAspectRatio,
                        Qt::FastTransformation));
        QString html = tr("<b>True class: %1</b>").arg(className(s->label).toHtmlEscaped());
        for (int i = 0; i < s->top.size(); ++i) {
            const ClassProbability& p = s->top[i];
            const QString line = tr("%1. %2 %3 %")
                                     .arg(i + 1)
                                     .arg(className(p.label).toHtmlEscaped())
                                     .arg(locale.toString(100.0 * p.probability, 'f', 1));
            html += QStringLiteral("<br>") +
                    (p.label == s->label ? QStringLiteral("<b>%1</b>").arg(line) : line);
        }
        prediction_->setText(html);
    } else {
        picture_->clear();
        prediction_->clear();
    }
    QString status;
    if (run_.isEmpty())
        status =
            tr("Choose a trained run: its blocks' activations for one test image show "
               "here.");
    else if (!error_.isEmpty())
        status = error_;
    else if (pending_ > 0)
        status = tr("Computing the activations of test image %1…").arg(image_->value());
    else if (s)
        status = tr("%1 · test image %2 · %3")
                     .arg(s->architecture)
                     .arg(s->image)
                     .arg(s->isResidual() ? tr("residual net") : tr("plain net"));
    QPalette palette = status_->palette();
    palette.setColor(QPalette::WindowText, !error_.isEmpty()
                                               ? QColor(180, 0, 0)
                                               : this->palette().color(QPalette::WindowText));
    status_->setPalette(palette);
    status_->setText(status);
}

}  // namespace rx
