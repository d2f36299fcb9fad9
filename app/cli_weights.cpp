// `eval`, `export` and `download`: trained weights and the dataset on the command line.
#include "cifar10.h"
#include "cli_common.h"
#include "download.h"
#include "enum_table.h"
#include "export.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QThread>
#include <QUrl>

#include <unistd.h>
#include <cstdio>

namespace rx::cli {

namespace {

class CliWeights {
    Q_DECLARE_TR_FUNCTIONS(rx::CliWeights)
public:
    static QString evalHelp() {
        return tr("Test error of trained weights on the CIFAR-10 test set.");
    }
    static QString weightsOption() {
        return tr(
            "A run folder, its checkpoint.pt, a libtorch export (.pt) or a pytorch export "
            "(.pth).");
    }
    static QString archOption() {
        return tr(
            "The architecture (preset name or .resnet.json file) when none lies beside "
            "the weights (FILE.resnet.json or architecture.resnet.json).");
    }
    static QString dataOption() { return tr("Folder with the CIFAR-10 .bin files."); }
    static QString subsetOption() { return tr("Use N test images, spread evenly over the set."); }
    static QString threadsOption(int cores) {
        return tr("CPU threads (default: every core, %1 here).").arg(cores);
    }
    static QString logitsOption() { return tr("Write one CSV row of 10 logits per test image."); }
    static QString needWeights() { return tr("--weights is required"); }
    static QString exportHelp() {
        return tr("Export a trained network: its weights, an ONNX model or PyTorch code.");
    }
    static QString sourceArg() {
        return tr("The run folder (or a checkpoint, or a pytorch or libtorch export).");
    }
    static QString formatOption(const QString& ids) { return tr("One of: %1.").arg(ids); }
    static QString outOption() { return tr("Output file."); }
    static QString exportUsage(const QString& ids) {
        return tr("expected RUN_DIR --format %1 --out FILE").arg(ids);
    }
    static QString downloadHelp() { return tr("Download CIFAR-10 (binary version)."); }
    static QString targetOption() {
        return tr("Target folder (default: the app's data folder, %1).").arg(defaultCifar10Dir());
    }
    static QString urlOption() { return tr("Archive address (default: the official one)."); }
    static QString md5Option() { return tr("Expected md5 of the archive."); }
};

}  // namespace

int evalCommand(const QStringList& args) {
    QCommandLineParser p;
    p.setApplicationDescription(CliWeights::evalHelp());
    p.addOptions({{"weights", CliWeights::weightsOption(), "PATH"},
                  {"arch", CliWeights::archOption(), "ARCH"},
                  {"data", CliWeights::dataOption(), "DIR"},
                  {"test-subset", CliWeights::subsetOption(), "N"},
                  {"threads", CliWeights::threadsOption(QThread::idealThreadCount()), "N"},
                  {"dump-logits", CliWeights::logitsOption(), "FILE.csv"}});
    if (const auto code = parseOptions(p, QStringLiteral("eval"), args))
        return *code;
    if (!p.isSet("weights"))
        return usageError(p, QStringLiteral("eval"), CliWeights::needWeights());
    EvalOptions options;
    options.logitsCsv = p.value("dump-logits");
    for (const auto& [name, value] :
         {std::pair{"test-subset", &options.testSubset}, std::pair{"threads", &options.threads}}) {
        bool ok = true;
        if (p.isSet(name))
            *value = p.value(name).toInt(&ok);
        if (!ok || *value < 0) {
            err() << badValueMessage(QLatin1String(name), p.value(name)) << Qt::endl;
            return kExitUsage;
        }
    }
    QString error;
    if (p.isSet("arch")) {
        NetworkSpec spec;
        if (!loadArchitecture(p.value("arch"), &spec, &error)) {
            err() << error << Qt::endl;
            return kExitFailure;
        }
        options.architecture = spec;
    }
    options.dataDir = findCifar10(p.value("data"));
    if (options.dataDir.isEmpty()) {
        err() << noDataMessage() << Qt::endl;
        return kExitFailure;
    }
    EvalResult r;
    if (!evaluateWeights(p.value("weights"), options, &r, &error)) {
        err() << error << Qt::endl;
        return kExitFailure;
    }
    out() << "test error " << QString::number(r.error, 'f', 2) << "% on " << r.images
          << " images (loss " << QString::number(r.loss, 'f', 4) << ")\n";
    out().flush();
    return kExitOk;
}

int exportCommand(const QStringList& args) {
    const QString ids = idList(exportFormats());
    QCommandLineParser p;
    p.setApplicationDescription(CliWeights::exportHelp());
    p.addPositionalArgument("RUN_DIR", CliWeights::sourceArg());
    p.addOptions({{"format", CliWeights::formatOption(ids), "FORMAT"},
                  {"out", CliWeights::outOption(), "FILE"}});
    if (const auto code = parseOptions(p, QStringLiteral("export"), args))
        return *code;
    const auto format = exportFormatFromId(p.value("format"));
    if (p.positionalArguments().size() != 1 || !p.isSet("out") || !format)
        return usageError(p, QStringLiteral("export"), CliWeights::exportUsage(ids));
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
    p.setApplicationDescription(CliWeights::downloadHelp());
    p.addOptions({{"out", CliWeights::targetOption(), "DIR"},
                  {"url", CliWeights::urlOption(), "URL"},
                  {"md5", CliWeights::md5Option(), "HEX"}});
    if (const auto code = parseOptions(p, QStringLiteral("download"), args))
        return *code;
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
