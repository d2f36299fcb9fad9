// Autosave and crash recovery (issue 13): the open network is autosaved after each edit, a clean
// close removes it, and an instance that was killed has its network offered on the next start.
// The killed instance is this test's own binary run as a child (RX_AUTOSAVE_CHILD=FOLDER): a
// real MainWindow that autosaves into FOLDER, makes an edit and waits to be killed.
#include "autosave.h"
#include "edits.h"
#include "main_window.h"
#include "presets.h"
#include "spec_json.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <cstdio>

using namespace rx;

namespace {

constexpr const char* kChildFolderVariable = "RX_AUTOSAVE_CHILD";

NetworkSpec resnet20() {
    return *preset(QStringLiteral("resnet-20"));
}

// The edit the child makes: plain, and a stage duplicated.
NetworkSpec childEdit(const NetworkSpec& spec) {
    return edits::duplicateStage(edits::togglePlainResidual(spec), 0);
}

QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList filesIn(const QString& folder) {
    return QDir(folder).entryList(QDir::Files | QDir::NoDotAndDotDot);
}

// The child: a real main window autosaving into `folder`; prints "written" once its edit is on
// disk, then runs until it is killed.
int runChild(const QString& folder) {
    MainWindow window;
    window.startAutosave(folder);
    QObject::connect(window.autosave(), &Autosave::written, [] {
        std::fputs("written\n", stdout);
        std::fflush(stdout);
    });
    window.edit(childEdit(window.spec()), QStringLiteral("child edit"));
    return QApplication::exec();
}

// A child instance autosaving into `folder`, started and waited for until its autosave is
// written (it keeps running and holding its lock).
bool startChild(QProcess& child, const QString& folder) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QLatin1String(kChildFolderVariable), folder);
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(), {});
    if (!child.waitForStarted(30000))
        return false;
    QByteArray out;
    while (!out.contains("written\n")) {
        if (!child.waitForReadyRead(60000))
            return false;
        out += child.readAllStandardOutput();
    }
    return true;
}

// SIGKILL: no close event, no destructor; waited for, so that its pid is gone.
void killChild(QProcess& child) {
    child.kill();
    child.waitForFinished(30000);
}

// Records what offerRestore() asks and answers `restore`.
struct Prompt {
    QList<MainWindow::RestoreQuestion> asked;
    bool restore = true;
    void attach(MainWindow& w) {
        w.setRestorePrompt([this](const MainWindow::RestoreQuestion& q) {
            asked.append(q);
            return restore;
        });
    }
    // What main() does for a new instance: autosave into `folder`, then offer what it finds.
    void start(MainWindow& w, const QString& folder) {
        w.startAutosave(folder);
        attach(w);
        w.offerRestore();
    }
};

// An instance that ends without a clean close (destroyed, its lock released) after an edit.
void leaveAutosave(const QString& folder, const NetworkSpec& spec, const QString& path = {}) {
    MainWindow w;
    if (!path.isEmpty())
        QVERIFY(w.openFile(path));
    w.startAutosave(folder);
    QSignalSpy written(w.autosave(), &Autosave::written);
    w.edit(spec, QStringLiteral("edit"));
    QVERIFY(written.wait(10000));
}

}  // namespace

class TestAutosave : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QCoreApplication::setOrganizationName("ResNetExplorerTests");
        QCoreApplication::setApplicationName("tst_autosave");
        QSettings().clear();
    }

    void editIsAutosavedAfterTheDebounce() {
        QTemporaryDir dir;
        MainWindow w;
        w.startAutosave(dir.path());
        const QString path = w.autosave()->specPath();
        QVERIFY(path.startsWith(dir.path()));
        QVERIFY(path.endsWith(".resnet.json"));
        QSignalSpy written(w.autosave(), &Autosave::written);

        w.edit(edits::togglePlainResidual(w.spec()), "toggle");
        // Debounced: nothing yet, written once the edits pause.
        QVERIFY(w.autosave()->isPending());
        QVERIFY(!QFile::exists(path));
        w.edit(edits::duplicateStage(w.spec(), 1), "duplicate");
        QVERIFY(written.wait(10000));
        QCOMPARE(written.count(), 1);  // two edits, one write
        QCOMPARE(readAll(path), specToJson(w.spec()));
        NetworkSpec back;
        QString error;
        QVERIFY2(loadSpecFile(path, &back, &error), qPrintable(error));  // the normal format
        QCOMPARE(back, w.spec());

        // Undo is autosaved too.
        w.undoStack()->undo();
        QVERIFY(written.wait(10000));
        QCOMPARE(readAll(path), specToJson(edits::togglePlainResidual(resnet20())));
        // Back to the saved state: nothing unsaved, no autosave.
        w.undoStack()->undo();
        QTRY_VERIFY(!QFile::exists(path));
        QVERIFY(!w.isModified());
        w.undoStack()->redo();
        QVERIFY(written.wait(10000));
        QCOMPARE(readAll(path), specToJson(w.spec()));
    }

    void cleanCloseRemovesIt() {
        QTemporaryDir dir;
        {
            MainWindow w;
            w.startAutosave(dir.path());
            w.show();
            QSignalSpy written(w.autosave(), &Autosave::written);
            w.edit(edits::togglePlainResidual(w.spec()), "toggle");
            QVERIFY(written.wait(10000));
            QCOMPARE(filesIn(dir.path()).size(), 3);  // lock, network, where it came from
            w.setDiscardPrompt([] { return QMessageBox::Discard; });
            QVERIFY(w.close());
            QCOMPARE(filesIn(dir.path()), QStringList());
        }
        QCOMPARE(filesIn(dir.path()), QStringList());
        MainWindow next;
        Prompt prompt;
        prompt.start(next, dir.path());
        QCOMPARE(prompt.asked.size(), 0);
    }

    void cancelledCloseKeepsIt() {
        QTemporaryDir dir;
        MainWindow w;
        w.startAutosave(dir.path());
        w.show();
        w.edit(edits::togglePlainResidual(w.spec()), "toggle");
        w.setDiscardPrompt([] { return QMessageBox::Cancel; });
        QVERIFY(!w.close());
        QTRY_VERIFY(QFile::exists(w.autosave()->specPath()));
    }

    void killedInstanceIsOfferedAndRestored() {
        QTemporaryDir dir;
        QProcess child;
        QVERIFY(startChild(child, dir.path()));
        const QStringList childFiles = filesIn(dir.path());
        QCOMPARE(childFiles.size(), 3);

        // While the child runs, its autosave is its own: not offered, not touched.
        {
            MainWindow live;
            Prompt prompt;
            prompt.start(live, dir.path());
            QCOMPARE(prompt.asked.size(), 0);
            for (const QString& name : childFiles)
                QVERIFY2(QFile::exists(dir.filePath(name)), qPrintable(name));
            live.setDiscardPrompt([] { return QMessageBox::Discard; });
            live.close();
        }

        killChild(child);
        QCOMPARE(filesIn(dir.path()), childFiles);  // a kill leaves everything behind

        MainWindow next;
        Prompt prompt;
        prompt.start(next, dir.path());
        QCOMPARE(prompt.asked.size(), 1);
        const MainWindow::RestoreQuestion& q = prompt.asked.first();
        QVERIFY(q.canRestore);
        QVERIFY2(q.text.contains(QString::fromUtf8("“plain-20”")), qPrintable(q.text));
        QCOMPARE(childEdit(resnet20()).name, QString("plain-20"));
        // When it was saved: between writing the network and writing where it came from.
        auto shown = [&](const QString& name) {
            const QDateTime time = QFileInfo(dir.filePath(name)).lastModified();
            return q.text.contains(QLocale().toString(time, QLocale::ShortFormat));
        };
        QVERIFY2(shown(childFiles.filter(".resnet.json").first()) ||
                     shown(childFiles.filter(".autosave.json").first()),
                 qPrintable(q.text));
        // Exactly the child's network, as an unsaved document.
        QCOMPARE(next.spec(), childEdit(resnet20()));
        QVERIFY(next.isModified());
        QVERIFY(next.isWindowModified());
        QVERIFY(next.filePath().isEmpty());
        // It is this instance's autosave now; the killed one's files are gone.
        QCOMPARE(readAll(next.autosave()->specPath()), specToJson(childEdit(resnet20())));
        for (const QString& name : childFiles)
            QVERIFY2(!QFile::exists(dir.filePath(name)), qPrintable(name));
        // Offered once only.
        next.offerRestore();
        QCOMPARE(prompt.asked.size(), 1);
    }

    void discardDeletesIt() {
        QTemporaryDir dir;
        QProcess child;
        QVERIFY(startChild(child, dir.path()));
        killChild(child);
        MainWindow next;
        Prompt prompt;
        prompt.restore = false;
        prompt.start(next, dir.path());
        QCOMPARE(prompt.asked.size(), 1);
        QCOMPARE(next.spec(), resnet20());
        QVERIFY(!next.isModified());
        QCOMPARE(filesIn(dir.path()), QStringList{next.autosave()->id() + ".lock"});
    }

    void restoredFileKeepsItsPath() {
        QTemporaryDir dir, files;
        const QString source = files.filePath("mine.resnet.json");
        QString error;
        QVERIFY2(saveSpecFile(source, resnet20(), &error), qPrintable(error));
        const NetworkSpec edited = edits::togglePlainResidual(resnet20());
        leaveAutosave(dir.path(), edited, source);

        MainWindow next;
        Prompt prompt;
        prompt.start(next, dir.path());
        QCOMPARE(prompt.asked.size(), 1);
        QVERIFY2(prompt.asked.first().text.contains("mine.resnet.json"),
                 qPrintable(prompt.asked.first().text));
        QCOMPARE(next.spec(), edited);
        QCOMPARE(next.filePath(), source);
        QVERIFY(next.isModified());
        QVERIFY(next.windowTitle().startsWith("mine.resnet.json"));
        // Saving goes to the file it came from and ends the autosave.
        next.setDiscardPrompt([] { return QMessageBox::Save; });
        QVERIFY(next.close());
        NetworkSpec saved;
        QVERIFY2(loadSpecFile(source, &saved, &error), qPrintable(error));
        QCOMPARE(saved, edited);
        QCOMPARE(filesIn(dir.path()), QStringList());
    }

    void newestIsOfferedOlderWait() {
        QTemporaryDir dir;
        const NetworkSpec older = edits::togglePlainResidual(resnet20());
        const NetworkSpec newer = edits::duplicateStage(resnet20(), 2);
        leaveAutosave(dir.path(), older);
        QTest::qWait(20);  // a later time stamp
        leaveAutosave(dir.path(), newer);

        MainWindow next;
        Prompt prompt;
        prompt.start(next, dir.path());
        QCOMPARE(prompt.asked.size(), 1);
        QVERIFY2(prompt.asked.first().text.contains("1 older autosave"),
                 qPrintable(prompt.asked.first().text));
        QCOMPARE(next.spec(), newer);

        MainWindow later;
        Prompt laterPrompt;
        laterPrompt.start(later, dir.path());
        QCOMPARE(laterPrompt.asked.size(), 1);
        QCOMPARE(later.spec(), older);
    }

    void unreadableAutosaveIsReported() {
        QTemporaryDir dir;
        const QString corrupt = dir.filePath("dead.resnet.json");
        QFile file(corrupt);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{ \"format\": 1, \"stages\": [");
        file.close();

        MainWindow next;
        Prompt prompt;
        prompt.start(next, dir.path());
        QCOMPARE(prompt.asked.size(), 1);
        const MainWindow::RestoreQuestion& q = prompt.asked.first();
        QVERIFY(!q.canRestore);
        QVERIFY2(q.text.contains("could not be read"), qPrintable(q.text));
        QVERIFY2(q.text.contains(corrupt), qPrintable(q.text));  // the reader's error names it
        QVERIFY2(q.text.contains(dir.filePath("dead.unreadable.json")), qPrintable(q.text));
        // Kept aside for the user to look at, and not reported again.
        QVERIFY(!QFile::exists(corrupt));
        QVERIFY(QFile::exists(dir.filePath("dead.unreadable.json")));
        QCOMPARE(next.spec(), resnet20());
        QVERIFY(!next.isModified());
        next.offerRestore();
        QCOMPARE(prompt.asked.size(), 1);
    }
};

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    if (qEnvironmentVariableIsSet(kChildFolderVariable)) {
        QCoreApplication::setOrganizationName("ResNetExplorerTests");
        QCoreApplication::setApplicationName("tst_autosave_child");
        return runChild(qEnvironmentVariable(kChildFolderVariable));
    }
    TestAutosave test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_autosave.moc"
