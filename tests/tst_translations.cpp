// Every user-visible string is translated: both catalogues are complete and in step with the code.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

namespace {

struct Catalogue {
    int messages = 0;
    QStringList unfinished;  // source texts with a missing, empty or unfinished translation
};

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
