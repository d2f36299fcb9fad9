#include "dashboard_plots.h"

#include "smoothing.h"
#include "training_plots.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>

namespace rx {

namespace {

class DashboardPlots {
    Q_DECLARE_TR_FUNCTIONS(rx::DashboardPlots)
};

template <typename Plot>
RunPlot* make(QWidget* parent) {
    return new Plot(parent);
}

template <typename Plot>
QCheckBox* checkBox(QWidget* box, const char* name, const QString& text, Plot* plot,
                    void (Plot::*toggled)(bool)) {
    auto* check = new QCheckBox(text, box);
    check->setObjectName(QLatin1String(name));
    QObject::connect(check, &QCheckBox::toggled, plot, toggled);
    return check;
}

QHBoxLayout* row(QWidget* box) {
    auto* layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    return layout;
}

// Log scale and an x axis in epochs.
QWidget* errorControls(RunPlot* plot, QWidget* parent) {
    auto* errors = static_cast<ErrorCurvePlot*>(plot);
    auto* box = new QWidget(parent);
    QHBoxLayout* layout = row(box);
    layout->addWidget(checkBox(box, "logScale", DashboardPlots::tr("log scale"), errors,
                               &ErrorCurvePlot::setLogScale));
    layout->addWidget(checkBox(box, "epochAxis", DashboardPlots::tr("x in epochs"), errors,
                               &ErrorCurvePlot::setEpochAxis));
    layout->addStretch();
    return box;
}

// Sorting, and a slider over the measurements that follows the latest while it is at the end.
QWidget* responseControls(RunPlot* plot, QWidget* parent) {
    auto* responses = static_cast<ResponsePlot*>(plot);
    auto* box = new QWidget(parent);
    auto* slider = new QSlider(Qt::Horizontal, box);
    slider->setObjectName(QStringLiteral("epochSlider"));
    slider->setRange(0, 0);
    auto* label = new QLabel(DashboardPlots::tr("latest"), box);
    QObject::connect(slider, &QSlider::valueChanged, responses, [=](int value) {
        const bool latest = value >= slider->maximum();
        responses->setEpochIndex(latest ? -1 : value);
        label->setText(latest ? DashboardPlots::tr("latest")
                              : DashboardPlots::tr("measurement %1").arg(value + 1));
    });
    QObject::connect(responses, &ResponsePlot::measurementsChanged, slider, [slider](int count) {
        const bool atEnd = slider->value() >= slider->maximum();
        slider->setMaximum(std::max(0, count - 1));
        if (atEnd)
            slider->setValue(slider->maximum());
    });
    QHBoxLayout* layout = row(box);
    layout->addWidget(
        checkBox(box, "sorted", DashboardPlots::tr("sorted"), responses, &ResponsePlot::setSorted));
    layout->addWidget(slider, 1);
    layout->addWidget(label);
    return box;
}

constexpr DashboardPlotInfo kDashboardPlots[] = {
    {QT_TRANSLATE_NOOP("rx::DashboardPlots", "Error (Fig. 6): training dashed, test bold"), 0, 0, 1,
     3, make<ErrorCurvePlot>, errorControls},
    {QT_TRANSLATE_NOOP("rx::DashboardPlots", "Loss and learning rate"), 0, 1, 1, 3,
     make<LossRatePlot>, nullptr},
    {QT_TRANSLATE_NOOP("rx::DashboardPlots",
                       "Layer responses (Fig. 7): std after BN, before addition"),
     1, 0, 1, 3, make<ResponsePlot>, responseControls},
    {QT_TRANSLATE_NOOP("rx::DashboardPlots", "Gradient norms: layers × time"), 1, 1, 1, 3,
     make<GradientHeatmap>, nullptr},
    {QT_TRANSLATE_NOOP("rx::DashboardPlots", "Latest gradient norm per layer"), 2, 0, 2, 2,
     make<GradientLatestPlot>, nullptr},
};

}  // namespace

std::span<const DashboardPlotInfo> dashboardPlots() {
    return kDashboardPlots;
}

QString dashboardPlotTitle(const DashboardPlotInfo& info) {
    return QCoreApplication::translate("rx::DashboardPlots", info.title);
}

QWidget* smoothingControl(std::span<RunPlot* const> plots, QWidget* parent) {
    constexpr int kSteps = 100;  // slider positions per unit of weight: steps of 0.01
    auto* box = new QWidget(parent);
    auto* slider = new QSlider(Qt::Horizontal, box);
    slider->setObjectName(QStringLiteral("smoothing"));
    slider->setRange(0, qRound(kMaxSmoothing * kSteps));
    slider->setToolTip(DashboardPlots::tr(
        "Exponential moving average of the training error and the loss, as in TensorBoard; the "
        "raw values stay faint behind. 0 shows the raw values."));
    auto* value = new QLabel(box);
    value->setObjectName(QStringLiteral("smoothingValue"));
    const QList<RunPlot*> targets(plots.begin(), plots.end());
    QObject::connect(slider, &QSlider::valueChanged, box, [=](int position) {
        const double weight = double(position) / kSteps;
        value->setText(QString::number(weight, 'f', 2));
        for (RunPlot* plot : targets)
            plot->setSmoothing(weight);
    });
    slider->setValue(qRound(kDefaultSmoothing * kSteps));
    auto* label = new QLabel(DashboardPlots::tr("Smoothing"), box);
    label->setBuddy(slider);
    QHBoxLayout* layout = row(box);
    layout->addWidget(label);
    layout->addWidget(slider, 1);
    layout->addWidget(value);
    slider->setMaximumWidth(240);
    layout->addStretch();
    return box;
}

}  // namespace rx
