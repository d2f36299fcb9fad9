// resnet-explorer-cli: the network model, training and export without a display.
#include "cli_common.h"
#include "memory.h"

#include <QApplication>
#include <QCoreApplication>

#include <functional>
#include <map>
#include <memory>

namespace {

struct Command {
    std::function<int(const QStringList&)> run;
    const char* synopsis;
};

const std::map<QString, Command>& commands() {
    static const std::map<QString, Command> table = {
        {QStringLiteral("presets"), {rx::cli::presetsCommand, "presets"}},
        {QStringLiteral("info"), {rx::cli::infoCommand, "info ARCH [--json]"}},
        {QStringLiteral("validate"), {rx::cli::validateCommand, "validate FILE"}},
        {QStringLiteral("train"),
         {rx::cli::trainCommand,
          "train --arch ARCH --out RUN_DIR [--data DIR] [--epochs N | --iterations N] [--resume]"}},
        {QStringLiteral("launch"),
         {rx::cli::launchCommand, "launch --nproc N [--port PORT] train OPTIONS (N ranks here)"}},
        {QStringLiteral("eval"),
         {rx::cli::evalCommand, "eval --weights RUN_DIR|FILE [--arch ARCH] [--data DIR]"}},
        {QStringLiteral("export"),
         {rx::cli::exportCommand, "export RUN_DIR --format FORMAT --out FILE"}},
        {QStringLiteral("download"), {rx::cli::downloadCommand, "download [--out DIR]"}},
        {QStringLiteral("experiment"),
         {rx::cli::experimentCommand,
          "experiment list | run NAME [--quick] --out DIR [--data DIR] [--threads N] [--resume]"}},
        {QStringLiteral("analyze"), {rx::cli::analyzeCommand, nullptr}},
    };
    return table;
}

int usage(QTextStream& stream, int code) {
    stream << "usage: resnet-explorer-cli COMMAND [ARGS]\n\ncommands:\n";
    for (const auto& [name, command] : commands())
        stream << "  "
               << (command.synopsis ? QString::fromLatin1(command.synopsis)
                                    : rx::cli::analyzeSynopsis())
               << '\n';
    stream << "\nARCH is a preset name (see 'presets') or a .resnet.json file.\n"
              "'resnet-explorer-cli COMMAND --help' lists the options of a command and their "
              "defaults.\n";
    stream.flush();
    return code;
}

}  // namespace

int main(int argc, char** argv) {
    rx::keepTensorMemoryInHeap();
    // `experiment` draws its figure with the plot widgets: a QApplication, offscreen unless a
    // platform was asked for. The other commands need no GUI at all.
    std::unique_ptr<QCoreApplication> app;
    if (argc > 1 && qstrcmp(argv[1], "experiment") == 0) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("ResNet Explorer"));
    QCoreApplication::setOrganizationName(QStringLiteral("ResNetExplorer"));
    QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty())
        return usage(rx::cli::err(), rx::cli::kExitUsage);
    const QString name = args.takeFirst();
    if (name == QLatin1String("--help") || name == QLatin1String("-h") ||
        name == QLatin1String("help"))
        return usage(rx::cli::out(), rx::cli::kExitOk);
    const auto it = commands().find(name);
    if (it == commands().end()) {
        rx::cli::err() << "unknown command '" << name << "'\n";
        return usage(rx::cli::err(), rx::cli::kExitUsage);
    }
    return it->second.run(args);
}
