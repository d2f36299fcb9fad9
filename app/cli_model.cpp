// `presets`, `info` and `validate`: the network model on the command line.
#include "analysis.h"
#include "cli_common.h"
#include "presets.h"
#include "spec_json.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace rx::cli {

namespace {

class Cli {
    Q_DECLARE_TR_FUNCTIONS(rx::Cli)
public:
    static QString presetsHelp() { return tr("List the network presets, one name per line."); }
    static QString infoHelp() {
        return tr("Depth, parameters, MACs and the stage table of a network.");
    }
    static QString archArg() { return tr("Preset name or .resnet.json file."); }
    static QString jsonOption() { return tr("Print JSON instead of a table."); }
    static QString validateHelp() { return tr("Check a .resnet.json file."); }
    static QString fileArg() { return tr("The .resnet.json file."); }
    static QString oneArgument(const QString& name) {
        return tr("expected exactly one %1").arg(name);
    }
    static QString noArguments() { return tr("presets takes no arguments"); }
};

QJsonArray shapeJson(const Shape& s) {
    return {s.channels, s.height, s.width};
}

QString padded(const QString& s, int width) {
    return s.leftJustified(width);
}

}  // namespace

int presetsCommand(const QStringList& args) {
    QCommandLineParser p;
    p.setApplicationDescription(Cli::presetsHelp());
    if (const auto code = parseOptions(p, QStringLiteral("presets"), args))
        return *code;
    if (!p.positionalArguments().isEmpty())
        return usageError(p, QStringLiteral("presets"), Cli::noArguments());
    for (const QString& name : presetNames())
        out() << name << '\n';
    out().flush();
    return kExitOk;
}

int infoCommand(const QStringList& args) {
    QCommandLineParser p;
    p.setApplicationDescription(Cli::infoHelp());
    p.addPositionalArgument(QStringLiteral("ARCH"), Cli::archArg());
    p.addOption({QStringLiteral("json"), Cli::jsonOption()});
    if (const auto code = parseOptions(p, QStringLiteral("info"), args))
        return *code;
    if (p.positionalArguments().size() != 1)
        return usageError(p, QStringLiteral("info"), Cli::oneArgument(QStringLiteral("ARCH")));
    const bool json = p.isSet(QStringLiteral("json"));
    NetworkSpec spec;
    QString error;
    if (!loadArchitecture(p.positionalArguments().first(), &spec, &error)) {
        err() << error << Qt::endl;
        return kExitFailure;
    }
    const Analysis a = analyze(spec);
    if (!a.ok()) {
        for (const auto& message : a.errorMessages())
            err() << message << '\n';
        err().flush();
        return kExitFailure;
    }
    if (json) {
        QJsonArray stages;
        for (const StageSummary& s : a.stages) {
            const StageSpec& st = spec.stages[s.stage];
            stages.append(QJsonObject{
                {"stage", s.stage + 1},
                {"block", QLatin1String(blockKindInfo(s.kind).id)},
                {"blocks", s.blocks},
                {"width", s.width},
                {"out_channels", s.outChannels},
                {"stride", st.stride},
                {"shortcut", QString(QChar(shortcutLetter(st.shortcut)))},
                {"output", shapeJson(s.output)},
                {"depth", s.weightedLayers},
                {"parameters", static_cast<qint64>(s.params)},
                {"macs", static_cast<qint64>(s.macs)},
            });
        }
        QJsonArray blocks;
        for (const BlockInfo& b : a.blocks)
            blocks.append(QJsonObject{{"name", b.name},
                                      {"output", shapeJson(b.output)},
                                      {"parameters", static_cast<qint64>(b.params)},
                                      {"macs", static_cast<qint64>(b.macs)}});
        QJsonObject root{
            {"name", spec.name},
            {"description", spec.description},
            {"depth", a.depth},
            {"parameters", static_cast<qint64>(a.params)},
            {"macs", static_cast<qint64>(a.macs)},
            {"input", QJsonArray{spec.input.channels, spec.input.height, spec.input.width}},
            {"classes", spec.input.classes},
            {"stages", stages},
            {"blocks", blocks},
            {"response_layers", QJsonArray::fromStringList(a.responseLayers())},
        };
        out() << QJsonDocument(root).toJson(QJsonDocument::Indented);
        out().flush();
        return kExitOk;
    }
    QTextStream& o = out();
    o << spec.name;
    if (!spec.description.isEmpty())
        o << " — " << spec.description;
    o << "\n\n";
    o << padded(QStringLiteral("depth"), 12) << a.depth << " weighted layers\n";
    o << padded(QStringLiteral("parameters"), 12) << groupedNumber(a.params) << " ("
      << shortNumber(a.params) << ")\n";
    o << padded(QStringLiteral("MACs"), 12) << groupedNumber(a.macs) << " per image ("
      << shortNumber(a.macs) << ")\n";
    o << padded(QStringLiteral("input"), 12)
      << shapeText({spec.input.channels, spec.input.height, spec.input.width}) << " → "
      << spec.input.classes << " classes\n\n";
    const int w[] = {7, 26, 8, 7, 6, 10, 12, 14};
    const QStringList head = {"stage", "block",  "blocks", "width",
                              "out",   "output", "params", "MACs"};
    for (int i = 0; i < head.size(); ++i)
        o << padded(head[i], w[i]);
    o << '\n';
    const BlockInfo& stem = a.blocks.front();
    o << padded(QStringLiteral("stem"), w[0])
      << padded(
             stem.layers.front().text() +
                 (spec.stem.kind == StemKind::ImageNet ? QStringLiteral(" + max pool") : QString()),
             w[1])
      << padded(QStringLiteral("-"), w[2]) << padded(QString::number(stem.outChannels), w[3])
      << padded(QString::number(stem.outChannels), w[4])
      << padded(QStringLiteral("%1×%2").arg(stem.output.height).arg(stem.output.width), w[5])
      << padded(groupedNumber(stem.params), w[6]) << groupedNumber(stem.macs) << '\n';
    for (const StageSummary& s : a.stages) {
        const StageSpec& st = spec.stages[s.stage];
        QString kind = QLatin1String(blockKindInfo(s.kind).id);
        if (blockKindInfo(s.kind).residual)
            kind += QStringLiteral(" (%1)").arg(QChar(shortcutLetter(st.shortcut)));
        if (st.stride > 1)
            kind += QStringLiteral(", /%1").arg(st.stride);
        o << padded(QString::number(s.stage + 1), w[0]) << padded(kind, w[1])
          << padded(QString::number(s.blocks), w[2]) << padded(QString::number(s.width), w[3])
          << padded(QString::number(s.outChannels), w[4])
          << padded(QStringLiteral("%1×%2").arg(s.output.height).arg(s.output.width), w[5])
          << padded(groupedNumber(s.params), w[6]) << groupedNumber(s.macs) << '\n';
    }
    const BlockInfo& headBlock = a.blocks.back();
    o << padded(QStringLiteral("head"), w[0])
      << padded(QStringLiteral("avg pool, fc %1").arg(spec.input.classes), w[1])
      << padded(QStringLiteral("-"), w[2]) << padded(QStringLiteral("-"), w[3])
      << padded(QString::number(spec.input.classes), w[4]) << padded(QStringLiteral("1×1"), w[5])
      << padded(groupedNumber(headBlock.params), w[6]) << groupedNumber(headBlock.macs) << '\n';
    o.flush();
    return kExitOk;
}

int validateCommand(const QStringList& args) {
    QCommandLineParser p;
    p.setApplicationDescription(Cli::validateHelp());
    p.addPositionalArgument(QStringLiteral("FILE"), Cli::fileArg());
    if (const auto code = parseOptions(p, QStringLiteral("validate"), args))
        return *code;
    if (p.positionalArguments().size() != 1)
        return usageError(p, QStringLiteral("validate"), Cli::oneArgument(QStringLiteral("FILE")));
    const QString file = p.positionalArguments().first();
    NetworkSpec spec;
    QString error;
    if (!loadSpecFile(file, &spec, &error)) {
        err() << error << Qt::endl;
        return kExitFailure;
    }
    const Analysis a = analyze(spec);
    if (!a.ok()) {
        for (const auto& message : a.errorMessages())
            out() << message << '\n';
        out().flush();
        return kExitFailure;
    }
    out() << file << ": valid, " << a.depth << " layers, " << groupedNumber(a.params)
          << " parameters\n";
    out().flush();
    return kExitOk;
}

}  // namespace rx::cli
