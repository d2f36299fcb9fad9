#include "spec_json.h"

#include "files.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <limits>

namespace rx {

namespace {
// Every network ends with global average pooling and fc; files name it for readers and for a
// future second head kind, and files without it (or older ones) read the same.
constexpr const char* kHeadKind = "avgpool_fc";
}  // namespace

QByteArray specToJson(const NetworkSpec& spec) {
    QJsonObject input{{"channels", spec.input.channels},
                      {"height", spec.input.height},
                      {"width", spec.input.width},
                      {"classes", spec.input.classes}};
    QJsonObject stem{{"kind", idOf(kStemKinds, spec.stem.kind)}, {"width", spec.stem.width}};
    QJsonArray stages;
    for (const auto& st : spec.stages) {
        stages.append(QJsonObject{{"block", idOf(kBlockKinds, st.block)},
                                  {"blocks", st.blocks},
                                  {"width", st.width},
                                  {"stride", st.stride},
                                  {"shortcut", idOf(kShortcutOptions, st.shortcut)}});
    }
    QJsonObject root{{"format", kSpecFormatVersion},
                     {"name", spec.name},
                     {"description", spec.description},
                     {"input", input},
                     {"stem", stem},
                     {"stages", stages},
                     {"head", QJsonObject{{"kind", QLatin1String(kHeadKind)}}}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QString jsonTypeName(const QJsonValue& v) {
    switch (v.type()) {
        case QJsonValue::Null:
            return QCoreApplication::translate("rx::Json", "null");
        case QJsonValue::Bool:
            return QCoreApplication::translate("rx::Json", "a boolean");
        case QJsonValue::Double:
            return QCoreApplication::translate("rx::Json", "a number");
        case QJsonValue::String:
            return QCoreApplication::translate("rx::Json", "a string");
        case QJsonValue::Array:
            return QCoreApplication::translate("rx::Json", "an array");
        case QJsonValue::Object:
            return QCoreApplication::translate("rx::Json", "an object");
        case QJsonValue::Undefined:
            return QCoreApplication::translate("rx::Json", "nothing");
    }
    return {};
}

namespace {

class Reader {
    Q_DECLARE_TR_FUNCTIONS(rx::SpecFile)

public:
    QString error;

    bool fail(const QString& path, const QString& what) {
        if (error.isEmpty())
            error = path + QStringLiteral(": ") + what;
        return false;
    }

    bool expected(const QString& path, const QString& what, const QJsonValue& v) {
        return fail(path, tr("expected %1, got %2").arg(what, jsonTypeName(v)));
    }

    // Reads obj[key] into *out; a missing key keeps the default unless required.
    bool integer(const QJsonObject& obj, const QString& path, const char* key, int* out,
                 bool required) {
        const QJsonValue v = obj.value(QLatin1String(key));
        const QString p = path + QLatin1String(key);
        if (v.isUndefined())
            return required ? fail(p, tr("missing")) : true;
        const double d = v.toDouble();
        if (!v.isDouble() || std::floor(d) != d || std::abs(d) > std::numeric_limits<int>::max())
            return expected(p, tr("an integer"), v);
        *out = static_cast<int>(d);
        return true;
    }

    bool string(const QJsonObject& obj, const QString& path, const char* key, QString* out,
                bool required) {
        const QJsonValue v = obj.value(QLatin1String(key));
        const QString p = path + QLatin1String(key);
        if (v.isUndefined())
            return required ? fail(p, tr("missing")) : true;
        if (!v.isString())
            return expected(p, tr("a string"), v);
        *out = v.toString();
        return true;
    }

    bool object(const QJsonObject& obj, const QString& path, const char* key, QJsonObject* out) {
        const QJsonValue v = obj.value(QLatin1String(key));
        if (v.isUndefined())
            return true;
        if (!v.isObject())
            return expected(path + QLatin1String(key), tr("an object"), v);
        *out = v.toObject();
        return true;
    }

    bool read(const QByteArray& json, NetworkSpec* spec) {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            error = tr("not valid JSON: %1 at character %2")
                        .arg(parseError.errorString())
                        .arg(parseError.offset);
            return false;
        }
        if (!doc.isObject()) {
            error = tr("not a network description: the file must hold one JSON object");
            return false;
        }
        const QJsonObject root = doc.object();
        int format = 0;
        if (!integer(root, {}, "format", &format, true))
            return false;
        if (format > kSpecFormatVersion)
            return fail(QStringLiteral("format"),
                        tr("this file has format %1, written by a newer ResNet Explorer; this "
                           "version reads format %2 and older")
                            .arg(format)
                            .arg(kSpecFormatVersion));
        if (format < 1)
            return fail(QStringLiteral("format"), tr("unknown format %1").arg(format));

        NetworkSpec s;
        if (!string(root, {}, "name", &s.name, false))
            return false;
        if (!string(root, {}, "description", &s.description, false))
            return false;

        QJsonObject input;
        if (!object(root, {}, "input", &input))
            return false;
        const QString ip = QStringLiteral("input.");
        if (!integer(input, ip, "channels", &s.input.channels, false) ||
            !integer(input, ip, "height", &s.input.height, false) ||
            !integer(input, ip, "width", &s.input.width, false) ||
            !integer(input, ip, "classes", &s.input.classes, false))
            return false;

        QJsonObject stem;
        if (!object(root, {}, "stem", &stem))
            return false;
        QString stemKind = idOf(kStemKinds, s.stem.kind);
        if (!string(stem, QStringLiteral("stem."), "kind", &stemKind, false))
            return false;
        const auto kind = fromId(kStemKinds, stemKind);
        if (!kind)
            return fail(QStringLiteral("stem.kind"),
                        tr("unknown stem kind '%1' (expected one of: %2)")
                            .arg(stemKind, idList(kStemKinds)));
        s.stem.kind = *kind;
        if (!integer(stem, QStringLiteral("stem."), "width", &s.stem.width, false))
            return false;

        const QJsonValue stagesValue = root.value(QLatin1String("stages"));
        if (stagesValue.isUndefined())
            return fail(QStringLiteral("stages"), tr("missing"));
        if (!stagesValue.isArray())
            return expected(QStringLiteral("stages"), tr("an array"), stagesValue);
        const QJsonArray stages = stagesValue.toArray();
        for (qsizetype i = 0; i < stages.size(); ++i) {
            const QString sp = QStringLiteral("stages[%1]").arg(i);
            if (!stages[i].isObject())
                return expected(sp, tr("an object"), stages[i]);
            const QJsonObject st = stages[i].toObject();
            StageSpec stage;
            QString block, shortcut = idOf(kShortcutOptions, stage.shortcut);
            const QString p = sp + QLatin1Char('.');
            if (!string(st, p, "block", &block, true) ||
                !integer(st, p, "blocks", &stage.blocks, true) ||
                !integer(st, p, "width", &stage.width, true) ||
                !integer(st, p, "stride", &stage.stride, false) ||
                !string(st, p, "shortcut", &shortcut, false))
                return false;
            const auto blockKind = fromId(kBlockKinds, block);
            if (!blockKind)
                return fail(p + QStringLiteral("block"),
                            tr("unknown block kind '%1' (expected one of: %2)")
                                .arg(block, idList(kBlockKinds)));
            stage.block = *blockKind;
            const auto option = fromId(kShortcutOptions, shortcut);
            if (!option)
                return fail(p + QStringLiteral("shortcut"),
                            tr("unknown shortcut option '%1' (expected one of: %2)")
                                .arg(shortcut, idList(kShortcutOptions)));
            stage.shortcut = *option;
            s.stages.push_back(stage);
        }
        QJsonObject head;
        if (!object(root, {}, "head", &head))
            return false;
        QString headKind = QLatin1String(kHeadKind);
        if (!string(head, QStringLiteral("head."), "kind", &headKind, false))
            return false;
        if (headKind != QLatin1String(kHeadKind))
            return fail(QStringLiteral("head.kind"), tr("unknown head kind '%1' (expected '%2')")
                                                         .arg(headKind, QLatin1String(kHeadKind)));
        *spec = std::move(s);
        return true;
    }

    static QString fileError(const QString& path, const QString& why) {
        return tr("cannot read %1: %2").arg(path, why);
    }
};

}  // namespace

bool specFromJson(const QByteArray& json, NetworkSpec* spec, QString* error) {
    Reader reader;
    if (reader.read(json, spec))
        return true;
    if (error)
        *error = reader.error;
    return false;
}

bool loadSpecFile(const QString& path, NetworkSpec* spec, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = Reader::fileError(path, file.errorString());
        return false;
    }
    QString why;
    if (!specFromJson(file.readAll(), spec, &why)) {
        if (error)
            *error = path + QStringLiteral(": ") + why;
        return false;
    }
    return true;
}

bool saveSpecFile(const QString& path, const NetworkSpec& spec, QString* error) {
    return writeFileAtomically(path, specToJson(spec), error);
}

}  // namespace rx
