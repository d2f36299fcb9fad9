// Switching the interface language at run time: on a running main window, Korean and back to
// English from the Language menu, with the real catalogues (:/i18n). Every dock's title and a
// widget inside it, the tabs, a menu and an action, a plot's axis label and legend, a combo box
// item of the train form and the canvas must follow; the choice is remembered in QSettings; the
// undo history survives. A widget that does not retranslate fails here.
#include "block_palette.h"
#include "language.h"
#include "main_window.h"
#include "plots_area.h"
#include "properties_panel.h"
#include "runs_model.h"
#include "runs_panel.h"
#include "train_form.h"
#include "training_dashboard.h"
#include "training_plots.h"

#include <QComboBox>
#include <QDockWidget>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QGroupBox>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSlider>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using namespace rx;

namespace {

bool hasHangul(const QString& text) {
    for (QChar c : text)
        if (c.unicode() >= 0xAC00 && c.unicode() <= 0xD7A3)
            return true;
    return false;
}

// Every text of the window the test looks at, as it reads now.
struct Texts {
    QString paletteDock, paletteStage, propertiesDock, propertiesGroup, runsDock, runsButton,
        issuesDock, issue, builderTab, trainingTab, fileMenu, fitAction, languageMenu, axisLabel,
        legendEntry, schedule, plotTitle, smoothing, canvasText, summary;
};

Texts read(MainWindow& w) {
    Texts t;
    auto dock = [&](const char* name) {
        return w.findChild<QDockWidget*>(QLatin1String(name))->windowTitle();
    };
    t.paletteDock = dock("paletteDock");
    t.paletteStage = w.palette()->itemFor(QStringLiteral("stage"))->text();
    t.propertiesDock = dock("propertiesDock");
    t.propertiesGroup = w.properties()->findChildren<QGroupBox*>().first()->title();
    t.runsDock = dock("runsDock");
    t.runsButton = w.dashboard()->runsPanel()->findChildren<QPushButton*>().first()->text();
    t.issuesDock = dock("issuesDock");
    t.issue = w.issuesView()->count() > 0 ? w.issuesView()->item(0)->text() : QString();
    auto* tabs = w.findChild<QTabWidget*>(QStringLiteral("tabs"));
    t.builderTab = tabs->tabText(0);
    t.trainingTab = tabs->tabText(1);
    t.fileMenu = w.menuBar()->actions().first()->text();
    t.fitAction = w.findChild<QAction*>(QStringLiteral("fit"))->text();
    t.languageMenu = w.findChild<QMenu*>(QStringLiteral("languageMenu"))->menuAction()->text();
    ErrorCurvePlot* plot = w.dashboard()->errorPlot();
    t.axisLabel = plot->xAxis->label();
    for (int i = 0; i < plot->legend->itemCount(); ++i)
        if (auto* item = qobject_cast<QCPPlottableLegendItem*>(plot->legend->item(i)))
            if (item->plottable()->name().startsWith(QLatin1String("demo ")) &&
                item->plottable()->name() != QLatin1String("demo train"))
                t.legendEntry = item->plottable()->name();
    t.schedule =
        w.dashboard()->form()->findChild<QComboBox*>(QStringLiteral("schedule"))->itemText(0);
    t.plotTitle = w.dashboard()->plots()->findChildren<QGroupBox*>().first()->title();
    t.smoothing =
        w.dashboard()->plots()->findChild<QSlider*>(QStringLiteral("smoothing"))->toolTip();
    for (QGraphicsItem* item : w.canvas()->scene()->items())
        if (auto* text = dynamic_cast<QGraphicsSimpleTextItem*>(item))
            if (text->text().contains(QLatin1String("input")) || hasHangul(text->text()))
                t.canvasText = text->text();
    t.summary = w.statusText();
    return t;
}

}  // namespace

class TestLanguage : public QObject {
    Q_OBJECT

    QTemporaryDir settings_;

    // Chooses `code` from the Language menu, as a user does, and lets the change arrive.
    static void choose(MainWindow& w, const QString& code) {
        QAction* action = w.findChild<QAction*>(QStringLiteral("language:") + code);
        QVERIFY(action);
        action->trigger();
        QCoreApplication::processEvents();
        QCoreApplication::processEvents();
        QCOMPARE(currentLanguage(), code);
        QVERIFY(action->isChecked());
    }

private Q_SLOTS:
    void initTestCase() {
        // The user's settings are not touched: a test organisation in a temporary folder.
        QCoreApplication::setOrganizationName(QStringLiteral("ResNetExplorerLanguageTests"));
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settings_.path());
        QSettings().clear();
        QVERIFY(QFile::exists(QStringLiteral(":/i18n/resnet-explorer_ko.qm")));
        QVERIFY(setLanguage(QStringLiteral("en")));
    }

    void table() {
        QCOMPARE(availableLanguages().size(), size_t(2));
        QCOMPARE(QString::fromUtf8(languageInfo(QStringLiteral("ko"))->nativeName),
                 QStringLiteral("한국어"));
        QVERIFY(!setLanguage(QStringLiteral("xx")));
        QCOMPARE(currentLanguage(), QStringLiteral("en"));
        // --lang wins over the saved choice, which wins over the system's language.
        saveLanguage(QStringLiteral("ko"));
        QCOMPARE(startupLanguage(), QStringLiteral("ko"));
        QCOMPARE(startupLanguage(QStringLiteral("en")), QStringLiteral("en"));
        QCOMPARE(startupLanguage(QStringLiteral("ko_KR")), QStringLiteral("ko"));
        QSettings().clear();
        QCOMPARE(startupLanguage(), systemLanguage());
    }

    void switchAtRunTime() {
        MainWindow w;
        w.dashboard()->setRunsDirectory(settings_.path() + QStringLiteral("/runs"));
        w.dashboard()->plots()->addRun(QStringLiteral("demo"),
                                       {QStringLiteral("demo"), QColor(Qt::blue)});
        // An invalid network, so that the Issues list has a message; and an undo history.
        NetworkSpec invalid = w.spec();
        invalid.stages[0].width = 0;
        w.edit(invalid, QStringLiteral("break it"));
        QCOMPARE(w.undoStack()->count(), 1);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));

        // The items are named in their own language, whatever the current one.
        QCOMPARE(w.findChild<QAction*>(QStringLiteral("language:ko"))->text(),
                 QStringLiteral("한국어"));
        QCOMPARE(w.findChild<QAction*>(QStringLiteral("language:en"))->text(),
                 QStringLiteral("English"));

        const Texts en = read(w);
        QCOMPARE(en.paletteDock, QStringLiteral("Palette"));
        QCOMPARE(en.paletteStage, QStringLiteral("Stage"));
        QCOMPARE(en.propertiesGroup, QStringLiteral("Network"));
        QCOMPARE(en.runsButton, QStringLiteral("Rename…"));
        QCOMPARE(en.trainingTab, QStringLiteral("Training"));
        QCOMPARE(en.fileMenu, QStringLiteral("&File"));
        QCOMPARE(en.fitAction, QStringLiteral("&Fit to Window"));
        QCOMPARE(en.axisLabel, QStringLiteral("iteration"));
        QCOMPARE(en.legendEntry, QStringLiteral("demo test"));
        QVERIFY(!en.issue.isEmpty());
        QVERIFY(!en.canvasText.isEmpty());

        choose(w, QStringLiteral("ko"));
        QCOMPARE(savedLanguage(), QStringLiteral("ko"));
        QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(), QStringLiteral("ko"));
        const Texts ko = read(w);
        QCOMPARE(ko.paletteDock, QStringLiteral("팔레트"));
        QCOMPARE(ko.paletteStage, QStringLiteral("단계"));
        QCOMPARE(ko.propertiesDock, QStringLiteral("속성"));
        QCOMPARE(ko.propertiesGroup, QStringLiteral("신경망"));
        QCOMPARE(ko.runsDock, QStringLiteral("실행 기록"));
        QCOMPARE(ko.runsButton, QStringLiteral("이름 바꾸기…"));
        QCOMPARE(ko.issuesDock, QStringLiteral("문제"));
        QCOMPARE(ko.builderTab, QStringLiteral("구성"));
        QCOMPARE(ko.trainingTab, QStringLiteral("학습"));
        QCOMPARE(ko.fileMenu, QStringLiteral("파일(&F)"));
        QCOMPARE(ko.fitAction, w.tr("&Fit to Window"));
        QVERIFY(hasHangul(ko.fitAction));
        QCOMPARE(ko.axisLabel, QStringLiteral("반복"));
        QCOMPARE(ko.legendEntry, QStringLiteral("demo 테스트"));
        QVERIFY2(hasHangul(ko.schedule), qPrintable(ko.schedule));
        QVERIFY2(hasHangul(ko.plotTitle), qPrintable(ko.plotTitle));
        QVERIFY2(hasHangul(ko.smoothing), qPrintable(ko.smoothing));
        QVERIFY2(hasHangul(ko.issue), qPrintable(ko.issue));
        QVERIFY2(hasHangul(ko.canvasText), qPrintable(ko.canvasText));
        QVERIFY2(ko.summary != en.summary, qPrintable(ko.summary));
        // Nothing was rebuilt: the same window, its undo history and its plots' runs.
        QCOMPARE(w.undoStack()->count(), 1);
        QVERIFY(w.dashboard()->errorPlot()->hasRun(QStringLiteral("demo")));

        choose(w, QStringLiteral("en"));
        QCOMPARE(savedLanguage(), QStringLiteral("en"));
        const Texts back = read(w);
        QCOMPARE(back.paletteDock, en.paletteDock);
        QCOMPARE(back.paletteStage, en.paletteStage);
        QCOMPARE(back.propertiesDock, en.propertiesDock);
        QCOMPARE(back.propertiesGroup, en.propertiesGroup);
        QCOMPARE(back.runsDock, en.runsDock);
        QCOMPARE(back.runsButton, en.runsButton);
        QCOMPARE(back.issuesDock, en.issuesDock);
        QCOMPARE(back.issue, en.issue);
        QCOMPARE(back.builderTab, en.builderTab);
        QCOMPARE(back.trainingTab, en.trainingTab);
        QCOMPARE(back.fileMenu, en.fileMenu);
        QCOMPARE(back.fitAction, en.fitAction);
        QCOMPARE(back.languageMenu, en.languageMenu);
        QCOMPARE(back.axisLabel, en.axisLabel);
        QCOMPARE(back.legendEntry, en.legendEntry);
        QCOMPARE(back.schedule, en.schedule);
        QCOMPARE(back.plotTitle, en.plotTitle);
        QCOMPARE(back.smoothing, en.smoothing);
        QCOMPARE(back.canvasText, en.canvasText);
        QCOMPARE(back.summary, en.summary);
        QCOMPARE(w.undoStack()->count(), 1);
        w.undoStack()->undo();
        QVERIFY(w.analysis().ok());
    }
};

QTEST_MAIN(TestLanguage)
#include "tst_language.moc"
