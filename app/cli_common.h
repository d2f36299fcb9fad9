// Helpers shared by the command-line entry points.
#pragma once

#include "spec.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <optional>
#include <type_traits>

namespace rx::cli {

QTextStream& out();
QTextStream& err();

// ARCH is a preset name or a .resnet.json path. False with a message on failure.
bool loadArchitecture(const QString& arch, NetworkSpec* spec, QString* error);

// "CIFAR-10 not found: pass --data DIR, …".
QString noDataMessage();
// "invalid value 'x' for --batch".
QString badValueMessage(const QString& option, const QString& value);

// Exit codes: 0 success, 1 the input was wrong (invalid network, bad file), 2 usage error.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

// Parses `args` of the subcommand `command` (its options already added; -h/--help is added
// here). nullopt: go on. Otherwise the exit code to return: kExitOk after printing the help for
// -h/--help, kExitUsage after printing the error and the help.
std::optional<int> parseOptions(QCommandLineParser& parser, const QString& command,
                                const QStringList& args);
// Reads the number option `name` into `out` when it is set (int, double or quint64). False,
// with "invalid value …" printed, when it is not a number of that type.
template <typename T>
bool number(const QCommandLineParser& p, const QString& name, T* out) {
    if (!p.isSet(name))
        return true;
    bool ok = false;
    const QString v = p.value(name);
    if constexpr (std::is_same_v<T, double>)
        *out = v.toDouble(&ok);
    else if constexpr (std::is_same_v<T, quint64>)
        *out = v.toULongLong(&ok);
    else
        *out = v.toInt(&ok);
    if (!ok)
        err() << badValueMessage(name, v) << Qt::endl;
    return ok;
}

// Prints `message` and the subcommand's help to stderr; returns kExitUsage.
int usageError(const QCommandLineParser& parser, const QString& command, const QString& message);

int presetsCommand(const QStringList& args);
int infoCommand(const QStringList& args);
int validateCommand(const QStringList& args);
int trainCommand(const QStringList& args);
// `launch --nproc N train …` (cli_launch.cpp): N data-parallel ranks of `train` on this machine.
int launchCommand(const QStringList& args);
int evalCommand(const QStringList& args);
int exportCommand(const QStringList& args);
int downloadCommand(const QStringList& args);
int experimentCommand(const QStringList& args);
// `analyze KIND RUN_DIR …` (cli_analyze.cpp) and its analyses, one file each.
int analyzeCommand(const QStringList& args);
QString analyzeSynopsis();
int analyzeLesionCommand(const QStringList& args);
int analyzeLandscapeCommand(const QStringList& args);
int analyzeActivationsCommand(const QStringList& args);
int analyzeDynamicsCommand(const QStringList& args);

}  // namespace rx::cli
