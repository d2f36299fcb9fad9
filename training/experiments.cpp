#include "experiments.h"

#include "analysis.h"
#include "files.h"
#include "presets.h"
#include "trainer_thread.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <cmath>

namespace rx {

namespace {

class Experiments {
    Q_DECLARE_TR_FUNCTIONS(rx::Experiments)
};

constexpr double none = kNoPaperValue;

// Fig. 6: plain nets have no table in the paper (their curves end near 9.5–13.5 %).
constexpr ExperimentNet kDegradationNets[] = {
    {"plain-20", none, true, 0},   {"plain-32", none, false, 0}, {"plain-44", none, false, 0},
    {"plain-56", none, true, 0},   {"resnet-20", 8.75, true, 0}, {"resnet-32", 7.51, false, 0},
    {"resnet-44", 7.17, false, 0}, {"resnet-56", 6.97, true, 0},
};
// Fig. 7: plain-20/56 and ResNet-20/56/110 (ResNet-110 with the paper's warm-up).
// The quick variant trains the 20-layer pair only: at the rate where the responses part (0.1), a
// 56-layer ResNet's first steps can throw it back for longer than a quick run lasts.
constexpr ExperimentNet kResponseNets[] = {
    {"plain-20", none, true, 0},   {"plain-56", none, false, 0},     {"resnet-20", 8.75, true, 0},
    {"resnet-56", 6.97, false, 0}, {"resnet-110", 6.43, false, 400},
};
// Options A/B/C on ResNet-32 (the paper's Table 3 compares them on ImageNet; CIFAR has A only).
constexpr ExperimentNet kShortcutNets[] = {
    {"resnet-32", 7.51, true, 0},
    {"resnet-32-b", none, true, 0},
    {"resnet-32-c", none, true, 0},
};
// Table 6.
constexpr ExperimentNet kDepthNets[] = {
    {"resnet-20", 8.75, true, 0}, {"resnet-32", 7.51, true, 0},     {"resnet-44", 7.17, true, 0},
    {"resnet-56", 6.97, true, 0}, {"resnet-110", 6.43, false, 400},
};

constexpr ExperimentInfo kExperiments[] = {
    {"degradation",
     QT_TRANSLATE_NOOP("rx::Experiments", "Degradation (Fig. 6)"),
     QT_TRANSLATE_NOOP(
         "rx::Experiments",
         "Plain networks get worse as they get deeper, even on the training set: plain-56 ends "
         "with a higher training error than plain-20. So the problem is optimisation, not "
         "overfitting. With shortcuts the deeper network trains better: resnet-56 ends below "
         "plain-56, and with the full recipe below resnet-20 too. Watch the thin training-error "
         "curves; the quick variant is judged by them, because the test error of so short a run "
         "swings between evaluations."),
     kDegradationNets,
     ExperimentFigure::ErrorCurves,
     {150, 20000, 150, 25, 0.01}},
    {"responses",
     QT_TRANSLATE_NOOP("rx::Experiments", "Layer responses (Fig. 7)"),
     QT_TRANSLATE_NOOP(
         "rx::Experiments",
         "The standard deviation of each 3×3 layer's output, after BN and before the addition "
         "and ReLU, on test images. Residual networks respond less than their plain "
         "counterparts, and the deeper ResNet less still: each residual function stays close to "
         "zero and changes the signal only a little. Compare the sorted curves (bottom). The "
         "responses part only as BN's scales learn, at the paper's learning rate 0.1: the quick "
         "variant trains plain-20 and resnet-20 there for 500 iterations, and resnet-20 already "
         "responds less (measured: mean std 0.92 against 1.03; 0.87 against 1.03 in the later "
         "layers). That the deeper ResNet responds less still needs the full variant."),
     kResponseNets,
     ExperimentFigure::LayerResponses,
     {500, 20000, 500, 25, 0.1}},
    {"shortcuts",
     QT_TRANSLATE_NOOP("rx::Experiments", "Shortcut options A/B/C"),
     QT_TRANSLATE_NOOP(
         "rx::Experiments",
         "Three ways to join a block whose shape changes: A pads the extra channels with zeros "
         "(no parameters), B projects with a 1×1 convolution only there, C projects on every "
         "shortcut. With the full recipe the three end close together (on ImageNet within one "
         "point), so projections are not what solves the degradation problem; the paper keeps A "
         "on CIFAR because it costs nothing. The quick variant shows the start instead: A and B, "
         "whose shortcuts are mostly identities, train alike, while C, with no identity "
         "shortcut at all, lags behind (measured after 400 iterations: 53.2 %, 54.8 % and "
         "65.4 % training error)."),
     kShortcutNets,
     ExperimentFigure::ErrorCurves,
     {400, 20000, 400, 25, 0.01}},
    {"depth",
     QT_TRANSLATE_NOOP("rx::Experiments", "Depth series (Table 6)"),
     QT_TRANSLATE_NOOP(
         "rx::Experiments",
         "ResNets of 20 to 110 layers: with shortcuts, the deeper the network, the lower its "
         "error (Table 6: from 8.75 % for ResNet-20 to 6.43 % for ResNet-110). The paper's test "
         "errors stand beside the measured ones. ResNet-110 starts at learning rate 0.01 until "
         "its training error is below 80 %, as in the paper. The quick variant is far too short "
         "for differences of one or two points: it shows the deeper ResNets training about as "
         "well as the shallower ones (no degradation: after 150 iterations resnet-56 ended "
         "within 4 points of resnet-20 for three seeds), not yet better."),
     kDepthNets,
     ExperimentFigure::ErrorCurves,
     {400, 20000, 400, 25, 0.01}},
};

std::optional<double> fraction(double percent) {
    if (std::isnan(percent) || percent < 0)
        return std::nullopt;
    return percent / 100.0;
}

QJsonValue jsonNumber(const std::optional<double>& value) {
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

}  // namespace

std::span<const ExperimentInfo> experiments() {
    return kExperiments;
}

const ExperimentInfo* findExperiment(const QString& id) {
    for (const ExperimentInfo& info : kExperiments)
        if (id == QLatin1String(info.id))
            return &info;
    return nullptr;
}

QString experimentTitle(const ExperimentInfo& info) {
    return QCoreApplication::translate("rx::Experiments", info.title);
}

QString experimentExplanation(const ExperimentInfo& info) {
    return QCoreApplication::translate("rx::Experiments", info.explanation);
}

QString experimentVariantText(bool quick) {
    return quick ? Experiments::tr("quick (CPU)") : Experiments::tr("full (paper's recipe, GPU)");
}

QString quickRecipeText(const ExperimentInfo& info) {
    int nets = 0;
    for (const ExperimentNet& net : info.nets)
        nets += net.inQuick;
    const QLocale locale;
    // Every experiment has several networks (no plural forms: the CLI prints the source text).
    return Experiments::tr(
               "%1 networks · %2 iterations each at learning rate %3 · %4 training "
               "images")
        .arg(nets)
        .arg(locale.toString(info.quick.iterations), locale.toString(info.quick.learningRate),
             locale.toString(info.quick.trainSubset));
}

ExperimentPlan planExperiment(const ExperimentInfo& info, const ExperimentOptions& options) {
    ExperimentPlan plan;
    plan.info = &info;
    plan.quick = options.quick;
    plan.seed = options.seed;
    plan.dir = options.dir;
    for (const ExperimentNet& net : info.nets) {
        if (options.quick && !net.inQuick)
            continue;
        PlannedRun run;
        run.name = QLatin1String(net.preset);
        run.paperTestError = net.paperTestError;
        TrainConfig& c = run.config;
        c.spec = preset(run.name).value();
        c.runDir = QDir(options.dir).filePath(run.name);
        c.dataDir = options.dataDir;
        c.threads = options.threads;
        c.seed = options.seed;
        c.device = options.device;
        if (options.quick) {
            // Short runs on a training subset: the test set is evaluated whole but seldom.
            c.iterations = info.quick.iterations;
            c.trainSubset = info.quick.trainSubset;
            c.testEvery = info.quick.testEvery;
            c.logEvery = info.quick.logEvery;
            c.learningRate = info.quick.learningRate;
        } else {
            c.warmupIterations = net.warmupIterations;
        }
        if (options.iterations > 0) {
            c.iterations = options.iterations;
            c.testEvery = std::min(c.testEvery, options.iterations);
        }
        plan.runs << run;
    }
    return plan;
}

double estimateExperimentSeconds(const ExperimentPlan& plan, double secondsPerMac) {
    double seconds = 0;
    for (const PlannedRun& run : plan.runs) {
        const TrainConfig& c = run.config;
        const double step = secondsPerMac * double(analyze(c.spec).macs);  // one iteration
        const int iterations = c.iterations > 0 ? c.iterations : kPaperIterations;
        const int trainImages = c.trainSubset > 0 ? c.trainSubset : 50000;
        const int perEpoch = (trainImages + c.batchSize - 1) / c.batchSize;
        const int tests = c.testEvery > 0 ? std::max(1, iterations / c.testEvery)
                                          : std::max(1, iterations / perEpoch);
        const int testImages = c.testSubset > 0 ? c.testSubset : 10000;
        const int probes = c.probeEvery > 0 ? iterations / c.probeEvery : 0;
        const double forwardPerImage = step / c.batchSize / 3.0;
        seconds += iterations * step +
                   forwardPerImage * (double(tests) * testImages + double(probes) * c.probeImages);
    }
    return seconds;
}

double measureSecondsPerMac(const TrainConfig& config, QString* deviceName, QString* error) {
    const NetworkSpec spec = preset(QStringLiteral("resnet-20")).value();
    const double step = measureTrainingStep(spec, config, deviceName, error);
    return step < 0 ? step : step / double(analyze(spec).macs);
}

ExperimentSummary summarizeExperiment(const ExperimentPlan& plan) {
    ExperimentSummary summary;
    summary.experiment = QLatin1String(plan.info->id);
    summary.quick = plan.quick;
    summary.seed = plan.seed;
    summary.complete = !plan.runs.isEmpty();
    for (const PlannedRun& run : plan.runs) {
        ExperimentRunResult r;
        r.name = r.arch = run.name;
        r.dir = run.name;
        r.iterations = run.config.iterations > 0 ? run.config.iterations : kPaperIterations;
        r.paperTestError = fraction(run.paperTestError);
        if (const auto status = readRunStatus(run.config.runDir))
            r.state = status->state;
        MetricsLog log;
        if (readMetrics(QDir(run.config.runDir).filePath(QLatin1String(kRunMetricsFile)), &log,
                        nullptr)) {
            const auto train = log.all<TrainMetrics>();
            const auto test = log.all<TestMetrics>();
            if (!train.isEmpty()) {
                r.finalTrainError = fraction(train.last().error);
                r.lastIteration = train.last().iteration;
            }
            if (!test.isEmpty())
                r.finalTestError = fraction(test.last().error);
            r.skippedMetricLines = log.skippedLines;
        }
        summary.complete = summary.complete && r.state == RunState::Finished;
        summary.runs << r;
    }
    return summary;
}

bool writeExperimentSummary(const QString& dir, const ExperimentSummary& summary, QString* error) {
    QJsonArray runs;
    for (const ExperimentRunResult& r : summary.runs) {
        runs.append(QJsonObject{
            {"name", r.name},
            {"arch", r.arch},
            {"dir", r.dir},
            {"iterations", r.iterations},
            {"state", r.state ? QJsonValue(runStateId(*r.state)) : QJsonValue(QJsonValue::Null)},
            {"last_iteration", r.lastIteration},
            {"final_train_error", jsonNumber(r.finalTrainError)},
            {"final_test_error", jsonNumber(r.finalTestError)},
            {"paper_test_error", jsonNumber(r.paperTestError)},
        });
    }
    const QJsonObject root{{"experiment", summary.experiment},
                           {"quick", summary.quick},
                           {"seed", double(summary.seed)},
                           {"complete", summary.complete},
                           {"runs", runs}};
    return writeFileAtomically(QDir(dir).filePath(QLatin1String(kExperimentSummaryFile)),
                               QJsonDocument(root).toJson(QJsonDocument::Indented), error);
}

bool readExperimentSummary(const QString& dir, ExperimentSummary* summary, QString* error) {
    const QString path = QDir(dir).filePath(QLatin1String(kExperimentSummaryFile));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = Experiments::tr("%1 holds no experiment (no %2)").arg(dir, kExperimentSummaryFile);
        return false;
    }
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parse);
    const auto bad = [&](const QString& what) {
        *error = Experiments::tr("%1: %2").arg(path, what);
        return false;
    };
    if (!doc.isObject())
        return bad(parse.error != QJsonParseError::NoError ? parse.errorString()
                                                           : Experiments::tr("not a JSON object"));
    const QJsonObject root = doc.object();
    ExperimentSummary s;
    s.experiment = root.value("experiment").toString();
    if (!findExperiment(s.experiment))
        return bad(Experiments::tr("unknown experiment '%1'").arg(s.experiment));
    if (!root.value("quick").isBool())
        return bad(Experiments::tr("quick: expected true or false"));
    s.quick = root.value("quick").toBool();
    bool ok = true;
    const double seed = root.value("seed").toDouble(-1);
    ok = seed >= 0 && seed == std::floor(seed);
    s.seed = ok ? quint64(seed) : 0;
    if (!ok)
        return bad(Experiments::tr("seed: expected an integer"));
    s.complete = root.value("complete").toBool();
    if (!root.value("runs").isArray())
        return bad(Experiments::tr("runs: expected a list"));
    const auto optional = [](const QJsonValue& v) {
        return v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt;
    };
    for (const QJsonValue& v : root.value("runs").toArray()) {
        const QJsonObject o = v.toObject();
        ExperimentRunResult r;
        r.name = o.value("name").toString();
        r.arch = o.value("arch").toString();
        r.dir = o.value("dir").toString();
        if (r.name.isEmpty() || r.dir.isEmpty())
            return bad(Experiments::tr("runs: every run needs a name and a dir"));
        r.iterations = o.value("iterations").toInt();
        r.state = fromId(kRunStates, o.value("state").toString());
        r.lastIteration = o.value("last_iteration").toInt();
        r.finalTrainError = optional(o.value("final_train_error"));
        r.finalTestError = optional(o.value("final_test_error"));
        r.paperTestError = optional(o.value("paper_test_error"));
        s.runs << r;
    }
    *summary = s;
    return true;
}

ExperimentRunner::ExperimentRunner(ExperimentPlan plan, QObject* parent)
    : QObject(parent), plan_(std::move(plan)) {}

ExperimentRunner::~ExperimentRunner() {
    stopping_ = true;
    thread_.reset();  // stops the run and waits for its thread
}

Trainer* ExperimentRunner::currentTrainer() const {
    return thread_ ? thread_->trainer() : nullptr;
}

bool ExperimentRunner::start(bool resume, QString* error) {
    const QDir dir(plan_.dir);
    ExperimentSummary earlier;
    QString readError;
    const bool hasSummary = dir.exists(QLatin1String(kExperimentSummaryFile));
    if (hasSummary) {
        if (!readExperimentSummary(plan_.dir, &earlier, &readError)) {
            *error = readError;
            return false;
        }
        if (earlier.experiment != QLatin1String(plan_.info->id) || earlier.quick != plan_.quick) {
            *error = Experiments::tr("%1 holds the experiment '%2' (%3); choose another folder")
                         .arg(plan_.dir, earlier.experiment, experimentVariantText(earlier.quick));
            return false;
        }
        if (!resume) {
            *error = Experiments::tr(
                         "%1 already holds this experiment; resume it or choose "
                         "another folder")
                         .arg(plan_.dir);
            return false;
        }
        plan_.seed = earlier.seed;
        for (PlannedRun& run : plan_.runs)
            run.config.seed = earlier.seed;
    } else if (dir.exists() && !dir.isEmpty()) {
        *error = Experiments::tr(
                     "%1 is not empty and holds no experiment; choose an empty or new "
                     "folder")
                     .arg(plan_.dir);
        return false;
    }
    if (!QDir().mkpath(plan_.dir)) {
        *error = Experiments::tr("cannot create %1").arg(plan_.dir);
        return false;
    }
    if (!writeExperimentSummary(plan_.dir, summarizeExperiment(plan_), error))
        return false;
    stopping_ = false;
    next_ = 0;
    startNext();
    return true;
}

void ExperimentRunner::stop() {
    stopping_ = true;
    if (thread_)
        thread_->stop();
}

void ExperimentRunner::startNext() {
    while (next_ < plan_.runs.size()) {
        const int index = next_++;
        TrainConfig config = plan_.runs[index].config;
        const auto status = readRunStatus(config.runDir);
        if (status && status->state == RunState::Finished) {
            Q_EMIT runSkipped(index);
            continue;
        }
        QDir().mkpath(config.runDir);
        config.resume =
            status &&
            QFileInfo::exists(QDir(config.runDir).filePath(QLatin1String(kRunCheckpointFile)));
        current_ = index;
        thread_ = std::make_unique<TrainerThread>(config);
        Trainer* trainer = thread_->trainer();
        auto state = std::make_shared<std::pair<RunState, QString>>(RunState::Stopped, QString());
        connect(trainer, &Trainer::finished, this, [state](int, bool completed) {
            state->first = completed ? RunState::Finished : RunState::Stopped;
        });
        connect(trainer, &Trainer::failed, this, [state](const QString& message) {
            *state = {RunState::Failed, message};
        });
        connect(thread_.get(), &TrainerThread::ended, this,
                [this, state] { onRunEnded(state->first, state->second); });
        Q_EMIT runStarted(index, trainer);
        thread_->start();
        return;
    }
    current_ = -1;
    QString error;
    writeExperimentSummary(plan_.dir, summarizeExperiment(plan_), &error);
    Q_EMIT finished(true);
}

void ExperimentRunner::onRunEnded(RunState state, const QString& message) {
    const int index = current_;
    // The thread has ended; delete it later (this slot runs inside its signal).
    thread_.release()->deleteLater();
    QString error;
    writeExperimentSummary(plan_.dir, summarizeExperiment(plan_), &error);
    Q_EMIT runEnded(index, state, message);
    if (state != RunState::Finished || stopping_) {
        current_ = -1;
        Q_EMIT finished(false);
        return;
    }
    startNext();
}

}  // namespace rx
