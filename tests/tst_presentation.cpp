// Presentation mode on a running main window: F11 enters it (full screen, the font and the plots'
// text and lines 1.5× larger, only the demonstration's docks), Esc leaves it and puts back the
// font, the docks and the window state. A dock named "experimentDock" stays.
#include "experiment_panel.h"
#include "main_window.h"
#include "plots_area.h"
#include "train_form.h"
#include "training_dashboard.h"
#include "training_plots.h"

#include <QDockWidget>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

using namespace rx;

class TestPresentation : public QObject {
    Q_OBJECT

    QTemporaryDir settings_;

    static bool docked(MainWindow& w, const char* name) {
        return w.findChild<QDockWidget*>(QLatin1String(name))->isVisible();
    }

private Q_SLOTS:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("ResNetExplorerPresentationTests"));
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settings_.path());
        QSettings().clear();
    }

    void f11EntersAndEscLeaves() {
        MainWindow w;
        w.dashboard()->setRunsDirectory(settings_.path() + QStringLiteral("/runs"));
        w.dashboard()->plots()->addRun(QStringLiteral("demo"),
                                       {QStringLiteral("demo"), QColor(Qt::blue)});
        // The experiment's explanation, which a demonstration needs.
        w.show();
        w.showExperiment(QStringLiteral("degradation"));
        QDockWidget* experiment = w.experimentDock();
        w.showTab(0);
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));

        ErrorCurvePlot* plot = w.dashboard()->errorPlot();
        const double font = QApplication::font().pointSizeF();
        const double tick = plot->xAxis->tickLabelFont().pointSizeF();
        const double label = plot->xAxis->labelFont().pointSizeF();
        const double line = plot->graph(plot->graphCount() - 1)->pen().widthF();
        const double canvasZoom = w.canvas()->transform().m11();
        auto* explanation = experiment->findChild<QLabel*>(QStringLiteral("experimentExplanation"));
        const double explanationFont = explanation->font().pointSizeF();
        const Qt::WindowStates state = w.windowState();
        QVERIFY(font > 0 && tick > 0);
        QVERIFY(docked(w, "paletteDock"));
        QVERIFY(docked(w, "propertiesDock") || docked(w, "runsDock"));
        auto* iterations =
            w.dashboard()->form()->findChild<QSpinBox*>(QStringLiteral("iterations"));
        // The experiment's panel belongs to the Training tab.
        QVERIFY(!experiment->isVisible());
        w.showTab(1);
        QVERIFY(experiment->isVisible());

        QTest::keyClick(&w, Qt::Key_F11);
        QCoreApplication::processEvents();  // the font reaches the widgets in posted events
        QVERIFY(w.isPresentation());
        QVERIFY(w.findChild<QAction*>(QStringLiteral("presentation"))->isChecked());
        QVERIFY(w.windowState() & Qt::WindowFullScreen);
        QVERIFY(QApplication::font().pointSizeF() >= 1.5 * font);
        QVERIFY(w.font().pointSizeF() >= 1.5 * font);
        QVERIFY(plot->xAxis->tickLabelFont().pointSizeF() >= 1.5 * tick);
        QVERIFY(plot->xAxis->labelFont().pointSizeF() >= 1.5 * label);
        QVERIFY(plot->graph(plot->graphCount() - 1)->pen().widthF() >= 1.5 * line);
        QVERIFY(w.canvas()->transform().m11() >= 1.5 * canvasZoom - 1e-9);
        // The explanation grows too (it is larger than the rest, and was left at its size).
        QVERIFY(explanation->font().pointSizeF() >= 1.5 * explanationFont - 1e-9);
        // The recipe's small print steps aside for the explanation and the table.
        QVERIFY(!w.experimentPanel()->recipe()->isVisible());
        QVERIFY(!docked(w, "paletteDock"));
        QVERIFY(!docked(w, "propertiesDock"));
        QVERIFY(!docked(w, "issuesDock"));
        QVERIFY(experiment->isVisible());
        QVERIFY(!w.findChild<QLabel*>(QStringLiteral("summary"))->isVisible());
        QVERIFY(w.menuBar()->isVisible());  // the way out stays
        // The experiment's panel in place of the train form, with its own Start.
        QVERIFY(experiment->isVisible());
        QVERIFY(!w.dashboard()->form()->isVisible());
        QVERIFY(
            experiment->findChild<QPushButton*>(QStringLiteral("startExperiment"))->isVisible());
        // Without an experiment, only what a demonstration needs: the form keeps Start / Stop,
        // not the recipe.
        w.closeExperiment();
        QVERIFY(!experiment->isVisible());
        w.showTab(1);
        QVERIFY(docked(w, "runsDock"));
        QVERIFY(!iterations->isVisible());
        QVERIFY(w.dashboard()->form()->findChild<QWidget*>(QStringLiteral("start"))->isVisible());
        // Changing tabs does not bring the builder's docks back.
        w.showTab(0);
        QVERIFY(!docked(w, "paletteDock"));
        QVERIFY(!docked(w, "runsDock"));  // the runs belong beside the training plots
        // A run added while presenting is drawn large too.
        w.dashboard()->plots()->addRun(QStringLiteral("late"), {QStringLiteral("late"), Qt::red});
        QVERIFY(plot->graph(plot->graphCount() - 1)->pen().widthF() >= 1.5 * line);

        QTest::keyClick(&w, Qt::Key_Escape);
        QCoreApplication::processEvents();
        QVERIFY(!w.isPresentation());
        QCOMPARE(w.font().pointSizeF(), font);
        QVERIFY(!w.findChild<QAction*>(QStringLiteral("presentation"))->isChecked());
        QCOMPARE(w.windowState(), state);
        QCOMPARE(QApplication::font().pointSizeF(), font);
        QCOMPARE(explanation->font().pointSizeF(), explanationFont);
        QVERIFY(!w.experimentPanel()->recipe()->isHidden());  // shown with the panel again
        QCOMPARE(plot->xAxis->tickLabelFont().pointSizeF(), tick);
        QCOMPARE(plot->graph(plot->graphCount() - 1)->pen().widthF(), line);
        QVERIFY(qFuzzyCompare(w.canvas()->transform().m11(), canvasZoom));
        QVERIFY(docked(w, "paletteDock"));
        QVERIFY(!experiment->isVisible());  // on the Builder tab
        QVERIFY(w.findChild<QLabel*>(QStringLiteral("summary"))->isVisible());
        w.showTab(1);
        QVERIFY(!experiment->isVisible());  // closed while presenting: stays closed
        QVERIFY(iterations->isVisible());

        // The menu's action does the same, and Esc does nothing when not presenting.
        w.findChild<QAction*>(QStringLiteral("presentation"))->trigger();
        QVERIFY(w.isPresentation());
        w.setPresentation(false);
        QVERIFY(!w.isPresentation());
        QTest::keyClick(&w, Qt::Key_Escape);
        QVERIFY(!w.isPresentation());
    }
};

QTEST_MAIN(TestPresentation)
#include "tst_presentation.moc"
