// Every user-visible string is translated: both catalogues are complete and in step with the code.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

#include <algorithm>

namespace {

struct Catalogue {
    int messages = 0;
    QStringList unfinished;  // source texts with a missing, empty or unfinished translation
    QList<QPair<QString, QString>> pairs;  // (source, translation) of every finished message
};

// translations/GLOSSARY.md: the rows of its table, (English term, Korean term).
QList<QPair<QString, QString>> glossary(const QString& path) {
    QList<QPair<QString, QString>> terms;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return terms;
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    bool header = true;
    for (const QString& line : lines) {
        if (!line.startsWith(QLatin1Char('|')))
            continue;
        const QStringList cells = line.split(QLatin1Char('|'));
        if (cells.size() < 4)
            continue;
        if (header || cells[1].trimmed().startsWith(QLatin1String("---"))) {
            header = false;
            continue;
        }
        terms.append({cells[1].trimmed(), cells[2].trimmed()});
    }
    return terms;
}

// Where an English term stands in a source text as a word (not inside a file name such as
// "checkpoint.pt").
bool mentions(const QString& source, const QString& term) {
    const QRegularExpression re(QStringLiteral("(?<![\\w-])") + QRegularExpression::escape(term) +
                                    QStringLiteral("(?!\\.\\w)"),
                                QRegularExpression::CaseInsensitiveOption);
    return re.match(source).hasMatch();
}

Catalogue read(const QString& path) {
    Catalogue c;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return c;
    QXmlStreamReader xml(&file);
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("message")) {
            ++c.messages;
        } else if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            // Plural forms hold <numerusform> children; read them all.
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (type == QLatin1String("unfinished") || type == QLatin1String("vanished") ||
                text.trimmed().isEmpty())
                c.unfinished << source;
            else
                c.pairs.append({source, text});
        }
    }
    return c;
}

}  // namespace

class TestTranslations : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cataloguesAreComplete_data() {
        QTest::addColumn<QString>("language");
        QTest::newRow("ko") << "ko";
        QTest::newRow("en") << "en";
    }
    void cataloguesAreComplete() {
        QFETCH(QString, language);
        const QString path = qEnvironmentVariable("RX_SOURCE_DIR") +
                             QStringLiteral("/translations/resnet-explorer_%1.ts").arg(language);
        const Catalogue c = read(path);
        QVERIFY2(c.messages > 50, qPrintable(path));
        QVERIFY2(c.unfinished.isEmpty(), qPrintable(QStringLiteral("%1 untranslated in %2:\n%3")
                                                        .arg(c.unfinished.size())
                                                        .arg(path, c.unfinished.join('\n'))));
    }

    // translations/GLOSSARY.md names one Korean term per concept; the Korean catalogue uses it.
    void koreanFollowsTheGlossary() {
        const QString root = qEnvironmentVariable("RX_SOURCE_DIR");
        const auto terms = glossary(root + QStringLiteral("/translations/GLOSSARY.md"));
        QVERIFY2(terms.size() >= 20, "the glossary table is missing or nearly empty");
        // The concepts the paper's lesson cannot do without.
        const QStringList required{"residual block", "shortcut connection", "identity mapping",
                                   "bottleneck",     "pre-activation",      "training error",
                                   "test error",     "degradation"};
        for (const QString& english : required)
            QVERIFY2(std::any_of(terms.begin(), terms.end(),
                                 [&](const auto& t) { return t.first == english; }),
                     qPrintable(english + QStringLiteral(" has no row in GLOSSARY.md")));
        const Catalogue c = read(root + QStringLiteral("/translations/resnet-explorer_ko.ts"));
        QStringList wrong;
        for (const auto& [source, translation] : c.pairs)
            for (const auto& [english, korean] : terms)
                if (mentions(source, english) && !translation.contains(korean))
                    wrong << QStringLiteral("%1 → %2: \"%3\" is \"%4\"")
                                 .arg(english, korean, source, translation);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join('\n')));
    }

    void catalogueKnowsEveryStringInTheCode() {
        // lupdate over the sources into a copy: no string may be new to the catalogue.
        QTemporaryDir dir;
        const QString project = dir.filePath("project.json");
        QProcess cmake;
        cmake.start(
            qEnvironmentVariable("RX_CMAKE"),
            {"-DIN_FILE=" + qEnvironmentVariable("RX_LUPDATE_PROJECT_CMAKE"),
             "-DOUT_FILE=" + project, "-P", qEnvironmentVariable("RX_LUPDATE_PROJECT_SCRIPT")});
        QVERIFY(cmake.waitForFinished(60000));
        QVERIFY2(cmake.exitCode() == 0 && QFile::exists(project),
                 cmake.readAllStandardError().constData());
        const QString copy = dir.filePath("copy_ko.ts");
        QVERIFY(QFile::copy(
            qEnvironmentVariable("RX_SOURCE_DIR") + "/translations/resnet-explorer_ko.ts", copy));
        QProcess lupdate;
        lupdate.start(qEnvironmentVariable("RX_LUPDATE"),
                      {"-project", project, "-no-obsolete", "-locations", "none", "-ts", copy});
        QVERIFY(lupdate.waitForFinished(120000));
        QCOMPARE(lupdate.exitCode(), 0);
        const Catalogue c = read(copy);
        QVERIFY2(c.unfinished.isEmpty(),
                 qPrintable(QStringLiteral("strings in the code missing from the catalogue "
                                           "(run the update_translations target):\n") +
                            c.unfinished.join('\n')));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
