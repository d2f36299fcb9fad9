// resnet-explorer: the desktop application.
#include "autosave.h"
#include "background.h"
#include "experiments.h"
#include "insights_tab.h"
#include "language.h"
#include "main_window.h"
#include "memory.h"
#include "presets.h"
#include "training_dashboard.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QTimer>

int main(int argc, char** argv) {
    rx::keepTensorMemoryInHeap();   // the trainer thread allocates batch-sized tensors
    rx::keepInterfaceResponsive();  // the threads that train or analyse yield to the interface
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("ResNet Explorer"));
    QApplication::setOrganizationName(QStringLiteral("ResNetExplorer"));
    QApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Build, train and inspect residual networks."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption lang(QStringLiteral("lang"),
                            QStringLiteral("User interface language: ko or en (default: the one "
                                           "chosen in the Language menu, else the system's)."),
                            QStringLiteral("code"));
    parser.addOption(lang);
    // The main window's tabs, in their order.
    const QStringList tabs = {QStringLiteral("builder"), QStringLiteral("training"),
                              QStringLiteral("dataset"), QStringLiteral("predictions"),
                              QStringLiteral("insights")};
    QCommandLineOption tab(QStringLiteral("tab"), QStringLiteral("Open on this tab."),
                           tabs.join(QLatin1Char('|')));
    parser.addOption(tab);
    QCommandLineOption overlay(QStringLiteral("overlay"),
                               QStringLiteral("Tick these runs (folder names, comma-separated) "
                                              "on the training plots."),
                               QStringLiteral("runs"));
    parser.addOption(overlay);
    QCommandLineOption runs(QStringLiteral("runs"),
                            QStringLiteral("The runs folder the Training tab lists, follows and "
                                           "trains into (default: the one last chosen in the "
                                           "Runs dock, else the app's own)."),
                            QStringLiteral("dir"));
    parser.addOption(runs);
    QCommandLineOption start(QStringLiteral("start"),
                             QStringLiteral("Start training the network right away (with the "
                                            "dashboard's default settings)."));
    parser.addOption(start);
    QCommandLineOption presentation(QStringLiteral("presentation"),
                                    QStringLiteral("Start in presentation mode (full screen, "
                                                   "large text; Esc leaves)."));
    parser.addOption(presentation);
    QCommandLineOption experiment(QStringLiteral("experiment"),
                                  QStringLiteral("Show an experiment: its name (see the "
                                                 "Experiments menu) or a folder it ran in."),
                                  QStringLiteral("name|dir"));
    parser.addOption(experiment);
    QStringList insights;
    for (const rx::InsightViewInfo& info : rx::insightViews())
        insights << QLatin1String(info.id);
    QCommandLineOption insight(QStringLiteral("insight"),
                               QStringLiteral("Open the Insights tab on this view."),
                               insights.join(QLatin1Char('|')));
    parser.addOption(insight);
    parser.addPositionalArgument(QStringLiteral("network"),
                                 QStringLiteral("A .resnet.json file or a preset name to open."));
    parser.process(app);

    // --lang for this session only; the Language menu's choice is what is remembered.
    rx::setLanguage(rx::startupLanguage(parser.value(lang)));

    rx::MainWindow window;
    window.startAutosave(rx::Autosave::defaultFolder());
    if (!parser.positionalArguments().isEmpty()) {
        const QString network = parser.positionalArguments().first();
        if (rx::preset(network))
            window.loadPreset(network);
        else
            window.openFile(network);
    }
    if (tabs.indexOf(parser.value(tab)) > 0)
        window.showTab(int(tabs.indexOf(parser.value(tab))));
    if (parser.isSet(insight) && window.insightsTab()->showView(parser.value(insight)))
        window.showTab(int(tabs.indexOf(QStringLiteral("insights"))));
    if (parser.isSet(runs))  // for this session; the Runs dock's choice is what is remembered
        window.dashboard()->setRunsDirectory(QDir(parser.value(runs)).absolutePath());
    if (parser.isSet(overlay))
        window.dashboard()->overlay(
            parser.value(overlay).split(QLatin1Char(','), Qt::SkipEmptyParts));
    if (parser.isSet(experiment)) {
        const QString value = parser.value(experiment);
        if (rx::findExperiment(value))
            window.showExperiment(value);
        else
            window.openExperiment(value);
    }
    if (parser.isSet(presentation))
        window.setPresentation(true);
    else
        window.show();
    // After a crash or a kill: the unsaved network of that instance, if it left one.
    window.offerRestore();
    if (parser.isSet(start)) {
        window.showTab(1);
        QTimer::singleShot(0, window.dashboard(), &rx::TrainingDashboard::start);
    }
    return app.exec();
}
