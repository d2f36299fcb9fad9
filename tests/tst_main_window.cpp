// The main window shows the chosen network and its problems.
#include "main_window.h"
#include "presets.h"
#include "spec_json.h"

#include <QAction>
#include <QListWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

class TestMainWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void opensOnResnet20() {
        rx::MainWindow w;
        w.show();
        QCOMPARE(w.spec().name, QString("resnet-20"));
        QCOMPARE(w.networkView()->topLevelItemCount(), 5);  // stem, 3 stages, head
        QCOMPARE(w.networkView()->topLevelItem(1)->childCount(), 3);
        QVERIFY2(w.statusText().contains("depth 20"), qPrintable(w.statusText()));
        QVERIFY(w.statusText().contains("269,722"));
    }

    void presetMenuSwitchesNetwork() {
        rx::MainWindow w;
        auto* action = w.findChild<QAction*>("preset:resnet-110");
        QVERIFY(action);
        action->trigger();
        QCOMPARE(w.spec().name, QString("resnet-110"));
        QVERIFY(w.statusText().contains("depth 110"));
        QCOMPARE(w.networkView()->topLevelItem(1)->childCount(), 18);
    }

    void invalidFileListsItsProblems() {
        QTemporaryDir dir;
        rx::NetworkSpec spec = *rx::preset("resnet-20");
        spec.stages[2].width = 8;
        const QString path = dir.filePath("bad.resnet.json");
        QVERIFY(rx::saveSpecFile(path, spec, nullptr));
        rx::MainWindow w;
        QVERIFY(w.openFile(path));
        QCOMPARE(w.issuesView()->count(), 1);
        QVERIFY(w.issuesView()->item(0)->text().startsWith("stage 3, block 1:"));
        QVERIFY(w.statusText().contains("invalid"));
        QVERIFY(w.windowTitle().contains("bad.resnet.json"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
