#include "cli_common.h"

#include "presets.h"
#include "spec_json.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>

namespace rx::cli {

namespace {

class CliCommon {
    Q_DECLARE_TR_FUNCTIONS(rx::Cli)
public:
    static QString unknownArch(const QString& arch) {
        return tr("'%1' is neither a preset name nor an existing file; run 'presets' for the "
                  "list")
            .arg(arch);
    }
    static QString noData() {
        return tr(
            "CIFAR-10 not found: pass --data DIR, set CIFAR10_DIR, or run "
            "'resnet-explorer-cli download'");
    }
    static QString badValue(const QString& option, const QString& value) {
        return tr("invalid value '%2' for --%1").arg(option, value);
    }
};

// QCommandLineParser names the executable in its usage line; name the subcommand too.
QString helpText(const QCommandLineParser& parser, const QString& command) {
    QString help = parser.helpText();
    const QString exe = QCoreApplication::arguments().value(0);
    const qsizetype at = exe.isEmpty() ? -1 : help.indexOf(exe);
    if (at >= 0 && at < help.indexOf(QLatin1Char('\n')))
        help.replace(at, exe.size(), QStringLiteral("resnet-explorer-cli ") + command);
    return help;
}

}  // namespace

QTextStream& out() {
    static QTextStream stream(stdout);
    return stream;
}

QTextStream& err() {
    static QTextStream stream(stderr);
    return stream;
}

bool loadArchitecture(const QString& arch, NetworkSpec* spec, QString* error) {
    if (auto p = preset(arch)) {
        *spec = *p;
        return true;
    }
    if (QFileInfo::exists(arch))
        return loadSpecFile(arch, spec, error);
    *error = CliCommon::unknownArch(arch);
    return false;
}

QString noDataMessage() {
    return CliCommon::noData();
}

QString badValueMessage(const QString& option, const QString& value) {
    return CliCommon::badValue(option, value);
}

std::optional<int> parseOptions(QCommandLineParser& parser, const QString& command,
                                const QStringList& args) {
    parser.addHelpOption();
    if (!parser.parse(QStringList{QStringLiteral("resnet-explorer-cli ") + command} + args))
        return usageError(parser, command, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << helpText(parser, command);
        out().flush();
        return kExitOk;
    }
    return std::nullopt;
}

int usageError(const QCommandLineParser& parser, const QString& command, const QString& message) {
    err() << message << '\n' << helpText(parser, command);
    err().flush();
    return kExitUsage;
}

}  // namespace rx::cli
