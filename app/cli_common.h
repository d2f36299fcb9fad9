// Helpers shared by the command-line entry points.
#pragma once

#include "spec.h"

#include <QString>
#include <QStringList>
#include <QTextStream>

namespace rx::cli {

QTextStream& out();
QTextStream& err();

// ARCH is a preset name or a .resnet.json path. False with a message on failure.
bool loadArchitecture(const QString& arch, NetworkSpec* spec, QString* error);

// Exit codes: 0 success, 1 the input was wrong (invalid network, bad file), 2 usage error.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

int presetsCommand(const QStringList& args);
int infoCommand(const QStringList& args);
int validateCommand(const QStringList& args);
int trainCommand(const QStringList& args);
int evalCommand(const QStringList& args);
int exportCommand(const QStringList& args);
int downloadCommand(const QStringList& args);

}  // namespace rx::cli
