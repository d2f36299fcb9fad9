// `train`: training on the command line, in four steps: the options, the settings they give
// (over a resumed run's own), the run with its progress lines, the exit code.
#include "cifar10.h"
#include "cli_common.h"
#include "cli_progress.h"
#include "cpu_features.h"
#include "distributed.h"
#include "trainer.h"
#include "trainer_thread.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace rx::cli {

namespace {

class CliTrain {
    Q_DECLARE_TR_FUNCTIONS(rx::CliTrain)
public:
    static QString badChoice(const QString& option, const QString& value, const QString& ids) {
        return tr("invalid value '%2' for --%1 (expected one of %3)").arg(option, value, ids);
    }
    static QString needArch() { return tr("--arch is required (unless --resume)"); }
    static QString needOut() { return tr("--out RUN_DIR is required"); }
    static QString badMaster(const QString& value) {
        return tr("invalid value '%1' for --master (expected HOST:PORT, e.g. 192.168.1.10:29500)")
            .arg(value);
    }
    static QString stopping() {
        return tr("stopping: the checkpoint is written at the end of this iteration");
    }
};

// One row per numeric option: its name, the TrainConfig member it sets and its help text,
// which shows the default from TrainConfig{}.
template <typename T>
struct NumberOption {
    const char* name;
    T TrainConfig::*member;
    const char* help;  // QT_TRANSLATE_NOOP("rx::CliTrain", …) with %1 for the default
    const char* valueName;
};
constexpr NumberOption<int> kIntOptions[] = {
    {"epochs", &TrainConfig::epochs,
     QT_TRANSLATE_NOOP("rx::CliTrain", "Stop after N epochs (default %1: see --iterations)."), "N"},
    {"batch", &TrainConfig::batchSize,
     QT_TRANSLATE_NOOP("rx::CliTrain",
                       "Mini-batch size (default %1). With --world-size it is the global batch: "
                       "each rank trains on its share of the same images."),
     "N"},
    {"warmup", &TrainConfig::warmupIterations,
     QT_TRANSLATE_NOOP("rx::CliTrain",
                       "Warm up at --warmup-lr for at most N iterations, until the training "
                       "error is below --warmup-until-error (default %1: no warm-up)."),
     "N"},
    {"train-subset", &TrainConfig::trainSubset,
     QT_TRANSLATE_NOOP("rx::CliTrain",
                       "Use N training images, spread evenly over the set (default %1: all)."),
     "N"},
    {"test-subset", &TrainConfig::testSubset,
     QT_TRANSLATE_NOOP("rx::CliTrain",
                       "Use N test images, spread evenly over the set so every class has its share "
                       "(default %1: all)."),
     "N"},
    {"threads", &TrainConfig::threads,
     QT_TRANSLATE_NOOP("rx::CliTrain", "CPU threads (default %1: every core)."), "N"},
    {"log-every", &TrainConfig::logEvery,
     QT_TRANSLATE_NOOP("rx::CliTrain", "Report training metrics every N iterations (default %1)."),
     "N"},
    {"test-every", &TrainConfig::testEvery,
     QT_TRANSLATE_NOOP("rx::CliTrain", "Test every N iterations (default %1: every epoch)."), "N"},
    {"test-batch", &TrainConfig::testBatchSize,
     QT_TRANSLATE_NOOP("rx::CliTrain", "Test images a forward pass (default %1)."), "N"},
    {"probe-images", &TrainConfig::probeImages,
     QT_TRANSLATE_NOOP("rx::CliTrain", "Test images for the layer responses (default %1)."), "N"},
    {"probe-every", &TrainConfig::probeEvery,
     QT_TRANSLATE_NOOP("rx::CliTrain",
                       "Measure the layer responses every N iterations and at every epoch end "
                       "(default %1; 0: epoch ends only)."),
     "N"},
};
constexpr NumberOption<double> kRealOptions[] = {
    {"lr", &TrainConfig::learningRate,
     QT_TRANSLATE_NOOP("rx::CliTrain", "Learning rate (default %1)."), "LR"},
    {"momentum", &TrainConfig::momentum,
     QT_TRANSLATE_NOOP("rx::CliTrain", "SGD momentum (default %1)."), "M"},
    {"weight-decay", &TrainConfig::weightDecay,
     QT_TRANSLATE_NOOP("rx::CliTrain", "Weight decay (default %1)."), "WD"},
    {"warmup-lr", &TrainConfig::warmupLr,
     QT_TRANSLATE_NOOP("rx::CliTrain", "Warm-up learning rate (default %1)."), "LR"},
    {"warmup-until-error", &TrainConfig::warmupUntilError,
     QT_TRANSLATE_NOOP("rx::CliTrain",
                       "End the warm-up when the training error is below this % (default %1; "
                       "0: warm up for all of --warmup)."),
     "PERCENT"},
};

QString translated(const char* text) {
    return QCoreApplication::translate("rx::CliTrain", text);
}

// Data-parallel training (distributed.h): one process of several, on this machine or a LAN.
void addDistributedOptions(QCommandLineParser& p) {
    const DistributedSettings d;
    p.addOptions({
        {"world-size",
         translated(QT_TRANSLATE_NOOP("rx::CliTrain",
                                      "Train on N processes together (data-parallel, PyTorch's "
                                      "c10d with Gloo; default %1: this process alone). Start "
                                      "every rank with the same options, or use 'launch'."))
             .arg(d.worldSize),
         "N"},
        {"rank",
         translated(QT_TRANSLATE_NOOP("rx::CliTrain",
                                      "This process's rank, 0 to N-1 (default %1). Rank 0 "
                                      "listens at --master and alone writes the run folder: "
                                      "metrics, status and checkpoints."))
             .arg(d.rank),
         "R"},
        {"master",
         translated(QT_TRANSLATE_NOOP("rx::CliTrain",
                                      "Where rank 0 listens, as HOST:PORT (its address on the "
                                      "network the ranks share; the port must be open).")),
         "HOST:PORT"},
        {"timeout",
         translated(QT_TRANSLATE_NOOP("rx::CliTrain",
                                      "Seconds to wait for every rank to join (default %1)."))
             .arg(d.joinTimeoutSeconds),
         "SECONDS"},
        {"batch-norm",
         translated(QT_TRANSLATE_NOOP(
                        "rx::CliTrain",
                        "Batch norm over the ranks: %1 (default %2). sync: the statistics of the "
                        "whole global batch, so N ranks train as one process does; local: each "
                        "rank's own shard (PyTorch DDP's default), running statistics from rank "
                        "0."))
             .arg(idList(kBatchNormModes), idOf(kBatchNormModes, d.batchNorm)),
         "MODE"},
    });
}

void addTrainOptions(QCommandLineParser& p) {
    const TrainConfig d;
    p.setApplicationDescription(
        translated(QT_TRANSLATE_NOOP("rx::CliTrain", "Train a network on CIFAR-10.")));
    p.addOptions({
        {"arch", translated(QT_TRANSLATE_NOOP("rx::CliTrain", "Preset name or .resnet.json file.")),
         "ARCH"},
        {"out",
         translated(QT_TRANSLATE_NOOP(
             "rx::CliTrain", "Run folder (architecture, settings, metrics.jsonl, checkpoint.pt).")),
         "RUN_DIR"},
        {"data",
         translated(QT_TRANSLATE_NOOP("rx::CliTrain", "Folder with the CIFAR-10 .bin files.")),
         "DIR"},
        {"iterations",
         translated(QT_TRANSLATE_NOOP("rx::CliTrain",
                                      "Stop after N iterations (default: the paper's %1)."))
             .arg(kPaperIterations),
         "N"},
        {"nesterov", translated(QT_TRANSLATE_NOOP("rx::CliTrain", "Use Nesterov momentum."))},
        {"schedule",
         translated(QT_TRANSLATE_NOOP("rx::CliTrain", "Learning-rate schedule: %1 (default %2)."))
             .arg(idList(kSchedules), idOf(kSchedules, d.schedule)),
         "NAME"},
        {"per-pixel-mean",
         translated(QT_TRANSLATE_NOOP("rx::CliTrain",
                                      "Subtract the per-pixel mean (the paper) instead of "
                                      "per-channel mean/std."))},
        {"no-augment",
         translated(QT_TRANSLATE_NOOP("rx::CliTrain", "Turn off pad-crop-flip augmentation."))},
        {"validation",
         translated(QT_TRANSLATE_NOOP("rx::CliTrain",
                                      "Hold out the last %1 training images and test on them."))
             .arg(d.validationImages)},
        {"seed",
         translated(QT_TRANSLATE_NOOP("rx::CliTrain", "Random seed (default %1).")).arg(d.seed),
         "S"},
        {"device",
         translated(QT_TRANSLATE_NOOP("rx::CliTrain", "Device: %1 (default %2)."))
             .arg(idList(kDevices), idOf(kDevices, d.device)),
         "DEVICE"},
        {"precision",
         translated(QT_TRANSLATE_NOOP("rx::CliTrain",
                                      "Arithmetic: %1 (default %2); bf16 autocast needs a GPU or "
                                      "a CPU with native bf16 (this one: %3), fp16 autocast a "
                                      "GPU."))
             .arg(idList(kPrecisions), idOf(kPrecisions, d.precision),
                  cpuHasNativeBf16() ? cpuBf16Features()
                                     : translated(QT_TRANSLATE_NOOP("rx::CliTrain", "none"))),
         "PRECISION"},
        {"resume",
         translated(QT_TRANSLATE_NOOP("rx::CliTrain",
                                      "Continue the run in RUN_DIR from its checkpoint, with its "
                                      "settings; options given now override them."))},
    });
    addDistributedOptions(p);
    for (const auto& o : kIntOptions)
        p.addOption({QLatin1String(o.name), translated(o.help).arg(d.*o.member),
                     QLatin1String(o.valueName)});
    for (const auto& o : kRealOptions)
        p.addOption({QLatin1String(o.name), translated(o.help).arg(d.*o.member),
                     QLatin1String(o.valueName)});
}

template <typename Table, typename E>
bool choice(const QCommandLineParser& p, const QString& name, const Table& table, E* out) {
    if (!p.isSet(name))
        return true;
    const auto value = fromId(table, p.value(name));
    if (!value) {
        err() << CliTrain::badChoice(name, p.value(name), idList(table)) << Qt::endl;
        return false;
    }
    *out = *value;
    return true;
}

// Whether `settings` (a TrainConfig, its DistributedSettings) hold together; false after a message.
template <typename Settings>
bool valid(const Settings& settings) {
    QString error;
    if (settings.validate(&error))
        return true;
    err() << error << Qt::endl;
    return false;
}

// The data-parallel options over `c`; false after a message.
bool applyDistributedOptions(const QCommandLineParser& p, DistributedSettings* c) {
    if (!number(p, QStringLiteral("world-size"), &c->worldSize) ||
        !number(p, QStringLiteral("rank"), &c->rank) ||
        !number(p, QStringLiteral("timeout"), &c->joinTimeoutSeconds) ||
        !choice(p, QStringLiteral("batch-norm"), kBatchNormModes, &c->batchNorm))
        return false;
    if (p.isSet("master") &&
        !parseMasterAddress(p.value("master"), &c->masterHost, &c->masterPort)) {
        err() << CliTrain::badMaster(p.value("master")) << Qt::endl;
        return false;
    }
    return valid(*c);
}

// The options over `c` (defaults, or a resumed run's settings); false after a message.
bool applyOptions(const QCommandLineParser& p, TrainConfig* c) {
    if (p.isSet("epochs"))
        c->iterations = 0;  // --epochs wins over a resumed run's --iterations
    for (const auto& o : kIntOptions)
        if (!number(p, QLatin1String(o.name), &(c->*o.member)))
            return false;
    for (const auto& o : kRealOptions)
        if (!number(p, QLatin1String(o.name), &(c->*o.member)))
            return false;
    if (!number(p, QStringLiteral("iterations"), &c->iterations) ||
        !number(p, QStringLiteral("seed"), &c->seed) ||
        !choice(p, QStringLiteral("schedule"), kSchedules, &c->schedule) ||
        !choice(p, QStringLiteral("device"), kDevices, &c->device) ||
        !choice(p, QStringLiteral("precision"), kPrecisions, &c->precision))
        return false;
    if (p.isSet("nesterov"))
        c->nesterov = true;
    if (p.isSet("per-pixel-mean"))
        c->normalization = Normalization::PerPixelMean;
    if (p.isSet("no-augment"))
        c->augment = false;
    if (p.isSet("validation"))
        c->validationSplit = true;
    return applyDistributedOptions(p, &c->distributed) && valid(*c);
}

// Step 2: the settings to train with. nullopt: go on; else the exit code.
std::optional<int> configFromOptions(const QCommandLineParser& p, TrainConfig* c) {
    if (!p.isSet("out"))
        return usageError(p, QStringLiteral("train"), CliTrain::needOut());
    c->runDir = p.value("out");
    QString error;
    if (p.isSet("resume")) {
        // Start from the run's own settings and architecture; options given now override them.
        if (!loadRunConfig(c->runDir, c, &error)) {
            err() << error << Qt::endl;
            return kExitFailure;
        }
        c->resume = true;
    }
    if (p.isSet("arch")) {
        if (!loadArchitecture(p.value("arch"), &c->spec, &error)) {
            err() << error << Qt::endl;
            return kExitFailure;
        }
    } else if (!c->resume) {
        err() << CliTrain::needArch() << Qt::endl;
        return kExitUsage;
    }
    if (!applyOptions(p, c))
        return kExitUsage;
    if (p.isSet("data") || c->dataDir.isEmpty() || !looksLikeCifar10(c->dataDir))
        c->dataDir = findCifar10(p.value("data"));
    if (c->dataDir.isEmpty()) {
        err() << noDataMessage() << Qt::endl;
        return kExitFailure;
    }
    return std::nullopt;
}

// Steps 3 and 4: runs the training on its thread until it ends; the exit code.
int runTraining(const TrainConfig& config) {
    TrainerThread thread(config);
    Trainer* trainer = thread.trainer();
    ProgressPrinter printer(trainer, &thread, config.runDir);
    QObject::connect(trainer, &Trainer::finished, &thread, [] { QCoreApplication::exit(kExitOk); });
    QObject::connect(trainer, &Trainer::failed, &thread,
                     [] { QCoreApplication::exit(kExitFailure); });
    const auto interrupt = onInterrupt(&thread, [&thread] {
        err() << '\n' << CliTrain::stopping() << Qt::endl;
        thread.stop();
    });
    thread.start();
    return QCoreApplication::exec();
}

}  // namespace

int trainCommand(const QStringList& args) {
    QCommandLineParser p;
    addTrainOptions(p);
    if (const auto code = parseOptions(p, QStringLiteral("train"), args))
        return *code;
    TrainConfig config;
    if (const auto code = configFromOptions(p, &config))
        return *code;
    return runTraining(config);
}

}  // namespace rx::cli
