// resnet-explorer-cli: the network model, training and export without a display.
#include "cli_common.h"

#include <QCoreApplication>

#include <functional>
#include <map>

#ifdef __GLIBC__
#include <malloc.h>
#endif

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
        {QStringLiteral("eval"),
         {rx::cli::evalCommand, "eval --weights RUN_DIR|FILE [--arch ARCH] [--data DIR]"}},
        {QStringLiteral("export"),
         {rx::cli::exportCommand, "export RUN_DIR --format FORMAT --out FILE"}},
        {QStringLiteral("download"), {rx::cli::downloadCommand, "download [--out DIR]"}},
    };
    return table;
}

// Activations of a test batch (500 × 16 × 32 × 32 floats, 31 MiB) are freed and allocated again
// every batch. With glibc's defaults the heap is trimmed and regrown each time, and the page
// faults cost `eval` on 10,000 images about 8 s of system time: keep such blocks in the heap
// (the largest mmap threshold glibc allows) and the freed heap mapped.
void keepTensorMemory() {
#ifdef __GLIBC__
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 512 * 1024 * 1024);
#endif
}

int usage(QTextStream& stream, int code) {
    stream << "usage: resnet-explorer-cli COMMAND [ARGS]\n\ncommands:\n";
    for (const auto& [name, command] : commands())
        stream << "  " << command.synopsis << '\n';
    stream << "\nARCH is a preset name (see 'presets') or a .resnet.json file.\n"
              "'resnet-explorer-cli COMMAND --help' lists the options of a command and their "
              "defaults.\n";
    stream.flush();
    return code;
}

}  // namespace

int main(int argc, char** argv) {
    keepTensorMemory();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ResNet Explorer"));
    QCoreApplication::setOrganizationName(QStringLiteral("ResNetExplorer"));
    QStringList args = app.arguments().mid(1);
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
