#include "dashboard_plots.h"

#include "smoothing.h"
#include "training_plots.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>

#include <functional>

namespace rx {

namespace {

class DashboardPlots {
    Q_DECLARE_TR_FUNCTIONS(rx::DashboardPlots)
};

template <typename Plot>
RunPlot* make(QWidget* parent) {
    return new Plot(parent);
}

// A row of controls whose texts its retranslateUi function sets: once it is given, and on
// every language change.
class ControlRow : public QWidget {
public:
    explicit ControlRow(QWidget* parent) : QWidget(parent) {}
    void setRetranslateUi(std::function<void()> retranslateUi) {
        retranslateUi_ = std::move(retranslateUi);
        retranslateUi_();
    }

protected:
    void changeEvent(QEvent* event) override {
        if (event->type() == QEvent::LanguageChange && retranslateUi_)
            retranslateUi_();
        QWidget::changeEvent(event);
    }

private:
    std::function<void()> retranslateUi_;
};

template <typename Plot>
QCheckBox* checkBox(QWidget* box, const char* name, Plot* plot, void (Plot::*toggled)(bool)) {
    auto* check = new QCheckBox(box);
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
    auto* box = new ControlRow(parent);
    QHBoxLayout* layout = row(box);
    QCheckBox* log = checkBox(box, "logScale", errors, &ErrorCurvePlot::setLogScale);
    QCheckBox* epochs = checkBox(box, "epochAxis", errors, &ErrorCurvePlot::setEpochAxis);
    layout->addWidget(log);
    layout->addWidget(epochs);
    layout->addStretch();
    box->setRetranslateUi([=] {
        log->setText(DashboardPlots::tr("log scale"));
        epochs->setText(DashboardPlots::tr("x in epochs"));
    });
    return box;
}

// Sorting, and a slider over the measurements that follows the latest while it is at the end.
QWidget* profileControls(RunPlot* plot, QWidget* parent) {
    auto* responses = static_cast<LayerProfilePlot*>(plot);
    auto* box = new ControlRow(parent);
    auto* slider = new QSlider(Qt::Horizontal, box);
    slider->setObjectName(QStringLiteral("epochSlider"));
    slider->setRange(0, 0);
    auto* label = new QLabel(box);
    auto showPosition = [=] {
        const bool latest = slider->value() >= slider->maximum();
        label->setText(latest ? DashboardPlots::tr("latest")
                              : DashboardPlots::tr("measurement %1").arg(slider->value() + 1));
    };
    QObject::connect(slider, &QSlider::valueChanged, responses, [=](int value) {
        responses->setEpochIndex(value >= slider->maximum() ? -1 : value);
        showPosition();
    });
    QObject::connect(responses, &LayerProfilePlot::measurementsChanged, slider,
                     [slider](int count) {
                         const bool atEnd = slider->value() >= slider->maximum();
                         slider->setMaximum(std::max(0, count - 1));
                         if (atEnd)
                             slider->setValue(slider->maximum());
                     });
    QHBoxLayout* layout = row(box);
    QCheckBox* sorted = checkBox(box, "sorted", responses, &LayerProfilePlot::setSorted);
    layout->addWidget(sorted);
    layout->addWidget(slider, 1);
    layout->addWidget(label);
    box->setRetranslateUi([=] {
        sorted->setText(DashboardPlots::tr("sorted"));
        showPosition();
    });
    return box;
}

constexpr DashboardPlotInfo kDashboardPlots[] = {
    {QT_TRANSLATE_NOOP("rx::DashboardPlots", "Error (Fig. 6): training dashed, test bold"), 0, 0, 1,
     3, make<ErrorCurvePlot>, errorControls},
    {QT_TRANSLATE_NOOP("rx::DashboardPlots", "Loss and learning rate"), 0, 1, 1, 3,
     make<LossRatePlot>, nullptr},
    {QT_TRANSLATE_NOOP("rx::DashboardPlots",
                       "Layer responses (Fig. 7): std after BN, before addition"),
     1, 0, 1, 3, make<ResponsePlot>, profileControls},
    {QT_TRANSLATE_NOOP("rx::DashboardPlots", "Residual ratio ‖F(x)‖ / ‖x‖ per block"), 1, 0, 1, 3,
     make<ResidualRatioPlot>, profileControls},
    {QT_TRANSLATE_NOOP("rx::DashboardPlots", "Gradient norms: layers × time"), 1, 1, 1, 3,
     make<GradientHeatmap>, nullptr},
    {QT_TRANSLATE_NOOP("rx::DashboardPlots", "Latest gradient norm per layer"), 2, 0, 2, 2,
     make<GradientLatestPlot>, nullptr},
    {QT_TRANSLATE_NOOP("rx::DashboardPlots", "Gradient reaching each block's output"), 2, 0, 2, 2,
     make<ActivationGradientPlot>, profileControls},
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
    auto* box = new ControlRow(parent);
    auto* slider = new QSlider(Qt::Horizontal, box);
    slider->setObjectName(QStringLiteral("smoothing"));
    slider->setRange(0, qRound(kMaxSmoothing * kSteps));
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
    auto* label = new QLabel(box);
    label->setBuddy(slider);
    box->setRetranslateUi([=] {
        label->setText(DashboardPlots::tr("Smoothing"));
        slider->setToolTip(DashboardPlots::tr(
            "Exponential moving average of the training error and the loss, as in TensorBoard; "
            "the raw values stay faint behind. 0 shows the raw values."));
    });
    QHBoxLayout* layout = row(box);
    layout->addWidget(label);
    layout->addWidget(slider, 1);
    layout->addWidget(value);
    slider->setMaximumWidth(240);
    layout->addStretch();
    return box;
}

}  // namespace rx
