// `train`, `eval`, `export` and `download`: training on the command line.
#include "cifar10.h"
#include "cli_common.h"
#include "download.h"
#include "export.h"
#include "spec_json.h"
#include "trainer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QPointer>
#include <QThread>

#include <unistd.h>
#include <csignal>
#include <cstdio>

namespace rx::cli {

namespace {

class CliTrain {
    Q_DECLARE_TR_FUNCTIONS(rx::CliTrain)
public:
    static QString noData() {
        return tr(
            "CIFAR-10 not found: pass --data DIR, set CIFAR10_DIR, or run "
            "'resnet-explorer-cli download'");
    }
    static QString badValue(const QString& option, const QString& value) {
        return tr("invalid value '%2' for --%1").arg(option, value);
    }
    static QString needArch() { return tr("--arch is required (unless --resume)"); }
};

Trainer* gTrainer = nullptr;

void onInterrupt(int) {
    if (gTrainer)
        gTrainer->stop();  // an atomic store: safe in a signal handler
}

bool parse(QCommandLineParser& parser, const QString& command, const QStringList& args) {
    parser.addHelpOption();
    if (!parser.parse(QStringList{QStringLiteral("resnet-explorer-cli ") + command} + args)) {
        err() << parser.errorText() << '\n' << parser.helpText();
        err().flush();
        return false;
    }
    return true;
}

template <typename T>
bool number(const QCommandLineParser& p, const char* name, T* out) {
    if (!p.isSet(QLatin1String(name)))
        return true;
    bool ok = false;
    const QString v = p.value(QLatin1String(name));
    if constexpr (std::is_same_v<T, double>)
        *out = v.toDouble(&ok);
    else if constexpr (std::is_same_v<T, quint64>)
        *out = v.toULongLong(&ok);
    else
        *out = v.toInt(&ok);
    if (!ok)
        err() << CliTrain::badValue(QLatin1String(name), v) << Qt::endl;
    return ok;
}

}  // namespace

int trainCommand(const QStringList& args) {
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Train a network on CIFAR-10."));
    p.addOptions({
        {"arch", "Preset name or .resnet.json file.", "ARCH"},
        {"out", "Run folder (architecture, settings, metrics.jsonl, checkpoint.pt).", "RUN_DIR"},
        {"data", "Folder with the CIFAR-10 .bin files.", "DIR"},
        {"epochs", "Stop after N epochs.", "N"},
        {"iterations", "Stop after N iterations (default: the paper's 64,000).", "N"},
        {"batch", "Mini-batch size (default 128).", "N"},
        {"lr", "Learning rate (default 0.1).", "LR"},
        {"momentum", "SGD momentum (default 0.9).", "M"},
        {"weight-decay", "Weight decay (default 1e-4).", "WD"},
        {"nesterov", "Use Nesterov momentum."},
        {"schedule", "paper (÷10 at 32k, 48k), multistep or cosine.", "NAME"},
        {"warmup", "Warm up at --warmup-lr for at most N iterations, until train error < 80%.",
         "N"},
        {"warmup-lr", "Warm-up learning rate (default 0.01).", "LR"},
        {"per-pixel-mean",
         "Subtract the per-pixel mean (the paper) instead of per-channel "
         "mean/std."},
        {"no-augment", "Turn off pad-crop-flip augmentation."},
        {"validation", "Hold out 5k training images and test on them (45k/5k split)."},
        {"train-subset", "Use only the first N training images.", "N"},
        {"test-subset", "Use only the first N test images.", "N"},
        {"seed", "Random seed (default 1).", "S"},
        {"device", "auto, cpu or cuda (default auto).", "DEVICE"},
        {"threads", "CPU threads.", "N"},
        {"log-every", "Report training metrics every N iterations (default 50).", "N"},
        {"test-every", "Test every N iterations (default: every epoch).", "N"},
        {"resume", "Continue the run in RUN_DIR from its checkpoint."},
    });
    if (!parse(p, QStringLiteral("train"), args))
        return kExitUsage;
    if (!p.isSet("out")) {
        err() << "--out RUN_DIR is required\n" << p.helpText();
        err().flush();
        return kExitUsage;
    }
    TrainConfig c;
    c.runDir = p.value("out");
    c.resume = p.isSet("resume");
    QString error;
    if (c.resume) {
        // Start from the run's own settings and architecture; options given now override them.
        QFile config(QDir(c.runDir).filePath(QLatin1String(kRunConfigFile)));
        if (config.open(QIODevice::ReadOnly) &&
            !TrainConfig::fromJson(QJsonDocument::fromJson(config.readAll()).object(), &c,
                                   &error)) {
            err() << error << Qt::endl;
            return kExitFailure;
        }
        c.resume = true;
        if (!p.isSet("arch") &&
            !loadSpecFile(QDir(c.runDir).filePath(QLatin1String(kRunArchitectureFile)), &c.spec,
                          &error)) {
            err() << error << Qt::endl;
            return kExitFailure;
        }
    }
    if (p.isSet("arch")) {
        if (!loadArchitecture(p.value("arch"), &c.spec, &error)) {
            err() << error << Qt::endl;
            return kExitFailure;
        }
    } else if (!c.resume) {
        err() << CliTrain::needArch() << Qt::endl;
        return kExitUsage;
    }
    if (p.isSet("epochs"))
        c.iterations = 0;
    if (!number(p, "epochs", &c.epochs) || !number(p, "iterations", &c.iterations) ||
        !number(p, "batch", &c.batchSize) || !number(p, "lr", &c.learningRate) ||
        !number(p, "momentum", &c.momentum) || !number(p, "weight-decay", &c.weightDecay) ||
        !number(p, "warmup", &c.warmupIterations) || !number(p, "warmup-lr", &c.warmupLr) ||
        !number(p, "train-subset", &c.trainSubset) || !number(p, "test-subset", &c.testSubset) ||
        !number(p, "seed", &c.seed) || !number(p, "threads", &c.threads) ||
        !number(p, "log-every", &c.logEvery) || !number(p, "test-every", &c.testEvery))
        return kExitUsage;
    if (p.isSet("nesterov"))
        c.nesterov = true;
    if (p.isSet("per-pixel-mean"))
        c.normalization = Normalization::PerPixelMean;
    if (p.isSet("no-augment"))
        c.augment = false;
    if (p.isSet("validation"))
        c.validationSplit = true;
    if (p.isSet("schedule") && !scheduleFromId(p.value("schedule"), &c.schedule)) {
        err() << CliTrain::badValue("schedule", p.value("schedule")) << Qt::endl;
        return kExitUsage;
    }
    if (p.isSet("device")) {
        const QString d = p.value("device");
        if (d == "auto")
            c.device = DeviceChoice::Auto;
        else if (d == "cpu")
            c.device = DeviceChoice::Cpu;
        else if (d == "cuda")
            c.device = DeviceChoice::Cuda;
        else {
            err() << CliTrain::badValue("device", d) << Qt::endl;
            return kExitUsage;
        }
    }
    if (p.isSet("data") || c.dataDir.isEmpty() || !looksLikeCifar10(c.dataDir))
        c.dataDir = findCifar10(p.value("data"));
    if (c.dataDir.isEmpty()) {
        err() << CliTrain::noData() << Qt::endl;
        return kExitFailure;
    }

    const bool tty = isatty(fileno(stderr));
    int exitCode = kExitOk;
    auto* trainer = new Trainer(c);
    gTrainer = trainer;
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    QObject::connect(trainer, &Trainer::started, qApp, [](const TrainingStart& s) {
        err() << "training " << s.parameters << " parameters on " << s.device << ": "
              << s.trainImages << " training / " << s.testImages << " test images, "
              << s.iterationsPerEpoch << " iterations per epoch, iterations "
              << s.startIteration + 1 << "–" << s.totalIterations << '\n';
        err().flush();
    });
    TrainMetrics last;
    TrainingProgress lastProgress;
    auto line = [&](bool newline) {
        const QString text =
            QStringLiteral("it %1/%2 · epoch %3 · loss %4 · train err %5% · %6 img/s · ETA %7")
                .arg(lastProgress.iteration)
                .arg(lastProgress.totalIterations)
                .arg(lastProgress.epoch, 0, 'f', 2)
                .arg(last.loss, 0, 'f', 3)
                .arg(last.error, 0, 'f', 1)
                .arg(lastProgress.imagesPerSecond, 0, 'f', 0)
                .arg(durationText(lastProgress.etaSeconds));
        if (tty)
            err() << '\r' << text << "\x1b[K";
        else if (newline)
            err() << text << '\n';
        err().flush();
    };
    QObject::connect(trainer, &Trainer::trainMetrics, qApp, [&](const TrainMetrics& m) {
        last = m;
        lastProgress.iteration = m.iteration;
        lastProgress.epoch = m.epoch;
        lastProgress.imagesPerSecond = m.imagesPerSecond;
        line(true);
    });
    QObject::connect(trainer, &Trainer::progress, qApp, [&](const TrainingProgress& pr) {
        lastProgress = pr;
        if (tty)
            line(false);
    });
    QObject::connect(trainer, &Trainer::testMetrics, qApp, [&](const TestMetrics& m) {
        if (tty)
            err() << '\n';
        err() << (m.validation ? "validation" : "test") << " error "
              << QString::number(m.error, 'f', 2) << "% (loss " << QString::number(m.loss, 'f', 3)
              << ") at iteration " << m.iteration << ", epoch " << QString::number(m.epoch, 'f', 2)
              << '\n';
        err().flush();
    });
    QObject::connect(trainer, &Trainer::finished, qApp, [&](int iteration, bool completed) {
        if (tty)
            err() << '\n';
        err() << (completed ? "finished" : "stopped") << " at iteration " << iteration
              << "; checkpoint in " << c.runDir << '\n';
        err().flush();
        QCoreApplication::exit(kExitOk);
    });
    QObject::connect(trainer, &Trainer::failed, qApp, [&](const QString& message) {
        if (tty)
            err() << '\n';
        err() << message << '\n';
        err().flush();
        QCoreApplication::exit(kExitFailure);
    });
    trainer->startInThread();
    QPointer<QThread> thread = trainer->thread();
    exitCode = QCoreApplication::exec();
    if (thread)
        thread->wait();
    gTrainer = nullptr;
    return exitCode;
}

int evalCommand(const QStringList& args) {
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Test error of saved weights."));
    p.addOptions({{"weights", "A libtorch export or a run's checkpoint.pt.", "FILE"},
                  {"data", "Folder with the CIFAR-10 .bin files.", "DIR"},
                  {"test-subset", "Use only the first N test images.", "N"},
                  {"dump-logits", "Write one CSV row of 10 logits per test image.", "FILE.csv"}});
    if (!parse(p, QStringLiteral("eval"), args))
        return kExitUsage;
    if (!p.isSet("weights")) {
        err() << "--weights FILE is required\n";
        err().flush();
        return kExitUsage;
    }
    int subset = 0;
    if (!number(p, "test-subset", &subset))
        return kExitUsage;
    const QString data = findCifar10(p.value("data"));
    if (data.isEmpty()) {
        err() << CliTrain::noData() << Qt::endl;
        return kExitFailure;
    }
    EvalResult r;
    QString error;
    if (!evaluateWeights(p.value("weights"), data, p.value("dump-logits"), subset, &r, &error)) {
        err() << error << Qt::endl;
        return kExitFailure;
    }
    out() << "test error " << QString::number(r.error, 'f', 2) << "% on " << r.images
          << " images (loss " << QString::number(r.loss, 'f', 4) << ")\n";
    out().flush();
    return kExitOk;
}

int exportCommand(const QStringList& args) {
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Export the trained weights of a run."));
    p.addPositionalArgument("RUN_DIR", "The run folder (or a checkpoint file).");
    p.addOptions({{"format", "pytorch or libtorch.", "FORMAT"}, {"out", "Output file.", "FILE"}});
    if (!parse(p, QStringLiteral("export"), args))
        return kExitUsage;
    const auto format = exportFormatFromId(p.value("format"));
    if (p.positionalArguments().size() != 1 || !p.isSet("out") || !format) {
        err() << "usage: resnet-explorer-cli export RUN_DIR --format pytorch|libtorch --out FILE\n";
        err().flush();
        return kExitUsage;
    }
    QString error;
    if (!exportWeights(p.positionalArguments().first(), *format, p.value("out"), &error)) {
        err() << error << Qt::endl;
        return kExitFailure;
    }
    out() << "wrote " << p.value("out") << '\n';
    out().flush();
    return kExitOk;
}

int downloadCommand(const QStringList& args) {
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Download CIFAR-10 (binary version)."));
    p.addOptions({{"out", "Target folder (default: the app's data folder).", "DIR"},
                  {"url", "Archive address (default: the official one).", "URL"},
                  {"md5", "Expected md5 of the archive.", "HEX"}});
    if (!parse(p, QStringLiteral("download"), args))
        return kExitUsage;
    const QString dir = p.isSet("out") ? p.value("out") : defaultCifar10Dir();
    const bool tty = isatty(fileno(stderr));
    QString error;
    const bool ok = Cifar10Downloader::download(
        dir, &error,
        [tty](qint64 got, qint64 total) {
            if (!tty || total <= 0)
                return;
            err() << QStringLiteral("\r%1 / %2 MB").arg(got >> 20).arg(total >> 20);
            err().flush();
        },
        p.isSet("url") ? QUrl(p.value("url")) : Cifar10Downloader::officialUrl(),
        p.isSet("md5") ? p.value("md5").toLatin1() : Cifar10Downloader::officialMd5());
    if (tty)
        err() << '\n';
    if (!ok) {
        err() << error << Qt::endl;
        return kExitFailure;
    }
    out() << "CIFAR-10 is in " << dir << '\n';
    out().flush();
    return kExitOk;
}

}  // namespace rx::cli
