// `analyze KIND RUN_DIR …`: the insight views' computations for a trained run (issue 11), each
// writing its JSON into the run folder. One row per analysis in kAnalyses; each analysis parses
// its own options (and answers --help).
#include "cli_common.h"

#include <iterator>

namespace rx::cli {

namespace {

struct Analysis {
    const char* name;
    int (*run)(const QStringList& args);
    const char* synopsis;
};

constexpr Analysis kAnalyses[] = {
    {"lesion", analyzeLesionCommand,
     "analyze lesion RUN_DIR [--images 1000] [--trials 10] [--seed S] [--data DIR] [--threads N]"},
    {"landscape", analyzeLandscapeCommand,
     "analyze landscape RUN_DIR [--grid 21] [--range 1.0] [--images 1000] [--seed S]"},
    {"dynamics", analyzeDynamicsCommand, "analyze dynamics RUN_DIR"},
    {"activations", analyzeActivationsCommand,
     "analyze activations RUN_DIR [--image N] [--data DIR] [--threads N]"},
};

int analyzeUsage(QTextStream& stream, int code) {
    stream << "usage:\n";
    for (const Analysis& a : kAnalyses)
        stream << "  resnet-explorer-cli " << a.synopsis << '\n';
    stream.flush();
    return code;
}

}  // namespace

QString analyzeSynopsis() {
    QStringList names;
    for (const Analysis& a : kAnalyses)
        names << QLatin1String(a.name);
    return QStringLiteral("analyze %1 RUN_DIR [OPTIONS]").arg(names.join(QLatin1Char('|')));
}

int analyzeCommand(const QStringList& args) {
    if (args.isEmpty())
        return analyzeUsage(err(), kExitUsage);
    const QString name = args.first();
    if (name == QLatin1String("--help") || name == QLatin1String("-h"))
        return analyzeUsage(out(), kExitOk);
    for (const Analysis& a : kAnalyses)
        if (name == QLatin1String(a.name))
            return a.run(args.mid(1));
    err() << "unknown analysis '" << name << "'\n";
    return analyzeUsage(err(), kExitUsage);
}

}  // namespace rx::cli
